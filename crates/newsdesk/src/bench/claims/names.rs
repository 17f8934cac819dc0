//! `bench claims`' name typing: the language layer's person, organisation
//! and place types against ECB+'s annotated names (see
//! [`newsdesk_eval::ecbplus`] for which markables are gold names and how
//! their types map).
//!
//! Each document's text, rebuilt from its tokens with one paragraph per
//! sentence, is analysed with no publication date. A gold name is found
//! when a mention of the layer overlaps it and ends in the same word (the
//! last run of letters and digits of each, compared exactly): the layer
//! leaves titles and possessives out of a name ("President Obama" may be
//! "Obama" to it) and may run a name on where the annotation stops, so
//! the head word is what must agree. Of several such mentions the one with
//! the gold span exactly, else the longest overlap, is taken.
//!
//! Accuracy is over the found names the layer typed person, organisation
//! or place (its precision: a name it leaves `Other` is not a wrong type);
//! coverage is the right types over all gold names. Halves are the topics
//! at even and odd positions in topic order (ECB+ here has the odd topics
//! only, so topic numbers would all fall in one half).

use newsdesk_eval::ecbplus::{Document, GoldKind, GoldMention};
use newsdesk_language::{analyse, Context, Mention, NameKind, Span};
use std::path::Path;

/// What the layer said of a gold name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicted {
    Kind(NameKind),
    NotFound,
}

/// Counts of one half.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    /// Found and typed person, organisation or place.
    pub typed: usize,
    pub right: usize,
    /// Gold kind (person, organisation, place) by predicted kind (person,
    /// organisation, place, other, not found).
    pub confusion: [[usize; 5]; 3],
}

impl Counts {
    pub fn add(&mut self, gold: GoldKind, predicted: Predicted) {
        self.gold += 1;
        let column = match predicted {
            Predicted::Kind(NameKind::Person) => 0,
            Predicted::Kind(NameKind::Organisation) => 1,
            Predicted::Kind(NameKind::Place) => 2,
            Predicted::Kind(NameKind::Other) => 3,
            Predicted::NotFound => 4,
        };
        self.confusion[row(gold)][column] += 1;
        if column != 4 {
            self.found += 1;
        }
        if column < 3 {
            self.typed += 1;
            if column == row(gold) {
                self.right += 1;
            }
        }
    }

    fn merged(&self, other: &Counts) -> Counts {
        let mut confusion = self.confusion;
        for (row, other_row) in confusion.iter_mut().zip(other.confusion) {
            for (cell, other_cell) in row.iter_mut().zip(other_row) {
                *cell += other_cell;
            }
        }
        Counts {
            gold: self.gold + other.gold,
            found: self.found + other.found,
            typed: self.typed + other.typed,
            right: self.right + other.right,
            confusion,
        }
    }
}

fn row(kind: GoldKind) -> usize {
    match kind {
        GoldKind::Person => 0,
        GoldKind::Organisation => 1,
        GoldKind::Place => 2,
    }
}

/// The last run of letters and digits of a name, its head word.
fn last_word(name: &str) -> &str {
    name.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
}

/// The layer's mention that stands for a gold name (see the module notes).
pub fn matching<'a>(text: &str, gold: Span, mentions: &'a [Mention]) -> Option<&'a Mention> {
    let head = last_word(&text[gold.range()]);
    let overlap = |m: &Mention| {
        m.span
            .end
            .min(gold.end)
            .saturating_sub(m.span.start.max(gold.start))
    };
    mentions
        .iter()
        .filter(|m| overlap(m) > 0 && last_word(&text[m.span.range()]) == head)
        .max_by_key(|m| (m.span == gold, overlap(m), std::cmp::Reverse(m.span.start)))
}

/// One name typed otherwise than the gold says.
pub struct TypingError {
    pub document: String,
    pub gold_name: String,
    pub gold: GoldKind,
    pub tag: String,
    pub found_name: String,
    pub predicted: NameKind,
    pub evidence: String,
    /// The sentence, for context.
    pub sentence: String,
}

impl std::fmt::Display for TypingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {:?}: gold {} ({}), the layer's {:?} is {} (evidence {}), in \"{}\"",
            self.document,
            self.gold_name,
            kind_name(self.gold),
            self.tag,
            self.found_name,
            predicted_name(Predicted::Kind(self.predicted)),
            self.evidence,
            self.sentence
        )
    }
}

/// Scores the layer on the documents: counts by half (topic position),
/// and the typing errors (wrong kinds first, then names left `Other`).
pub fn score(documents: &[Document]) -> ([Counts; 2], Vec<TypingError>) {
    let mut topics: Vec<u32> = documents.iter().map(|d| d.topic).collect();
    topics.sort_unstable();
    topics.dedup();
    let mut counts = [Counts::default(); 2];
    let mut wrong = Vec::new();
    let mut other = Vec::new();
    for document in documents {
        let half = topics.binary_search(&document.topic).unwrap_or(0) % 2;
        let analysis = analyse(&document.text, &document.paragraphs, &Context::default());
        for gold in &document.mentions {
            let found = matching(&document.text, gold.span, &analysis.mentions);
            let predicted = found.map_or(Predicted::NotFound, |m| Predicted::Kind(m.kind));
            counts[half].add(gold.kind, predicted);
            if let Some(mention) = found.filter(|m| Predicted::Kind(m.kind) != expected(gold)) {
                let mut error = typing_error(document, gold, mention, &analysis.sentences);
                if mention.evidence == newsdesk_language::Evidence::Coreference {
                    error.evidence =
                        format!("Coreference with {:?}", analysis.entity_of(mention).name);
                }
                if mention.kind == NameKind::Other {
                    other.push(error);
                } else {
                    wrong.push(error);
                }
            }
        }
    }
    wrong.extend(other);
    (counts, wrong)
}

fn expected(gold: &GoldMention) -> Predicted {
    Predicted::Kind(match gold.kind {
        GoldKind::Person => NameKind::Person,
        GoldKind::Organisation => NameKind::Organisation,
        GoldKind::Place => NameKind::Place,
    })
}

fn typing_error(
    document: &Document,
    gold: &GoldMention,
    mention: &Mention,
    sentences: &[Span],
) -> TypingError {
    let text = &document.text;
    let sentence = sentences
        .get(mention.sentence)
        .filter(|s| s.start <= mention.span.start && mention.span.end <= s.end)
        .or_else(|| {
            document
                .paragraphs
                .iter()
                .find(|p| p.start <= gold.span.start && gold.span.end <= p.end)
        })
        .map(|s| text[s.range()].to_string())
        .unwrap_or_default();
    TypingError {
        document: document.name.clone(),
        gold_name: text[gold.span.range()].to_string(),
        gold: gold.kind,
        tag: gold.tag.clone(),
        found_name: text[mention.span.range()].to_string(),
        predicted: mention.kind,
        evidence: format!("{:?}", mention.evidence),
        sentence: shorten(&sentence, 160),
    }
}

fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn kind_name(kind: GoldKind) -> &'static str {
    match kind {
        GoldKind::Person => "person",
        GoldKind::Organisation => "organisation",
        GoldKind::Place => "place",
    }
}

fn predicted_name(predicted: Predicted) -> &'static str {
    match predicted {
        Predicted::Kind(NameKind::Person) => "person",
        Predicted::Kind(NameKind::Organisation) => "organisation",
        Predicted::Kind(NameKind::Place) => "place",
        Predicted::Kind(NameKind::Other) => "other",
        Predicted::NotFound => "not found",
    }
}

/// Prints the name-typing section; returns the typing errors for
/// `--errors`. An absent ECB+ folder is said and nothing is measured.
pub fn report(dir: &Path) -> anyhow::Result<Vec<TypingError>> {
    if !dir.is_dir() {
        println!(
            "\nName typing (person / organisation / place on ECB+): not measured; {} is absent.",
            dir.display()
        );
        return Ok(Vec::new());
    }
    let documents = newsdesk_eval::ecbplus::load(dir)?;
    let (counts, errors) = score(&documents);
    let topics = {
        let mut topics: Vec<u32> = documents.iter().map(|d| d.topic).collect();
        topics.dedup();
        topics.len()
    };
    println!(
        "\nName typing on ECB+ ({} documents, {topics} topics; gold: the person, organisation and place markables that are capitalised names; halves: topics at even / odd positions)\n",
        documents.len()
    );
    println!("| half | gold names | found | typed | typed right | accuracy | coverage | target |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    let all = counts[0].merged(&counts[1]);
    for (half, c) in [("even", &counts[0]), ("odd", &counts[1]), ("all", &all)] {
        println!(
            "| {half} | {} | {} | {} | {} | {} | {} | accuracy >= 0.95 |",
            c.gold,
            c.found,
            c.typed,
            c.right,
            super::ratio(c.right, c.typed),
            super::ratio(c.right, c.gold)
        );
    }
    println!("\n| gold \\ typed (all) | person | organisation | place | other | not found |");
    println!("|---|---:|---:|---:|---:|---:|");
    for kind in [GoldKind::Person, GoldKind::Organisation, GoldKind::Place] {
        let cells: Vec<String> = all.confusion[row(kind)]
            .iter()
            .map(usize::to_string)
            .collect();
        println!("| {} | {} |", kind_name(kind), cells.join(" | "));
    }
    Ok(errors)
}

/// Name typing on held-out news (`heldout-names.tsv`): every mention the
/// layer finds whose text is a labelled name, scored against the label.
/// Names an article uses for what they stand for (a country for its
/// government, a city for its team: `metonymy`) or in two kinds (`mixed`)
/// are reported apart, since either reading can be argued.
pub fn report_heldout(
    set: &str,
    dir: &Path,
    labels: &[std::collections::HashMap<String, String>],
    errors: &mut Vec<String>,
) -> anyhow::Result<()> {
    let mut plain = (0usize, 0usize, 0usize); // labels, typed, right
    let mut argued = (0usize, 0usize, 0usize);
    let paths: std::collections::BTreeSet<&String> = labels.iter().map(|l| &l["path"]).collect();
    for path in &paths {
        let Ok(article) = super::read_heldout(dir, path)? else {
            continue;
        };
        let paragraphs = article.paragraphs();
        let context = Context {
            published: article.published,
        };
        let analysis = analyse(&article.text, &paragraphs, &context);
        for label in labels.iter().filter(|l| &l["path"] == *path) {
            let wanted = match label["kind"].as_str() {
                "person" => NameKind::Person,
                "organisation" => NameKind::Organisation,
                _ => NameKind::Place,
            };
            let tally = if label["note"].is_empty() {
                &mut plain
            } else {
                &mut argued
            };
            tally.0 += 1;
            for mention in analysis
                .mentions
                .iter()
                .filter(|m| article.text[m.span.range()] == label["name"])
            {
                if mention.kind == NameKind::Other {
                    continue;
                }
                tally.1 += 1;
                if mention.kind == wanted {
                    tally.2 += 1;
                } else {
                    errors.push(format!(
                        "{set} {path} {:?}: labelled {}{}, typed {:?} ({:?})",
                        label["name"],
                        label["kind"],
                        if label["note"].is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", label["note"])
                        },
                        mention.kind,
                        mention.evidence
                    ));
                }
            }
        }
    }
    println!(
        "\nName typing on {set} ({} articles, {} labelled names, outside ../shared): mentions typed person / organisation / place\n",
        paths.len(),
        labels.len()
    );
    println!("| names | labelled names | typed mentions | typed right | accuracy | target |");
    println!("|---|---:|---:|---:|---:|---|");
    for (what, t) in [
        ("plain", plain),
        ("metonymy or mixed", argued),
        (
            "all",
            (plain.0 + argued.0, plain.1 + argued.1, plain.2 + argued.2),
        ),
    ] {
        println!(
            "| {what} | {} | {} | {} | {} | accuracy >= 0.95 |",
            t.0,
            t.1,
            t.2,
            super::ratio(t.2, t.1)
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(span: Span, kind: NameKind) -> Mention {
        Mention {
            span,
            title: None,
            sentence: 0,
            kind,
            evidence: newsdesk_language::Evidence::None,
            entity: 0,
        }
    }

    #[test]
    fn a_gold_name_is_found_by_an_overlapping_mention_with_its_head_word() {
        let text = "President Ann Quill visited Veldt's Grand Hotel.";
        let quill = Span::new(0, 19); // "President Ann Quill"
        let hotel = Span::new(28, 47); // "Veldt's Grand Hotel"
        let mentions = [
            mention(Span::new(10, 19), NameKind::Person), // "Ann Quill"
            mention(Span::new(28, 33), NameKind::Place),  // "Veldt"
            mention(Span::new(36, 47), NameKind::Organisation), // "Grand Hotel"
        ];
        assert_eq!(matching(text, quill, &mentions), Some(&mentions[0]));
        assert_eq!(matching(text, hotel, &mentions), Some(&mentions[2]));
        // "Veldt" overlaps the hotel but ends in another word.
        assert_eq!(
            matching(text, Span::new(28, 33), &mentions),
            Some(&mentions[1])
        );
        assert_eq!(matching(text, Span::new(20, 27), &mentions), None);
    }

    #[test]
    fn the_exact_span_wins_over_a_longer_overlap() {
        let text = "Ann Quill";
        let mentions = [
            mention(Span::new(0, 9), NameKind::Person),
            mention(Span::new(4, 9), NameKind::Place),
        ];
        assert_eq!(
            matching(text, Span::new(4, 9), &mentions),
            Some(&mentions[1])
        );
    }

    #[test]
    fn accuracy_counts_typed_names_and_coverage_all_gold_names() {
        let mut counts = Counts::default();
        counts.add(GoldKind::Person, Predicted::Kind(NameKind::Person));
        counts.add(GoldKind::Place, Predicted::Kind(NameKind::Organisation));
        counts.add(GoldKind::Place, Predicted::Kind(NameKind::Other));
        counts.add(GoldKind::Organisation, Predicted::NotFound);
        assert_eq!(
            (counts.gold, counts.found, counts.typed, counts.right),
            (4, 3, 2, 1)
        );
        assert_eq!(counts.confusion[2], [0, 1, 0, 1, 0]);
        assert_eq!(counts.confusion[1], [0, 0, 0, 0, 1]);
        let both = counts.merged(&counts);
        assert_eq!((both.gold, both.right), (8, 2));
    }
}
