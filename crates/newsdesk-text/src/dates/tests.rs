use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn parse_date_accepts_common_news_forms() {
    let cases = [
        ("25 December 2023", ymd(2023, 12, 25)),
        ("Dec. 25, 2022", ymd(2022, 12, 25)),
        ("December 25th, 2023", ymd(2023, 12, 25)),
        ("Monday, 18 Nov 2026", ymd(2026, 11, 18)),
        ("2026-11-20", ymd(2026, 11, 20)),
        ("Published: Nov. 19, 2026 10:32 UTC", ymd(2026, 11, 19)),
        ("2026-11-20T08:15:00+02:00", ymd(2026, 11, 20)),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_date(text), Some(expected), "{text}");
    }
}

#[test]
fn parse_date_rejects_sentences_and_impossible_dates() {
    for text in [
        "Putin spoke on Dec. 25, 2022 about the war.",
        "31 February 2023",
        "In 2023",
        "May the talks succeed",
        "",
    ] {
        assert_eq!(parse_date(text), None, "{text}");
    }
}

#[test]
fn find_date_reports_where_the_date_is() {
    let text = "Putin spoke on Dec. 25, 2022 about the war.";
    let found = find_date(text).unwrap();
    assert_eq!(&text[found.span.range()], "Dec. 25, 2022");
    assert_eq!(found.date, ymd(2022, 12, 25));
}

#[test]
fn slashed_dates_are_read_when_their_order_tells_itself() {
    let cases = [
        ("25/12/2023", Some(ymd(2023, 12, 25))),
        ("12/25/2023", Some(ymd(2023, 12, 25))),
        ("2023/12/25", Some(ymd(2023, 12, 25))),
        ("05/05/2023", Some(ymd(2023, 5, 5))),
        ("Updated 12/25/2023 10:32", Some(ymd(2023, 12, 25))),
        // Either the 10th of December or the 12th of October.
        ("12/10/1998", None),
        ("31/02/2023", None),
        ("13/13/2023", None),
        ("1/2/2023/4", None),
        ("3/4", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_date(text), expected, "{text}");
    }
}
