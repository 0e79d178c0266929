//! Near-duplicate sources: the same article syndicated or saved twice.
//!
//! Each source gets a 64-bit SimHash of the word 3-shingles of its kept
//! content (boilerplate is already gone, so a changed footer barely moves
//! it). Two sources whose hashes differ in at most [`MAX_DISTANCE`] bits
//! are copies. Pairs are found by blocking, not by comparing every pair:
//! with four 16-bit bands, two hashes within three bits agree on at least
//! one whole band (pigeonhole), so only sources sharing a band value are
//! compared. Each group of copies is linked to one original chosen by a
//! rule that ignores ingest order: the earliest published date (undated
//! last), then the smallest source id.

use std::collections::{BTreeMap, HashMap};

/// Hashes at most this many bits apart are the same article.
pub const MAX_DISTANCE: u32 = 3;

/// FNV-1a, 64 bits: a fixed, documented hash, so a SimHash stored by one
/// build is comparable with the next (std's hasher is seeded per process).
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= u64::from(b' ');
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// The SimHash of a text's word 3-shingles (words lower-cased; a text of
/// fewer than three words hashes its words).
pub fn simhash(text: &str) -> u64 {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut weights = [0i64; 64];
    let mut add = |h: u64| {
        for (bit, w) in weights.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *w += 1;
            } else {
                *w -= 1;
            }
        }
    };
    if words.len() < 3 {
        words.iter().for_each(|w| add(fnv1a(&[w])));
    } else {
        words.windows(3).for_each(|w| add(fnv1a(w)));
    }
    weights
        .iter()
        .enumerate()
        .filter(|(_, &w)| w > 0)
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
}

/// What the grouping needs of a source.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub id: String,
    pub simhash: u64,
    pub published: Option<String>,
}

/// For every source that copies another, the id of its original. Sources
/// with no copy are absent. The result depends only on the set given.
pub fn originals(sources: &[Fingerprint]) -> BTreeMap<String, String> {
    let n = sources.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for band in 0..4 {
        let mut buckets: HashMap<u16, Vec<usize>> = HashMap::new();
        for (i, s) in sources.iter().enumerate() {
            buckets
                .entry((s.simhash >> (band * 16)) as u16)
                .or_default()
                .push(i);
        }
        for members in buckets.values() {
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    if (sources[a].simhash ^ sources[b].simhash).count_ones() <= MAX_DISTANCE {
                        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                        if ra != rb {
                            parent[ra.max(rb)] = ra.min(rb);
                        }
                    }
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out = BTreeMap::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let first = members
            .iter()
            .copied()
            .min_by(|&a, &b| {
                let (a, b) = (&sources[a], &sources[b]);
                // Undated sorts last: `None` is greater than any date here.
                let date = |s: &Fingerprint| (s.published.is_none(), s.published.clone());
                date(a).cmp(&date(b)).then_with(|| a.id.cmp(&b.id))
            })
            .unwrap_or(members[0]);
        for &m in members.iter().filter(|&&m| m != first) {
            out.insert(sources[m].id.clone(), sources[first].id.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few hundred words of varied sentences: short texts move more
    /// bits per changed word than real articles do.
    fn article() -> String {
        let frameworks = ["Django", "Flask", "Rails", "Laravel", "Express", "Spring"];
        let traits = ["fast", "secure", "mature", "simple", "modular", "popular"];
        (0..60)
            .map(|i| {
                format!(
                    "{} is {} for reason number {i}, as teams in sector {} report. ",
                    frameworks[i % 6],
                    traits[(i * 7) % 6],
                    i * 13
                )
            })
            .collect()
    }

    fn fp(id: &str, text: &str, published: Option<&str>) -> Fingerprint {
        Fingerprint {
            id: id.into(),
            simhash: simhash(text),
            published: published.map(String::from),
        }
    }

    #[test]
    fn a_copy_with_a_changed_sentence_is_near() {
        let article = article();
        let copy = article.replace("reason number 7,", "reason seven,");
        assert_ne!(copy, article);
        let d = (simhash(&article) ^ simhash(&copy)).count_ones();
        assert!(d <= MAX_DISTANCE, "distance {d}");
        let other = "Rails is a web framework written in Ruby. It follows convention over \
            configuration and ships with an ORM, migrations and a router.";
        assert!((simhash(&article) ^ simhash(other)).count_ones() > 10);
    }

    #[test]
    fn the_original_is_the_earliest_then_the_smallest_id() {
        let article = article();
        let copy = format!("{article} Thanks for reading.");
        let set = vec![
            fp("b", &article, Some("2024-01-02")),
            fp("c", &copy, Some("2023-05-01")),
            fp("a", &article, None),
        ];
        let got = originals(&set);
        assert_eq!(got.get("a").map(String::as_str), Some("c"));
        assert_eq!(got.get("b").map(String::as_str), Some("c"));
        assert!(!got.contains_key("c"));
        let mut reversed = set.clone();
        reversed.reverse();
        assert_eq!(originals(&reversed), got);
    }

    #[test]
    fn undated_copies_link_to_the_smallest_id() {
        let set = vec![fp("z", &article(), None), fp("y", &article(), None)];
        assert_eq!(originals(&set).get("z").map(String::as_str), Some("y"));
    }
}
