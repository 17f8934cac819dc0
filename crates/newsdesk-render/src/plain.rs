use crate::{attributed, dateline, relay_groups, source_line, timeline_date};
use newsdesk_model::{Story, StorySentence};
use std::fmt::Write;

/// Plain text: the story as a reader would paste it into an e-mail. In
/// brief mode (no sections) it is the sentences alone, for evaluation.
pub fn render(story: &Story) -> String {
    let mut out = String::new();
    let brief = story.sections.is_empty()
        && story.statements.is_empty()
        && story.perspectives.is_empty()
        && story.next.is_empty();
    if brief {
        for sentence in &story.lead {
            let _ = writeln!(out, "{}", sentence.text);
        }
        return out;
    }
    let _ = writeln!(out, "{}\n{}\n", story.headline, dateline(story));
    let opening = story
        .dateline
        .as_deref()
        .map(|d| format!("{d} — "))
        .unwrap_or_default();
    let _ = writeln!(out, "{opening}{}\n", paragraph(story, &story.lead));
    for section in &story.sections {
        let _ = writeln!(
            out,
            "{}\n\n{}\n",
            section.heading.to_uppercase(),
            paragraph(story, &section.sentences)
        );
    }
    if !story.statements.is_empty() {
        out.push_str("STATEMENTS\n\n");
        for s in &story.statements {
            let _ = writeln!(
                out,
                "- {}: “{}” ({})",
                s.speaker,
                s.quote,
                story.outlets_of(&s.sentence).join(", ")
            );
        }
        out.push('\n');
    }
    if !story.perspectives.is_empty() {
        out.push_str("POSITIONS\n\n");
        for p in &story.perspectives {
            let _ = writeln!(
                out,
                "- {}: {}",
                p.actor,
                attributed(&p.position.text, &story.outlets_of(&p.position))
            );
        }
        out.push('\n');
    }
    if !story.next.is_empty() {
        let _ = writeln!(
            out,
            "WHAT COMES NEXT\n\n{}\n",
            paragraph(story, &story.next)
        );
    }
    if !story.timeline.is_empty() {
        out.push_str("TIMELINE\n\n");
        for entry in &story.timeline {
            let _ = writeln!(
                out,
                "- {}: {}",
                timeline_date(entry.date, entry.precision),
                attributed(&entry.sentence.text, &story.outlets_of(&entry.sentence))
            );
        }
        out.push('\n');
    }
    out.push_str("SOURCES\n\n");
    for (n, source) in story.sources.iter().enumerate() {
        let line = source_line(source);
        let (title, date, notes) = (line.title, line.date, line.notes);
        let _ = writeln!(out, "{}. {}{title}, {date}{notes}", n + 1, source.outlet);
    }
    for line in relay_groups(story) {
        let _ = write!(out, "\n{line}\n");
    }
    let _ = write!(out, "\n{}\n", story.note);
    out
}

fn paragraph(story: &Story, sentences: &[StorySentence]) -> String {
    sentences
        .iter()
        .map(|s| attributed(&s.text, &story.outlets_of(s)))
        .collect::<Vec<_>>()
        .join(" ")
}
