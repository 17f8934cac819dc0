use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn perfect_clustering_scores_one() {
    let score = bcubed(&[7, 7, 9], &["a", "a", "b"]);
    assert!(close(score.precision, 1.0) && close(score.recall, 1.0) && close(score.f1, 1.0));
}

#[test]
fn one_big_cluster_has_full_recall_and_low_precision() {
    // Classes {0,1} and {2,3}, all in one cluster: precision 1/2 for every item.
    let score = bcubed(&[0, 0, 0, 0], &[1, 1, 2, 2]);
    assert!(close(score.precision, 0.5) && close(score.recall, 1.0));
    assert!(close(score.f1, 2.0 / 3.0));
}

#[test]
fn singletons_have_full_precision_and_low_recall() {
    // Class of three split into singletons: recall 1/3 each; the lone item's 1.
    let score = bcubed(&[0, 1, 2, 3], &["x", "x", "x", "y"]);
    assert!(close(score.precision, 1.0));
    assert!(close(score.recall, (1.0 / 3.0 * 3.0 + 1.0) / 4.0));
}

#[test]
fn empty_input_is_trivially_perfect() {
    let empty: [u8; 0] = [];
    assert!(close(bcubed(&empty, &empty).f1, 1.0));
}
