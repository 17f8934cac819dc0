use super::*;

#[test]
fn attribution_goes_before_the_final_period() {
    assert_eq!(
        attributed("Talks resumed on Monday.", &["A", "B"]),
        "Talks resumed on Monday (A, B)."
    );
    assert_eq!(attributed("He said: “No.”", &["A"]), "He said: “No.” (A)");
    assert_eq!(attributed("Ships waited!", &["A"]), "Ships waited! (A)");
    assert_eq!(attributed("Nothing to credit.", &[]), "Nothing to credit.");
}

#[test]
fn formats_parse_by_name() {
    assert_eq!("md".parse(), Ok(Format::Markdown));
    assert_eq!("json".parse(), Ok(Format::Json));
    assert_eq!("pdf".parse::<Format>(), Err(UnknownFormat("pdf".into())));
}

#[test]
fn markup_in_source_text_is_escaped() {
    assert_eq!(
        markdown::escape("a *b* [c](d) <e>"),
        "a \\*b\\* \\[c\\](d) \\<e\\>"
    );
    assert_eq!(
        html::escape("<script>alert('x')</script> & \""),
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"
    );
}

#[test]
fn join_and_reads_as_english() {
    assert_eq!(join_and(&["A"]), "A");
    assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
}

#[test]
fn timeline_dates_read_as_precisely_as_they_are_known() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let cases = [
        (date(2026, 11, 16), DatePrecision::Day, "November 16, 2026"),
        (
            date(2026, 11, 9),
            DatePrecision::Week,
            "Week of November 9, 2026",
        ),
        (date(2025, 10, 1), DatePrecision::Month, "October 2025"),
        (date(2022, 9, 1), DatePrecision::Season, "Fall 2022"),
        (date(2022, 12, 1), DatePrecision::Season, "Winter 2022"),
        (date(2019, 1, 1), DatePrecision::Year, "2019"),
    ];
    for (day, precision, expected) in cases {
        assert_eq!(timeline_date(day, precision), expected);
    }
}
