//! The boilerplate rules file: its shape, how it is checked, and the
//! compiled form the cleaner runs. Every pattern of every rule goes into one
//! [`RegexSet`], so a block is scanned once whatever the number of rules.
//!
//! The built-in file (`data/boilerplate.toml`) is compiled in and parsed
//! once; a user's file is checked with the same code and its rules are
//! tried before the built-in ones.

use crate::error::{Error, Result};
use crate::model::BlockKind;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};

/// The built-in rules file.
pub(crate) const BUILTIN: &str = include_str!("../../data/boilerplate.toml");

/// The shape of a rules file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    settings: Option<RawSettings>,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    zone: Vec<RawZone>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSettings {
    tail_start: Option<f64>,
    head_blocks: Option<usize>,
    caption_max_words: Option<usize>,
    section_rules: Option<Vec<String>>,
    section_keep: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Option<String>,
    why: Option<String>,
    kinds: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    cues: Vec<String>,
    min_cues: Option<usize>,
    max_words: Option<usize>,
    scope: Option<String>,
    capture: Option<String>,
    #[serde(default)]
    case_sensitive: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawZone {
    id: Option<String>,
    why: Option<String>,
    kinds: Vec<String>,
    start: Vec<String>,
    max_words: Option<usize>,
    extent: String,
    run_max_words: Option<usize>,
    scope: Option<String>,
    #[serde(default)]
    case_sensitive: bool,
}

/// Tunable thresholds of the structural rules.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub tail_start: f64,
    pub head_blocks: usize,
    pub caption_max_words: usize,
    pub section_rules: Vec<String>,
    /// Headings the section rule never drops (the article's "Conclusion").
    pub section_keep: Option<RegexSet>,
}

/// Where in the article a rule applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Scope {
    Anywhere,
    Head,
    Tail,
}

/// Metadata a dropped block gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Capture {
    Published,
    ReadingMinutes,
    Author,
}

/// A set of block kinds, one bit per kind.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Kinds(u8);

const KIND_NAMES: [&str; 8] = [
    "title",
    "heading",
    "paragraph",
    "list-item",
    "table-cell",
    "quote",
    "code",
    "markup",
];

impl Kinds {
    pub fn contains(self, kind: BlockKind) -> bool {
        let bit = KIND_NAMES
            .iter()
            .position(|n| *n == kind.label())
            .map_or(0, |i| 1u8 << i);
        self.0 & bit != 0
    }

    fn parse(names: &[String], id: &str) -> Result<Kinds, String> {
        let mut bits = 0u8;
        for name in names {
            let i = KIND_NAMES.iter().position(|n| n == name).ok_or_else(|| {
                format!(
                    "rule '{id}': unknown block kind '{name}' (expected one of {})",
                    KIND_NAMES.join(", ")
                )
            })?;
            bits |= 1 << i;
        }
        if bits == 0 {
            return Err(format!("rule '{id}' lists no block kinds"));
        }
        Ok(Kinds(bits))
    }
}

/// A compiled pattern rule.
#[derive(Debug)]
pub(crate) struct Rule {
    pub id: Arc<str>,
    pub why: String,
    pub kinds: Kinds,
    pub max_words: Option<usize>,
    pub scope: Scope,
    pub capture: Option<Capture>,
    pub min_cues: usize,
    /// The rule's patterns one by one, for captures; empty when the rule
    /// captures nothing.
    pub capture_patterns: Vec<Regex>,
}

/// How far a zone runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Extent {
    ToEnd,
    ShortRun { max_words: usize },
}

/// A compiled zone.
#[derive(Debug)]
pub(crate) struct Zone {
    pub id: Arc<str>,
    pub why: String,
    pub kinds: Kinds,
    pub max_words: Option<usize>,
    pub extent: Extent,
    /// Zones start in the tail unless they may start anywhere.
    pub anywhere: bool,
}

impl Rule {
    /// Whether the rule may judge a block of `kind` with `words` words,
    /// among the first blocks (`head`) or in the tail (`in_tail`).
    pub fn applies(&self, kind: BlockKind, words: usize, head: bool, in_tail: bool) -> bool {
        self.kinds.contains(kind)
            && self.max_words.is_none_or(|m| words <= m)
            && match self.scope {
                Scope::Anywhere => true,
                Scope::Head => head,
                Scope::Tail => in_tail,
            }
    }
}

impl Zone {
    /// Whether the zone may start at a block of `kind` with `words` words.
    pub fn may_start(&self, kind: BlockKind, words: usize, in_tail: bool) -> bool {
        (self.anywhere || in_tail)
            && self.kinds.contains(kind)
            && self.max_words.is_none_or(|m| words <= m)
    }

    /// Whether a block of `kind`, with `words()` words and starting zone
    /// `next()` if any, still belongs to this zone. A short run ends where
    /// another zone starts: a form's fields, then "About the Author". The
    /// counts are asked for only when the extent needs them.
    pub fn goes_on<'z>(
        &self,
        kind: BlockKind,
        words: impl FnOnce() -> usize,
        next: impl FnOnce() -> Option<&'z Zone>,
    ) -> bool {
        match self.extent {
            Extent::ToEnd => kind != BlockKind::Title,
            Extent::ShortRun { max_words } => {
                !kind.is_heading() && words() <= max_words && next().is_none_or(|z| z.id == self.id)
            }
        }
    }
}

/// What a pattern of the combined set belongs to.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Pattern(usize),
    Cue(usize),
}

/// Everything compiled.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub settings: Settings,
    pub rules: Vec<Rule>,
    set: RegexSet,
    slots: Vec<Slot>,
    pub zones: Vec<Zone>,
    zone_set: RegexSet,
    zone_slots: Vec<usize>,
}

/// Which rules' patterns and cues matched one text.
pub(crate) struct Hits {
    pattern: Vec<bool>,
    cues: Vec<usize>,
}

impl Hits {
    /// Whether rule `r` matched: a pattern, or enough cues.
    pub fn matched(&self, r: usize, rule: &Rule) -> bool {
        self.pattern[r] || (rule.min_cues > 0 && self.cues[r] >= rule.min_cues)
    }
}

impl Compiled {
    /// Which rules match `text` (one scan of the combined set).
    pub fn hits(&self, text: &str) -> Hits {
        let mut hits = Hits {
            pattern: vec![false; self.rules.len()],
            cues: vec![0; self.rules.len()],
        };
        for i in self.set.matches(text).iter() {
            match self.slots[i] {
                Slot::Pattern(r) => hits.pattern[r] = true,
                Slot::Cue(r) => hits.cues[r] += 1,
            }
        }
        hits
    }

    /// The zone a block of `kind` reading `text` starts, if any: the first
    /// whose start pattern matches and which may start there.
    pub fn zone_at(&self, text: &str, kind: BlockKind, in_tail: bool) -> Option<&Zone> {
        let z = self.zone_set.matches(text).iter().next()?;
        let zone = &self.zones[self.zone_slots[z]];
        zone.may_start(kind, text.split_whitespace().count(), in_tail)
            .then_some(zone)
    }
}

/// The built-in file, parsed once.
static BUILTIN_RAW: LazyLock<RawFile> = LazyLock::new(|| {
    toml::from_str(BUILTIN).unwrap_or_else(|e| panic!("data/boilerplate.toml: {e}"))
});

/// The built-in rules, compiled once.
static BUILTIN_COMPILED: LazyLock<Arc<Compiled>> = LazyLock::new(|| {
    Arc::new(
        compile(&[&BUILTIN_RAW])
            .unwrap_or_else(|message| panic!("data/boilerplate.toml: {message}")),
    )
});

/// The built-in rules.
pub(crate) fn builtin() -> Arc<Compiled> {
    Arc::clone(&BUILTIN_COMPILED)
}

/// The user's rules (from the text of their file) on top of the built-in
/// ones. `origin` names the file in errors.
pub(crate) fn with_user(origin: &str, source: &str) -> Result<Compiled> {
    let error = |message: String| Error::Rules {
        origin: origin.to_string(),
        message,
    };
    let user: RawFile =
        toml::from_str(source).map_err(|e| error(e.to_string().trim().to_string()))?;
    compile(&[&user, &BUILTIN_RAW]).map_err(error)
}

/// Compiles files in priority order; settings come from the first file
/// that sets each one, the built-in file last.
fn compile(files: &[&RawFile]) -> Result<Compiled, String> {
    let pick = |f: &dyn Fn(&RawSettings) -> bool| {
        files
            .iter()
            .filter_map(|file| file.settings.as_ref())
            .find(|s| f(s))
            .cloned()
            .unwrap_or_default()
    };
    let tail_start = pick(&|s| s.tail_start.is_some()).tail_start.unwrap_or(0.6);
    if !(0.0..=1.0).contains(&tail_start) {
        return Err(format!(
            "settings: tail_start {tail_start} is not between 0 and 1"
        ));
    }
    let settings = Settings {
        tail_start,
        head_blocks: pick(&|s| s.head_blocks.is_some()).head_blocks.unwrap_or(8),
        caption_max_words: pick(&|s| s.caption_max_words.is_some())
            .caption_max_words
            .unwrap_or(8),
        section_rules: pick(&|s| s.section_rules.is_some())
            .section_rules
            .unwrap_or_default(),
        section_keep: match pick(&|s| s.section_keep.is_some()).section_keep {
            Some(patterns) => Some(
                RegexSetBuilder::new(&patterns)
                    .case_insensitive(true)
                    .build()
                    .map_err(|e| format!("settings: section_keep is not a valid regex: {e}"))?,
            ),
            None => None,
        },
    };

    let mut rules = Vec::new();
    let mut sources = Vec::new();
    let mut slots = Vec::new();
    let mut zones = Vec::new();
    let mut zone_sources = Vec::new();
    let mut zone_slots = Vec::new();
    for file in files {
        for (n, raw) in file.rule.iter().enumerate() {
            let id = check_id(raw.id.as_deref(), "rule", n)?;
            let r = rules.len();
            let kinds = Kinds::parse(&raw.kinds, &id)?;
            if raw.patterns.is_empty() && raw.cues.is_empty() {
                return Err(format!("rule '{id}' has no patterns and no cues"));
            }
            let scope = match raw.scope.as_deref() {
                None | Some("anywhere") => Scope::Anywhere,
                Some("head") => Scope::Head,
                Some("tail") => Scope::Tail,
                Some(other) => {
                    return Err(format!(
                        "rule '{id}': unknown scope '{other}' (expected anywhere, head or tail)"
                    ))
                }
            };
            let capture = match raw.capture.as_deref() {
                None => None,
                Some("published") => Some(Capture::Published),
                Some("reading-minutes") => Some(Capture::ReadingMinutes),
                Some("author") => Some(Capture::Author),
                Some(other) => {
                    return Err(format!(
                        "rule '{id}': unknown capture '{other}' (expected published, reading-minutes or author)"
                    ))
                }
            };
            let mut capture_patterns = Vec::new();
            for (k, p) in raw.patterns.iter().enumerate() {
                let regex = single(p, raw.case_sensitive).map_err(|e| {
                    format!("rule '{id}': pattern {} is not a valid regex: {e}", k + 1)
                })?;
                if capture == Some(Capture::Author)
                    && regex.capture_names().all(|n| n != Some("name"))
                {
                    return Err(format!(
                        "rule '{id}': pattern {} captures an author but has no (?P<name>...) group",
                        k + 1
                    ));
                }
                if capture.is_some() {
                    capture_patterns.push(regex);
                }
                sources.push(flagged(p, raw.case_sensitive));
                slots.push(Slot::Pattern(r));
            }
            for (k, c) in raw.cues.iter().enumerate() {
                single(c, raw.case_sensitive)
                    .map_err(|e| format!("rule '{id}': cue {} is not a valid regex: {e}", k + 1))?;
                sources.push(flagged(c, raw.case_sensitive));
                slots.push(Slot::Cue(r));
            }
            rules.push(Rule {
                why: raw.why.clone().unwrap_or_default(),
                id: id.into(),
                kinds,
                max_words: raw.max_words,
                scope,
                capture,
                min_cues: if raw.cues.is_empty() {
                    0
                } else {
                    raw.min_cues.unwrap_or(2).max(1)
                },
                capture_patterns,
            });
        }
        for (n, raw) in file.zone.iter().enumerate() {
            let id = check_id(raw.id.as_deref(), "zone", n)?;
            let kinds = Kinds::parse(&raw.kinds, &id)?;
            if raw.start.is_empty() {
                return Err(format!("zone '{id}' has no start patterns"));
            }
            let extent = match raw.extent.as_str() {
                "to-end" => Extent::ToEnd,
                "short-run" => Extent::ShortRun {
                    max_words: raw.run_max_words.unwrap_or(15),
                },
                other => {
                    return Err(format!(
                        "zone '{id}': unknown extent '{other}' (expected to-end or short-run)"
                    ))
                }
            };
            let anywhere = match raw.scope.as_deref() {
                None | Some("tail") => false,
                Some("anywhere") => true,
                Some(other) => {
                    return Err(format!(
                        "zone '{id}': unknown scope '{other}' (expected tail or anywhere)"
                    ))
                }
            };
            for (k, p) in raw.start.iter().enumerate() {
                single(p, raw.case_sensitive).map_err(|e| {
                    format!(
                        "zone '{id}': start pattern {} is not a valid regex: {e}",
                        k + 1
                    )
                })?;
                zone_sources.push(flagged(p, raw.case_sensitive));
                zone_slots.push(zones.len());
            }
            zones.push(Zone {
                why: raw.why.clone().unwrap_or_default(),
                id: id.into(),
                kinds,
                max_words: raw.max_words,
                extent,
                anywhere,
            });
        }
    }
    let set = build_set(&sources)?;
    let zone_set = build_set(&zone_sources)?;
    Ok(Compiled {
        settings,
        rules,
        set,
        slots,
        zones,
        zone_set,
        zone_slots,
    })
}

/// A rule id: present, dotted, lower case (`boilerplate.social-links`).
fn check_id(id: Option<&str>, what: &str, n: usize) -> Result<String, String> {
    let id = id.ok_or_else(|| format!("{what} #{} has no id", n + 1))?;
    let part_ok = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    if id.contains('.') && id.split('.').all(part_ok) {
        Ok(id.to_string())
    } else {
        Err(format!(
            "{what} #{} has id '{id}', which is not dotted lower case (like 'boilerplate.my-rule')",
            n + 1
        ))
    }
}

fn single(pattern: &str, case_sensitive: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .build()
}

/// A pattern with its case flag written in, so patterns of different
/// rules can share one set, and with ASCII word boundaries: a Unicode `\b`
/// keeps the lazy DFA off any text with a non-ASCII character (a curly
/// quote is enough) and makes the set a hundred times slower.
fn flagged(pattern: &str, case_sensitive: bool) -> String {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    if case_sensitive {
        format!("(?:{pattern})")
    } else {
        format!("(?i:{pattern})")
    }
}

/// Builds one set. The lazy DFA gets room for the set's case-insensitive
/// Unicode classes: at the default size it keeps clearing its cache and
/// falls back to the NFA, fifty times slower (about 100 µs a block instead
/// of 2).
fn build_set(sources: &[String]) -> Result<RegexSet, String> {
    RegexSetBuilder::new(sources)
        .size_limit(64 << 20)
        .dfa_size_limit(16 << 20)
        .build()
        .map_err(|e| format!("the rules do not compile together: {e}"))
}
