//! Extraction quality: the article-extraction-benchmark shingle metric.
