//! The hash of the word tables built at compile time (`build.rs` includes this file too, so
//! that the tables it lays out and the lookups made at run time agree).

/// Hash of a lower-case word's bytes: cheap for the short words looked up, and spread enough
/// for a table kept at most half full.
pub fn word_hash(word: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in word {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    // FNV's low bits mix poorly: fold the high half in before the table masks it.
    hash ^ (hash >> 29)
}
