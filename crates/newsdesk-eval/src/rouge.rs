//! ROUGE-N recall as ROUGE-1.5.5 computes it with `-n 2 -m -l 100`.
