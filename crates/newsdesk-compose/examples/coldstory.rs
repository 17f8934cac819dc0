//! Times the first story composed in a fresh process, then the same story
//! twice more (developers): `cargo run --release -p newsdesk-compose
//! --example coldstory -- ../shared/data/duc2003/docs/d100a`. What the
//! first call takes beyond the others is paid once per process.

use newsdesk_compose::{compose, ComposeOptions};
use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("a folder of newswire documents");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a readable folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    let articles: Vec<_> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("readable");
            newsdesk_extract::newswire::parse(&String::from_utf8_lossy(&bytes))
                .expect("a newswire document")
                .to_article()
        })
        .collect();
    for call in ["first", "second", "third"] {
        let start = Instant::now();
        compose(&articles, &ComposeOptions::default()).expect("a story");
        println!(
            "{} articles, {call} call {:.1} ms",
            articles.len(),
            ms(start)
        );
    }
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}
