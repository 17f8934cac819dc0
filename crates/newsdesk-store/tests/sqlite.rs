//! The SQLite store: the conformance suite on a real database file, and
//! what only a file can show (reopening, schema versions, damage).

use newsdesk_store::conformance::{article, at};
use newsdesk_store::{NewArticle, SqliteStore, Store, StoreError};

fn file_store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("newsdesk.sqlite")).unwrap();
    (dir, store)
}

mod on_a_file {
    newsdesk_store::conformance_tests!(super::file_store());
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
    assert_eq!(store.schema_version().unwrap(), 1);
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
            known: 1
        })
    ));
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
