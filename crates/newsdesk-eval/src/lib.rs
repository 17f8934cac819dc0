//! Metrics for newsdesk's benchmarks. Pure functions over strings: the
//! `newsdesk bench` commands read the data sets and call these. The one
//! reader here is [`ecbplus::load`], which turns the ECB+ folder into texts
//! and gold name mentions (its parsing, [`ecbplus::from_files`], is pure).

pub mod clustering;
pub mod ecbplus;
pub mod extraction;
pub mod rouge;
