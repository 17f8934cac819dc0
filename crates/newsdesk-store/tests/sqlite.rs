//! The SQLite store: the conformance suite on a real database file, and
//! what only a file can show (reopening, schema versions, damage).

use newsdesk_store::conformance::{article, at};
use newsdesk_store::{NewArticle, PlacerClaim, SqliteStore, Store, StoreError};

fn file_store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("newsdesk.sqlite")).unwrap();
    (dir, store)
}

mod on_a_file {
    newsdesk_store::conformance_tests!(super::file_store());
}

#[test]
fn one_handle_at_a_time_is_the_placer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    newsdesk_store::conformance::one_handle_at_a_time_is_the_placer(|| {
        SqliteStore::open(&path).unwrap()
    });
}

#[test]
fn a_placer_that_died_is_replaced_when_its_claim_lapses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    let mut dead = SqliteStore::open(&path).unwrap();
    assert!(dead.claim_placer("dead", at(0), at(10)).unwrap().is_held());
    // A process killed with -9 runs no destructor.
    std::mem::forget(dead);
    let mut next = SqliteStore::open(&path).unwrap();
    assert_eq!(
        next.claim_placer("next", at(9), at(19)).unwrap(),
        PlacerClaim::Refused
    );
    assert_eq!(
        next.claim_placer("next", at(10), at(20)).unwrap(),
        PlacerClaim::Taken
    );
    assert_eq!(
        next.claim_placer("next", at(11), at(21)).unwrap(),
        PlacerClaim::Kept
    );
    // Its own claim lapsed but nobody took it meanwhile: still its own.
    assert_eq!(
        next.claim_placer("next", at(30), at(40)).unwrap(),
        PlacerClaim::Kept
    );
    // Lapsed and taken by another: the first must rebuild when it is back.
    let mut other = SqliteStore::open(&path).unwrap();
    assert_eq!(
        other.claim_placer("other", at(41), at(51)).unwrap(),
        PlacerClaim::Taken
    );
    drop(other);
    assert_eq!(
        next.claim_placer("next", at(52), at(59)).unwrap(),
        PlacerClaim::Taken
    );
}

mod in_memory {
    newsdesk_store::conformance_tests!(((), newsdesk_store::SqliteStore::in_memory().unwrap()));
}

#[test]
fn data_survives_reopening_and_the_schema_is_versioned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .add_feed("https://a.example/feed", None, at(0))
            .unwrap();
        let a = article("Strike", "Dock workers walked out.", None);
        store
            .insert_article(&NewArticle {
                article: &a,
                url: None,
                feed: None,
                fetched_at: at(0),
                raw_page: Some(b"<p>page</p>"),
            })
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    assert_eq!(store.feeds().unwrap().len(), 1);
    assert_eq!(
        store.raw_page(1).unwrap().as_deref(),
        Some(&b"<p>page</p>"[..])
    );
}

#[test]
fn a_store_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    drop(SqliteStore::open(&path).unwrap());
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection.pragma_update(None, "user_version", 99).unwrap();
    drop(connection);
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::NewerSchema {
            found: 99,
            known: 5
        })
    ));
}

#[test]
fn upgrading_to_schema_2_indexes_the_stories_already_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newsdesk.sqlite");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        let story = store.create_story(at(1)).unwrap();
        let json = r#"{"lead":[{"text":"Cranes stood idle.","citations":[]}],"sections":[]}"#;
        for (headline, json) in [("Old words", "not json"), ("Port strike", json)] {
            let version = newsdesk_store::NewStoryVersion {
                headline,
                date: None,
                article_count: 1,
                story_json: json,
            };
            store.add_story_version(story, &version, at(2)).unwrap();
        }
    }
    // Make the file a schema-1 store again, as an older newsdesk left it.
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch(
            "DROP TABLE story_search; DROP INDEX articles_by_url; DROP TABLE story_merges; \
             DROP TABLE worker_claims; ALTER TABLE feeds DROP COLUMN leased_by; \
             ALTER TABLE feeds DROP COLUMN leased_until; PRAGMA user_version = 1;",
        )
        .unwrap();
    drop(connection);
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), 5);
    let found = |query| store.search_stories(query, 10, 0).unwrap().len();
    assert_eq!((found("cranes"), found("port"), found("old")), (1, 1, 0));
}

#[test]
fn a_file_that_is_not_a_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "these are not the tables you are looking for".repeat(200),
    )
    .unwrap();
    let error = SqliteStore::open(&path).err().expect("not a database");
    assert!(error.to_string().contains("database"), "{error}");
}
