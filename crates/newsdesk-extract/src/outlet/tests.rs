use super::*;

#[test]
fn bios_name_the_outlet() {
    assert_eq!(
        outlet_from_bio("Dana Whitlock is a reporter at the Harbour Gazette covering labour.")
            .as_deref(),
        Some("Harbour Gazette")
    );
    assert_eq!(
        outlet_from_bio("Sam Ode is a senior correspondent for The Daily Example.").as_deref(),
        Some("The Daily Example")
    );
    assert_eq!(
        outlet_from_bio("The reporter at the scene said nothing."),
        None
    );
}

#[test]
fn bylines_give_authors_and_outlet() {
    let byline = |authors: &[&str], outlet: Option<&str>, date: Option<(i32, u32, u32)>| {
        Some(Byline {
            authors: authors.iter().map(|a| a.to_string()).collect(),
            outlet: outlet.map(str::to_string),
            date: date.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
        })
    };
    assert_eq!(
        byline_parts("By Jane Doe, Daily Example"),
        byline(&["Jane Doe"], Some("Daily Example"), None)
    );
    assert_eq!(
        byline_parts("Written by Ann Lee and Bo Kim"),
        byline(&["Ann Lee", "Bo Kim"], None, None)
    );
    assert_eq!(
        byline_parts("By Jane Doe, Coastal Ledger, March 3, 2024"),
        byline(&["Jane Doe"], Some("Coastal Ledger"), Some((2024, 3, 3)))
    );
    assert_eq!(
        byline_parts("By Jane Doe — November 18, 2019"),
        byline(&["Jane Doe"], None, Some((2019, 11, 18)))
    );
    assert_eq!(
        byline_parts("By Jane Doe | 18 November 2019 | Daily Example"),
        byline(&["Jane Doe"], Some("Daily Example"), Some((2019, 11, 18)))
    );
    assert_eq!(
        byline_parts("By the time the talks ended, nothing had been agreed and both sides left."),
        None
    );
}

#[test]
fn fine_print_names_the_outlet() {
    assert_eq!(
        outlet_from_fine_print("This site uses cookies from Example Media to analyse traffic.")
            .as_deref(),
        Some("Example Media")
    );
    assert_eq!(
        outlet_from_fine_print("© 2026 The Coastal Echo. All rights reserved.").as_deref(),
        Some("The Coastal Echo")
    );
    assert_eq!(outlet_from_fine_print("Nothing here"), None);
}

#[test]
fn file_stems_and_titles() {
    assert_eq!(
        outlet_from_file_stem("port-city-tribune"),
        "Port City Tribune"
    );
    assert_eq!(outlet_from_file_stem("001"), "001");
    assert_eq!(outlet_from_file_stem("007_a1b2c3"), "007_a1b2c3");
    assert_eq!(
        outlet_from_title_suffix("Strike goes on | Baylight News").as_deref(),
        Some("Baylight News")
    );
    assert_eq!(outlet_from_title_suffix("No separator here"), None);
}
