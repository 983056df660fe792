//! Micro-benchmarks of the hot paths, so that a regression shows up where it happens:
//! the whole engine on clean and on identifier-laden posts, each family of rules alone,
//! dictionary lookups, and the verdict. Inputs are the dev-corpus slice kept in the repo.
//!
//! `cargo bench --bench hot_paths` (add `-- names` to run one group).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use phiscan::engine::Engine;
use phiscan::rules::RuleSet;
use phiscan::rules::dictionaries::Dictionary;
use phiscan::verdict::{self, Identifier};
use std::hint::black_box;

/// The posts of the dev-corpus slice, split by whether they carry any labelled identifier.
fn posts() -> (Vec<String>, Vec<String>) {
    let slice = include_str!("../tests/fixtures/corpora/dev_social.slice.jsonl");
    let mut clean = Vec::new();
    let mut laden = Vec::new();
    for line in slice.lines() {
        let record: serde_json::Value = serde_json::from_str(line).expect("the slice is JSONL");
        let text = record["text"].as_str().unwrap_or_default().to_string();
        let has_spans = record["spans"].as_array().is_some_and(|s| !s.is_empty());
        if has_spans { &mut laden } else { &mut clean }.push(text);
    }
    (clean, laden)
}

fn bytes(posts: &[String]) -> u64 {
    posts.iter().map(|p| p.len() as u64).sum()
}

fn whole_engine(c: &mut Criterion) {
    let engine = Engine::new(RuleSet::builtin());
    let (clean, laden) = posts();
    let mut group = c.benchmark_group("engine");
    for (name, set) in [("clean posts", &clean), ("posts with identifiers", &laden)] {
        group.throughput(Throughput::Bytes(bytes(set)));
        group.bench_function(name, |b| {
            b.iter(|| {
                set.iter()
                    .map(|p| engine.find(black_box(p)).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// Each file of `rules/` is a family (names, dates, phones...): one engine per family.
fn rule_families(c: &mut Criterion) {
    let (clean, laden) = posts();
    let all: Vec<String> = clean.into_iter().chain(laden).collect();
    let mut families: Vec<(String, Vec<phiscan::rules::Rule>)> = Vec::new();
    for rule in RuleSet::builtin().rules {
        let family = rule.id.split('.').next().unwrap_or_default().to_string();
        match families.iter_mut().find(|(f, _)| *f == family) {
            Some((_, rules)) => rules.push(rule),
            None => families.push((family, vec![rule])),
        }
    }
    let mut group = c.benchmark_group("family");
    group.throughput(Throughput::Bytes(bytes(&all)));
    for (family, rules) in families {
        let engine = Engine::new(RuleSet { rules });
        group.bench_with_input(BenchmarkId::from_parameter(&family), &all, |b, all| {
            b.iter(|| {
                all.iter()
                    .map(|p| engine.find(black_box(p)).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

fn dictionary_lookup(c: &mut Criterion) {
    let words: Vec<&str> = "Maria the Gonzalez hope WILL jose José Zayden Kaiser memorial \
        Parkinson chemo Xochitl o'brien van Smith-Jones"
        .split(' ')
        .collect();
    let mut group = c.benchmark_group("dictionary");
    group.throughput(Throughput::Elements(words.len() as u64));
    for (name, dictionary) in [
        ("first_names", Dictionary::FIRST_NAMES),
        ("surnames", Dictionary::SURNAMES),
        ("common_words", Dictionary::COMMON_WORDS),
    ] {
        dictionary.rank("warm up the lazily built table");
        group.bench_function(name, |b| {
            b.iter(|| {
                words
                    .iter()
                    .filter_map(|w| dictionary.rank(black_box(w)))
                    .count()
            })
        });
    }
    group.finish();
}

fn verdicts(c: &mut Criterion) {
    let engine = Engine::new(RuleSet::builtin());
    let (clean, laden) = posts();
    let all: Vec<String> = clean.into_iter().chain(laden).collect();
    let found: Vec<(&String, Vec<Identifier>)> = all
        .iter()
        .map(|p| {
            let ids = engine
                .find(p)
                .iter()
                .map(|m| Identifier::new(&engine.rules()[m.rule], m.start, m.end))
                .collect();
            (p, ids)
        })
        .collect();
    let mut group = c.benchmark_group("verdict");
    group.throughput(Throughput::Bytes(bytes(&all)));
    group.bench_function("decide", |b| {
        b.iter(|| {
            found
                .iter()
                .filter(|(p, ids)| verdict::decide(black_box(p), ids).0 == verdict::Verdict::Block)
                .count()
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    whole_engine,
    rule_families,
    dictionary_lookup,
    verdicts
);
criterion_main!(benches);
