//! Prints what the language layer reads in a newswire document: typed
//! names, entities, pronoun links and attributions. For developers:
//! `cargo run --example analyse -p newsdesk-compose -- FILE [OPENING]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a newswire file");
    let filter = args.next();
    let bytes = std::fs::read(&path).expect("readable");
    let article = if path.ends_with(".html") || path.ends_with(".txt") {
        let format = if path.ends_with(".txt") {
            newsdesk_extract::Format::Text
        } else {
            newsdesk_extract::Format::Html
        };
        newsdesk_extract::extract(&bytes, format, &path, None).expect("an article")
    } else {
        newsdesk_extract::newswire::parse(&String::from_utf8_lossy(&bytes))
            .expect("a newswire document")
            .to_article()
    };
    let paragraphs = article.paragraphs();
    let context = newsdesk_language::Context {
        published: article.published,
    };
    let analysis = newsdesk_language::analyse(&article.text, &paragraphs, &context);
    let text = &article.text;
    if filter.is_none() {
        for e in &analysis.entities {
            let names: Vec<&str> = e
                .mentions
                .iter()
                .map(|&m| &text[analysis.mentions[m].span.range()])
                .collect();
            let evidence: Vec<String> = e
                .mentions
                .iter()
                .map(|&m| format!("{:?}", analysis.mentions[m].evidence))
                .collect();
            println!(
                "{:?} {:?} {} <- {:?} {:?}",
                e.kind, e.gender, e.name, names, evidence
            );
        }
    }
    for a in &analysis.attributions {
        let q = &analysis.quotations[a.quotation];
        let opening: String = text[q.inner.range()].chars().take(40).collect();
        if filter.as_deref().is_some_and(|f| !opening.starts_with(f)) {
            continue;
        }
        let source = match &a.source {
            Some(newsdesk_language::QuoteSource::Entity { entity, .. }) => {
                analysis.entities[*entity].name.clone()
            }
            Some(newsdesk_language::QuoteSource::Description(s)) => {
                format!("desc:{}", &text[s.range()])
            }
            Some(newsdesk_language::QuoteSource::Unresolved(s)) => {
                format!("unresolved:{}", &text[s.range()])
            }
            None => "-".into(),
        };
        println!(
            "{:?} {:?} {:?} {:?} [{}] {}",
            q.kind,
            a.cue.clone(),
            a.confidence,
            a.doubt,
            source,
            opening
        );
        if filter.is_some() {
            println!("   SENTENCES: {}", &text[q.sentences.range()]);
            if let newsdesk_language::Cue::Verb(v) = a.cue {
                println!(
                    "   CUE: {:?} in {:?}",
                    &text[v.range()],
                    &text[v.start.saturating_sub(80)..(v.end + 40).min(text.len())]
                );
            }
        }
    }
}
