//! The PostgreSQL store on a real server: the conformance suite, each test
//! in a schema of its own, and what only a shared server can show
//! (several writers at once).
//!
//! The server's URL comes from NEWSDESK_TEST_POSTGRES; `.ci/postgres`
//! starts a throwaway server and prints it. Without it these tests fail:
//! a store that was never checked must not look checked.

use std::sync::atomic::{AtomicUsize, Ordering};

use newsdesk_store::conformance::{article, at};
use newsdesk_store::{Insertion, NewArticle, PostgresStore, Store, StoreError};

fn server() -> String {
    std::env::var("NEWSDESK_TEST_POSTGRES").expect(
        "NEWSDESK_TEST_POSTGRES is not set: start a server with `eval \"$(bash .ci/postgres)\"`",
    )
}

/// Drops its schema when the test ends.
struct Schema(String);

impl Drop for Schema {
    fn drop(&mut self) {
        let Ok(server) = std::env::var("NEWSDESK_TEST_POSTGRES") else {
            return;
        };
        if let Ok(mut client) = postgres::Client::connect(&server, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.0));
        }
    }
}

fn fresh_schema() -> Schema {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    let schema = Schema(name);
    // Left over from an earlier run with the same process id.
    drop(Schema(schema.0.clone()));
    schema
}

fn store() -> (Schema, PostgresStore) {
    let schema = fresh_schema();
    let store = PostgresStore::connect_in_schema(&server(), Some(&schema.0)).unwrap();
    (schema, store)
}

mod conformance {
    newsdesk_store::conformance_tests!(super::store());
}

#[test]
fn one_handle_at_a_time_is_the_placer() {
    let schema = fresh_schema();
    newsdesk_store::conformance::one_handle_at_a_time_is_the_placer(|| {
        PostgresStore::connect_in_schema(&server(), Some(&schema.0)).unwrap()
    });
    // Another schema is another installation, with a placer of its own.
    let (_other, mut elsewhere) = store();
    assert!(elsewhere
        .claim_placer("w9", at(0), at(10))
        .unwrap()
        .is_held());
}

#[test]
fn concurrent_workers_lease_each_due_feed_once() {
    let schema = fresh_schema();
    let mut setup = PostgresStore::connect_in_schema(&server(), Some(&schema.0)).unwrap();
    for i in 0..40 {
        setup
            .add_feed(&format!("https://f{i}.example/feed"), None, at(0))
            .unwrap();
    }
    let leased: Vec<Vec<i64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|worker| {
                let schema = &schema;
                scope.spawn(move || {
                    let mut store =
                        PostgresStore::connect_in_schema(&server(), Some(&schema.0)).unwrap();
                    let mut mine = Vec::new();
                    loop {
                        let batch = store
                            .lease_due_feeds(&format!("w{worker}"), at(1), at(30), 3)
                            .unwrap();
                        if batch.is_empty() {
                            break mine;
                        }
                        mine.extend(batch.iter().map(|f| f.id));
                    }
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<i64> = leased.concat();
    all.sort_unstable();
    let before = all.len();
    all.dedup();
    assert_eq!(before, all.len(), "no feed leased twice: {leased:?}");
    assert_eq!(all.len(), 40, "every due feed leased");
}

#[test]
fn concurrent_writers_store_an_article_once() {
    let schema = fresh_schema();
    // Both connect (and migrate) at once.
    let stores: Vec<PostgresStore> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope
                    .spawn(|| PostgresStore::connect_in_schema(&server(), Some(&schema.0)).unwrap())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let outcomes: Vec<Insertion> = std::thread::scope(|scope| {
        let handles: Vec<_> = stores
            .into_iter()
            .map(|mut store| {
                scope.spawn(move || {
                    let a = article(
                        "Strike",
                        "Dock workers walked out.",
                        Some("https://a.example/s"),
                    );
                    store
                        .insert_article(&NewArticle {
                            article: &a,
                            url: a.url.as_deref(),
                            feed: None,
                            fetched_at: at(0),
                            raw_page: None,
                        })
                        .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let new = outcomes
        .iter()
        .filter(|o| matches!(o, Insertion::New(_)))
        .count();
    assert_eq!(new, 1, "{outcomes:?}");
    let ids: std::collections::BTreeSet<i64> = outcomes.iter().map(Insertion::id).collect();
    assert_eq!(ids.len(), 1);
}

#[test]
fn a_schema_from_a_newer_newsdesk_is_refused() {
    let schema = fresh_schema();
    let store = PostgresStore::connect_in_schema(&server(), Some(&schema.0)).unwrap();
    let known = store.schema_version().unwrap();
    drop(store);
    let mut client = postgres::Client::connect(&server(), postgres::NoTls).unwrap();
    client
        .batch_execute(&format!(
            "UPDATE {}.newsdesk_schema SET version = 99",
            schema.0
        ))
        .unwrap();
    let error = PostgresStore::connect_in_schema(&server(), Some(&schema.0)).err();
    assert!(
        matches!(error, Some(StoreError::NewerSchema { found: 99, known: k }) if k == known),
        "{error:?}"
    );
}

#[test]
fn bad_addresses_and_schema_names_are_clear_errors() {
    let refused = PostgresStore::connect("postgres://nobody@127.0.0.1:1/none")
        .err()
        .unwrap();
    assert!(
        refused.to_string().contains("PostgreSQL error"),
        "{refused}"
    );
    let garbage = PostgresStore::connect("not a url at all").err().unwrap();
    assert!(!garbage.to_string().is_empty());
    for hostile in ["a; DROP TABLE x", "", "name-with-dash", "ü"] {
        let error = PostgresStore::connect_in_schema(&server(), Some(hostile)).err();
        assert!(
            matches!(error, Some(StoreError::Corrupt(_))),
            "{hostile:?}: {error:?}"
        );
    }
}
