use super::baselines::{lead, stationary};
use super::peers;
use crate::bench::duc::{Cluster, Doc};

fn doc(docno: &str, sort_key: &str, paragraphs: &[&str]) -> Doc {
    Doc {
        docno: docno.to_string(),
        sort_key: sort_key.to_string(),
        date: None,
        headline: None,
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        dropped: Vec::new(),
    }
}

#[test]
fn lead_takes_the_latest_article_up_to_the_budget() {
    let cluster = Cluster {
        name: "d1a".to_string(),
        docs: vec![
            doc("B", "19990101 23:00", &["Old news from the evening."]),
            doc(
                "A",
                "19990102 08:00",
                &["First sentence has five words. Second one has five too. Third is never read."],
            ),
        ],
        references: vec![],
    };
    assert_eq!(
        lead(&cluster, 8),
        "First sentence has five words.\nSecond one has five too."
    );
}

#[test]
fn stationary_distribution_favours_the_hub() {
    // A star: 0 links to 1 and 2, which link back to 0 only.
    let weights = vec![vec![(1, 0.5), (2, 0.5)], vec![(0, 1.0)], vec![(0, 1.0)]];
    let p = stationary(&weights, 0.15);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(p[0] > p[1] && (p[1] - p[2]).abs() < 1e-12);
    // p0 = 0.05 + 0.85 (p1 + p2) and p1 = p2 = 0.05 + 0.425 p0,
    // so p0 = 0.135 / 0.2775.
    assert!((p[0] - 0.135 / 0.2775).abs() < 1e-9);
}

#[test]
fn peer_output_is_read_back_per_cluster() {
    let clusters = vec![
        Cluster {
            name: "d1a".to_string(),
            docs: vec![],
            references: vec![],
        },
        Cluster {
            name: "d2b".to_string(),
            docs: vec![],
            references: vec![],
        },
    ];
    let stdout = r#"{"kind": "versions", "packages": {"sumy": "0.13.0"}}
{"kind": "summary", "system": "sumy-lsa", "cluster": "d2b", "summary": "B.", "seconds": 0.5}
{"kind": "summary", "system": "sumy-lsa", "cluster": "d1a", "summary": "A.", "seconds": 0.25}
{"kind": "agreement", "system": "lead", "rouge1": 0.3, "rouge2": 0.05, "rouge1_cut": 0.31, "rouge2_cut": 0.055}
{"kind": "official", "system": "lead", "rouge1": 0.304, "rouge2": 0.057, "bootstrap1": 0.306, "bootstrap2": 0.058, "clusters": [[0.3, 0.05], [0.308, 0.064]]}
"#;
    let run = peers::parse(stdout, &clusters).unwrap();
    assert_eq!(
        run.summaries["sumy-lsa"],
        vec![("A.".to_string(), 0.25), ("B.".to_string(), 0.5)]
    );
    assert_eq!(run.agreement["lead"].rouge2_cut, 0.055);
    assert_eq!(run.versions, "sumy 0.13.0");
    assert_eq!(
        run.official["lead"],
        peers::Official {
            mean: (0.304, 0.057),
            bootstrap: (0.306, 0.058),
            clusters: vec![(0.3, 0.05), (0.308, 0.064)],
        }
    );
    assert_eq!(run.official_missing, None);
    let no_perl = r#"{"kind": "official-missing", "why": "no Perl"}"#;
    let run = peers::parse(no_perl, &clusters).unwrap();
    assert_eq!(run.official_missing.as_deref(), Some("no Perl"));
    assert!(run.official.is_empty());

    let missing = r#"{"kind": "summary", "system": "sumy-lsa", "cluster": "d1a", "summary": "A.", "seconds": 0.1}"#;
    assert!(peers::parse(missing, &clusters).is_err());
}

#[test]
fn cluster_agreement_counts_clusters_scored_alike_and_the_largest_difference() {
    let ours = [(0.39759, 0.10621), (0.30000, 0.05000), (0.25000, 0.04000)];
    let alike = [(0.39759, 0.10621), (0.30000, 0.05000), (0.25000, 0.04000)];
    assert_eq!(super::cluster_agreement(&ours, &alike), (3, 0.0));
    let one_off = [(0.39759, 0.10621), (0.30000, 0.05002), (0.25000, 0.04000)];
    let (same, largest) = super::cluster_agreement(&ours, &one_off);
    assert_eq!(same, 2);
    assert!((largest - 0.00002).abs() < 1e-9, "{largest}");
    // A cluster the other scorer left out is a difference, not agreement.
    let (same, largest) = super::cluster_agreement(&ours, &alike[..2]);
    assert_eq!(same, 0);
    assert!(largest.is_nan());
}
