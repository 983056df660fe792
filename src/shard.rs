//! Splitting one audit over several machines: `--shard I/N` scans a deterministic 1/N of the
//! inputs, the same whatever the machine, so that N copies (a CI matrix, Kubernetes indexed
//! Jobs) together scan everything exactly once; `phiscan merge` joins their reports.
//!
//! Small inputs are shared out by a hash of their path; a big export that is read in windows
//! (see `inputs::window`) is shared out window by window, each shard scanning every N-th
//! window, so that one huge `tweets.js` does not land on one machine.

use std::fmt;
use std::str::FromStr;

/// Shard `index` (0-based) of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: usize,
    count: usize,
}

impl Shard {
    /// Whether this shard scans the input at `path` (as reports name it).
    pub fn owns_path(self, path: &str) -> bool {
        fnv1a(path.bytes()) % self.count as u64 == self.index as u64
    }

    /// Whether this shard scans window `window` (0-based) of a big export.
    pub fn owns_window(self, window: usize) -> bool {
        window % self.count == self.index
    }
}

/// FNV-1a, 64 bits: a hash that is the same on every machine and in every release (the
/// standard library's is neither promised nor seeded alike). Shards, fingerprints and made-up
/// names all rest on it.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl FromStr for Shard {
    type Err = String;

    /// `I/N` with 1 <= I <= N: `--shard 2/4` is the second of four.
    fn from_str(text: &str) -> Result<Shard, String> {
        let usage = || format!("{text:?}: expected I/N with 1 <= I <= N, like 2/4");
        let (index, count) = text.split_once('/').ok_or_else(usage)?;
        let index: usize = index.trim().parse().map_err(|_| usage())?;
        let count: usize = count.trim().parse().map_err(|_| usage())?;
        if index == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard {
            index: index - 1,
            count,
        })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index + 1, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_written_one_based_and_checked() {
        let shard: Shard = "2/4".parse().unwrap();
        assert_eq!(shard.to_string(), "2/4");
        for bad in ["0/4", "5/4", "2", "a/b", "1/0", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    /// Every path and window belongs to exactly one shard, whatever their number.
    #[test]
    fn every_input_has_exactly_one_shard() {
        for count in 1..=5 {
            let shards: Vec<Shard> = (1..=count)
                .map(|i| format!("{i}/{count}").parse().unwrap())
                .collect();
            for n in 0..200 {
                let path = format!("exports/part-{n}.json");
                assert_eq!(shards.iter().filter(|s| s.owns_path(&path)).count(), 1);
                assert_eq!(shards.iter().filter(|s| s.owns_window(n)).count(), 1);
            }
        }
        assert_eq!(
            fnv1a(*b"a"),
            0xaf63_dc4c_8601_ec8c,
            "the published FNV-1a value"
        );
    }
}
