//! Times the lexicons' first lookups (developers): their tables are
//! compiled in, so each should take microseconds, not milliseconds.
fn main() {
    let t = std::time::Instant::now();
    newsdesk_language::lexicon::is_place("Paris");
    println!("places {:?}", t.elapsed());
    let t = std::time::Instant::now();
    newsdesk_language::lexicon::given_name("Maria");
    println!("given names {:?}", t.elapsed());
    let t = std::time::Instant::now();
    newsdesk_language::lexicon::is_place_code("US");
    newsdesk_language::lexicon::is_country("France");
    println!("codes {:?}", t.elapsed());
}
