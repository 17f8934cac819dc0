//! The HTML pages. maud escapes every spliced value; nothing from a source
//! is ever wrapped in `PreEscaped`.

use crate::links::{safe_href, Links};
use crate::view::{attribution, evidence, FrontPage, StoryView, VersionChange, MAX_QUERY_CHARS};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use maud::{html, Markup, DOCTYPE};
use newsdesk_model::{DatePrecision, Edit, Story, StorySentence};
use newsdesk_store::{Feed, StoryId};
use std::cell::RefCell;

/// The policy sent as a header by the server and repeated in each page
/// for static hosts that send none. Scripts and styles come only from the
/// site itself, never inline.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'";

pub const SITE_NAME: &str = "newsdesk";

fn layout(title: &str, links: &Links, main: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="referrer" content="no-referrer";
                meta name="color-scheme" content="light dark";
                title { (title) " · " (SITE_NAME) }
                link rel="stylesheet" href=(links.asset("site.css"));
                link rel="alternate" type="application/atom+xml" title="newsdesk stories" href=(links.feed());
                script src=(links.asset("site.js")) defer {}
            }
            body {
                a.skip href="#main" { "Skip to the content" }
                header.masthead {
                    a.brand href=(links.home()) { (SITE_NAME) }
                    nav aria-label="Site" {
                        a href=(links.home()) { "Stories" }
                        a href=(links.sources()) { "Sources" }
                        a href=(links.feed()) { "Atom feed" }
                    }
                }
                main #main tabindex="-1" { (main) }
                footer.colophon {
                    p { "Every sentence links to the source text it was taken from." }
                }
            }
        }
    }
}

fn timestamp(at: DateTime<Utc>) -> Markup {
    html! {
        time datetime=(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)) {
            (at.format("%-d %b %Y, %H:%M UTC"))
        }
    }
}

fn day(date: NaiveDate) -> Markup {
    html! { time datetime=(date.to_string()) { (date.format("%-d %B %Y")) } }
}

pub fn front_page(front: &FrontPage, links: &Links) -> Markup {
    let title = match &front.query {
        Some(query) => format!("Stories matching “{query}”"),
        None => "Current stories".to_string(),
    };
    let main = html! {
        h1 { (title) }
        @if !links.is_exported() {
            form.search role="search" action=(links.home()) method="get" {
                label for="q" { "Search stories" }
                div.search-row {
                    input #q type="search" name="q" value=[front.query.as_deref()]
                        maxlength=(MAX_QUERY_CHARS) autocomplete="off";
                    button type="submit" { "Search" }
                }
            }
        }
        @if front.cards.is_empty() {
            p.empty {
                @if front.query.is_some() { "No story matches this search." }
                @else if front.page > 1 { "There are no stories on this page." }
                @else { "No stories yet: they appear here once feeds are scanned." }
            }
        } @else {
            ol.stories {
                @for card in &front.cards {
                    li.card {
                        article {
                            h2 { a href=(links.story(card.id)) { (card.headline) } }
                            p.lead { (card.lead) }
                            p.meta {
                                (plural(card.outlets, "outlet")) " · "
                                (plural(card.articles as usize, "article")) " · updated "
                                (timestamp(card.updated_at))
                            }
                        }
                    }
                }
            }
        }
        @if front.page > 1 || front.has_next {
            nav.pagination aria-label="Pages" {
                @if front.page > 1 {
                    a rel="prev" href=(links.front_page(front.page - 1, front.query.as_deref())) { "← Newer stories" }
                }
                span { "Page " (front.page) }
                @if front.has_next {
                    a rel="next" href=(links.front_page(front.page + 1, front.query.as_deref())) { "Older stories →" }
                }
            }
        }
    };
    layout(&title, links, main)
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// Collects the sentences printed on a page so each gets an evidence panel.
struct Citations<'a> {
    story: &'a Story,
    cited: RefCell<Vec<&'a StorySentence>>,
}

impl<'a> Citations<'a> {
    fn sentence(&self, sentence: &'a StorySentence) -> Markup {
        let mut cited = self.cited.borrow_mut();
        cited.push(sentence);
        let number = cited.len();
        html! {
            span.sentence {
                (sentence.text)
                " "
                a.cite #{"cite-" (number)} href={"#ev-" (number)} aria-controls={"ev-" (number)} {
                    span.visually-hidden { "Source: " }
                    (attribution(self.story, sentence))
                }
            }
            " "
        }
    }

    fn panels(&self) -> Markup {
        let cited = self.cited.borrow();
        html! {
            div.evidence-panels {
                @for (index, sentence) in cited.iter().enumerate() {
                    (self.panel(index + 1, sentence))
                }
            }
        }
    }

    fn panel(&self, number: usize, sentence: &StorySentence) -> Markup {
        let items = evidence(self.story, sentence);
        html! {
            section.evidence #{"ev-" (number)} role="region" tabindex="-1"
                aria-labelledby={"ev-" (number) "-title"} {
                div.evidence-head {
                    h2 #{"ev-" (number) "-title"} { "Where this sentence comes from" }
                    a.close href={"#cite-" (number)} { "Close" }
                }
                // The printed words, when they differ from the source's (an edit).
                @if items.first().and_then(|item| item.quote).map(squash) != Some(squash(&sentence.text)) {
                    p.printed { "Printed: " q { (sentence.text) } }
                }
                @for item in &items {
                    figure.quote {
                        figcaption {
                            strong.outlet { (item.outlet) }
                            @if item.printed { " · the text printed" } @else { " · also reports this" }
                        }
                        @match item.quote {
                            Some(quote) => blockquote { (quote) },
                            None => p.damaged { "The cited range is not in this source's text." },
                        }
                        p.original {
                            @if let Some(title) = item.title { cite { (title) } " · " }
                            @match item.url.map(|url| (url, safe_href(url))) {
                                Some((_, Some(href))) => a href=(href) rel="noopener noreferrer" { "Read the original" },
                                Some((url, None)) => span.url { "Address given: " code { (url) } },
                                None => span { "No address known for this source." },
                            }
                        }
                    }
                }
                @if !sentence.edits.is_empty() {
                    ul.edits {
                        @for edit in &sentence.edits { li { (describe_edit(edit)) } }
                    }
                }
            }
        }
    }
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn describe_edit(edit: &Edit) -> String {
    match edit {
        Edit::DroppedOpener { removed } => format!("The opening “{removed}” was left out."),
        Edit::DroppedDateline { removed } => format!("The wire dateline “{removed}” was left out."),
        Edit::ResolvedPronoun { pronoun, name } => {
            format!("“{pronoun}” was replaced by the name it stands for, {name}.")
        }
        Edit::Trimmed { removed } => format!("The words “{}” were left out.", removed.trim()),
        Edit::NamedInFull { surname, name } => {
            format!("“{surname}” was given in full, {name}, as the article names the person.")
        }
    }
}

fn timeline_date(date: NaiveDate, precision: DatePrecision) -> Markup {
    let label = match precision {
        DatePrecision::Day => date.format("%-d %B %Y").to_string(),
        DatePrecision::Week => format!("Week of {}", date.format("%-d %B %Y")),
        DatePrecision::Month => date.format("%B %Y").to_string(),
        DatePrecision::Season => {
            let season = match date.month() {
                3..=5 => "Spring",
                6..=8 => "Summer",
                9..=11 => "Autumn",
                _ => "Winter",
            };
            format!("{season} {}", date.year())
        }
        DatePrecision::Year => date.year().to_string(),
    };
    html! { time datetime=(date.to_string()) { (label) } }
}

pub fn story_page(view: &StoryView, links: &Links) -> Markup {
    let story = &view.story;
    let cite = Citations {
        story,
        cited: RefCell::new(Vec::new()),
    };
    let article = html! {
        article.story {
            header.story-head {
                h1 { (story.headline) }
                p.meta {
                    @if let Some(dateline) = &story.dateline { span.dateline { (dateline) } " · " }
                    "Updated " (timestamp(view.updated_at))
                    " · version " (view.version)
                    " · " (plural(crate::view::outlet_count(&story.sources), "outlet"))
                }
            }
            @if !story.lead.is_empty() {
                p.lead { @for sentence in &story.lead { (cite.sentence(sentence)) } }
            }
            @for section in &story.sections {
                section.part {
                    @if !section.heading.is_empty() { h2 { (section.heading) } }
                    p { @for sentence in &section.sentences { (cite.sentence(sentence)) } }
                }
            }
            @if !story.statements.is_empty() {
                section.part {
                    h2 { "What they said" }
                    ul.statements {
                        @for statement in &story.statements {
                            li { strong { (statement.speaker) } ": " (cite.sentence(&statement.sentence)) }
                        }
                    }
                }
            }
            @if !story.perspectives.is_empty() {
                section.part {
                    h2 { "Perspectives" }
                    div.table-wrap {
                        table.perspectives {
                            thead { tr { th scope="col" { "Who" } th scope="col" { "Position" } } }
                            tbody {
                                @for perspective in &story.perspectives {
                                    tr {
                                        th scope="row" { (perspective.actor) }
                                        td { (cite.sentence(&perspective.position)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !story.next.is_empty() {
                section.part {
                    h2 { "What comes next" }
                    p { @for sentence in &story.next { (cite.sentence(sentence)) } }
                }
            }
            @if !story.timeline.is_empty() {
                section.part {
                    h2 { "Timeline" }
                    ol.timeline {
                        @for entry in &story.timeline {
                            li {
                                (timeline_date(entry.date, entry.precision))
                                div { (cite.sentence(&entry.sentence)) }
                            }
                        }
                    }
                }
            }
            section.part #sources {
                h2 { "Sources" }
                ol.sources {
                    @for source in &story.sources {
                        li #{"source-" (source.id)} {
                            strong { (source.outlet) }
                            @if let Some(title) = &source.title {
                                " · "
                                @match source.url.as_deref().and_then(safe_href) {
                                    Some(href) => a href=(href) rel="noopener noreferrer" { (title) },
                                    None => cite { (title) },
                                }
                            }
                            @if let Some(date) = source.date.or(source.estimated_date) { " · " (day(date)) }
                            @if source.role == newsdesk_model::SourceRole::Background { " · " span.tag { "background" } }
                            @if let Some(relays) = &source.relays { " · relays " (relays) }
                        }
                    }
                }
            }
            section.part #history {
                h2 { "Version history" }
                div.table-wrap {
                    table.history {
                        thead { tr { th scope="col" { "Version" } th scope="col" { "When" } th scope="col" { "Articles" } th scope="col" { "What changed" } } }
                        tbody {
                            @for change in &view.history {
                                tr {
                                    th scope="row" { (change.version) }
                                    td { (timestamp(change.at)) }
                                    td { (change.articles) }
                                    td { (describe_change(change)) }
                                }
                            }
                        }
                    }
                }
            }
            @if !story.note.is_empty() {
                p.note { (story.note) }
            }
            p.formats { a href=(links.api_story(view.id)) { "This story as JSON, with every sentence's sources" } }
        }
    };
    let main = html! {
        (article)
        (cite.panels())
    };
    layout(&story.headline, links, main)
}

fn describe_change(change: &VersionChange) -> String {
    if change.version == 1 {
        return format!(
            "First written, from {}.",
            plural(change.articles as usize, "article")
        );
    }
    let mut parts = Vec::new();
    if !change.new_outlets.is_empty() {
        parts.push(format!(
            "New reporting from {}",
            change.new_outlets.join(", ")
        ));
    }
    if change.headline_changed {
        parts.push(format!("headline now “{}”", change.headline));
    }
    parts.push(format!(
        "{} added, {} removed",
        plural(change.sentences_added, "sentence"),
        change.sentences_removed
    ));
    let mut text = parts.join("; ");
    text.push('.');
    text
}

pub fn sources_page(feeds: &[Feed], links: &Links) -> Markup {
    let main = html! {
        h1 { "Sources" }
        p { "Every watched feed, with the outcome of its last fetch." }
        @if feeds.is_empty() {
            p.empty { "No feeds yet. Add some with " code { "newsdesk feeds add" } "." }
        } @else {
            div.table-wrap {
                table.feeds {
                    thead { tr {
                        th scope="col" { "Feed" } th scope="col" { "Last fetch" }
                        th scope="col" { "Status" } th scope="col" { "Last error" } th scope="col" { "Articles" }
                    } }
                    tbody {
                        @for feed in feeds {
                            tr.{ @if feed.last_error.is_some() { "failing" } @else { "healthy" } } {
                                th scope="row" {
                                    @if let Some(title) = &feed.title { (title) br; }
                                    @match safe_href(&feed.url) {
                                        Some(href) => a.url href=(href) rel="noopener noreferrer" { (feed.url) },
                                        None => code.url { (feed.url) },
                                    }
                                }
                                td data-label="Last fetch" { @match feed.last_fetched_at { Some(at) => (timestamp(at)), None => "never" } }
                                td data-label="Status" { @match feed.last_status { Some(status) => (status), None => "—" } }
                                td data-label="Last error" { @match &feed.last_error { Some(error) => span.error { (error) }, None => "none" } }
                                td.number data-label="Articles" { (feed.article_count) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout("Sources", links, main)
}

/// The page left at a merged story's address in the static export, which
/// cannot answer with a redirect: it sends the reader on at once.
pub fn moved_page(to: StoryId, links: &Links) -> Markup {
    let target = links.story(to);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta http-equiv="refresh" content=(format!("0; url={target}"));
                link rel="canonical" href=(target);
                title { "This story continues elsewhere · " (SITE_NAME) }
            }
            body {
                p {
                    "This story was found to be part of another one: "
                    a href=(target) { "read it there" } "."
                }
            }
        }
    }
}

pub fn message_page(title: &str, message: &str, links: &Links) -> Markup {
    let main = html! {
        h1 { (title) }
        p { (message) }
        p { a href=(links.home()) { "Back to the current stories" } }
    };
    layout(title, links, main)
}
