use super::*;
use std::io::Write;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_regular_file_is_read_whole_and_a_larger_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, b"0123456789").unwrap();
    assert_eq!(read_file(&path, 10).unwrap().bytes, b"0123456789");
    assert!(matches!(
        read_file(&path, 9),
        Err(LocalReadError::TooLarge { limit: 9, .. })
    ));
}

#[test]
fn devices_fifos_and_directories_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        read_file(dir.path(), 100),
        Err(LocalReadError::Directory)
    ));
    assert!(matches!(
        read_file(Path::new("/dev/zero"), 100),
        Err(LocalReadError::NotRegular("character device"))
    ));
    let fifo = dir.path().join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    // No writer: a blocking open would never return.
    assert!(matches!(
        read_file(&fifo, 100),
        Err(LocalReadError::NotRegular("FIFO (named pipe)"))
    ));
    assert!(matches!(
        read_file(&dir.path().join("missing"), 100),
        Err(LocalReadError::NotFound)
    ));
}

#[test]
fn gzip_is_decompressed_under_the_same_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html.gz");
    std::fs::write(&path, gzip(b"<p>hello</p>")).unwrap();
    let input = read_file(&path, 100).unwrap();
    assert_eq!(input.bytes, b"<p>hello</p>");
    assert_eq!(input.format_path, dir.path().join("page.html"));
    assert!(input.gzipped);
    // A small file that inflates past the limit (a gzip bomb).
    std::fs::write(&path, gzip(&vec![b'a'; 1_000_000])).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
    assert!(matches!(
        read_file(&path, 100_000),
        Err(LocalReadError::TooLarge { limit: 100_000, .. })
    ));
    // Gzip's magic with broken content is an error naming gzip.
    std::fs::write(&path, [0x1f, 0x8b, 0x08, 0, 0, 0]).unwrap();
    assert!(matches!(
        read_file(&path, 100),
        Err(LocalReadError::Gzip(_))
    ));
}

#[test]
fn a_stream_is_bounded_too() {
    let endless = std::io::repeat(b'x');
    assert!(matches!(
        read_stream(endless, 1000),
        Err(LocalReadError::TooLarge { limit: 1000, .. })
    ));
    assert_eq!(read_stream(&b"abc"[..], 3).unwrap().bytes, b"abc");
}
