use super::*;

/// Unwraps `text` and compares the resulting lines with `expected`.
fn check(text: &str, expected: &[&str]) {
    let lines: Vec<String> = unwrap(text).into_iter().map(|l| l.text).collect();
    assert_eq!(lines, expected, "unwrapping:\n{text}");
}

const WRAPPED: &str = "\
Harbor cranes stand idle as strike enters third week

   VALMORA — Dockworkers at the port of Valmora extended their strike
into a third week on Monday, leaving hundreds of containers stranded
on the quays and idling the cranes that normally unload ships around
the clock.
   Union leaders said the walkout would continue until the port
authority agreed to restore the night-shift premium it cut last year.
";

#[test]
fn wrapped_paragraphs_are_joined_and_indented_lines_start_new_ones() {
    check(
        WRAPPED,
        &[
            "Harbor cranes stand idle as strike enters third week",
            "VALMORA — Dockworkers at the port of Valmora extended their strike into a third week \
             on Monday, leaving hundreds of containers stranded on the quays and idling the cranes \
             that normally unload ships around the clock.",
            "Union leaders said the walkout would continue until the port authority agreed to \
             restore the night-shift premium it cut last year.",
        ],
    );
}

#[test]
fn a_joined_paragraph_keeps_the_number_of_its_first_line() {
    let lines = unwrap(WRAPPED);
    assert_eq!(
        lines.iter().map(|l| l.number).collect::<Vec<_>>(),
        vec![1, 3, 7]
    );
}

#[test]
fn paragraphs_separated_by_blank_lines_and_short_last_lines_stay_apart() {
    check(
        "The council voted on Tuesday to close the old bridge to lorries from\n\
         next month, citing cracks found in its piers.\n\
         It will stay open to cars.\n\
         Engineers will return in the spring to decide whether the bridge can\n\
         be repaired or must be replaced, the council said in a statement.\n",
        &[
            "The council voted on Tuesday to close the old bridge to lorries from next month, \
             citing cracks found in its piers.",
            "It will stay open to cars.",
            "Engineers will return in the spring to decide whether the bridge can be repaired \
             or must be replaced, the council said in a statement.",
        ],
    );
}

#[test]
fn text_with_a_paragraph_per_line_is_left_alone() {
    let long = "Russian President Vladimir Putin has reportedly expressed his openness to peace \
                talks with Ukraine multiple times since the early weeks of the invasion.";
    let text = format!("A headline\n{long}\n{long} Again.\nSee also: another story\n");
    check(
        &text,
        &[
            "A headline",
            long,
            &format!("{long} Again."),
            "See also: another story",
        ],
    );
}

#[test]
fn short_paragraphs_one_per_line_are_left_alone() {
    // Web copy in one-sentence paragraphs, no blank lines between them.
    let text = "\
The council voted on Tuesday to close the old bridge to lorries.
Engineers found cracks in two of its piers during a routine inspection last month.
Cars and buses may still cross.
The bridge, built in 1896, carries about 12,000 vehicles a day, the council said.
A decision on repairs is expected in the spring.
Local businesses said the closure would add an hour to some deliveries.
";
    check(text, &text.lines().collect::<Vec<_>>());
}

#[test]
fn lists_and_short_lines_are_never_joined() {
    let headlines = "Markets rally as inflation cools for a third month in a row\n\
                     Storm warning issued for the northern coast tonight\n\
                     Council approves new budget after a long debate\n\
                     Local team wins the regional championship final\n\
                     Museum reopens its east wing after a two-year refit\n";
    check(headlines, &headlines.lines().collect::<Vec<_>>());
    check(
        "The union listed three demands before talks could resume next week:\n\
         - restore the night-shift premium cut last year by the port authority\n\
         - hire forty more crane operators before the summer season begins\n\
         - stop the use of contract crews on the container terminal's berths\n",
        &[
            "The union listed three demands before talks could resume next week:",
            "- restore the night-shift premium cut last year by the port authority",
            "- hire forty more crane operators before the summer season begins",
            "- stop the use of contract crews on the container terminal's berths",
        ],
    );
}

#[test]
fn a_word_hyphenated_at_the_line_end_is_joined_without_a_space() {
    check(
        "The ministry said the agreement, reached after weeks of back-and-\n\
         forth between the two delegations, would be signed in the capital\n\
         on Friday by both foreign ministers and their deputies at noon.\n",
        &[
            "The ministry said the agreement, reached after weeks of back-and-forth between the \
           two delegations, would be signed in the capital on Friday by both foreign ministers \
           and their deputies at noon.",
        ],
    );
}

#[test]
fn windows_line_ends_and_trailing_spaces_do_not_change_the_result() {
    let crlf = WRAPPED.replace('\n', "  \r\n");
    assert_eq!(unwrap(&crlf), unwrap(WRAPPED));
}

#[test]
fn empty_and_blank_input_give_no_lines() {
    check("", &[]);
    check("\n \n\t\n", &[]);
}
