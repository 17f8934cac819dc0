use super::*;

fn ip(text: &str) -> IpAddr {
    text.parse().unwrap()
}

#[test]
fn public_addresses_pass() {
    let policy = AddressPolicy::default();
    for text in [
        "93.184.216.34",
        "8.8.8.8",
        "2606:2800:220:1:248:1893:25c8:1946",
    ] {
        assert_eq!(policy.check(ip(text)), Ok(()), "{text}");
    }
}

#[test]
fn non_public_ranges_are_refused_by_default() {
    let policy = AddressPolicy::default();
    let cases = [
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "this-network"),
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "shared (CGNAT)"),
        ("100.127.255.255", "shared (CGNAT)"),
        ("224.0.0.1", "multicast"),
        ("255.255.255.255", "reserved"),
        ("192.0.2.7", "documentation"),
        ("198.18.0.1", "benchmarking"),
        ("::", "unspecified"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "unique-local"),
        ("fd12:3456::1", "unique-local"),
        ("ff02::1", "multicast"),
        ("2001:db8::1", "documentation"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a9fe:a9fe", "link-local"),
        ("2002:c0a8:0101::1", "private"),
        ("::127.0.0.1", "reserved"),
    ];
    for (text, range) in cases {
        assert_eq!(policy.check(ip(text)), Err(range), "{text}");
    }
}

#[test]
fn ranges_next_to_refused_ones_stay_public() {
    for text in [
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "11.0.0.1",
    ] {
        assert_eq!(non_public_range(ip(text)), None, "{text}");
    }
}

#[test]
fn allow_loopback_admits_loopback_only() {
    let policy = AddressPolicy {
        allow_loopback: true,
        allowed_ranges: Vec::new(),
    };
    assert_eq!(policy.check(ip("127.0.0.1")), Ok(()));
    assert_eq!(policy.check(ip("::1")), Ok(()));
    assert_eq!(policy.check(ip("::ffff:127.0.0.1")), Ok(()));
    assert_eq!(policy.check(ip("10.0.0.1")), Err("private"));
}

#[test]
fn allowed_ranges_admit_exactly_their_addresses() {
    let policy = AddressPolicy {
        allow_loopback: false,
        allowed_ranges: vec![
            "10.8.0.0/16".parse().unwrap(),
            "127.0.0.1/32".parse().unwrap(),
        ],
    };
    assert_eq!(policy.check(ip("10.8.3.4")), Ok(()));
    assert_eq!(policy.check(ip("::ffff:10.8.3.4")), Ok(()));
    assert_eq!(policy.check(ip("127.0.0.1")), Ok(()));
    assert_eq!(policy.check(ip("127.0.0.2")), Err("loopback"));
    assert_eq!(policy.check(ip("10.9.0.1")), Err("private"));
}
