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
//! instead: a few kilobytes of nodes, and no work inside words. The
//! aho-corasick crate has no mode that searches only at chosen positions
//! without a call per position, hence this file.
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

/// A trie of lower-cased phrases.
#[derive(Debug, Clone)]
pub struct Phrases {
    /// Child of the root by (lower-cased) first byte.
    root: Box<[u32; 256]>,
    /// Per node: the range of its edges in `edges`, and the phrase ending
    /// there (`NONE` if none).
    nodes: Vec<Node>,
    /// Edges of every node, grouped by node: (byte, child).
    edges: Vec<(u8, u32)>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    first_edge: u32,
    edge_count: u32,
    pattern: u32,
}

impl Phrases {
    /// Builds the trie. Phrases are matched ASCII case-insensitively; an
    /// empty phrase never matches.
    pub fn new<I, S>(phrases: I) -> Phrases
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        // Build with per-node child lists, then flatten them into `edges`.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![NONE];
        for (i, phrase) in phrases.into_iter().enumerate() {
            let mut node = 0usize;
            for &b in phrase.as_ref().as_bytes() {
                let b = b.to_ascii_lowercase();
                node = match children[node].iter().find(|(c, _)| *c == b) {
                    Some(&(_, child)) => child as usize,
                    None => {
                        let child = children.len();
                        children.push(Vec::new());
                        ends.push(NONE);
                        children[node].push((b, child as u32));
                        child
                    }
                };
            }
            if node != 0 && ends[node] == NONE {
                ends[node] = i as u32;
            }
        }
        let mut root = Box::new([NONE; 256]);
        for &(b, child) in &children[0] {
            root[usize::from(b)] = child;
            root[usize::from(b.to_ascii_uppercase())] = child;
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        for (list, &pattern) in children.iter_mut().zip(&ends) {
            list.sort_unstable();
            nodes.push(Node {
                first_edge: edges.len() as u32,
                edge_count: list.len() as u32,
                pattern,
            });
            edges.extend_from_slice(list);
        }
        Phrases { root, nodes, edges }
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
        let mut node = *self.root.get(usize::from(*bytes.get(at)?))?;
        let mut best = None;
        let mut i = at + 1;
        loop {
            let n = self.nodes[node as usize];
            if n.pattern != NONE {
                best = Some(Match {
                    pattern: n.pattern as usize,
                    start: at,
                    end: i,
                });
            }
            let Some(&b) = bytes.get(i) else { break };
            let b = b.to_ascii_lowercase();
            let edges = &self.edges[n.first_edge as usize..(n.first_edge + n.edge_count) as usize];
            match edges.iter().find(|(c, _)| *c == b) {
                Some(&(_, child)) => node = child,
                None => break,
            }
            i += 1;
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
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let (here, b) = (at, bytes[at]);
                if self.root[usize::from(b)] != NONE && starts(bytes, here) {
                    if let Some(m) = self.longest_at(bytes, here) {
                        at = m.end;
                        return Some(m);
                    }
                }
                at += 1;
                // The rest of a word begins nothing: every start test
                // wants a boundary before the phrase.
                if super::is_word_byte(b) {
                    while at < bytes.len() && super::is_word_byte(bytes[at]) {
                        at += 1;
                    }
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
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
