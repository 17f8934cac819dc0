//! The test server itself: it must never keep a test from ending.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use newsdesk_testkit::Newsroom;

#[test]
fn dropping_the_newsroom_returns_while_a_client_sits_on_a_half_read_answer() {
    let newsroom = Newsroom::start();
    let address = newsroom.url("").trim_start_matches("http://").to_string();
    // A client that asks for the huge page, reads a little of it and then
    // neither reads on nor hangs up, as a client whose runtime is blocked
    // does: the server cannot finish sending.
    let mut client = TcpStream::connect(&address).unwrap();
    client
        .write_all(b"GET /huge/page.html HTTP/1.1\r\nHost: test\r\n\r\n")
        .unwrap();
    let mut start = [0u8; 64];
    client.read_exact(&mut start).unwrap();
    assert!(start.starts_with(b"HTTP/1.1 200"));

    let (dropped, done) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        drop(newsroom);
        let _ = dropped.send(());
    });
    let waited = done.recv_timeout(Duration::from_secs(20));
    drop(client);
    assert!(waited.is_ok(), "the newsroom did not stop within 20 s");
}
