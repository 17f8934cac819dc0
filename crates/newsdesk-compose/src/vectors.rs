//! Sparse term vectors over a story's vocabulary.

use std::collections::HashMap;

/// Terms are numbered per story; a vector is sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermVector(pub Vec<(u32, f32)>);

impl TermVector {
    pub fn from_counts(counts: HashMap<u32, f32>) -> TermVector {
        let mut entries: Vec<(u32, f32)> = counts.into_iter().filter(|&(_, w)| w > 0.0).collect();
        entries.sort_unstable_by_key(|&(t, _)| t);
        TermVector(entries)
    }

    pub fn norm(&self) -> f32 {
        self.0.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt()
    }

    pub fn dot(&self, other: &TermVector) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < self.0.len() && j < other.0.len() {
            let (a, b) = (self.0[i], other.0[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a.1 * b.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    pub fn cosine(&self, other: &TermVector) -> f32 {
        let norms = self.norm() * other.norm();
        if norms == 0.0 {
            0.0
        } else {
            self.dot(other) / norms
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_sparse_vectors() {
        let a = TermVector(vec![(1, 1.0), (3, 1.0)]);
        let b = TermVector(vec![(1, 1.0), (2, 1.0)]);
        assert!((a.cosine(&b) - 0.5).abs() < 1e-6);
        assert_eq!(a.cosine(&TermVector::default()), 0.0);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-6);
    }
}
