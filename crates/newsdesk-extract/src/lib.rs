//! Extraction: from the bytes of one document to an [`Article`].

pub mod encoding;
