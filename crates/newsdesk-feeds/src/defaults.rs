//! The feeds watched when none are configured: public world-news feeds of
//! major international outlets.
//!
//! These URLs were chosen as long-published, public feed addresses, but
//! were written down without network access and so are not checked here;
//! a feed that moves shows up in `newsdesk feeds list` as failing.

/// One feed of the default list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DefaultFeed {
    pub url: &'static str,
    pub outlet: &'static str,
}

const DEFAULT_FEEDS: &[DefaultFeed] = &[
    DefaultFeed {
        url: "https://feeds.bbci.co.uk/news/world/rss.xml",
        outlet: "BBC News – World",
    },
    DefaultFeed {
        url: "https://www.theguardian.com/world/rss",
        outlet: "The Guardian – World news",
    },
    DefaultFeed {
        url: "https://www.aljazeera.com/xml/rss/all.xml",
        outlet: "Al Jazeera",
    },
    DefaultFeed {
        url: "https://feeds.npr.org/1004/rss.xml",
        outlet: "NPR – World",
    },
    DefaultFeed {
        url: "https://rss.dw.com/xml/rss-en-world",
        outlet: "DW – World",
    },
    DefaultFeed {
        url: "https://www.france24.com/en/rss",
        outlet: "France 24",
    },
    DefaultFeed {
        url: "https://www.cbc.ca/webfeed/rss/rss-world",
        outlet: "CBC News – World",
    },
    DefaultFeed {
        url: "https://www.abc.net.au/news/feed/52278/rss.xml",
        outlet: "ABC News (Australia) – World",
    },
    DefaultFeed {
        url: "https://rss.nytimes.com/services/xml/rss/nyt/World.xml",
        outlet: "The New York Times – World",
    },
    DefaultFeed {
        url: "https://kyivindependent.com/rss/",
        outlet: "The Kyiv Independent",
    },
    DefaultFeed {
        url: "https://feeds.skynews.com/feeds/rss/world.xml",
        outlet: "Sky News – World",
    },
    DefaultFeed {
        url: "https://news.un.org/feed/subscribe/en/news/all/rss.xml",
        outlet: "UN News",
    },
];

/// The default feeds, in a fixed order.
pub fn default_feeds() -> &'static [DefaultFeed] {
    DEFAULT_FEEDS
}

#[cfg(test)]
mod tests;
