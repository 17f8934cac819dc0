use crate::{attributed, dateline, relay_groups, source_line, timeline_date};
use newsdesk_model::{Story, StorySentence};
use std::fmt::Write;

pub fn render(story: &Story) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&story.headline));
    let _ = writeln!(out, "*{}*\n", escape(&dateline(story)));
    if !story.lead.is_empty() {
        // The dateline opens the lead, as in a newspaper.
        let opening = story
            .dateline
            .as_deref()
            .map(|d| format!("**{}** — ", escape(d)))
            .unwrap_or_default();
        let _ = writeln!(out, "{opening}{}\n", paragraph(story, &story.lead));
    }
    for section in &story.sections {
        let _ = writeln!(out, "## {}\n", escape(&section.heading));
        let _ = writeln!(out, "{}\n", paragraph(story, &section.sentences));
    }
    if !story.statements.is_empty() {
        out.push_str("## Statements\n\n");
        for statement in &story.statements {
            let outlets = story.outlets_of(&statement.sentence).join(", ");
            let _ = writeln!(
                out,
                "- **{}**: “{}” ({})",
                escape(&statement.speaker),
                escape(&statement.quote),
                escape(&outlets)
            );
        }
        out.push('\n');
    }
    if !story.perspectives.is_empty() {
        out.push_str("## Positions\n\n| Actor | Position | Reported by |\n| --- | --- | --- |\n");
        for p in &story.perspectives {
            let outlets = story.outlets_of(&p.position).join(", ");
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                escape(&p.actor),
                escape(&p.position.text),
                escape(&outlets)
            );
        }
        out.push('\n');
    }
    if !story.next.is_empty() {
        out.push_str("## What comes next\n\n");
        let _ = writeln!(out, "{}\n", paragraph(story, &story.next));
    }
    if !story.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        for entry in &story.timeline {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                escape(&timeline_date(entry.date, entry.precision)),
                escape(&attributed(
                    &entry.sentence.text,
                    &story.outlets_of(&entry.sentence)
                ))
            );
        }
        out.push('\n');
    }
    out.push_str("## Sources\n\n");
    for (n, source) in story.sources.iter().enumerate() {
        let line = source_line(source);
        let (title, date, notes) = (escape(&line.title), escape(&line.date), escape(&line.notes));
        let _ = writeln!(
            out,
            "{}. **{}**{title}, {date}{notes} `[{}]`",
            n + 1,
            escape(&source.outlet),
            source.id
        );
    }
    for line in relay_groups(story) {
        let _ = write!(out, "\n{}\n", escape(&line));
    }
    // The note is ours, not source text: printed as written.
    let _ = write!(out, "\n---\n\n*{}*\n", story.note);
    out
}

fn paragraph(story: &Story, sentences: &[StorySentence]) -> String {
    sentences
        .iter()
        .map(|s| escape(&attributed(&s.text, &story.outlets_of(s))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escapes what Markdown would read as markup; source text is never markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
