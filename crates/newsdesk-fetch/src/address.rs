//! Which addresses we may connect to. A feed URL comes from outside, so a
//! hostile one could point us at the machine itself or its private network
//! (metadata services, admin panels); every address we are about to use,
//! whether from DNS or written in the URL, passes [`AddressPolicy::check`].

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use ipnet::IpNet;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

#[cfg(test)]
mod tests;

/// The configured exceptions to the default refusal of non-public ranges.
#[derive(Debug, Clone, Default)]
pub(crate) struct AddressPolicy {
    pub allow_loopback: bool,
    pub allowed_ranges: Vec<IpNet>,
}

impl AddressPolicy {
    /// `Ok` when we may connect to `ip`; otherwise the name of the range
    /// that refuses it.
    pub fn check(&self, ip: IpAddr) -> Result<(), &'static str> {
        // An IPv4-mapped IPv6 address reaches the IPv4 host, so it is
        // judged (and allowed) as that host.
        let ip = ip.to_canonical();
        if self.allowed_ranges.iter().any(|net| net.contains(&ip)) {
            return Ok(());
        }
        match non_public_range(ip) {
            Some("loopback") if self.allow_loopback => Ok(()),
            Some(range) => Err(range),
            None => Ok(()),
        }
    }
}

/// The special-purpose range `ip` falls in, if it is not a public unicast
/// address.
pub fn non_public_range(ip: IpAddr) -> Option<&'static str> {
    match ip.to_canonical() {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => non_public_v6(v6),
    }
}

fn non_public_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    let range = match (a, b, c) {
        _ if ip.is_unspecified() => "unspecified",
        (0, _, _) => "this-network",
        (127, _, _) => "loopback",
        (10, _, _) | (192, 168, _) => "private",
        (172, 16..=31, _) => "private",
        (169, 254, _) => "link-local",
        (100, 64..=127, _) => "shared (CGNAT)",
        (224..=239, _, _) => "multicast",
        (240..=255, _, _) => "reserved",
        (192, 0, 0) => "IETF protocol assignment",
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => "documentation",
        (198, 18..=19, _) => "benchmarking",
        _ => return None,
    };
    Some(range)
}

fn non_public_v6(ip: Ipv6Addr) -> Option<&'static str> {
    let segments = ip.segments();
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    // Forms that embed an IPv4 address are as dangerous as that address:
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach it through a gateway.
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return non_public_v4(embedded_v4(segments[6], segments[7]));
    }
    if segments[0] == 0x2002 {
        return non_public_v4(embedded_v4(segments[1], segments[2]));
    }
    let range = match segments[0] {
        // ::/96 (IPv4-compatible, deprecated) and the rest of ::/8.
        0x0000..=0x00ff => "reserved",
        0x0100 if segments[1..4] == [0, 0, 0] => "discard-only",
        0xfc00..=0xfdff => "unique-local",
        0xfe80..=0xfebf => "link-local",
        0xfec0..=0xfeff => "site-local",
        0xff00..=0xffff => "multicast",
        0x2001 if segments[1] == 0x0db8 => "documentation",
        _ => return None,
    };
    Some(range)
}

fn embedded_v4(high: u16, low: u16) -> Ipv4Addr {
    Ipv4Addr::from((u32::from(high) << 16) | u32::from(low))
}

/// Why a host's addresses were refused; carried through reqwest's error
/// chain so the fetcher can report it as a refusal, not a network failure.
#[derive(Debug, thiserror::Error)]
#[error("{host} resolves only to refused addresses ({addr}: {range}; fetch.allow_addresses in newsdesk.toml can allow it)")]
pub(crate) struct RefusedResolution {
    pub host: String,
    pub addr: IpAddr,
    pub range: &'static str,
}

/// A DNS resolver that drops every refused address from the answer, so
/// the connector can only ever connect to an address that passed the
/// policy (not merely the first one DNS returned).
pub(crate) struct CheckedResolver {
    pub policy: Arc<AddressPolicy>,
}

impl Resolve for CheckedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = Arc::clone(&self.policy);
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let resolved: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let mut first_refusal = None;
            let allowed: Vec<SocketAddr> = resolved
                .into_iter()
                .filter(|addr| match policy.check(addr.ip()) {
                    Ok(()) => true,
                    Err(range) => {
                        first_refusal.get_or_insert((addr.ip(), range));
                        false
                    }
                })
                .collect();
            if allowed.is_empty() {
                if let Some((addr, range)) = first_refusal {
                    return Err(Box::new(RefusedResolution { host, addr, range }) as _);
                }
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}
