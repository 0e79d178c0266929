//! A source's text cut into pieces for its report page: each piece is
//! plain, part of a block cleaning dropped, or inside the quote of one or
//! more facts (highlighted), and carries the anchors of the quotes that
//! start there, so a fact on an entity page links to its exact words.
//!
//! Spans overlap (a claim and a statistic quoting one sentence, a company
//! use inside a claim), so they are flattened rather than nested: the text
//! is cut at every span boundary, and each piece records how many quotes
//! cover it. Boundaries that fall inside a UTF-8 character (a span stored
//! by another version, or damaged) move back to the character's start, and
//! spans past the end are clipped, so cutting never panics.

use serde::Serialize;

/// A highlighted stretch of the text: one fact's quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// The anchor id of the quote (`q-<fact>-<start>`).
    pub id: String,
}

/// One piece of the text, rendered by the source page template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    /// How many quotes cover this piece (0: not highlighted).
    pub quotes: usize,
    /// Inside a block cleaning dropped as boilerplate.
    pub dropped: bool,
    /// Anchors of the quotes that start here, in span order.
    pub anchors: Vec<String>,
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Cuts `text` at the boundaries of `quotes` and `dropped` (byte ranges).
/// Empty spans (after clipping) are ignored.
pub fn segments(text: &str, quotes: &[Span], dropped: &[(usize, usize)]) -> Vec<Segment> {
    let clip = |s: usize, e: usize| {
        let s = floor_boundary(text, s);
        (s, floor_boundary(text, e).max(s))
    };
    let quotes: Vec<(usize, usize, &str)> = quotes
        .iter()
        .map(|q| {
            let (s, e) = clip(q.start, q.end);
            (s, e, q.id.as_str())
        })
        .filter(|(s, e, _)| s < e)
        .collect();
    let dropped: Vec<(usize, usize)> = dropped
        .iter()
        .map(|&(s, e)| clip(s, e))
        .filter(|(s, e)| s < e)
        .collect();

    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(quotes.iter().flat_map(|&(s, e, _)| [s, e]));
    cuts.extend(dropped.iter().flat_map(|&(s, e)| [s, e]));
    cuts.sort_unstable();
    cuts.dedup();

    // Events swept left to right: how many quotes and dropped blocks are
    // open at each cut, without testing every span against every piece.
    let mut starts: Vec<(usize, &str)> = quotes.iter().map(|&(s, _, id)| (s, id)).collect();
    starts.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
    let mut deltas: Vec<(usize, i64, i64)> = Vec::new();
    deltas.extend(quotes.iter().flat_map(|&(s, e, _)| [(s, 1, 0), (e, -1, 0)]));
    deltas.extend(dropped.iter().flat_map(|&(s, e)| [(s, 0, 1), (e, 0, -1)]));
    deltas.sort_unstable();

    let mut out = Vec::with_capacity(cuts.len());
    let (mut open_quotes, mut open_dropped) = (0i64, 0i64);
    let (mut d, mut a) = (0, 0);
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        while d < deltas.len() && deltas[d].0 <= from {
            open_quotes += deltas[d].1;
            open_dropped += deltas[d].2;
            d += 1;
        }
        let mut anchors = Vec::new();
        while a < starts.len() && starts[a].0 <= from {
            if starts[a].0 == from {
                anchors.push(starts[a].1.to_string());
            }
            a += 1;
        }
        anchors.dedup();
        out.push(Segment {
            text: text[from..to].to_string(),
            quotes: open_quotes.max(0) as usize,
            dropped: open_dropped > 0,
            anchors,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, id: &str) -> Span {
        Span {
            start,
            end,
            id: id.to_string(),
        }
    }

    fn view(segs: &[Segment]) -> Vec<(&str, usize, bool, Vec<&str>)> {
        segs.iter()
            .map(|s| {
                (
                    s.text.as_str(),
                    s.quotes,
                    s.dropped,
                    s.anchors.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn exact_spans_are_cut_out() {
        let segs = segments(
            "Flask is small. Django is big.",
            &[span(16, 30, "q-b-16")],
            &[],
        );
        assert_eq!(
            view(&segs),
            vec![
                ("Flask is small. ", 0, false, vec![]),
                ("Django is big.", 1, false, vec!["q-b-16"]),
            ]
        );
    }

    #[test]
    fn no_spans_give_the_whole_text() {
        let segs = segments("plain", &[], &[]);
        assert_eq!(view(&segs), vec![("plain", 0, false, vec![])]);
        assert!(segments("", &[], &[]).is_empty());
    }

    #[test]
    fn multibyte_characters_are_never_split() {
        // "é" is bytes 1..3 and "Ü" 13..15: both spans start inside a
        // character and move back to its start; the second ends past the
        // text and is clipped.
        let text = "Céline says Ünïcode works";
        let segs = segments(text, &[span(2, 6, "q-x-2"), span(14, 999, "q-y-14")], &[]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(segs[0].text, "C");
        assert_eq!(segs[1].text, "élin");
        assert_eq!(segs[1].anchors, vec!["q-x-2"]);
        assert_eq!(segs.last().map(|s| s.text.as_str()), Some("Ünïcode works"));
    }

    #[test]
    fn overlapping_and_nested_spans_are_flattened() {
        let text = "0123456789";
        let segs = segments(
            text,
            &[
                span(2, 8, "q-a-2"),
                span(4, 6, "q-b-4"),
                span(6, 10, "q-c-6"),
            ],
            &[],
        );
        assert_eq!(
            view(&segs),
            vec![
                ("01", 0, false, vec![]),
                ("23", 1, false, vec!["q-a-2"]),
                ("45", 2, false, vec!["q-b-4"]),
                ("67", 2, false, vec!["q-c-6"]),
                ("89", 1, false, vec![]),
            ]
        );
    }

    #[test]
    fn quotes_starting_together_each_keep_an_anchor() {
        let segs = segments("abcdef", &[span(0, 3, "q-b-0"), span(0, 6, "q-a-0")], &[]);
        assert_eq!(
            view(&segs),
            vec![
                ("abc", 2, false, vec!["q-a-0", "q-b-0"]),
                ("def", 1, false, vec![]),
            ]
        );
    }

    #[test]
    fn dropped_blocks_are_marked() {
        let segs = segments(
            "menu\nbody\nfooter",
            &[span(5, 9, "q-a-5")],
            &[(0, 5), (10, 16)],
        );
        assert_eq!(
            view(&segs),
            vec![
                ("menu\n", 0, true, vec![]),
                ("body", 1, false, vec!["q-a-5"]),
                ("\n", 0, false, vec![]),
                ("footer", 0, true, vec![]),
            ]
        );
    }

    #[test]
    fn empty_and_reversed_spans_are_ignored() {
        let segs = segments("abc", &[span(2, 1, "q-r-2"), span(1, 1, "q-e-1")], &[]);
        assert_eq!(view(&segs), vec![("abc", 0, false, vec![])]);
    }
}
