//! Times HTML parsers alone on the article-extraction-benchmark pages: one
//! thread, parse plus one pass that counts elements and text bytes (so lazy
//! parsers do the work a DOM walk needs), best of three passes. Wall-clock
//! pages/s depend on how busy the machine is; the thread's CPU time (last
//! column) does not, or much less.
//!
//!   newsdesk-extract-parsers DATA_DIR      timings table
//!   newsdesk-extract-parsers --cases       how each parser reads tricky markup

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

/// Elements and text bytes a parser saw: also a check that each read the pages.
#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    elements: usize,
    text_bytes: usize,
}

fn with_scraper(html: &str) -> Counts {
    let document = scraper::Html::parse_document(html);
    let mut counts = Counts::default();
    for node in document.tree.root().descendants() {
        match node.value() {
            scraper::Node::Element(_) => counts.elements += 1,
            scraper::Node::Text(text) => counts.text_bytes += text.len(),
            _ => {}
        }
    }
    counts
}

fn with_tl(html: &str) -> Counts {
    let mut counts = Counts::default();
    let Ok(dom) = tl::parse(html, tl::ParserOptions::default()) else {
        return counts;
    };
    for node in dom.nodes() {
        match node {
            tl::Node::Tag(tag) => {
                counts.elements += 1;
                // Attributes are parsed lazily: read class and id as our walk does.
                let attributes = tag.attributes();
                std::hint::black_box((attributes.class(), attributes.id()));
            }
            tl::Node::Raw(text) => counts.text_bytes += text.as_bytes().len(),
            tl::Node::Comment(_) => {}
        }
    }
    counts
}

fn with_html5gum(html: &str) -> Counts {
    use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
    let mut counts = Counts::default();
    let mut emitter =
        CallbackEmitter::new(|event: CallbackEvent<'_>, _span: html5gum::Span<()>| {
            match event {
                CallbackEvent::OpenStartTag { .. } => counts.elements += 1,
                CallbackEvent::String { value } => counts.text_bytes += value.len(),
                _ => {}
            }
            None::<()>
        });
    // Script, style, title and textarea are raw text, as a tree builder would say.
    emitter.naively_switch_states(true);
    for _ in html5gum::Tokenizer::new_with_emitter(html, emitter) {}
    counts
}

fn with_lol_html(html: &str) -> Counts {
    use lol_html::{doc_text, element, HtmlRewriter, Settings};
    let elements = std::cell::Cell::new(0usize);
    let text_bytes = std::cell::Cell::new(0usize);
    {
        let mut rewriter = HtmlRewriter::new(
            Settings::new()
                .append_element_content_handler(element!("*", |_el| {
                    elements.set(elements.get() + 1);
                    Ok(())
                }))
                .append_document_content_handler(doc_text!(|t| {
                    text_bytes.set(text_bytes.get() + t.as_str().len());
                    Ok(())
                })),
            |_: &[u8]| {},
        );
        if rewriter.write(html.as_bytes()).is_ok() {
            let _ = rewriter.end();
        }
    }
    Counts {
        elements: elements.get(),
        text_bytes: text_bytes.get(),
    }
}

fn with_newsdesk_dom(html: &str) -> Counts {
    let (elements, text_bytes) = newsdesk_extract::html_node_counts(html);
    Counts {
        elements,
        text_bytes,
    }
}

/// Not a parser: the whole of newsdesk's extraction from the page's bytes, for scale.
fn with_newsdesk_extract(html: &str) -> Counts {
    let article = newsdesk_extract::extract(
        html.as_bytes(),
        newsdesk_extract::Format::Html,
        "page",
        None,
    );
    Counts {
        elements: 0,
        text_bytes: article.map_or(0, |a| a.text.len()),
    }
}

type Parser = fn(&str) -> Counts;

const PARSERS: &[(&str, Parser)] = &[
    (
        "scraper 0.29 (html5ever 0.40; what we used before)",
        with_scraper,
    ),
    ("tl 0.7.8", with_tl),
    (
        "html5gum 0.9.0 (callback emitter, tokens only)",
        with_html5gum,
    ),
    ("lol_html 3.0.3 (element! \"*\" + doc_text!)", with_lol_html),
    (
        "newsdesk-extract's own (memchr + htmlize, arena DOM)",
        with_newsdesk_dom,
    ),
    (
        "(whole extraction: newsdesk_extract::extract)",
        with_newsdesk_extract,
    ),
];

fn read_pages(data: &Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(data.join("html"))
        .expect("DATA_DIR/html")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|path| {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(path).expect("page"))
                .read_to_end(&mut bytes)
                .expect("gzip");
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect()
}

fn cases() {
    let cases = [
        ("implied </p>", "<body><p>a<p>b</body>"),
        ("implied </li>", "<ul><li>a<li>b</ul>"),
        ("implied </td>", "<table><tr><td>a<td>b</table>"),
        ("void <br> and <img>", "<div>a<br>b<img src=x>c</div>"),
        (
            "raw text script",
            "<script>if (a<b) { x = '</div>'; }</script><p>after</p>",
        ),
        (
            "raw text style/title",
            "<title>A &amp; <b>B</b></title><style>p>a{}</style>",
        ),
        ("textarea", "<textarea><p>not markup</textarea>"),
        (
            "char refs in text",
            "<p>caf&eacute; &amp; &#8212; &#x2019; &copy 5&lt;6</p>",
        ),
        (
            "char refs in attribute",
            "<a title=\"Tom &amp; Jerry &quot;x&quot;\" href=\"?a=1&amp;b=2\">l</a>",
        ),
        ("truncated tag", "<p>text<div class=\"a"),
        ("stray end tags", "</div></p><p>x</span>y"),
    ];
    for (what, html) in cases {
        println!("## {what}: {html}");
        println!("scraper: {:?}", scraper_dump(html));
        println!("tl:      {:?}", tl_dump(html));
        println!("html5gum tokens: {:?}", html5gum_dump(html));
        println!();
    }
}

fn scraper_dump(html: &str) -> String {
    let document = scraper::Html::parse_fragment(html);
    document.root_element().html()
}

fn tl_dump(html: &str) -> String {
    match tl::parse(html, tl::ParserOptions::default()) {
        Ok(dom) => {
            let parser = dom.parser();
            let mut out = String::new();
            for node in dom.children() {
                if let Some(node) = node.get(parser) {
                    out.push_str(&node.outer_html(parser));
                }
            }
            let texts: Vec<String> = dom
                .nodes()
                .iter()
                .filter_map(|n| n.as_raw().map(|r| r.as_utf8_str().into_owned()))
                .collect();
            let attrs: Vec<String> = dom
                .nodes()
                .iter()
                .filter_map(|n| n.as_tag())
                .flat_map(|t| {
                    t.attributes()
                        .iter()
                        .map(|(k, v)| format!("{k}={:?}", v.unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
                .collect();
            let depth_of_last = dom.nodes().len();
            format!("{out}  texts={texts:?} attrs={attrs:?} nodes={depth_of_last}")
        }
        Err(e) => format!("error {e:?}"),
    }
}

fn html5gum_dump(html: &str) -> Vec<String> {
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter)
        .filter_map(Result::ok)
        .filter(|t| !matches!(t, html5gum::Token::Error(_)))
        .map(|t| format!("{t:?}"))
        .collect()
}

/// CPU time this thread has used.
fn thread_cpu_time() -> Duration {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `time` is a valid timespec for the call to write.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(time.tv_sec as u64, time.tv_nsec as u32)
}

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.first().map(String::as_str) == Some("--cases") {
        cases();
        return;
    }
    let data = arguments.first().map_or(
        "../shared/data/article-extraction-benchmark",
        String::as_str,
    );
    let pages = read_pages(Path::new(data));
    let bytes: usize = pages.iter().map(String::len).sum();
    println!(
        "{} pages, {:.1} MB; one thread, parse + count pass, best of 3\n",
        pages.len(),
        bytes as f64 / 1e6
    );
    println!("| parser | MB/s | pages/s | elements | text MB | pages/s of CPU time |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let only = arguments.get(1);
    for (name, parse) in PARSERS {
        if only.is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let mut best = Duration::MAX;
        let mut best_cpu = Duration::MAX;
        let mut total = Counts::default();
        for _ in 0..3 {
            let cpu_started = thread_cpu_time();
            let started = Instant::now();
            total = Counts::default();
            for page in &pages {
                let counts = parse(page);
                total.elements += counts.elements;
                total.text_bytes += counts.text_bytes;
            }
            best = best.min(started.elapsed());
            best_cpu = best_cpu.min(thread_cpu_time() - cpu_started);
        }
        let seconds = best.as_secs_f64();
        println!(
            "| {name} | {:.0} | {:.0} | {} | {:.1} | {:.0} |",
            bytes as f64 / 1e6 / seconds,
            pages.len() as f64 / seconds,
            total.elements,
            total.text_bytes as f64 / 1e6,
            pages.len() as f64 / best_cpu.as_secs_f64()
        );
    }
}
