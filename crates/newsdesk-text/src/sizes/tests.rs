use super::*;

#[test]
fn sizes_are_given_in_megabytes_or_kilobytes() {
    assert_eq!(megabytes(50 * 1024 * 1024), "50 MB");
    assert_eq!(megabytes(1536 * 1024), "1.5 MB");
    assert_eq!(megabytes(256 * 1024), "256 KB");
    assert_eq!(megabytes(100), "1 KB");
}
