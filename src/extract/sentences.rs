//! Sentence spans inside a block of prose.
//!
//! ```
//! use roundup::extract::sentences::split;
//! let t = "Node.js is fast. It scales, e.g. for APIs! Done";
//! let s: Vec<&str> = split(t).into_iter().map(|r| &t[r]).collect();
//! assert_eq!(s, ["Node.js is fast.", "It scales, e.g. for APIs!", "Done"]);
//! ```
//!
//! A sentence ends at `.`, `!` or `?` (with closing quotes or brackets)
//! followed by white space and then a capital, a digit or an opening
//! quote; a full stop inside a word ("Node.js", "2.2") never ends one, and
//! neither does one after a known abbreviation ("e.g.", "vs.", "etc.").

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "approx", "no", "fig",
    "st", "jr", "sr", "u.s", "a.k.a",
];

/// The sentences of `text`, as byte ranges with surrounding white space
/// trimmed; never empty, and together they cover every non-space byte.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Jump from one end mark to the next: most bytes are none, and every
    // extractor splits the blocks it reads.
    while let Some(at) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += at;
        let mut end = i + 1;
        while end < bytes.len()
            && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']')
        {
            end += 1;
        }
        // Closing curly quotes are three bytes each.
        while text[end..].starts_with(['\u{201d}', '\u{2019}']) {
            end += 3;
        }
        let next = text[end..].trim_start();
        let gap = text.len() - end - next.len();
        let starts_sentence = next.starts_with(|c: char| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\u{201c}' | '\'' | '(' | '[')
        });
        if gap > 0 && starts_sentence && !after_abbreviation(text, start, i) {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn after_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    if text.as_bytes()[dot] != b'.' {
        return false;
    }
    let word = text[sentence_start..dot]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    // A single capital before the dot is an initial ("J. Smith").
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
        || (word.len() == 1 && word.chars().all(|c| c.is_alphabetic()))
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(r.start + lead..r.start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_on_end_punctuation_before_a_capital() {
        assert_eq!(
            sentences("Django is great. Flask is small! Is Rails slow? Yes."),
            [
                "Django is great.",
                "Flask is small!",
                "Is Rails slow?",
                "Yes."
            ]
        );
    }

    #[test]
    fn keeps_dots_inside_words_numbers_and_abbreviations() {
        assert_eq!(
            sentences("Node.js grew to 2.2 million users, i.e. a lot. Next.js too."),
            [
                "Node.js grew to 2.2 million users, i.e. a lot.",
                "Next.js too."
            ]
        );
        assert_eq!(
            sentences("Compare Go vs. Rust today."),
            ["Compare Go vs. Rust today."]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            sentences("It is \u{201c}batteries included.\u{201d} It ships an ORM."),
            [
                "It is \u{201c}batteries included.\u{201d}",
                "It ships an ORM."
            ]
        );
    }

    #[test]
    fn lowercase_after_a_dot_does_not_split() {
        assert_eq!(
            sentences("Version 3. and beyond"),
            ["Version 3. and beyond"]
        );
        assert!(split("   ").is_empty());
    }
}
