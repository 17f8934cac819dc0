//! Metrics for newsdesk's benchmarks. Pure functions over strings: the
//! `newsdesk bench` commands read the data sets and call these.

pub mod clustering;
pub mod extraction;
pub mod rouge;
