use super::clean;

/// A headline built from `lead`, its names those the layer finds in it.
fn from_lead(lead: &str) -> String {
    let analysis = newsdesk_language::analyse(lead, &[], &Default::default());
    let names: Vec<&str> = analysis
        .mentions
        .iter()
        .map(|m| &lead[m.title.map_or(m.span.start, |t| t.start)..m.span.end])
        .collect();
    super::from_lead(lead, &names)
}

#[test]
fn outlet_prefixes_and_suffixes_are_cleaned() {
    assert_eq!(
        clean("NYT: Ferry crews walk out over rosters | The Gazette"),
        "Ferry crews walk out over rosters"
    );
    assert_eq!(
        clean("Ferry crews walk out over rosters — Harbour Gazette"),
        "Ferry crews walk out over rosters"
    );
}

#[test]
fn a_short_lead_is_the_headline_without_its_stop_or_attribution() {
    assert_eq!(
        from_lead("Ferry crews on the northern routes stopped work, the union said."),
        "Ferry crews on the northern routes stopped work"
    );
}

#[test]
fn a_long_lead_is_cut_at_a_clause_boundary() {
    assert_eq!(
        from_lead("Ferry crews on the northern routes stopped work on Thursday, two days after talks over new rosters with the operator failed in the capital."),
        // The weekday goes too, as in a brief.
        "Ferry crews on the northern routes stopped work"
    );
}

#[test]
fn a_long_lead_without_a_boundary_ends_with_an_ellipsis() {
    let headline = from_lead("Ferry crews on the northern and southern routes of the harbour stopped work on Thursday after talks over new rosters with the operator failed again.");
    assert_eq!(
        headline,
        "Ferry crews on the northern and southern routes of the harbour stopped work after talks…"
    );
}

#[test]
fn a_lead_that_opens_with_a_subordinate_clause_gives_its_main_clause() {
    assert_eq!(
        from_lead("By the time the storm reaches the coast, the ferry crews will have moored every boat in the harbour."),
        "The ferry crews will have moored every boat in the harbour"
    );
    assert_eq!(
        from_lead("Working from the shuttle Discovery, four veteran astronauts will make three spacewalks."),
        "Four veteran astronauts will make three spacewalks"
    );
    // Too little after the comma: the sentence is kept whole.
    assert_eq!(
        from_lead("When the talks failed, crews walked out."),
        "When the talks failed, crews walked out"
    );
}

#[test]
fn a_cut_never_leaves_a_joining_word_or_an_open_aside() {
    assert_eq!(
        from_lead("The crews will stay ashore and will then, according to the union, vote on the operator's final offer next month."),
        "The crews will stay ashore and will then, according to the union, vote on the operator's…"
    );
}

#[test]
fn an_aside_after_the_subject_is_left_out() {
    assert_eq!(
        from_lead("Mara Holt, the union's branch secretary who led the walkout, said the crews would stay out until spring."),
        "Mara Holt said the crews would stay out until spring"
    );
    assert_eq!(
        from_lead("A strike as long as the dockworkers' walkout, which idled the port for weeks, changes a town."),
        "A strike as long as the dockworkers' walkout changes a town"
    );
}

#[test]
fn a_long_lead_is_cut_before_what_was_said_and_never_inside_a_name() {
    assert_eq!(
        from_lead("U.S. House prosecutor Bill McCollum told senators in President Bill Clinton's impeachment trial that former White House intern Monica Lewinsky's testimony establishes that Clinton sought to obstruct justice."),
        "U.S. House prosecutor Bill McCollum told senators in President Bill Clinton's impeachment trial"
    );
    assert_eq!(
        from_lead("Ferry crews on the northern and southern routes stopped work after talks with the Valmora Port Authority Labour Relations Board failed again."),
        "Ferry crews on the northern and southern routes stopped work after talks…"
    );
}

#[test]
fn only_names_given_hold_the_cut_back() {
    // Without names to keep whole, a long lead is cut at its word limit.
    assert_eq!(
        super::from_lead(
            "Ferry crews on the northern and southern routes stopped work after talks with the Valmora Port Authority Labour Relations Board failed again.",
            &[],
        ),
        "Ferry crews on the northern and southern routes stopped work after talks with the Valmora Port…"
    );
    // Given as a name (a mention, or a name an edit put in), it is kept whole.
    assert_eq!(
        super::from_lead(
            "Ferry crews on the northern and southern routes stopped work after talks with the Valmora Port Authority Labour Relations Board failed again.",
            &["Valmora Port Authority Labour Relations Board"],
        ),
        "Ferry crews on the northern and southern routes stopped work after talks…"
    );
}
