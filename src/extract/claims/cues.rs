//! Claim cues: which phrases make a sentence a pro or a con, and which
//! words decide who a sentence is about. The knowledge is
//! `data/cues.toml`; this module compiles it once into one phrase trie
//! for the cues and small word lists for attribution.
//!
//! ```
//! use roundup::extract::claims::cues::Cues;
//! use roundup::extract::Polarity;
//! let cues = Cues::builtin().unwrap();
//! let v = cues.scan("NodeJS does not perform well in CPU-intensive tasks").unwrap();
//! assert_eq!((v.polarity, v.rule), (Polarity::Con, "claim.cue.negation"));
//! let v = cues.scan("Express is known for its speed").unwrap();
//! assert_eq!((v.polarity, v.rule), (Polarity::Pro, "claim.cue.known-for"));
//! // "not only" is no negation.
//! let v = cues.scan("It is not only fast but also safe").unwrap();
//! assert_eq!(v.polarity, Polarity::Pro);
//! assert!(cues.scan("Django was released in 2005").is_none());
//! ```

use crate::error::{Error, Result};
use crate::extract::lower;
use crate::extract::phrases::Phrases;
use crate::extract::Polarity;
use serde::Deserialize;
use std::sync::LazyLock;

const BUILTIN: &str = include_str!("../../../data/cues.toml");

/// The cues compiled into roundup, built on first use. The file is
/// checked by this module's tests, so building it cannot fail at run time.
pub(crate) static CUES: LazyLock<Cues> =
    LazyLock::new(|| Cues::builtin().expect("data/cues.toml is checked by the cue tests"));

/// The words that point back at the sentence before.
const DEMONSTRATIVES: [&str; 3] = ["this", "these", "those"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupEntry {
    rule: String,
    polarity: String,
    #[serde(default)]
    evaluative: bool,
    #[serde(default)]
    history: bool,
    phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Attribution {
    not_subject_after: Vec<String>,
    prepositions: Vec<String>,
    not_subject_before: Vec<String>,
    subject_after: Vec<String>,
    determiners: Vec<String>,
    modifier_after: Vec<String>,
    modifier_before: Vec<String>,
    pronoun_starts: Vec<String>,
    /// Openers that speak of people in general ("Developers love ...").
    #[serde(default)]
    people_starts: Vec<String>,
    discourse: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    cue: Vec<GroupEntry>,
    attribution: Attribution,
}

#[derive(Debug, Clone)]
struct Group {
    rule: String,
    /// `None` for shields: phrases that only hide a shorter cue.
    polarity: Option<Polarity>,
    evaluative: bool,
    /// Phrases of an entity's history ("developed by", "released in"):
    /// facts about it, but not features.
    history: bool,
}

/// What a sentence's cues say: its polarity, the rule of the deciding
/// cue group, and whether an evaluative word occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict<'a> {
    pub polarity: Polarity,
    pub rule: &'a str,
    pub evaluative: bool,
    /// Byte offset of the first cue of the deciding polarity: where the
    /// claim is said, so the aspect is read around it.
    pub at: usize,
}

/// The compiled cues and attribution word lists.
#[derive(Debug, Clone)]
pub struct Cues {
    groups: Vec<Group>,
    phrases: Phrases,
    /// Per pattern: (group index, open-ended).
    patterns: Vec<(usize, bool)>,
    not_subject_after: Vec<String>,
    /// A name right after one of these, inside its sentence, is the
    /// preposition's object ("a framework for Node.js"); one that opens
    /// the sentence makes the name its topic ("For Django, ...").
    prepositions: Vec<String>,
    not_subject_before: Vec<String>,
    subject_after: Vec<String>,
    determiners: Vec<String>,
    modifier_after: Vec<String>,
    modifier_before: Vec<String>,
    pronoun_starts: ByFirstByte,
    people_starts: ByFirstByte,
    discourse: ByFirstByte,
    /// Bytes of the longest word `is_subject` looks for at the end of a
    /// mention's prefix: only that much of the prefix is lower-cased.
    longest: usize,
}

impl Cues {
    /// The cues compiled into roundup.
    pub fn builtin() -> Result<Cues> {
        Cues::parse("data/cues.toml", BUILTIN)
    }

    fn parse(origin: &str, text: &str) -> Result<Cues> {
        let err = |message: String| Error::Rules {
            origin: origin.to_string(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let mut groups = Vec::new();
        let mut literals = Vec::new();
        let mut patterns = Vec::new();
        for (g, entry) in file.cue.into_iter().enumerate() {
            let polarity = match entry.polarity.as_str() {
                "pro" => Some(Polarity::Pro),
                "con" => Some(Polarity::Con),
                "none" => None,
                other => {
                    return Err(err(format!(
                        "cue {}: polarity {other:?} is not pro, con or none",
                        entry.rule
                    )))
                }
            };
            if !entry.rule.starts_with("claim.cue.") {
                return Err(err(format!(
                    "cue rule {:?} must start with claim.cue.",
                    entry.rule
                )));
            }
            for phrase in &entry.phrases {
                let (stem, open) = match phrase.strip_suffix('*') {
                    Some(s) => (s, true),
                    None => (phrase.as_str(), false),
                };
                if stem.trim().len() < 2 || stem.trim() != stem || stem.contains('*') {
                    return Err(err(format!(
                        "cue {}: phrase {phrase:?} is too short, padded or has an inner '*'",
                        entry.rule
                    )));
                }
                let stem = stem.to_lowercase();
                if stem.contains('\'') {
                    literals.push(stem.replace('\'', "\u{2019}"));
                    patterns.push((g, open));
                }
                literals.push(stem);
                patterns.push((g, open));
            }
            groups.push(Group {
                rule: entry.rule,
                polarity,
                evaluative: entry.evaluative,
                history: entry.history,
            });
        }
        let phrases = Phrases::new(&literals);
        let words = |list: Vec<String>, what: &str| -> Result<Vec<String>> {
            let mut out: Vec<String> = Vec::with_capacity(list.len());
            for w in list {
                if w.trim().is_empty() || w.trim() != w {
                    return Err(err(format!("attribution {what}: {w:?} is empty or padded")));
                }
                out.push(w.to_lowercase());
            }
            // Longest first, so "built on top of" is tried before "on top of".
            out.sort_by_key(|w| std::cmp::Reverse(w.len()));
            Ok(out)
        };
        let a = file.attribution;
        let not_subject_after = words(a.not_subject_after, "not_subject_after")?;
        let prepositions = words(a.prepositions, "prepositions")?;
        let subject_after = words(a.subject_after, "subject_after")?;
        let determiners = words(a.determiners, "determiners")?;
        let modifier_after = words(a.modifier_after, "modifier_after")?;
        let longest = [
            &not_subject_after,
            &prepositions,
            &subject_after,
            &determiners,
            &modifier_after,
        ]
        .into_iter()
        .flatten()
        .map(String::len)
        .max()
        .unwrap_or(0);
        Ok(Cues {
            groups,
            phrases,
            patterns,
            not_subject_after,
            prepositions,
            not_subject_before: words(a.not_subject_before, "not_subject_before")?,
            subject_after,
            determiners,
            modifier_after,
            modifier_before: words(a.modifier_before, "modifier_before")?,
            pronoun_starts: ByFirstByte::new(words(a.pronoun_starts, "pronoun_starts")?),
            people_starts: ByFirstByte::new(words(a.people_starts, "people_starts")?),
            discourse: ByFirstByte::new(words(a.discourse, "discourse")?),
            longest,
        })
    }

    /// The polarity a piece of prose asserts, or `None` when it has no cue.
    /// A con cue outweighs any pro cue: "fast but hard to learn" is a con.
    pub fn scan(&self, text: &str) -> Option<Verdict<'_>> {
        let (mut con, mut pro, mut evaluative) = (None::<usize>, None::<usize>, false);
        let (mut con_at, mut pro_at) = (None::<usize>, None::<usize>);
        for (g, start) in self.hits(text) {
            let group = &self.groups[g];
            evaluative |= group.evaluative;
            let (slot, at) = match group.polarity {
                Some(Polarity::Con) => (&mut con, &mut con_at),
                Some(_) => (&mut pro, &mut pro_at),
                None => continue,
            };
            *slot = Some(slot.map_or(g, |s| s.min(g)));
            at.get_or_insert(start);
        }
        let (polarity, g, at) = match (con, pro) {
            (Some(g), _) => (Polarity::Con, g, con_at),
            (None, Some(g)) => (Polarity::Pro, g, pro_at),
            (None, None) => return None,
        };
        Some(Verdict {
            polarity,
            rule: &self.groups[g].rule,
            evaluative,
            at: at.unwrap_or(0),
        })
    }

    /// Whether `text` tells the entity's history: who made it, when it
    /// was released, what its latest version is. Such an item of a
    /// features list is no feature.
    pub fn tells_history(&self, text: &str) -> bool {
        self.hits(text).any(|(g, _)| self.groups[g].history)
    }

    /// The cue hits of `text`, in order: each phrase's group and start.
    /// A phrase begins at a word start and, unless open-ended, ends at a
    /// word end.
    fn hits<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        let bytes = text.as_bytes();
        self.phrases
            .find_iter(text, Phrases::after_non_word)
            .filter_map(move |m| {
                let (g, open) = self.patterns[m.pattern];
                (open || Phrases::before_non_word(bytes, m.end)).then_some((g, m.start))
            })
    }

    /// Whether a mention whose sentence reads `before` up to it (and
    /// `after` from its end) is the subject of what the sentence says:
    /// not after "than", "built on (the)", "unlike", not inside
    /// parentheses, not before "alternatives", and not a modifier ("This
    /// JavaScript runtime").
    pub(crate) fn is_subject(&self, before: &str, after: &str) -> bool {
        if before.matches('(').count() > before.matches(')').count() {
            return false;
        }
        let trimmed = before.trim_end();
        // Every test below reads at most a word or two off the end of the
        // prefix, so only its tail is lower-cased; `whole` says whether
        // that tail is all of it.
        let (mut before, whole) = lower_tail(trimmed, 2 * self.longest + 16);
        let next = after
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let common_noun_next = after.starts_with(' ')
            && next.starts_with(|c: char| c.is_lowercase())
            && !next.ends_with('s');
        if common_noun_next
            && self
                .modifier_after
                .iter()
                .any(|w| ends_with_word(&before, w))
        {
            return false;
        }
        // "a Python-based framework", "a web framework on Node.js": a name
        // before one of these nouns, anywhere but at the sentence's start,
        // qualifies the noun.
        let noun = lower(
            after
                .trim_start_matches(['-', ' '])
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or(""),
        );
        // A tail that is not the whole prefix has more characters than any
        // determiner, and so has the whole prefix.
        let opening = before.is_empty() || (whole && self.determiners.contains(&before));
        // Joined by a hyphen ("A Python-based framework, Django, ...") it
        // qualifies the noun even where the sentence opens with it.
        if (!opening || after.starts_with('-')) && self.modifier_before.iter().any(|w| *w == noun) {
            return false;
        }
        // Up to two of them ("than my old Express").
        let (tail_len, mut stripped) = (before.len(), 0);
        while stripped < 2 {
            let Some(d) = self.determiners.iter().find(|w| ends_with_word(&before, w)) else {
                break;
            };
            stripped += 1;
            before.truncate(before.len() - d.len());
            before.truncate(before.trim_end().len());
        }
        // A long run of spaces before a determiner can leave too little of
        // the tail to read a word and the character before it: then the
        // whole prefix is read, less what was stripped off its end.
        if stripped > 0 && !whole && before.len() < self.longest + 8 {
            let removed = tail_len - before.len();
            before = trimmed.to_lowercase();
            before.truncate(before.len() - removed);
            before.truncate(before.trim_end().len());
        }
        if self
            .subject_after
            .iter()
            .any(|w| ends_with_word(&before, w))
        {
            return true;
        }
        if self
            .not_subject_after
            .iter()
            .any(|w| ends_with_word(&before, w))
        {
            return false;
        }
        // "for Node.js", and with one plain word between: "the default
        // choice for enterprise Java", "runs on plain Node.js".
        let adjective = before
            .rsplit_once(' ')
            .filter(|(_, w)| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|(lead, _)| lead.trim_end());
        for before in std::iter::once(before.as_str()).chain(adjective) {
            if let Some(p) = self.prepositions.iter().find(|w| ends_with_word(before, w)) {
                let lead = before[..before.len() - p.len()].trim_end();
                if !self.opens_clause(lead, whole) {
                    return false;
                }
            }
        }
        let next = lower(next);
        !self.not_subject_before.iter().any(|w| *w == next)
    }

    /// Whether the text after a name that opens a line makes the name its
    /// subject: a possessive ("Go's error handling ...") or a lower-case
    /// word that is no kind noun ("Python is slower", not "Python web
    /// framework" or a name alone).
    pub(crate) fn opens_a_clause_after(&self, after: &str) -> bool {
        if after.starts_with("'s ") || after.starts_with("\u{2019}s ") {
            return true;
        }
        let Some(rest) = after.strip_prefix(' ') else {
            return false;
        };
        let word = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        word.starts_with(char::is_lowercase) && !self.modifier_before.iter().any(|w| w == word)
    }

    /// Whether `lead` (lower case, the sentence up to a word; `whole` when
    /// it is all of that) is where a clause opens: nothing, discourse
    /// words ("Moreover"), or a comma or semicolon before.
    fn opens_clause(&self, lead: &str, whole: bool) -> bool {
        lead.ends_with([',', ';', ':']) || (whole && self.opener(lead) == lead.len())
    }

    /// Whether `before` ends with "unlike": the mention after it is only
    /// a foil, unless a "which" clause says something of it.
    pub(crate) fn is_foil(&self, before: &str) -> bool {
        // "unlike" and the character before it: the last eight characters
        // are enough.
        let (b, _) = lower_tail(before.trim_end(), 8);
        b.ends_with("unlike") && !b[..b.len() - 6].ends_with(|c: char| c.is_alphanumeric())
    }

    /// Whether a sentence opens with a pronoun or a definite noun phrase
    /// ("It", "Its", "This framework", "The language"), after any list
    /// marker and discourse words ("Moreover, it ...").
    pub(crate) fn opens_with_pronoun(&self, sentence: &str) -> bool {
        let rest = self.opening(sentence);
        opens_with_one_of(rest, self.pronoun_starts.at(rest))
    }

    /// Whether a sentence opens with a demonstrative ("This ensures ...",
    /// "And these frameworks ..."): it points back at what the sentence
    /// before was about, more than at the section's subject.
    pub(crate) fn opens_with_demonstrative(&self, sentence: &str) -> bool {
        opens_with_one_of(self.opening(sentence), DEMONSTRATIVES)
    }

    /// Whether a sentence opens with people in general ("Developers love
    /// ...", "Many teams ..."): a claim about them, not about an entity.
    pub(crate) fn opens_with_people(&self, sentence: &str) -> bool {
        let rest = self.opening(sentence);
        opens_with_one_of(rest, self.people_starts.at(rest))
    }

    /// Whether a sentence opens with "it", "its" or "it's" (after any list
    /// marker and discourse words): one thing, named before.
    pub(crate) fn opens_with_it(&self, sentence: &str) -> bool {
        opens_with_one_of(self.opening(sentence), ["it", "its", "it's"])
    }

    /// The sentence from its first word after any list marker and
    /// discourse words.
    fn opening<'s>(&self, sentence: &'s str) -> &'s str {
        &sentence[self.opener(sentence)..]
    }

    /// Where a sentence goes on after any list marker and discourse words
    /// ("- Moreover, and also it ..."): the offset of its first other word.
    /// Words are compared in place, without lower-casing the sentence:
    /// this runs on most sentences of an article.
    fn opener(&self, sentence: &str) -> usize {
        let skip = |from: usize| {
            sentence.len()
                - sentence[from..]
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len()
        };
        let mut at = skip(0);
        while let Some(n) = self
            .discourse
            .at(&sentence[at..])
            .iter()
            .find_map(|w| folded_word_at(&sentence[at..], w))
        {
            at = skip(at + n);
        }
        at
    }
}

/// Lower-case words grouped by the byte they open with, each group in
/// the order given: a sentence's opening is compared only with the words
/// that can be there.
#[derive(Debug, Clone)]
struct ByFirstByte(Vec<Vec<String>>);

impl ByFirstByte {
    fn new(words: Vec<String>) -> ByFirstByte {
        let mut groups = vec![Vec::new(); 256];
        for w in words {
            let Some(&first) = w.as_bytes().first() else {
                continue;
            };
            // A plain apostrophe also stands for a typographic one.
            if first == b'\'' {
                groups[usize::from("\u{2019}".as_bytes()[0])].push(w.clone());
            }
            groups[usize::from(first)].push(w);
        }
        ByFirstByte(groups)
    }

    /// The words that may open `text` (any ASCII case).
    fn at(&self, text: &str) -> &[String] {
        text.as_bytes()
            .first()
            .map_or(&[], |b| &self.0[usize::from(b.to_ascii_lowercase())])
    }
}

/// Whether `text` opens with one of the lower-case `words` as a whole word.
fn opens_with_one_of<W: AsRef<str>>(text: &str, words: impl IntoIterator<Item = W>) -> bool {
    words
        .into_iter()
        .any(|w| folded_word_at(text, w.as_ref()).is_some())
}

/// How many bytes of `text` the lower-case `word` takes at its start,
/// when it is there as a whole word: ASCII letters in any case, and a
/// typographic apostrophe for a plain one ("It\u{2019}s" is "it's").
fn folded_word_at(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    for &w in word.as_bytes() {
        if w == b'\'' && text[at..].starts_with('\u{2019}') {
            at += '\u{2019}'.len_utf8();
        } else if bytes.get(at).is_some_and(|b| b.to_ascii_lowercase() == w) {
            at += 1;
        } else {
            return None;
        }
    }
    let word_goes_on = text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '\u{2019}');
    (!word_goes_on).then_some(at)
}

/// The lower-cased last `chars` characters of `text` (all of it when it is
/// shorter), and whether that is all of it. Lower-casing works character by
/// character, so this is the end of `text.to_lowercase()`.
fn lower_tail(text: &str, chars: usize) -> (String, bool) {
    match text.char_indices().nth_back(chars.saturating_sub(1)) {
        Some((at, _)) if at > 0 && chars > 0 => (text[at..].to_lowercase(), false),
        _ => (text.to_lowercase(), true),
    }
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.ends_with(word)
        && !text[..text.len() - word.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(text: &str) -> Option<(Polarity, String)> {
        Cues::builtin()
            .unwrap()
            .scan(text)
            .map(|v| (v.polarity, v.rule.to_string()))
    }

    #[test]
    fn cons_outweigh_pros_and_shields_hide_negations() {
        let con =
            |t: &str, rule: &str| assert_eq!(verdict(t), Some((Polarity::Con, rule.into())), "{t}");
        con("Ruby performs slower than Go", "claim.cue.comparison");
        con("Flask lacks an ORM", "claim.cue.negation");
        con(
            "It doesn\u{2019}t handle XSS on its own",
            "claim.cue.negation",
        );
        con("The one drawback is its size", "claim.cue.drawback");
        con(
            "Fast, but it has a steep learning curve",
            "claim.cue.drawback",
        );
        let pro =
            |t: &str, rule: &str| assert_eq!(verdict(t), Some((Polarity::Pro, rule.into())), "{t}");
        pro(
            "Laravel is renowned for its elegant syntax",
            "claim.cue.known-for",
        );
        pro("It handles heavy traffic with ease", "claim.cue.evaluative");
        pro("It is used by 36% of developers", "claim.cue.adoption");
        pro("An open-source framework", "claim.cue.open-source");
        pro("It offers routing and templates", "claim.cue.offers");
        pro("You write less code", "claim.cue.comparison");
        // Rank and ubiquity are adoption; a cost paid or plugins left
        // unkept are drawbacks, unless the overhead is low.
        pro("Spring is the #1 choice of banks", "claim.cue.adoption");
        pro("Rails remains a staple of startups", "claim.cue.adoption");
        pro("Phoenix has a lean core", "claim.cue.evaluative");
        con(
            "It is simple at the expense of raw speed",
            "claim.cue.drawback",
        );
        con("Many of its plugins are abandoned", "claim.cue.drawback");
        pro("Gin adds low overhead and is fast", "claim.cue.evaluative");
        assert_eq!(verdict("Nothing to see in notation"), None);
    }

    #[test]
    fn attribution_words() {
        let c = Cues::builtin().unwrap();
        assert!(!c.is_subject("Go is slower than ", ""));
        assert!(!c.is_subject("It is built on top of ", ""));
        assert!(c.is_subject("Frameworks such as ", " offer"));
        assert!(c.is_subject("Frameworks like ", ""));
        assert!(!c.is_subject("many switch to ", " alternatives"));
        assert!(c.is_subject("", " is fast"));
        assert!(!c.is_subject("It sits on top of the ", " ecosystem"));
        assert!(!c.is_subject("Spring Boot (", ")"));
        assert!(!c.is_subject("This ", " runtime is fast"));
        assert!(c.is_subject("The ", " community is large"));
        assert!(!c.is_subject("Flask is a ", " API for the web"));
        assert!(!c.is_subject("It is a ", "-based framework"));
        assert!(!c.is_subject("A ", "-based, open-source framework, Quart is fast"));
        // The object of a preposition inside the sentence is no subject;
        // a preposition that opens the sentence or a clause makes a topic.
        assert!(!c.is_subject("Hono is a tiny router for ", " and Deno"));
        assert!(!c.is_subject("Ktor apps run on the ", " and scale well"));
        assert!(!c.is_subject("Gin is fast thanks to ", "'s goroutines"));
        assert!(c.is_subject("For ", ", the admin panel is a big plus"));
        assert!(c.is_subject("Moreover, for ", " teams, hiring is easy"));
        assert!(c.is_subject("It is slow; on ", " it flies"));
        // "of", "with" and "in" stay open: "the benefit of Django".
        assert!(c.is_subject("The main benefit of ", " is its admin"));
        assert!(!c.is_subject("Lumen is the successor of ", " and is fast"));
        assert!(!c.is_subject("Slim, a favourite in the ", " community, is small"));
        assert!(c.is_subject("The ", " community is vibrant"));
        assert!(c.is_foil("Unlike "));
        assert!(c.opens_with_pronoun("Moreover, it scales."));
        assert!(c.opens_with_pronoun("- The framework is small."));
        assert!(c.opens_with_pronoun("It\u{2019}s fast."));
        assert!(!c.opens_with_pronoun("Developers love speed."));
        assert!(!c.opens_with_pronoun("Theirs is fast."));
    }

    #[test]
    fn a_bad_cue_file_is_rejected() {
        let attribution = "[attribution]\nnot_subject_after = []\nprepositions = []\nnot_subject_before = []\n\
            subject_after = []\ndeterminers = []\nmodifier_after = []\nmodifier_before = []\npronoun_starts = []\ndiscourse = []\n";
        let file = |cue: &str| format!("{cue}\n{attribution}");
        let ok = file("[[cue]]\nrule = \"claim.cue.x\"\npolarity = \"pro\"\nphrases = [\"fast\"]");
        assert!(Cues::parse("x", &ok).is_ok());
        for bad in [
            "[[cue]]\nrule = \"claim.cue.x\"\npolarity = \"good\"\nphrases = [\"fast\"]",
            "[[cue]]\nrule = \"cue.x\"\npolarity = \"pro\"\nphrases = [\"fast\"]",
            "[[cue]]\nrule = \"claim.cue.x\"\npolarity = \"pro\"\nphrases = [\" fast\"]",
            "[[cue]]\nrule = \"claim.cue.x\"\npolarity = \"pro\"\nphrases = [\"f\"]",
            "[[cue]]\nrule = \"claim.cue.x\"\npolarity = \"pro\"\nphrases = [\"fa*st\"]",
            "[[cue]]\nrule = \"claim.cue.x\"\npolarity = \"pro\"\nwords = [\"fast\"]",
        ] {
            let err = Cues::parse("mine.toml", &file(bad))
                .unwrap_err()
                .to_string();
            assert!(err.contains("mine.toml"), "{err}");
        }
    }
}
