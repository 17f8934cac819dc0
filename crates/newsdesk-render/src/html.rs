use crate::{dateline, relay_groups, source_line, timeline_date};
use newsdesk_model::{Story, StorySentence};
use std::fmt::Write;

const STYLE: &str = "body{font:18px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fdfdfb}\
h1{font-size:2rem;line-height:1.2}h2{font-size:1.25rem;margin-top:2rem}.meta,.note{color:#555;font-size:.9rem}\
.cite{font-size:.85em;color:#555}.dateline{font-weight:bold}\
.timeline time{font-weight:bold}.cite a{color:#0b5cab}table{border-collapse:collapse;font-size:.95rem}\
td,th{border-top:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left}\
@media (prefers-color-scheme:dark){body{background:#141414;color:#e8e8e8}.meta,.note,.cite{color:#aaa}.cite a{color:#7fb6ff}}";

/// A standalone page: no scripts, no external resources. Every attribution
/// links to its source in the list and carries the cited passage as its title.
pub fn render(story: &Story) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n",
        escape(&story.headline),
        escape(&story.headline),
        escape(&dateline(story))
    );
    if !story.lead.is_empty() {
        let opening = story
            .dateline
            .as_deref()
            .map(|d| format!("<span class=\"dateline\">{}</span> — ", escape(d)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p class=\"lead\">{opening}<strong>{}</strong></p>",
            paragraph(story, &story.lead)
        );
    }
    for section in &story.sections {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<p>{}</p>",
            escape(&section.heading),
            paragraph(story, &section.sentences)
        );
    }
    if !story.statements.is_empty() {
        out.push_str("<h2>Statements</h2>\n<ul>\n");
        for s in &story.statements {
            let _ = writeln!(
                out,
                "<li><strong>{}</strong>: “{}” {}</li>",
                escape(&s.speaker),
                escape(&s.quote),
                credit(story, &s.sentence)
            );
        }
        out.push_str("</ul>\n");
    }
    if !story.perspectives.is_empty() {
        out.push_str("<h2>Positions</h2>\n<table>\n<thead><tr><th>Actor</th><th>Position</th></tr></thead>\n<tbody>\n");
        for p in &story.perspectives {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{} {}</td></tr>",
                escape(&p.actor),
                escape(&p.position.text),
                credit(story, &p.position)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if !story.next.is_empty() {
        let _ = writeln!(
            out,
            "<h2>What comes next</h2>\n<p>{}</p>",
            paragraph(story, &story.next)
        );
    }
    if !story.timeline.is_empty() {
        out.push_str("<h2>Timeline</h2>\n<ul class=\"timeline\">\n");
        for entry in &story.timeline {
            let _ = writeln!(
                out,
                "<li><time datetime=\"{}\">{}</time>: {} {}</li>",
                entry.date,
                escape(&timeline_date(entry.date, entry.precision)),
                escape(&entry.sentence.text),
                credit(story, &entry.sentence)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for source in &story.sources {
        let line = source_line(source);
        let (title, date, notes) = (escape(&line.title), escape(&line.date), escape(&line.notes));
        let link = match source
            .url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            Some(url) => format!(
                " <a href=\"{}\" rel=\"noopener noreferrer\">original</a>",
                escape(url)
            ),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "<li id=\"src-{}\"><strong>{}</strong>{title}, {}{notes}{link}</li>",
            escape(&source.id),
            escape(&source.outlet),
            date
        );
    }
    out.push_str("</ol>\n");
    for line in relay_groups(story) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&line));
    }
    let _ = write!(
        out,
        "<hr>\n<p class=\"note\">{}</p>\n</article>\n</body>\n</html>\n",
        escape(&story.note)
    );
    out
}

fn paragraph(story: &Story, sentences: &[StorySentence]) -> String {
    sentences
        .iter()
        .map(|s| format!("{} {}", escape(&s.text), credit(story, s)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "(Outlet A, Outlet B)" where each outlet links to its source entry and
/// shows the passage it supports on hover.
fn credit(story: &Story, sentence: &StorySentence) -> String {
    let mut links: Vec<String> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for citation in &sentence.citations {
        let Some(source) = story.source(&citation.source) else {
            continue;
        };
        if seen.contains(&source.outlet.as_str()) {
            continue;
        }
        seen.push(&source.outlet);
        let passage = source.text.get(citation.start..citation.end).unwrap_or("");
        links.push(format!(
            "<a href=\"#src-{}\" title=\"{}\">{}</a>",
            escape(&source.id),
            escape(passage),
            escape(&source.outlet)
        ));
    }
    format!("<span class=\"cite\">({})</span>", links.join(", "))
}

/// Escapes text for HTML content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
