use super::dateline_length;

fn check(text: &str, rest: Option<&str>) {
    assert_eq!(dateline_length(text).map(|n| &text[n..]), rest, "{text:?}");
}

#[test]
fn wire_datelines_are_found() {
    check(
        "WASHINGTON (AP) -- The court ruled.",
        Some("The court ruled."),
    );
    check(
        "MANILA, Philippines (AP) _ A typhoon hit.",
        Some("A typhoon hit."),
    );
    check(
        "WUHAN, July 31 (Xinhua) -- Floods rose.",
        Some("Floods rose."),
    );
    check("KYIV (Reuters) — Talks stalled.", Some("Talks stalled."));
}

#[test]
fn ordinary_sentences_are_not_datelines() {
    check("The NATO (alliance) chief spoke - briefly.", None);
    check("Putin (pictured) - said nothing.", None);
    check("WASHINGTON is quiet (for now) - officials said.", None);
    check("No dateline here.", None);
}
