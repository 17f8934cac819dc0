//! Which site an address belongs to, and so where a page may say its
//! article lives.
//!
//! A site is a registrable domain ("bbc.co.uk" for "www.bbc.co.uk" and
//! "news.bbc.co.uk"), found with the public suffix list compiled into the
//! `psl` crate; a host that has none (an IP address, "localhost") is a
//! site of its own.

use url::{Host, Url};

/// Why a page's canonical link was not followed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalRefused {
    #[error("{0:?} is not a web address")]
    Unparsable(String),
    #[error("{0} is not an http(s) address")]
    NotHttp(String),
    #[error("{canonical} is on another site than {fetched}")]
    OtherSite { canonical: String, fetched: String },
}

/// The site of an address: its registrable domain, or its host when it
/// has none.
pub fn site_of(url: &Url) -> Option<String> {
    match url.host()? {
        Host::Domain(domain) => {
            let domain = domain.trim_end_matches('.').to_ascii_lowercase();
            let registrable = psl::domain_str(&domain)
                .map(str::to_string)
                .unwrap_or_else(|| domain.clone());
            Some(registrable)
        }
        Host::Ipv4(ip) => Some(ip.to_string()),
        Host::Ipv6(ip) => Some(format!("[{ip}]")),
    }
}

/// Whether two addresses are on one site.
pub fn same_site(a: &Url, b: &Url) -> bool {
    matches!((site_of(a), site_of(b)), (Some(x), Some(y)) if x == y)
}

/// The address a page fetched from `fetched` may be kept under when it
/// names `canonical` as its own: the canonical link resolved against the
/// page, if it is http(s) and on the page's own site. A page cannot take
/// another site's article over by naming that article's address.
pub fn allowed_canonical(fetched: &Url, canonical: &str) -> Result<Url, CanonicalRefused> {
    let resolved = fetched
        .join(canonical.trim())
        .map_err(|_| CanonicalRefused::Unparsable(canonical.to_string()))?;
    if !matches!(resolved.scheme(), "http" | "https") {
        return Err(CanonicalRefused::NotHttp(resolved.to_string()));
    }
    if !same_site(fetched, &resolved) {
        return Err(CanonicalRefused::OtherSite {
            canonical: resolved.to_string(),
            fetched: fetched.to_string(),
        });
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests;
