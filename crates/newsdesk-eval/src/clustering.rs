//! B-cubed precision, recall and F1 of a clustering against true classes
//! (Bagga and Baldwin, 1998): per item, the share of its cluster that is of
//! its class (precision) and the share of its class that is in its cluster
//! (recall), averaged over items.

use std::collections::HashMap;

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BCubed {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// `predicted[i]` and `truth[i]` are the cluster and the class of item `i`.
///
/// # Panics
/// When the two slices differ in length.
pub fn bcubed<P: Eq + std::hash::Hash, T: Eq + std::hash::Hash>(
    predicted: &[P],
    truth: &[T],
) -> BCubed {
    assert_eq!(
        predicted.len(),
        truth.len(),
        "one cluster and one class per item"
    );
    if predicted.is_empty() {
        return BCubed {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    let mut cluster_size: HashMap<&P, usize> = HashMap::new();
    let mut class_size: HashMap<&T, usize> = HashMap::new();
    let mut both: HashMap<(&P, &T), usize> = HashMap::new();
    for (p, t) in predicted.iter().zip(truth) {
        *cluster_size.entry(p).or_default() += 1;
        *class_size.entry(t).or_default() += 1;
        *both.entry((p, t)).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, t) in predicted.iter().zip(truth) {
        let shared = both[&(p, t)] as f64;
        precision += shared / cluster_size[p] as f64;
        recall += shared / class_size[t] as f64;
    }
    let n = predicted.len() as f64;
    let (precision, recall) = (precision / n, recall / n);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    BCubed {
        precision,
        recall,
        f1,
    }
}
