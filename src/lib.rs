//! phiscan finds protected health information in social posts, drafts and platform exports
//! before they are published.
//!
//! Data flows one way: [`inputs`] turn files into [`document::Document`]s, the [`engine`] finds
//! identifiers with the [`rules`], [`verdict`] decides block / review / pass per document,
//! [`redact`] masks every finding (the only way into a [`report::ScanReport`]), and [`reports`]
//! write it. [`scan`] runs that pipeline in parallel; [`cli`] is the command line.

pub mod baseline;
pub mod cli;
pub mod config;
pub mod document;
pub mod engine;
pub mod eval;
pub mod health;
pub mod inputs;
pub mod limits;
pub mod literals;
pub mod merge;
pub mod normalize;
pub mod progress;
pub mod redact;
pub mod report;
pub mod reports;
pub mod rules;
pub mod safe_harbor;
pub mod scan;
pub mod serve;
pub mod shard;
pub mod verdict;
pub mod words;
