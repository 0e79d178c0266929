//! Phrase lookup at word starts: the longest of many phrases that begins
//! where a word begins, ASCII case-insensitively.
//!
//! ```
//! use roundup::extract::phrases::Phrases;
//! let p = Phrases::new(["easy", "easy to learn", "fast"]);
//! let text = "Breakfast is Easy to learn";
//! let found: Vec<(usize, &str)> = p
//!     .find_iter(text, Phrases::after_non_word)
//!     .map(|m| (m.pattern, &text[m.start..m.end]))
//!     .collect();
//! // "fast" inside "Breakfast" does not begin a word.
//! assert_eq!(found, [(1, "Easy to learn")]);
//! ```
//!
//! The claim cues and the aspect lexicon used to be scanned with an
//! Aho-Corasick DFA, throwing away the hits that did not sit at a word
//! boundary. The DFA of the cue
//! and aspect lists came to 0.7 and 1.5 MB, more than a core's L2 cache,
//! so those scans spent their time waiting for memory. Only hits at a word
//! start were ever kept, so this walks a small trie from each word start
//! instead: a double array of some tens of kilobytes, and no work inside
//! words. The aho-corasick crate has no mode that searches only at chosen
//! positions without a call per position, hence this file.
//!
//! Semantics, as the extractors relied on them: at a start position the
//! longest phrase wins (the first given, among equal ones); a match is
//! reported even when the text goes on with a word byte after it (callers
//! decide whether an open end is allowed), and the search resumes after
//! it, so matches never overlap.

/// One phrase found: its index in the list given to [`Phrases::new`] and
/// its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

const NONE: u32 = u32::MAX;

/// A trie of lower-cased phrases, laid out as a double array: the child of
/// slot `n` by byte class `c` is slot `n.base + c` when that slot's
/// `check` is `n`. A step is a class lookup, one slot read and a compare,
/// with no search among a node's edges: the walks start at every word
/// start of every sentence the claim rules read, so the step is what
/// their time is made of.
#[derive(Debug, Clone)]
pub struct Phrases {
    /// The class of each (lower-cased) byte: 0 for a byte no phrase holds.
    class: Box<[u8; 256]>,
    /// The slots; one step reads one, so its three fields sit together.
    slots: Vec<Slot>,
    /// The slot each byte leads to from the root, or `NONE`: the first
    /// step of every walk, and the test of every word start, in one load.
    root: Box<[u32; 256]>,
    /// What a walk must see first for any phrase to match, see [`Openings`].
    openings: Openings,
}

/// A test of a position's first three bytes that no phrase can match
/// from, made before the walk. Most walks from a word start fail within a
/// few bytes, and each ends on a branch that mispredicts (whether the next
/// byte goes on is no pattern a predictor learns); this test is a couple
/// of loads in tables that stay in the L1 cache, and says no to most of
/// them. It may say yes where no phrase matches, never the reverse.
#[derive(Debug, Clone)]
struct Openings {
    /// Bit `a << 8 | b` (lower-cased bytes): a phrase of one byte `a`, or
    /// of two bytes `a b`.
    short: Box<[u64; 1024]>,
    /// Bit [`Openings::hash`] of the first three lower-cased bytes of each
    /// longer phrase.
    long: Box<[u64; 1024]>,
}

impl Openings {
    fn new() -> Openings {
        Openings {
            short: Box::new([0; 1024]),
            long: Box::new([0; 1024]),
        }
    }

    fn set(table: &mut [u64; 1024], bit: usize) {
        table[bit / 64] |= 1 << (bit % 64);
    }

    fn get(table: &[u64; 1024], bit: usize) -> bool {
        table[bit / 64] & (1 << (bit % 64)) != 0
    }

    fn hash(a: u8, b: u8, c: u8) -> usize {
        let key = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    fn add(&mut self, phrase: &[u8]) {
        let lower: Vec<u8> = phrase.iter().map(u8::to_ascii_lowercase).collect();
        match *lower.as_slice() {
            [] => {}
            [a] => {
                for b in 0..=255u8 {
                    Openings::set(&mut self.short, usize::from(a) << 8 | usize::from(b));
                }
            }
            [a, b] => Openings::set(&mut self.short, usize::from(a) << 8 | usize::from(b)),
            [a, b, c, ..] => Openings::set(&mut self.long, Openings::hash(a, b, c)),
        }
    }

    /// Whether some phrase may match at the start of `rest`.
    fn may_open(&self, rest: &[u8]) -> bool {
        let [a, b, c, ..] = *rest else {
            return true;
        };
        let (a, b, c) = (
            a.to_ascii_lowercase(),
            b.to_ascii_lowercase(),
            c.to_ascii_lowercase(),
        );
        Openings::get(&self.short, usize::from(a) << 8 | usize::from(b))
            || Openings::get(&self.long, Openings::hash(a, b, c))
    }
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Where its children start, by class.
    base: u32,
    /// Its parent, or `NONE` for a free slot.
    check: u32,
    /// The phrase ending here, or `NONE`.
    pattern: u32,
}

/// The root's slot.
const ROOT: u32 = 0;

/// How many slots the build tries for a node's lowest child before it
/// places the node's children past the last slot.
const MAX_TRIES: usize = 256;

impl Phrases {
    /// Builds the trie. Phrases are matched ASCII case-insensitively; an
    /// empty phrase never matches.
    pub fn new<I, S>(phrases: I) -> Phrases
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // A plain trie first, with per-node child lists.
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![NONE];
        let mut openings = Openings::new();
        for (i, phrase) in phrases.into_iter().enumerate() {
            openings.add(phrase.as_ref().as_bytes());
            let mut node = 0usize;
            for &b in phrase.as_ref().as_bytes() {
                let b = b.to_ascii_lowercase();
                node = match children[node].iter().find(|(c, _)| *c == b) {
                    Some(&(_, child)) => child,
                    None => {
                        let child = children.len();
                        children.push(Vec::new());
                        ends.push(NONE);
                        children[node].push((b, child));
                        child
                    }
                };
            }
            if node != 0 && ends[node] == NONE {
                ends[node] = i as u32;
            }
        }
        let mut class = Box::new([0u8; 256]);
        let mut classes = 0u8;
        for &(b, _) in children.iter().flatten() {
            if class[usize::from(b)] == 0 {
                classes += 1;
                class[usize::from(b)] = classes;
                class[usize::from(b.to_ascii_uppercase())] = classes;
            }
        }
        // Then each node's children are placed at the first base where
        // all their slots are free, breadth first from the root.
        let free = Slot {
            base: 0,
            check: NONE,
            pattern: NONE,
        };
        let mut slots = vec![Slot {
            base: 0,
            check: ROOT,
            pattern: NONE,
        }];
        let mut slot_of = vec![NONE; children.len()];
        slot_of[0] = ROOT;
        let mut queue = std::collections::VecDeque::from([0usize]);
        let mut first_free = 1usize;
        while let Some(node) = queue.pop_front() {
            let here = slot_of[node] as usize;
            let kids: Vec<(usize, usize)> = children[node]
                .iter()
                .map(|&(b, child)| (usize::from(class[usize::from(b)]), child))
                .collect();
            let Some(lowest) = kids.iter().map(|&(c, _)| c).min() else {
                continue;
            };
            let is_free = |slots: &[Slot], at: usize| slots.get(at).is_none_or(|s| s.check == NONE);
            while !is_free(&slots, first_free) {
                first_free += 1;
            }
            // The lowest child's slot: one of the next slots that is free
            // and leaves room for its siblings, else past the last slot.
            // The search is bounded, so a build costs no scan of the whole
            // array per node.
            let start = first_free.max(lowest + 1);
            let low = (start..slots.len().min(start + MAX_TRIES))
                .find(|&low| {
                    is_free(&slots, low)
                        && kids.iter().all(|&(c, _)| is_free(&slots, low - lowest + c))
                })
                .unwrap_or_else(|| slots.len().max(lowest + 1));
            let at = low - lowest;
            let top = at + kids.iter().map(|&(c, _)| c).max().unwrap_or(lowest);
            if top >= slots.len() {
                slots.resize(top + 1, free);
            }
            slots[here].base = at as u32;
            for &(c, child) in &kids {
                slots[at + c] = Slot {
                    base: 0,
                    check: here as u32,
                    pattern: ends[child],
                };
                slot_of[child] = (at + c) as u32;
                queue.push_back(child);
            }
        }
        let mut phrases = Phrases {
            class,
            slots,
            root: Box::new([NONE; 256]),
            openings,
        };
        for b in 0..=255u8 {
            phrases.root[usize::from(b)] = phrases.step(ROOT, b).unwrap_or(NONE);
        }
        phrases
    }

    /// The slot reached from `slot` by byte `b`.
    fn step(&self, slot: u32, b: u8) -> Option<u32> {
        let c = self.class[usize::from(b)];
        if c == 0 {
            return None;
        }
        let next = self.slots[slot as usize].base + u32::from(c);
        self.slots
            .get(next as usize)
            .is_some_and(|s| s.check == slot)
            .then_some(next)
    }

    /// The start test of the cue and aspect lists: a phrase begins at the
    /// text's start or after a byte that is not a word byte.
    pub fn after_non_word(bytes: &[u8], at: usize) -> bool {
        at == 0 || !super::is_word_byte(bytes[at - 1])
    }

    /// The end test of the cue and aspect lists for a phrase that is not
    /// open-ended ("improv*"): it ends at the text's end or before a byte
    /// that is not a word byte.
    pub fn before_non_word(bytes: &[u8], end: usize) -> bool {
        end >= bytes.len() || !super::is_word_byte(bytes[end])
    }

    /// The longest phrase that begins at `at`.
    pub fn longest_at(&self, bytes: &[u8], at: usize) -> Option<Match> {
        let mut slot = self.root[usize::from(*bytes.get(at)?)];
        if slot == NONE {
            return None;
        }
        let first = self.slots[slot as usize].pattern;
        let mut best = (first != NONE).then_some(Match {
            pattern: first as usize,
            start: at,
            end: at + 1,
        });
        for (i, &b) in bytes.iter().enumerate().skip(at + 1) {
            let Some(next) = self.step(slot, b) else {
                break;
            };
            slot = next;
            let pattern = self.slots[slot as usize].pattern;
            if pattern != NONE {
                best = Some(Match {
                    pattern: pattern as usize,
                    start: at,
                    end: i + 1,
                });
            }
        }
        best
    }

    /// The matches in `text` that begin where `starts(bytes, at)` holds,
    /// left to right, without overlaps. `starts` must be false inside a
    /// word (a word byte after a word byte): those positions are skipped.
    pub fn find_iter<'a, F>(&'a self, text: &'a str, starts: F) -> impl Iterator<Item = Match> + 'a
    where
        F: Fn(&[u8], usize) -> bool + 'a,
    {
        let bytes = text.as_bytes();
        let mut candidates = Candidates::new(bytes, &self.root, &self.openings);
        std::iter::from_fn(move || {
            while let Some(here) = candidates.next() {
                if starts(bytes, here) {
                    if let Some(m) = self.longest_at(bytes, here) {
                        candidates.skip_to(m.end);
                        return Some(m);
                    }
                }
            }
            None
        })
    }
}

/// The positions a walk may start from, left to right: each byte that
/// some phrase begins with, where it is not inside a word (a word byte
/// after a word byte). They are found 64 bytes at a time as bit masks,
/// without a branch per byte: a byte loop that skips the rest of each word
/// mispredicts its exit at every word's end, which cost more than the
/// walks themselves.
struct Candidates<'a> {
    bytes: &'a [u8],
    root: &'a [u32; 256],
    openings: &'a Openings,
    /// Where the current chunk starts.
    chunk: usize,
    /// The chunk's candidates not yet given, as bits from its start.
    bits: u64,
}

impl<'a> Candidates<'a> {
    fn new(bytes: &'a [u8], root: &'a [u32; 256], openings: &'a Openings) -> Candidates<'a> {
        let mut c = Candidates {
            bytes,
            root,
            openings,
            chunk: 0,
            bits: 0,
        };
        c.bits = c.mask(0);
        c
    }

    /// The candidates of the chunk starting at `chunk`.
    fn mask(&self, chunk: usize) -> u64 {
        let end = self.bytes.len().min(chunk + 64);
        let (mut word, mut rooted) = (0u64, 0u64);
        for (i, &b) in self.bytes[chunk..end].iter().enumerate() {
            word |= u64::from(super::is_word_byte(b)) << i;
            rooted |= u64::from(self.root[usize::from(b)] != NONE) << i;
        }
        let before = chunk > 0 && super::is_word_byte(self.bytes[chunk - 1]);
        let inside = word & ((word << 1) | u64::from(before));
        // Of those, the ones whose first bytes some phrase may open with:
        // a test per word start, its outcome stored as a bit rather than
        // branched on.
        let mut starts = rooted & !inside;
        let mut kept = 0u64;
        while starts != 0 {
            let i = starts.trailing_zeros();
            starts &= starts - 1;
            let at = chunk + i as usize;
            kept |= u64::from(self.openings.may_open(&self.bytes[at..])) << i;
        }
        kept
    }

    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.chunk += 64;
            if self.chunk >= self.bytes.len() {
                return None;
            }
            self.bits = self.mask(self.chunk);
        }
        let at = self.chunk + self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(at)
    }

    /// Gives no candidate before `at`.
    fn skip_to(&mut self, at: usize) {
        if at >= self.chunk + 64 {
            self.chunk = (at / 64) * 64;
            if self.chunk >= self.bytes.len() {
                self.bits = 0;
                return;
            }
            self.bits = self.mask(self.chunk);
        }
        let from = at - self.chunk;
        self.bits &= u64::MAX.checked_shl(from as u32).unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::super::is_word_byte;
    use super::*;

    fn found(p: &Phrases, text: &str) -> Vec<(usize, String)> {
        p.find_iter(text, Phrases::after_non_word)
            .map(|m| (m.pattern, text[m.start..m.end].to_string()))
            .collect()
    }

    #[test]
    fn longest_wins_and_first_among_equals() {
        let p = Phrases::new(["high", "high performance", "HIGH", "perf"]);
        assert_eq!(
            found(&p, "High Performance, high perf"),
            [
                (1, "High Performance".to_string()),
                (0, "high".to_string()),
                (3, "perf".to_string())
            ]
        );
    }

    #[test]
    fn matches_begin_at_word_starts_and_may_run_into_a_word() {
        let p = Phrases::new(["scal", "able"]);
        // "able" inside "scalable" is no word start; "scal" is reported
        // although a word byte follows it: the caller decides.
        assert_eq!(found(&p, "scalable"), [(0, "scal".to_string())]);
        assert!(found(&p, "").is_empty());
    }

    #[test]
    fn a_longer_phrase_that_fails_later_falls_back_to_a_shorter_one() {
        let p = Phrases::new(["easy", "easy to learn"]);
        assert_eq!(found(&p, "easy to lea"), [(0, "easy".to_string())]);
    }

    /// The byte-at-a-time search the chunked one replaced: every
    /// position outside a word that some phrase begins with.
    fn by_bytes(p: &Phrases, text: &str) -> Vec<Match> {
        let bytes = text.as_bytes();
        let (mut at, mut out) = (0, Vec::new());
        while at < bytes.len() {
            let inside = at > 0 && is_word_byte(bytes[at - 1]) && is_word_byte(bytes[at]);
            if !inside && Phrases::after_non_word(bytes, at) {
                if let Some(m) = p.longest_at(bytes, at) {
                    out.push(m);
                    at = m.end;
                    continue;
                }
            }
            at += 1;
        }
        out
    }

    #[test]
    fn chunks_find_what_a_byte_scan_finds() {
        let p = Phrases::new(["go", "go fast", "fast", "a", "-x", "word word", "é"]);
        // Texts across many 64-byte chunk boundaries, with matches that
        // straddle them, runs of one word longer than a chunk, and
        // non-word starts ("-x").
        let mut seed = 7u64;
        let pieces = [
            "go", " ", "fast", "a", "-x", "word", "é", "zzzz", "\n", "goo", "_",
        ];
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 300, 1000] {
            let mut text = String::new();
            while text.len() < len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let chunked: Vec<Match> = p.find_iter(&text, Phrases::after_non_word).collect();
            assert_eq!(chunked, by_bytes(&p, &text), "{text:?}");
        }
        // "go" inside the long word begins nothing; "fast" after it does.
        let long = format!("{}go fast", "x".repeat(130));
        assert_eq!(
            p.find_iter(&long, Phrases::after_non_word)
                .map(|m| m.pattern)
                .collect::<Vec<_>>(),
            [2]
        );
        let long = format!("{} go fast {} word word", "x".repeat(130), "y".repeat(70));
        assert_eq!(
            p.find_iter(&long, Phrases::after_non_word)
                .map(|m| m.pattern)
                .collect::<Vec<_>>(),
            [1, 5]
        );
    }

    #[test]
    fn openings_let_every_phrase_through_and_stop_most_other_words() {
        let phrases = ["a", "go", "fast", "Known for", "caf\u{e9}"];
        let p = Phrases::new(phrases);
        for text in [
            "a",
            "ab",
            "abc",
            "go",
            "GO ON",
            "Fast",
            "known for",
            "caf\u{e9}s",
        ] {
            assert!(p.openings.may_open(text.as_bytes()), "{text}");
        }
        // "a" opens anything after it; "go" any third byte.
        assert!(p.openings.may_open(b"and"));
        assert!(p.openings.may_open(b"gox"));
        for text in ["bcd", "fat", "kne", "cab", "xyz"] {
            assert!(!p.openings.may_open(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn non_ascii_bytes_match_as_they_are() {
        let p = Phrases::new(["don\u{2019}t", "caf\u{e9}"]);
        assert_eq!(
            found(&p, "DON\u{2019}T go"),
            [(0, "DON\u{2019}T".to_string())]
        );
        assert_eq!(found(&p, "Caf\u{c9}"), []);
        assert_eq!(found(&p, "Caf\u{e9}s"), [(1, "Caf\u{e9}".to_string())]);
    }
}
