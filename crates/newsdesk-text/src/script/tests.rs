use super::*;

#[test]
fn dominant_script_counts_letters_only() {
    assert_eq!(
        dominant_script("Привет, world! Как дела").map(|(s, _)| s),
        Some(Script::Cyrillic)
    );
    assert_eq!(
        dominant_script("Ctrl + Enter, 2023").map(|(s, _)| s),
        Some(Script::Latin)
    );
    assert_eq!(dominant_script("1234 !!"), None);
    let (script, share) = dominant_script("Ελλάδα").unwrap();
    assert_eq!((script, share), (Script::Greek, 1.0));
}
