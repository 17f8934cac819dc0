use super::*;
use chrono::TimeZone;
use std::time::SystemTime;

fn intervals() -> Intervals {
    Intervals {
        default: Duration::from_secs(30 * 60),
        min: Duration::from_secs(5 * 60),
        max: Duration::from_secs(24 * 60 * 60),
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn minutes_after_now(due: DateTime<Utc>) -> i64 {
    (due - now()).num_minutes()
}

#[test]
fn a_feed_that_says_nothing_is_due_after_the_default_interval() {
    let due = next_due(now(), &intervals(), &Freshness::default());
    assert_eq!(minutes_after_now(due), 30);
}

#[test]
fn a_longer_ttl_or_freshness_lifetime_is_honoured() {
    let ttl = Freshness {
        ttl_minutes: Some(120),
        ..Freshness::default()
    };
    assert_eq!(minutes_after_now(next_due(now(), &intervals(), &ttl)), 120);
    let until: SystemTime = (now() + chrono::Duration::minutes(90)).into();
    let fresh = Freshness {
        fresh_until: Some(until),
        ..Freshness::default()
    };
    assert_eq!(minutes_after_now(next_due(now(), &intervals(), &fresh)), 90);
    // A shorter TTL does not make us ask more often than the default.
    let short = Freshness {
        ttl_minutes: Some(1),
        ..Freshness::default()
    };
    assert_eq!(minutes_after_now(next_due(now(), &intervals(), &short)), 30);
}

#[test]
fn failures_back_off_and_everything_stays_within_bounds() {
    let after = |failures| {
        minutes_after_now(next_due(
            now(),
            &intervals(),
            &Freshness {
                failures_in_a_row: failures,
                ..Freshness::default()
            },
        ))
    };
    assert_eq!(after(1), 60);
    assert_eq!(after(2), 120);
    assert_eq!(after(30), 24 * 60, "capped at the maximum");
    let huge_ttl = Freshness {
        ttl_minutes: Some(u32::MAX),
        ..Freshness::default()
    };
    assert_eq!(
        minutes_after_now(next_due(now(), &intervals(), &huge_ttl)),
        24 * 60
    );
    let zero = Intervals {
        default: Duration::ZERO,
        min: Duration::ZERO,
        max: Duration::ZERO,
    };
    assert_eq!(next_due(now(), &zero, &Freshness::default()), now());
}

#[test]
fn file_urls_name_directory_sources() {
    assert_eq!(
        sources::directory_of("file:///srv/news/inbox"),
        Some(std::path::PathBuf::from("/srv/news/inbox"))
    );
    assert_eq!(sources::directory_of("https://example.com/feed"), None);
    assert_eq!(sources::directory_of("not a url"), None);
}

#[test]
fn directory_sources_list_article_files_only() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "b.html",
        "a.txt",
        "c.HTM",
        "notes.pdf",
        "image.png",
        "d.sgml",
    ] {
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
    // Newswire files without an extension of their own are known by their
    // first tag; other such files are not articles.
    std::fs::write(
        dir.path().join("APW19981024.0186"),
        "\n<DOC>\n<DOCNO> APW19981024.0186 </DOCNO>\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("data.0187"), "1,2,3\n").unwrap();
    std::fs::create_dir(dir.path().join("sub.html")).unwrap();
    let files: Vec<String> = sources::article_files(dir.path())
        .unwrap()
        .into_iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        ["APW19981024.0186", "a.txt", "b.html", "c.HTM", "d.sgml"]
    );
}

mod merging {
    use super::*;
    use newsdesk_model::{Article, BlockKind};
    use newsdesk_store::{conformance::at, NewArticle, SqliteStore, Store};

    const FIRST: &str = "Dock workers at the port of Valmora walked out on Monday in a dispute over pay and night-shift crews, leaving cargo ships at anchor. The Valmora Dockworkers' Union wants a nine per cent rise.";
    const APART: &str = "The strike at Valmora port entered its third day as the dockworkers' union and the port authority failed to agree on pay. Cargo ships queued offshore while union leaders rejected the offer.";
    const BRIDGE: &str = "Talks to end the Valmora port strike broke down again on Thursday. The dockworkers' union said the port authority's pay offer was too low, and cargo ships stayed at anchor offshore for a fourth day.";

    fn article(title: &str, text: &str) -> Article {
        let mut article = Article {
            origin: title.to_string(),
            title: Some(title.to_string()),
            ..Article::default()
        };
        article.push_block(BlockKind::Paragraph, text);
        article
    }

    fn keep(store: &mut SqliteStore, article: &Article) -> i64 {
        store
            .insert_article(&NewArticle {
                article,
                url: None,
                feed: None,
                fetched_at: chrono::Utc::now(),
                raw_page: None,
            })
            .unwrap()
            .id()
    }

    #[test]
    fn a_story_merged_by_detection_is_merged_in_the_store() {
        // A high bar to join keeps the second report apart at first; a low
        // bar to merge joins the stories once the second has grown.
        let config = newsdesk_cluster::Config {
            threshold: 0.3,
            merge_threshold: 0.05,
            ..newsdesk_cluster::Config::default()
        };
        let mut store = SqliteStore::in_memory().unwrap();
        let mut stories =
            stories::Stories::restore(&store, config.clone(), at(0) - chrono::Duration::days(1))
                .unwrap();
        let mut placed = Vec::new();
        for (title, text) in [
            ("Strike begins", FIRST),
            ("Third day", APART),
            ("Talks fail", BRIDGE),
        ] {
            let a = article(title, text);
            let id = keep(&mut store, &a);
            placed.push(stories.place(&mut store, id, &a, at(1)).unwrap());
        }
        let (first, apart, bridge) = (&placed[0], &placed[1], &placed[2]);
        assert!(apart.new_story && apart.story != first.story);
        assert_eq!(bridge.story, first.story, "the older story stays");
        assert_eq!(bridge.merged, Some(apart.story));
        assert_eq!(store.story_articles(first.story).unwrap().len(), 3);
        assert_eq!(store.merged_into(apart.story).unwrap(), Some(first.story));
        assert_eq!(store.stories(10, 0).unwrap().len(), 1);

        // Detection rebuilt from the store agrees: a fourth report joins
        // the story that stayed.
        let mut stories =
            stories::Stories::restore(&store, config, at(0) - chrono::Duration::days(1)).unwrap();
        let more = article("Fourth day", "Cargo ships stayed at anchor off Valmora as the dockworkers' union strike over pay went on, and the port authority said talks would resume.");
        let id = keep(&mut store, &more);
        let fourth = stories.place(&mut store, id, &more, at(2)).unwrap();
        assert_eq!(fourth.story, first.story);
        assert!(!fourth.new_story);
    }

    #[test]
    fn a_held_report_nothing_joins_is_merged_in_the_store_across_a_restart() {
        // Every join into a story of two or more is held apart for two
        // articles; merging by similarity is off.
        let config = newsdesk_cluster::Config {
            hold_margin: 100.0,
            hold_members: 2,
            hold_articles: 2,
            merge_threshold: 2.0,
            ..newsdesk_cluster::Config::default()
        };
        let since = at(0) - chrono::Duration::days(1);
        let mut store = SqliteStore::in_memory().unwrap();
        let mut stories = stories::Stories::restore(&store, config.clone(), since).unwrap();
        let place = |stories: &mut stories::Stories, store: &mut SqliteStore, title, text| {
            let a = article(title, text);
            let id = keep(store, &a);
            stories.place(store, id, &a, at(1)).unwrap()
        };
        let first = place(&mut stories, &mut store, "Strike begins", FIRST);
        let second = place(&mut stories, &mut store, "Third day", APART);
        assert_eq!(second.story, first.story, "{second:?}");
        let held = place(&mut stories, &mut store, "Talks fail", BRIDGE);
        assert!(held.new_story && held.story != first.story, "{held:?}");

        // The run stops while the report is held; the next one rebuilds
        // detection from the store and goes on waiting.
        let mut stories = stories::Stories::restore(&store, config, since).unwrap();
        let flood = place(&mut stories, &mut store, "Floods", "Floodwater from the swollen Merrow river forced hundreds of families in the lowland villages to leave their homes overnight.");
        assert_eq!(flood.rejoined, None, "still waiting");
        let eclipse = place(&mut stories, &mut store, "Eclipse", "Crowds gathered on the hills above Corran to watch the solar eclipse as the sky went dark for almost three minutes.");
        assert_eq!(eclipse.rejoined, Some((first.story, held.story)));
        assert_eq!(store.merged_into(held.story).unwrap(), Some(first.story));
        assert_eq!(store.story_articles(first.story).unwrap().len(), 3);
    }
}

#[tokio::test]
async fn a_stop_signal_cuts_a_sleep_short() {
    let stop = StopSignal::default();
    let started = std::time::Instant::now();
    stop.sleep(Duration::from_millis(50)).await;
    assert!(started.elapsed() >= Duration::from_millis(50));
    let raised = stop.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        raised.stop();
    });
    let started = std::time::Instant::now();
    stop.sleep(Duration::MAX).await;
    assert!(stop.is_stopped());
    assert!(started.elapsed() < Duration::from_secs(5));
}
