//! Company users: companies and websites said to use an entity.
//!
//! Four shapes, each a rule:
//! - `company.users-list`: an item of a list under a users heading
//!   ("Popular Websites That Use Django", "Notable users"); the entity is
//!   the section subject;
//! - `company.colon-line`: a line "Shopify: Uses Ruby on Rails for ..." in
//!   a run of such lines most of which say *uses*, *built with*,
//!   *leverages* (`data/companies.toml`); the entity is the mention after
//!   the colon, or none ("Netflix: Uses for its microservices");
//! - `company.used-by`: "used (in production) by NPM, Netflix and
//!   Pinterest", "eCommerce platforms such as Groupon, Shopify", "developed
//!   at Walmart"; the entity is the first mention of the sentence, else the
//!   section subject;
//! - `company.uses`: "Instagram uses Django", "Netflix and Uber run
//!   Node.js": company names right before a use verb (an adverb or an
//!   auxiliary may stand between) and a mention after it.
//!
//! A name is a company only when it looks like one: one to four
//! capitalised words ("Stack Overflow", "eBay", "MarketWatch.com"), not an
//! entity, not a generic noun ("Developers"). A social link ("Instagram:
//! instagram.com/...") is never a company user.

use super::{prose_blocks, quote, sentences, CompanyUse, Context};
use crate::model::{BlockKind, Span};
use crate::structure::Role;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

const BUILTIN: &str = include_str!("../../data/companies.toml");

/// The compiled word lists of `data/companies.toml`.
#[derive(Debug)]
struct Lexicon {
    /// A use verb anywhere: "uses", "built with", ...
    cue: Regex,
    /// A users noun right before "such as" / "like" / "including".
    such_as: Regex,
    user_nouns: HashSet<String>,
    list_tails: Regex,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    cue_verbs: Vec<String>,
    user_nouns: Vec<String>,
    list_tails: Vec<String>,
}

/// Joins phrases into a regex alternation of whole words.
fn alternation(items: &[String], what: &str) -> Result<String, String> {
    let mut seen = HashSet::new();
    let mut parts = Vec::new();
    for w in items {
        let ok = !w.is_empty()
            && w.trim() == w
            && w.to_lowercase() == *w
            && w.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        if !ok {
            return Err(format!(
                "{what} {w:?}: lower-case words expected, nothing else"
            ));
        }
        if !seen.insert(w.as_str()) {
            return Err(format!("{what} {w:?} is listed twice"));
        }
        parts.push(regex::escape(w).replace(' ', r"\s+"));
    }
    // Longest first, so "built with" wins over "built".
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    Ok(parts.join("|"))
}

impl Lexicon {
    fn parse(text: &str) -> Result<Lexicon, String> {
        let file: LexiconFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let cue = alternation(&file.cue_verbs, "cue verb")?;
        let nouns = alternation(&file.user_nouns, "user noun")?;
        let tails = alternation(&file.list_tails, "list tail")?;
        let build = |p: String| Regex::new(&p).map_err(|e| e.to_string());
        Ok(Lexicon {
            cue: build(format!(r"(?i)(?-u:\b)(?:{cue})(?-u:\b)"))?,
            such_as: build(format!(
                r"(?i)(?-u:\b)(?:{nouns})\s+(?:such\s+as|like|including)\s+"
            ))?,
            user_nouns: file.user_nouns.into_iter().collect(),
            list_tails: build(format!(r"(?i)[\s,]*(?-u:\b)(?:{tails})(?-u:\b)\.?"))?,
        })
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(BUILTIN).expect("data/companies.toml is checked by a unit test")
});

/// The starting cues of the sentence rules as one set: `USED_BY`,
/// `DEVELOPED_AT`, the lexicon's `such_as` and `cue`, `USERS_OF`,
/// `USED_AT`, `SHOPS`, `ROSTER`, `EMPLOYER`, `TOLD_USE`, `OWN_SYSTEM` and
/// `OWN_STACK`.
static ANY_CUE: LazyLock<RegexSet> = LazyLock::new(|| {
    let lex = &*LEXICON;
    RegexSet::new([
        USED_BY.as_str(),
        DEVELOPED_AT.as_str(),
        lex.such_as.as_str(),
        lex.cue.as_str(),
        USERS_OF.as_str(),
        USED_AT.as_str(),
        SHOPS.as_str(),
        ROSTER.as_str(),
        EMPLOYER.as_str(),
        TOLD_USE.as_str(),
        OWN_SYSTEM.as_str(),
        OWN_STACK.as_str(),
    ])
    .expect("patterns that each compiled alone")
});

/// "At Lumen we still run the main app on Django", "Teams at Netflix and
/// Uber reported using Spring Boot", "Our customers at Zalando run Quarkus":
/// people at named companies, then a use verb; what they use is named
/// after it.
static EMPLOYER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?i:teams|engineers|developers|folks|people|customers|engineering\s+teams)\s+at|[Aa]t)\s+(?P<names>\p{Lu}[\w.&'-]*(?:\s+\p{Lu}[\w.&'-]*){0,2}(?:\s*(?:,|and|&)\s*\p{Lu}[\w.&'-]*(?:\s+\p{Lu}[\w.&'-]*){0,2})*)\s*,?\s+(?:we\s+|they\s+)?(?i:(?:still|also|now|mostly|all|reported|said\s+they)\s+)?(?i:use|used|using|run|ran|running|built|build|moved|migrated|switched|chose|adopted|deploy|deployed)(?-u:\b)",
    )
    .expect("static regex")
});

/// "Trivago and Hotstar have both talked publicly about running Fastify",
/// "Adidas, Roche and Decathlon all list it in production": names, then
/// what they said about using the entity, or that they run it.
static TOLD_USE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:have|has)\s+)?(?:(?:both|all|each)\s+)?(?:(?:talked|spoken|written|blogged|posted)\s+(?:[a-z]+ly\s+)?about\s+(?:using|running|adopting|migrating\s+to|moving\s+to|switching\s+to)(?:\s+(?:hundreds|dozens|thousands|scores)\s+of)?|(?:list|lists|run|runs|use|uses)\s+(?P<it>it|them)\s+in\s+production)(?-u:\b)\s*",
    )
    .expect("static regex")
});

/// "Bleacher Report moved its push notifications to Phoenix", "The
/// Washington Post built its publishing tools on it", "Netflix has written
/// about running its streaming back end on Spring Boot": names, a verb of
/// building or moving, what of theirs, and the entity (or "it") after the
/// preposition.
static OWN_SYSTEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:have|has)\s+)?(?:(?:talked|spoken|written|blogged|posted)\s+(?:[a-z]+ly\s+)?about\s+)?(?:built|builds|building|runs|ran|running|moved|moves|moving|migrated|migrates|migrating|ported|rebuilt|rewrote|serves|served)\s+(?:(?:a\s+)?(?:large|big|small)?\s*(?:part|parts|most|much|some|all)\s+of\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,4}?(?:on|onto|to|with|in|using)\s+(?:(?P<it>it|them)(?-u:\b))?",
    )
    .expect("static regex")
});

/// "Monzo's backend is famously Go all the way down", "Lyft's stack runs
/// on Flask": a company's system, a copula or use verb, and the entity.
static OWN_STACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:'|\x{2019})s\s+(?:(?:whole|entire|main|core|own)\s+)?(?:backend|back\s+end|back-end|stack|platform|api|apis|infrastructure|services|codebase|web\s+tier|server\s+side|server-side)\s+(?:is|was|has\s+been|runs\s+on|ran\s+on|is\s+built\s+on|was\s+built\s+on|is\s+written\s+in|was\s+written\s+in)\s+(?:(?:mostly|largely|famously|entirely|still|now|all)\s+)?",
    )
    .expect("static regex")
});

/// "Instagram and Disqus are well-known Django users", "Adidas and Roche
/// are among the companies that use NestJS": names, a copula, then what
/// they are: users of the entity. `who` is the users' noun phrase and
/// the entity follows it; `users` ends a phrase whose entity precedes it.
static ROSTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:is|are|were)\s+(?:all\s+)?(?:among\s+)?(?:the\s+|some\s+of\s+the\s+)?(?:(?:well[- ]known|notable|famous|prominent|big|major|large|popular|known)\s+)?(?:(?P<who>companies|organi[sz]ations|businesses|brands|teams|customers|users|adopters)\s+(?:that|who)\s+(?:use|run|rely\s+on|build\s+(?:on|with))\s+|(?P<users>[\w.#+-]+(?:\s+[\w.#+-]+)?)\s+(?:users|customers|adopters)(?-u:\b))",
    )
    .expect("static regex")
});

/// "Companies using", "apps built with", "websites powered by": a noun of
/// users and a use verb, then the entity and its users ("Companies using
/// Laravel: Lyft, BBC", "Apps built with Flask include Airbnb").
static USERS_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:companies|businesses|brands|organi[sz]ations|enterprises|startups|apps|applications|websites|sites|products|platforms|services)\s+(?:that\s+)?(?:using|use|built\s+(?:with|on|using)|powered\s+by|running\s+on|run\s+on)\s+",
    )
    .expect("static regex")
});

/// Between the entity and the list of its users: a colon, "include",
/// "are", "such as", "like".
static USERS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?::|(?:include|includes|including|are|such\s+as|like)(?-u:\b))\s*")
        .expect("static regex")
});

/// "used by", "used in production by", "used by big companies such as".
static USED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)used\s+(?:in\s+production\s+)?by\s+(?:(?:some\s+of\s+)?(?:the\s+)?(?:big|large|major|many|top|popular|leading|well[- ]known|famous|giant|tech|global|companies|organi[sz]ations|businesses|brands|giants|enterprises|names|the\s+likes\s+of|such\s+as|like|including)\s+)*",
    )
    .expect("static regex")
});

/// "developed at Walmart": made in-house by a company that runs it.
static DEVELOPED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:developed|created|built|born|started|written)\s+(?:in-house\s+)?at\s+",
    )
    .expect("static regex")
});

/// "powers backends at Netflix", "is used at Uber and Lyft": a company
/// list after a use verb and "at", with at most two lower-case words
/// between.
static USED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:powers|power|powered|is\s+used|are\s+used|is\s+deployed|runs\s+in\s+production)\s+(?:[a-z-]+\s+){0,2}?at\s+",
    )
    .expect("static regex")
});

/// "Uber and Twitch are known Go shops": a company that is "an X shop"
/// builds with X.
static SHOPS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)shops?(?-u:\b)").expect("static regex"));

/// "Shopify runs on Rails, and so do GitHub and Basecamp", "Invoice Ninja
/// is built on Laravel, and so, last I checked, is Fathom": more users of
/// what the clause before named, right after it.
static SO_DO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[^.;:]{0,40}?,?\s+and\s+so(?:\s*,[^,.;:]{1,30},)?\s+(?:do|does|did|is|are|was|were)\s+",
    )
    .expect("static regex")
});

/// Where a list of names ends: "NPM, Netflix and Pinterest".
static LIST_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+").expect("static regex")
});

/// A social-media handle or address after a name's colon.
static SOCIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:@|https?://|www\.|[\w-]+\.(?:com|net|org|io|co)(?-u:\b)/?)")
        .expect("static regex")
});

/// Markdown link text: `[Bloom](https://...)`.
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[(?P<text>[^\]]+)\]\([^)]*\)").expect("static regex"));

/// Capitalised words that start sentences but name no one.
const GENERIC: &[&str] = &[
    "who",
    "what",
    "which",
    "where",
    "why",
    "how",
    "it",
    "this",
    "that",
    "these",
    "those",
    "they",
    "we",
    "you",
    "i",
    "he",
    "she",
    "many",
    "some",
    "most",
    "all",
    "other",
    "others",
    "several",
    "developers",
    "programmers",
    "teams",
    "people",
    "everyone",
    "anyone",
    "both",
    "each",
    "such",
    "the",
    "a",
    "an",
    "its",
    "their",
    "our",
    "your",
    "also",
    "and",
    "or",
    "but",
    "i'm",
    "i’m",
    "it's",
    "it’s",
    "that's",
    "that’s",
    "there's",
    "there’s",
    "they're",
    "they’re",
    "we're",
    "there",
    "here",
    "when",
    "if",
    "while",
    "with",
    "for",
    "in",
    "on",
    "at",
    "by",
];

/// Extracts every company use of a document.
pub fn extract(cx: &Context) -> Vec<CompanyUse> {
    let mut out = Vec::new();
    let blocks: Vec<usize> = prose_blocks(cx.doc, cx.cleaned)
        .filter(|&i| {
            !matches!(
                cx.doc.blocks[i].kind,
                BlockKind::Title | BlockKind::Heading { .. } | BlockKind::TableCell { .. }
            )
        })
        .collect();
    let mut in_run = vec![false; blocks.len()];
    colon_runs(cx, &blocks, &mut in_run, &mut out);
    // The entity a label paragraph before a list names users of ("Top
    // brands that use Spring Boot:"), for the list's items.
    let mut labelled: Option<Option<String>> = None;
    for (k, &i) in blocks.iter().enumerate() {
        let item = matches!(cx.doc.blocks[i].kind, BlockKind::ListItem { .. });
        if !item {
            labelled = None;
        }
        if in_run[k] {
            continue;
        }
        if let (true, Some(entity)) = (item, &labelled) {
            users_item(cx, i, entity.clone(), &mut out);
        } else if role(cx, i) == Role::Users && item {
            users_item(cx, i, cx.subject_of(i).map(str::to_string), &mut out);
        } else if let Some(entity) = list_label(cx, i) {
            labelled = Some(entity);
        } else {
            sentences_of(cx, i, &mut out);
            users_label(cx, i, &mut out);
        }
    }
    // One company per entity: a repeated name adds nothing.
    let mut seen = HashSet::new();
    // Names are compared as the scorer compares them: case and punctuation
    // folded.
    out.retain(|c| seen.insert((fold(&c.company), c.entity.clone())));
    out
}

fn role(cx: &Context, i: usize) -> Role {
    cx.outline
        .section_of
        .get(i)
        .and_then(|&s| cx.outline.sections.get(s))
        .map_or(Role::Content, |s| s.role)
}

/// A company name found at `[start, end)` of the document text.
fn push(
    cx: &Context,
    start: usize,
    end: usize,
    entity: Option<String>,
    rule: &str,
    out: &mut Vec<CompanyUse>,
) {
    let span = Span::new(start, end);
    let q = quote(cx.doc, span);
    out.push(CompanyUse {
        company: q.clone(),
        entity,
        start,
        end,
        quote: q,
        rule: rule.to_string(),
    });
}

/// Whether `name` looks like a company or website name.
fn is_company_name(cx: &Context, name: &str, at: usize) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || name.len() > 40 || !starts_like_a_name(words[0]) {
        return false;
    }
    // "Popular Web Apps", "Big Companies": a kind of user, not one.
    let last = words[words.len() - 1].to_lowercase();
    if LEXICON.user_nouns.contains(&last) {
        return false;
    }
    let first_lower = words[0].to_lowercase();
    if words.len() == 1
        && (GENERIC.contains(&first_lower.as_str()) || LEXICON.user_nouns.contains(&first_lower))
    {
        return false;
    }
    if GENERIC.contains(&first_lower.as_str()) && first_lower != "the" {
        return false;
    }
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        match cs.next() {
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
            // "eBay", "iHeartRadio".
            Some(c) if c.is_lowercase() => cs.next().is_some_and(char::is_uppercase),
            _ => false,
        }
    };
    let inner_ok = words
        .iter()
        .enumerate()
        .all(|(k, w)| capitalised(w) || (k > 0 && matches!(*w, "of" | "&" | "and")));
    if !inner_ok || !words.last().is_some_and(|w| capitalised(w)) {
        return false;
    }
    if name.contains(['(', ')', '[', ']', '*', '`', '"']) {
        return false;
    }
    // An entity is not a company that uses one.
    cx.mentions_in(Span::new(at, at + name.len())).is_empty()
}

/// Whether a word read back from a verb may be a word of a name: a
/// capital first, or digits run into a capital ("9GAG").
fn opens_a_name(word: &str) -> bool {
    let letters = word.trim_start_matches(|c: char| c.is_ascii_digit());
    letters.starts_with(|c: char| c.is_uppercase())
}

/// Whether a name's first word starts as a name does: with a letter, or
/// with digits run into three letters or more ("9GAG", "37signals"), which
/// no figure ("3x", "5G", "2023") is.
fn starts_like_a_name(word: &str) -> bool {
    if word.starts_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    let letters = word.trim_start_matches(|c: char| c.is_ascii_digit());
    letters.len() < word.len() && letters.chars().take_while(|c| c.is_alphabetic()).count() >= 3
}

/// Trims `s` (at document offset `at`) to its name: no parenthetical, no
/// Markdown link syntax, no closing punctuation. Returns the name's span.
fn name_span(s: &str, at: usize) -> Option<(usize, usize)> {
    let lead = s.len() - s.trim_start().len();
    let mut t = &s[lead..];
    let mut off = at + lead;
    if let Some(c) = MD_LINK.captures(t) {
        let m = c.name("text")?;
        off += m.start();
        t = m.as_str();
    }
    let t = match t.find(" (") {
        Some(p) => &t[..p],
        None => t,
    };
    let t = t
        .trim_end()
        .trim_end_matches(['.', ',', ';', ':', '!', '?']);
    (!t.is_empty()).then_some((off, off + t.len()))
}

/// A paragraph that is a users label and ends with a colon, with its list
/// after it ("Top brands that use Spring Boot:", "Who uses it?"): the
/// entity it names, else the section's subject.
fn list_label(cx: &Context, i: usize) -> Option<Option<String>> {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block).trim();
    let next_is_item = cx
        .doc
        .blocks
        .get(i + 1)
        .is_some_and(|b| matches!(b.kind, BlockKind::ListItem { .. }));
    if block.kind != BlockKind::Paragraph || !next_is_item || text.len() > 96 {
        return None;
    }
    let label = text
        .trim_matches(['*', '_'])
        .strip_suffix([':', '?'])?
        .trim_end_matches(['*', '_']);
    if label.contains(['.', '!', '?', ':']) || !cx.config.roles.is_users_label(label) {
        return None;
    }
    let named = cx.mentions_in(block.span).first().map(|m| m.entity.clone());
    Some(named.or_else(|| cx.subject_of(i).map(str::to_string)))
}

fn users_item(cx: &Context, i: usize, entity: Option<String>, out: &mut Vec<CompanyUse>) {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    let (head, rest) = match text.split_once(':') {
        Some((h, r)) => (h, Some(r.trim())),
        None => match text.split_once(" – ").or_else(|| text.split_once(" - ")) {
            Some((h, r)) => (h, Some(r.trim())),
            None => (text, None),
        },
    };
    if rest.is_some_and(|r| SOCIAL.is_match(r)) {
        return;
    }
    let Some((s, e)) = name_span(head, block.span.start) else {
        return;
    };
    if is_company_name(cx, &cx.doc.text[s..e], s) {
        push(cx, s, e, entity, "company.users-list", out);
    }
}

/// Runs of "Name: rest" lines most of which say the name uses something.
fn colon_runs(cx: &Context, blocks: &[usize], in_run: &mut [bool], out: &mut Vec<CompanyUse>) {
    // Each block is read once: a run's test and its lines share it.
    let mut parsed: Vec<Option<ColonLine>> = blocks.iter().map(|&i| colon_line(cx, i)).collect();
    let mut k = 0;
    while k < blocks.len() {
        let mut end = k;
        while end < blocks.len()
            && blocks[end] == blocks[k] + (end - k)
            && parsed[end].is_some()
            && !matches!(
                role(cx, blocks[end]),
                Role::Pros | Role::Cons | Role::Features
            )
        {
            end += 1;
        }
        if end == k {
            k += 1;
            continue;
        }
        let lines: Vec<_> = (k..end)
            .filter_map(|j| parsed[j].take().map(|l| (blocks[j], l)))
            .collect();
        let cued = lines.iter().filter(|(_, l)| l.cued).count();
        if cued >= 2 && cued * 2 >= lines.len() {
            for (i, l) in lines {
                if l.social || !is_company_name(cx, &cx.doc.text[l.name.0..l.name.1], l.name.0) {
                    continue;
                }
                // After a use verb a capitalised name is the thing used:
                // read the line the lenient way a heading is read.
                let rest = &cx.doc.text[l.rest..cx.doc.blocks[i].span.end];
                let m = &cx.config.matcher;
                let entity = m.find_in(rest, true).first().map(|f| m.slug(f).to_string());
                push(cx, l.name.0, l.name.1, entity, "company.colon-line", out);
            }
            in_run[k..end].iter_mut().for_each(|r| *r = true);
        }
        k = end;
    }
}

/// One "Name: rest" line.
struct ColonLine {
    /// The name's span in the document.
    name: (usize, usize),
    /// Where the rest starts in the document.
    rest: usize,
    /// The rest says the name uses something, near its start, with no
    /// entity as its subject ("Routing: Express uses ..." is a feature).
    cued: bool,
    social: bool,
}

fn colon_line(cx: &Context, i: usize) -> Option<ColonLine> {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    // Most blocks have no colon at all: no need to run the pattern.
    if !text.contains(':') {
        return None;
    }
    let (name, rest) = split_colon_line(text)?;
    let base = block.span.start;
    let span = name_span(name, base)?;
    let r = &text[rest..];
    let cued = LEXICON.cue.find(r).is_some_and(|m| {
        r[..m.start()].split_whitespace().count() <= 6
            && cx
                .mentions_in(Span::new(base + rest, base + rest + m.start()))
                .is_empty()
    });
    Some(ColonLine {
        name: span,
        rest: base + rest,
        cued,
        social: SOCIAL.is_match(r),
    })
}

/// A text that is one "Name: rest" line: the name (up to 60 characters
/// before the first colon, white space after it trimmed) and where the
/// rest starts (past the white space after the colon, running to the end
/// with no line break). The rest may follow on the next line ("Name:\n
/// rest"). Read by hand, not with captures: most blocks have a colon (a
/// link's "https:"), and a capturing search over the whole block cost more
/// than the rest of the rule.
fn split_colon_line(text: &str) -> Option<(&str, usize)> {
    let colon = text.find(':')?;
    let head = &text[..colon];
    let name = match head.trim_end() {
        // A name of white space alone is its first character.
        "" => &head[..head.chars().next()?.len_utf8()],
        name => name,
    };
    if name.contains('\n') || name.chars().count() > 60 {
        return None;
    }
    let after = &text[colon + 1..];
    let rest = after.trim_start();
    let gap = after.len() - rest.len();
    if gap == 0 || rest.is_empty() || rest.contains('\n') {
        return None;
    }
    Some((name, colon + 1 + gap))
}

/// The sentence rules: "used by A, B and C", "platforms such as A",
/// "developed at A", "A uses X".
fn sentences_of(cx: &Context, i: usize, out: &mut Vec<CompanyUse>) {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    let base = block.span.start;
    let lex = &*LEXICON;
    // Every rule below starts from one of these cues: a block with none is
    // settled by one scan instead of a walk over its sentences.
    if !ANY_CUE.is_match(text) {
        return;
    }
    for r in sentences::split(text) {
        let s = &text[r.clone()];
        // Which cues the sentence holds, in one scan: most sentences of a
        // cued block hold none, and each rule below runs only where its
        // own cue is (the set's patterns are `ANY_CUE`'s, in its order).
        let cues = ANY_CUE.matches(s);
        if !cues.matched_any() {
            continue;
        }
        let at = base + r.start;
        let mentions = cx.mentions_in(Span::new(at, at + s.len()));
        let subject = |cue: usize| {
            mentions
                .iter()
                .find(|m| m.end <= at + cue && !super::statistics::modifier(&cx.doc.text, m))
                .map(|m| m.entity.clone())
                .or_else(|| cx.subject_of(i).map(str::to_string))
        };
        if cues.matched(0) {
            for m in USED_BY.find_iter(s) {
                for (a, b) in list(cx, s, m.end(), at) {
                    push(cx, a, b, subject(m.start()), "company.used-by", out);
                }
            }
        }
        // Lower-cased once, and only for a sentence with a "such as".
        let hosting = || {
            let lower = s.to_lowercase();
            ["deploy", "host", "cloud", "integrat"]
                .iter()
                .any(|w| lower.contains(w))
        };
        if cues.matched(2) && !hosting() {
            for m in lex.such_as.find_iter(s) {
                for (a, b) in list(cx, s, m.end(), at) {
                    push(cx, a, b, subject(m.start()), "company.used-by", out);
                }
            }
        }
        if cues.matched(1) {
            for m in DEVELOPED_AT.find_iter(s) {
                if let Some(&(a, b)) = list(cx, s, m.end(), at).first() {
                    push(cx, a, b, subject(m.start()), "company.used-by", out);
                }
            }
        }
        if cues.matched(3) {
            uses(cx, i, s, at, out);
        }
        if cues.matched(5) {
            for m in USED_AT.find_iter(s) {
                for (a, b) in list(cx, s, m.end(), at) {
                    push(cx, a, b, subject(m.start()), "company.used-at", out);
                }
            }
        }
        if cues.matched(6) {
            shops(cx, s, at, mentions, out);
        }
        if cues.matched(7) {
            roster(cx, s, at, mentions, out);
        }
        if cues.matched(8) {
            employer(cx, s, at, mentions, out);
        }
        if cues.matched(9) {
            names_then_entity(cx, i, s, at, mentions, (&TOLD_USE, "company.told-use"), out);
        }
        if cues.matched(10) {
            let rule = (&*OWN_SYSTEM, "company.own-system");
            names_then_entity(cx, i, s, at, mentions, rule, out);
        }
        if cues.matched(11) {
            let rule = (&*OWN_STACK, "company.own-stack");
            names_then_entity(cx, i, s, at, mentions, rule, out);
        }
        if cues.matched(4) {
            for m in USERS_OF.find_iter(s) {
                // The entity must follow the verb at once; its users come
                // after a colon or "include".
                let Some((entity, rest)) = users_of_what(cx, i, s, m.end(), at, mentions) else {
                    continue;
                };
                let Some(lead) = s.get(rest..).and_then(|t| USERS_LEAD.find(t)) else {
                    continue;
                };
                for (a, b) in list(cx, s, rest + lead.end(), at) {
                    push(cx, a, b, Some(entity.clone()), "company.users-of", out);
                }
            }
        }
    }
}

/// The [`EMPLOYER`] sentences: each company named uses what the sentence
/// names after the verb, but not what it is compared with or moved from.
fn employer(
    cx: &Context,
    s: &str,
    at: usize,
    mentions: &[super::Mention],
    out: &mut Vec<CompanyUse>,
) {
    for c in EMPLOYER.captures_iter(s) {
        let (Some(names), Some(whole)) = (c.name("names"), c.get(0)) else {
            continue;
        };
        let used: Vec<&super::Mention> = mentions
            .iter()
            .filter(|m| m.start >= at + whole.end())
            .filter(|m| {
                let before = s[..m.start - at].trim_end();
                let word = before.rsplit(' ').next().unwrap_or("").to_lowercase();
                !matches!(
                    word.as_str(),
                    "than" | "over" | "unlike" | "from" | "versus" | "vs" | "vs."
                )
            })
            .collect();
        let mut from = names.start();
        for sep in LIST_SEP
            .find_iter(names.as_str())
            .map(|m| (m.start(), m.end()))
            .chain([(names.len(), names.len())])
        {
            let (a, b) = (from, names.start() + sep.0);
            from = names.start() + sep.1;
            let name = &s[a..b];
            if !is_company_name(cx, name, at + a) {
                continue;
            }
            for m in &used {
                push(
                    cx,
                    at + a,
                    at + b,
                    Some(m.entity.clone()),
                    "company.employer",
                    out,
                );
            }
        }
    }
}

/// The [`TOLD_USE`], [`OWN_SYSTEM`] and [`OWN_STACK`] sentences
/// (`pattern`): the names before the match use the entity right after it,
/// or, where it says "it", the one the paragraph opens with (else the
/// section's).
fn names_then_entity(
    cx: &Context,
    i: usize,
    s: &str,
    at: usize,
    mentions: &[super::Mention],
    (pattern, rule): (&Regex, &str),
    out: &mut Vec<CompanyUse>,
) {
    for c in pattern.captures_iter(s) {
        let whole = c.get(0).expect("match");
        let entity = if c.name("it").is_some() {
            cx.opening_mention(cx.doc.blocks[i].span, &[])
                .map(|m| m.entity.clone())
                .or_else(|| cx.subject_of(i).map(str::to_string))
        } else {
            mentions
                .iter()
                .find(|m| m.start == at + whole.end())
                .map(|m| m.entity.clone())
        };
        let Some(entity) = entity else {
            continue;
        };
        for (a, b) in subjects_before(cx, s, whole.start(), at) {
            push(cx, a, b, Some(entity.clone()), rule, out);
        }
    }
}

/// The [`ROSTER`] sentences: the names before the copula use the entity
/// named right after the users' phrase, or as its last words.
fn roster(
    cx: &Context,
    s: &str,
    at: usize,
    mentions: &[super::Mention],
    out: &mut Vec<CompanyUse>,
) {
    for c in ROSTER.captures_iter(s) {
        let whole = c.get(0).expect("match");
        let entity = match (c.name("who"), c.name("users")) {
            (Some(_), _) => mentions.iter().find(|m| m.start == at + whole.end()),
            (None, Some(u)) => mentions
                .iter()
                .find(|m| m.start >= at + u.start() && m.end == at + u.end()),
            (None, None) => None,
        };
        let Some(entity) = entity else {
            continue;
        };
        for (a, b) in subjects_before(cx, s, whole.start(), at) {
            push(cx, a, b, Some(entity.entity.clone()), "company.roster", out);
        }
    }
}

/// What the users of "Companies using ..." use, and where the text goes
/// on after it: the mention right after the verb (an ambiguous name read
/// as in a heading, "Companies using Gin"), or "it" for the section's
/// subject ("Companies using it include ...").
fn users_of_what(
    cx: &Context,
    i: usize,
    s: &str,
    from: usize,
    at: usize,
    mentions: &[super::Mention],
) -> Option<(String, usize)> {
    if let Some(e) = mentions.iter().find(|e| e.start == at + from) {
        return Some((e.entity.clone(), e.end - at));
    }
    let after = &s[from..];
    let word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if matches!(word, "it" | "them") {
        return cx.subject_of(i).map(|e| (e.to_string(), from + word.len()));
    }
    let matcher = &cx.config.matcher;
    let found = matcher.find_in(after, true);
    let first = found.first().filter(|f| f.span.start == 0)?;
    Some((matcher.slug(first).to_string(), from + first.span.end))
}

/// "Who runs it in production: Instagram, Mozilla", "Used by: Reddit,
/// Lyft": a line opening with a users label and a colon names users of
/// the entity the label names, else of the section's subject.
fn users_label(cx: &Context, i: usize, out: &mut Vec<CompanyUse>) {
    let block = &cx.doc.blocks[i];
    let text = cx.doc.block_text(block);
    // A short label first: most blocks have none, and are settled here.
    let mut head = text.len().min(96);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    // A colon and a space; a char search, which is a memchr, not a
    // substring search set up anew for every block.
    let Some(colon) = text[..head]
        .match_indices(':')
        .map(|(k, _)| k)
        .find(|&k| text.as_bytes().get(k + 1) == Some(&b' '))
    else {
        return;
    };
    let label = &text[..colon];
    if label.contains(['.', '!', '?']) || !cx.config.roles.is_users_label(label) {
        return;
    }
    // The label and its list are the block's first sentence.
    let first = sentences::split(text).first().map_or(text.len(), |r| r.end);
    let text = &text[..first.max(colon + 1)];
    let at = block.span.start;
    let named = cx.mentions_in(Span::new(at, at + colon)).first();
    let Some(entity) = named
        .map(|m| m.entity.clone())
        .or_else(|| cx.subject_of(i).map(str::to_string))
    else {
        return;
    };
    for (a, b) in list(cx, text, colon + 1, at) {
        push(cx, a, b, Some(entity.clone()), "company.users-label", out);
    }
}

/// "Instagram uses Django", "Netflix, Uber and PayPal run Node.js in
/// production", "Shopify is built on Ruby on Rails", "GitHub and Shopify
/// both run enormous Rails monoliths": company names, perhaps an adverb or
/// an auxiliary, a use verb, then a mention (up to four lower-case words
/// may stand between the verb and the mention).
fn uses(cx: &Context, i: usize, s: &str, at: usize, out: &mut Vec<CompanyUse>) {
    for m in LEXICON.cue.find_iter(s) {
        // The names go first: most use verbs of prose have none before
        // them, and the mention after the verb costs a catalog search.
        let subjects = subjects_before(cx, s, m.start(), at);
        // A company's own verb, not "using" or "use" of a reader: a plain
        // "use" or "run" needs more than one company before it ("Netflix
        // and Uber run ...").
        let verb = m.as_str().to_lowercase();
        // "built" and "written" say what a company made, and only with
        // what: "Airbnb built its early site with Rails", not "Microsoft
        // built TypeScript".
        let made = matches!(verb.as_str(), "built" | "written" | "wrote");
        let own_verb = verb.ends_with('s')
            || verb.ends_with(" on")
            || made
            || matches!(verb.as_str(), "adopted" | "chose" | "ran" | "grew on");
        if subjects.is_empty() || (!own_verb && subjects.len() < 2) {
            continue;
        }
        let Some(entity) = used_after(cx, i, &s[m.end()..], at + m.end(), made) else {
            continue;
        };
        for (start, end) in subjects {
            push(cx, start, end, Some(entity.clone()), "company.uses", out);
        }
        if let Some(so) = SO_DO.find(&s[m.end()..]) {
            for (start, end) in list(cx, s, m.end() + so.end(), at) {
                push(cx, start, end, Some(entity.clone()), "company.uses", out);
            }
        }
    }
}

/// "Uber and Twitch are known Go shops", "Shopify is a Rails shop": the
/// companies before "is"/"are" and at most two lower-case words, then a
/// mention and "shop".
fn shops(cx: &Context, s: &str, at: usize, mentions: &[super::Mention], out: &mut Vec<CompanyUse>) {
    for m in mentions {
        let (start, end) = (m.start - at, m.end - at);
        let after = &s[end..];
        let shop = after.strip_prefix(' ').is_some_and(|a| {
            a.starts_with("shop ")
                || a.starts_with("shops")
                || a == "shop"
                || a.starts_with("shop.")
        });
        if !shop {
            continue;
        }
        // Back over the lower-case words before the name ("known", "a").
        let mut verb = start;
        for _ in 0..2 {
            let head = s[..verb].trim_end();
            let word_start = head.rfind(' ').map_or(0, |k| k + 1);
            let word = &head[word_start..];
            if word.is_empty()
                || !word.chars().all(|c| c.is_lowercase())
                || matches!(word, "is" | "are")
            {
                break;
            }
            verb = word_start;
        }
        let aux = s[..verb].trim_end();
        if !(aux.ends_with(" is") || aux.ends_with(" are")) {
            continue;
        }
        for (a, b) in subjects_before(cx, s, verb, at) {
            push(cx, a, b, Some(m.entity.clone()), "company.shop", out);
        }
    }
}

/// The prepositions that end the object of a use verb before the thing
/// used: "run large parts of their platform on Rails", "built its site
/// with Rails", "have written their infrastructure in Go".
const BRIDGE_ENDS: &[&str] = &["on", "in", "with", "using"];

/// The entity a use verb (ending at document offset `at` of block `i`) is
/// followed by:
/// - a mention at once ("uses Django"), or after at most two lower-case
///   words ("run enormous Rails monoliths");
/// - a mention after an object and a preposition ("run large parts of
///   their platforms on Rails"), the only reading when `bridge_only`;
/// - "it", after the verb or its preposition: see [`it_before`].
///
/// Right after a use verb a capitalised name is the thing used, so the
/// text is read the lenient way a heading is.
fn used_after(cx: &Context, i: usize, after: &str, at: usize, bridge_only: bool) -> Option<String> {
    let after = after.trim_start();
    let first_word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if first_word == "it" && !bridge_only {
        return it_before(cx, i, at);
    }
    let matcher = &cx.config.matcher;
    let is_lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
    if !bridge_only {
        let found = matcher.find_in(after, true);
        if let Some(first) = found.first() {
            let between: Vec<&str> = after[..first.span.start].split_whitespace().collect();
            // "runs one of the largest Django deployments": up to four.
            if between.len() <= 4
                && between
                    .iter()
                    .all(|w| is_lower(w) && !BRIDGE_ENDS.contains(w))
            {
                return Some(matcher.slug(first).to_string());
            }
        }
    }
    // The object ends at its preposition; the name after it is read
    // alone, so "platform on Rails" is no "on rails" veto.
    let mut rest = after;
    for k in 0..7 {
        let word = rest.split(' ').next().unwrap_or("");
        if !is_lower(word) {
            return None;
        }
        rest = rest[word.len()..].trim_start();
        if k >= 1 && BRIDGE_ENDS.contains(&word) {
            // "run large parts of their backends on it".
            if rest.split(|c: char| !c.is_alphanumeric()).next() == Some("it") {
                return it_before(cx, i, at);
            }
            let found = matcher.find_in(rest, true);
            let first = found.first().filter(|f| f.span.start == 0)?;
            return Some(matcher.slug(first).to_string());
        }
    }
    None
}

/// What "it" after a use verb at document offset `at` of block `i` is:
/// the section's subject when the block named it before ("Ktor is
/// JetBrains' own framework, built on Kotlin ... JetBrains uses it"),
/// else the last entity the block named before ("Instagram runs Django,
/// and Mozilla uses it"), else the section's subject.
fn it_before(cx: &Context, i: usize, at: usize) -> Option<String> {
    let block = cx.doc.blocks[i].span;
    let before = cx.mentions_in(Span::new(block.start, at));
    let subject = cx.subject_of(i);
    if let Some(s) = subject.filter(|s| before.iter().any(|m| m.entity == *s)) {
        return Some(s.to_string());
    }
    before
        .last()
        .map(|m| m.entity.clone())
        .or_else(|| subject.map(str::to_string))
}

/// Words that may stand between companies and their use verb: adverbs
/// and auxiliaries ("Instagram famously grew on", "Stack Overflow has run
/// on", "Shopify is built on", "GitHub itself runs on").
const BEFORE_VERB: &[&str] = &[
    "itself",
    "themselves",
    "also",
    "still",
    "both",
    "all",
    "now",
    "even",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "been",
    "reportedly",
    "famously",
    "largely",
    "mostly",
    "partly",
    "heavily",
];

/// The company names that are the subject of a use verb at byte `verb` of
/// sentence `s` (at document offset `at`): one name of up to four
/// capitalised words, or a list of them joined by commas, "and" or "&",
/// read back from the verb while the names look like companies.
fn subjects_before(cx: &Context, s: &str, verb: usize, at: usize) -> Vec<(usize, usize)> {
    let mut end = s[..verb].trim_end().len();
    // Adverbs and auxiliaries, at most three of them.
    for _ in 0..3 {
        let head = &s[..end];
        let word_start = head.rfind(' ').map_or(0, |i| i + 1);
        let word = &head[word_start..];
        let adverb = word.len() > 4 && word.ends_with("ly") && word.chars().all(char::is_lowercase);
        if !(adverb || BEFORE_VERB.contains(&word)) || word_start == 0 {
            break;
        }
        end = head[..word_start].trim_end().len();
    }
    let mut names = Vec::new();
    loop {
        // The capitalised words that end at `end`.
        let head = &s[..end];
        let mut start = end;
        let mut words = 0;
        while words < 4 {
            let word_start = head[..start].trim_end().rfind(' ').map_or(0, |i| i + 1);
            let word = head[word_start..start].trim_end();
            // A word before a comma ends the name before it, and so does
            // a label or a speaker's name before a colon ("MAYA: Instagram
            // still runs on Django").
            if word.is_empty() || word.ends_with([',', ':']) || !opens_a_name(word) {
                break;
            }
            start = word_start;
            words += 1;
            if word_start == 0 {
                break;
            }
        }
        let name = s[start..end].trim_end_matches(',').trim_end();
        if words == 0 || !is_company_name(cx, name, at + start) {
            // A comma before the one name may open the sentence ("At
            // scale, Lyft uses ..."): the list ends at the first word
            // that is no company.
            break;
        }
        names.push((at + start, at + start + name.len()));
        // Another name before it, joined by a comma, "and" or "&".
        let rest = s[..start].trim_end();
        let joined = rest
            .strip_suffix(',')
            .or_else(|| rest.strip_suffix(" and"))
            .or_else(|| rest.strip_suffix(" &"))
            .map(|r| r.strip_suffix(',').unwrap_or(r).trim_end());
        match joined {
            Some(r) if !r.is_empty() => end = r.len(),
            _ => break,
        }
    }
    // The subject opens its clause: "websites in the US run on Node.js"
    // names a place, not a user.
    let lead = names
        .last()
        .map_or("", |&(start, _)| s[..start - at].trim_end());
    let word_before = lead.rsplit(' ').next().unwrap_or("");
    let in_clause = word_before.starts_with(|c: char| c.is_lowercase())
        && !word_before.ends_with([',', ';', ':'])
        && !CLAUSE_OPENERS.contains(&word_before);
    if in_clause {
        return Vec::new();
    }
    names.reverse();
    names
}

/// Lower-case words after which a clause, and so a subject, may begin.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "while", "whereas", "because", "since", "so", "although", "though", "when",
    "today", "now", "also", "even",
];

/// The names listed from byte `from` of sentence `s` (at document offset
/// `at`): "NPM, Netflix, Joyent and Pinterest". The list stops at the first
/// item that is not a name; a last name followed by more words ("Netflix
/// to stream") ends it, a name running into a noun ("SaaS products") is
/// none.
fn list(cx: &Context, s: &str, from: usize, at: usize) -> Vec<(usize, usize)> {
    let mut scope = &s[from..];
    if let Some(p) = scope.find([';', ':', '(', ')', '!', '?']) {
        scope = &scope[..p];
    }
    if let Some(t) = LEXICON.list_tails.find(scope) {
        scope = &scope[..t.start()];
    }
    let scope = scope.trim_end().trim_end_matches(['.', ',']);
    let mut out = Vec::new();
    let mut pos = 0;
    let mut pieces: Vec<(usize, usize)> = LIST_SEP
        .find_iter(scope)
        .map(|m| {
            let piece = (pos, m.start());
            pos = m.end();
            piece
        })
        .collect();
    pieces.push((pos, scope.len()));
    for (a, b) in pieces {
        let piece = &scope[a..b];
        let doc_at = at + from + a;
        let Some((ns, ne)) = name_span(piece, doc_at) else {
            break;
        };
        let name = &cx.doc.text[ns..ne];
        if is_company_name(cx, name, ns) {
            out.push((ns, ne));
            continue;
        }
        // "Netflix to stream video": the name, then the list is over.
        let words: Vec<&str> = name.split(' ').collect();
        let caps = words
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        let next = words.get(caps).copied().unwrap_or("");
        if caps > 0
            && matches!(
                next,
                "to" | "for" | "in" | "on" | "with" | "as" | "at" | "who" | "which" | "that"
            )
        {
            let len = words[..caps].join(" ").len();
            if is_company_name(cx, &name[..len], ns) {
                out.push((ns, ns + len));
            }
        }
        break;
    }
    out
}

/// A company name folded for comparison: lower case, letters and digits
/// only ("Stack Overflow" = "stackoverflow"). The scorer and the
/// knowledge base fold the same way.
pub fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::statistics::tests::run;
    use crate::model::Format;

    /// (company, entity, rule) of every company user of `text`, checking
    /// that each quote is the text at its span.
    fn companies(format: Format, text: &str) -> Vec<(String, Option<String>, String)> {
        let (doc, f) = run(format, text);
        f.companies
            .into_iter()
            .map(|c| {
                assert_eq!(&doc[c.start..c.end], c.quote);
                (c.company, c.entity, c.rule)
            })
            .collect()
    }

    fn c(name: &str, entity: Option<&str>, rule: &str) -> (String, Option<String>, String) {
        (name.into(), entity.map(str::to_string), rule.into())
    }

    #[test]
    fn a_users_label_before_a_list_names_the_list_users() {
        let text = "# Stacks\n\n## Koa\n\nKoa is small.\n\n### Drawbacks\n\n- Few plugins\n\n\
            Well-known companies using Koa:\n\n- Hooli – for its search backend\n- Vandelay\n\n\
            ## Phoenix\n\nWho uses it?\n\n- Initech\n\nWhat we liked:\n\n- Channels\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Hooli", Some("koa"), "company.users-list"),
                c("Vandelay", Some("koa"), "company.users-list"),
                c("Initech", Some("phoenix"), "company.users-list"),
            ]
        );
    }

    #[test]
    fn rosters_employers_and_a_speakers_name_before_a_colon() {
        let text = "# Stacks\n\n\
            Acme and Globex are well-known Phoenix users. Most teams are Koa users. \
            Hooli is among the companies that use Fastify for internal tools.\n\n\
            At Initech we still run billing with Rails, though we moved search from Rails to Axum.\n\n\
            Engineers at Umbrella and Vandelay reported using Quarkus. \
            At scale, teams use Go.\n\n\
            LEE: Massive Dynamic runs on Django, which surprises people.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Acme", Some("phoenix"), "company.roster"),
                c("Globex", Some("phoenix"), "company.roster"),
                c("Hooli", Some("fastify"), "company.roster"),
                c("Initech", Some("rails"), "company.employer"),
                c("Initech", Some("axum"), "company.employer"),
                c("Umbrella", Some("quarkus"), "company.employer"),
                c("Vandelay", Some("quarkus"), "company.employer"),
                c("Massive Dynamic", Some("django"), "company.uses"),
            ]
        );
    }

    #[test]
    fn names_that_told_of_using_it_or_run_it_in_production() {
        let text = "# Stacks\n\n## Koa\n\nKoa has 35,000 stars. Initech and Hooli both list it in production.\n\n\
            Acme and Globex have spoken openly about adopting Fastify.\n\n\
            Umbrella has written publicly about running hundreds of Koa services.\n\n\
            Most teams run it in production with care.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Initech", Some("koa"), "company.told-use"),
                c("Hooli", Some("koa"), "company.told-use"),
                c("Acme", Some("fastify"), "company.told-use"),
                c("Globex", Some("fastify"), "company.told-use"),
                c("Umbrella", Some("koa"), "company.told-use"),
            ]
        );
    }

    #[test]
    fn names_that_built_or_moved_their_systems_onto_an_entity() {
        let text = "# Stacks\n\n## Phoenix\n\n\
            Initech moved its push notifications to Phoenix years ago.\n\n\
            Django scales. Hooli built its publishing tools on it.\n\n\
            Globex has written extensively about running its streaming back end on Spring Boot.\n\n\
            Vandelay's backend is famously Go all the way down.\n\n\
            Umbrella is built on Laravel, and so, last I checked, is Acme.\n\n\
            Initrode started on Rails because it let a tiny team ship fast.\n\n\
            Our team moved its laptops to Ubuntu.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Initech", Some("phoenix"), "company.own-system"),
                c("Hooli", Some("django"), "company.uses"),
                c("Globex", Some("spring-boot"), "company.own-system"),
                c("Vandelay", Some("go"), "company.own-stack"),
                c("Umbrella", Some("laravel"), "company.uses"),
                c("Acme", Some("laravel"), "company.uses"),
                c("Initrode", Some("rails"), "company.uses"),
            ]
        );
    }

    #[test]
    fn shops_so_do_and_leaning_on_name_users() {
        let text = "# Stacks\n\nAcme and Globex are known Koa shops. \
            Initech famously leaned on Phoenix for chat. \
            Umbrella runs on Rails, and so do Hooli and Vandelay. \
            Initrode still runs one of the largest Django deployments around. \
            Tourists are known to shop a lot near Koa.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Acme", Some("koa"), "company.shop"),
                c("Globex", Some("koa"), "company.shop"),
                c("Initech", Some("phoenix"), "company.uses"),
                c("Umbrella", Some("rails"), "company.uses"),
                c("Hooli", Some("rails"), "company.uses"),
                c("Vandelay", Some("rails"), "company.uses"),
                c("Initrode", Some("django"), "company.uses"),
            ]
        );
    }

    #[test]
    fn a_users_section_lists_companies_of_its_subject() {
        let text = "# Backend picks\n\n## 1. Flask\n\nFlask is a small Python framework.\n\n\
            ### Notable users of Flask\n\n- Reddit\n- The Motley Fool\n- Instagram: instagram.com/flask\n\
            - Flask keeps its core small and lets you add extensions.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Reddit", Some("flask"), "company.users-list"),
                c("The Motley Fool", Some("flask"), "company.users-list"),
            ]
        );
    }

    #[test]
    fn a_run_of_company_lines_names_what_each_uses() {
        let text = "Who runs what in production, in short.\n\
            Zalando: Uses Django for its internal tools\n\
            Trivago: Leverages it for its search pages\n\
            Eventbrite (the ticketing site): The booking flow is built with Django\n\
            Mozilla: To serve its add-on pages\n\
            After that, a list of things to weigh.\n\
            Routing: Express uses a simple router\n\
            Project requirements: What features do you need?\n";
        assert_eq!(
            companies(Format::Text, text),
            vec![
                c("Zalando", Some("django"), "company.colon-line"),
                c("Trivago", None, "company.colon-line"),
                c("Eventbrite", Some("django"), "company.colon-line"),
                c("Mozilla", None, "company.colon-line"),
            ]
        );
    }

    #[test]
    fn used_by_lists_such_as_lists_and_developed_at() {
        let text = "# Node frameworks\n\n## Hapi\n\n\
            Hapi was developed at Walmart to run its shop. \
            It is used in production by PayPal, Condé Nast and Brainhub itself. \
            Koa is used by many businesses, edutech and banks. \
            Koa suits streaming apps like Spotify, or tools such as chat bots.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Walmart", Some("hapi"), "company.used-by"),
                c("PayPal", Some("hapi"), "company.used-by"),
                c("Condé Nast", Some("hapi"), "company.used-by"),
                c("Brainhub", Some("hapi"), "company.used-by"),
                c("Spotify", Some("koa"), "company.used-by"),
            ]
        );
    }

    #[test]
    fn users_lines_of_a_plain_text_report_and_what_it_means() {
        // A figure line between the lists and the users line is no
        // heading, so the users line stays in the framework's section.
        let text =
            "Field notes\n\n2. Fastify\n\nFastify is what we reach for when latency matters.\n\n\
            Measured figures:\nMedian latency: 9 ms\nImage size: 95 MB\n\n\
            Customers using it: Northwind Traders, Globex Shipping\n\n\
            3. Koa\n\nKoa came from the Express team and keeps a tiny core. \
            Initech uses it for webhooks, and 7ELEVEN and Umbrella Health both run on Koa. \
            Hooli runs most of its internal tools on it, and Vandelay itself runs on it too.\n";
        assert_eq!(
            companies(Format::Text, text),
            vec![
                c("Northwind Traders", Some("fastify"), "company.users-label"),
                c("Globex Shipping", Some("fastify"), "company.users-label"),
                c("Initech", Some("koa"), "company.uses"),
                c("7ELEVEN", Some("koa"), "company.uses"),
                c("Umbrella Health", Some("koa"), "company.uses"),
                c("Hooli", Some("koa"), "company.uses"),
                c("Vandelay", Some("koa"), "company.uses"),
            ]
        );
    }

    #[test]
    fn users_of_an_entity_after_a_colon_or_include() {
        let text = "# Frameworks\n\n## Laravel\n\n\
            Companies using Laravel: Lyft, Alibaba and BBC. \
            Popular apps built with Flask include Airbnb and Netflix. \
            Websites using modern stacks are fast.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Lyft", Some("laravel"), "company.users-of"),
                c("Alibaba", Some("laravel"), "company.users-of"),
                c("BBC", Some("laravel"), "company.users-of"),
                c("Airbnb", Some("flask"), "company.users-of"),
                c("Netflix", Some("flask"), "company.users-of"),
            ]
        );
    }

    #[test]
    fn a_company_that_uses_an_entity() {
        let text = "# Go in production\n\nAt scale, Lyft uses Flask for its pricing service, and developers use Gin for APIs. \
            Express uses middleware for everything.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![c("Lyft", Some("flask"), "company.uses")]
        );
    }

    #[test]
    fn several_companies_an_adverb_or_an_auxiliary_before_the_verb() {
        let text = "# Who runs what\n\n\
            Lyft, Zalando and Trivago run Flask in production. \
            Pinterest famously grew on Django. \
            Basecamp is built on Ruby on Rails and handles millions of requests. \
            Nubank and Stone both run enormous Phoenix clusters. \
            Bloomberg has run on Laravel for years.\n\n\
            Over 4,000 websites in the US run on Express. \
            Developers and teams run Flask everywhere. \
            It\u{2019}s built on Django too.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Lyft", Some("flask"), "company.uses"),
                c("Zalando", Some("flask"), "company.uses"),
                c("Trivago", Some("flask"), "company.uses"),
                c("Pinterest", Some("django"), "company.uses"),
                c("Basecamp", Some("rails"), "company.uses"),
                c("Nubank", Some("phoenix"), "company.uses"),
                c("Stone", Some("phoenix"), "company.uses"),
                c("Bloomberg", Some("laravel"), "company.uses"),
            ]
        );
    }

    #[test]
    fn users_labels_pronouns_and_objects_before_the_thing_used() {
        let text = "# Stacks\n\n## Phoenix\n\nPhoenix is a web framework.\n\n\
            Who runs it in production: Pinterest, 37signals and Heroku.\n\n\
            Used by: Lyft, Zillow\n\n\
            ## Koa\n\nCompanies using it include Tumblr and Uber. \
            It powers backends at Etsy and Trello.\n\n\
            Yelp built its first site with Koa, and Asana still runs on it. \
            Atlassian and Bitly run large parts of their platforms on Koa. \
            Microsoft built TypeScript for big apps.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Pinterest", Some("phoenix"), "company.users-label"),
                c("37signals", Some("phoenix"), "company.users-label"),
                c("Heroku", Some("phoenix"), "company.users-label"),
                c("Lyft", Some("phoenix"), "company.users-label"),
                c("Zillow", Some("phoenix"), "company.users-label"),
                c("Tumblr", Some("koa"), "company.users-of"),
                c("Uber", Some("koa"), "company.users-of"),
                c("Etsy", Some("koa"), "company.used-at"),
                c("Trello", Some("koa"), "company.used-at"),
                c("Yelp", Some("koa"), "company.uses"),
                c("Asana", Some("koa"), "company.uses"),
                c("Atlassian", Some("koa"), "company.uses"),
                c("Bitly", Some("koa"), "company.uses"),
            ]
        );
        // A figure is no name, and "Who" asks rather than names.
        assert!(!starts_like_a_name("3x"));
        assert!(!starts_like_a_name("2023"));
        assert!(starts_like_a_name("9GAG"));
    }

    #[test]
    fn a_plain_use_verb_needs_several_companies() {
        let text = "# Notes\n\nAt scale, Zalando run Flask. Mozilla and Trivago run Flask.\n";
        assert_eq!(
            companies(Format::Markdown, text),
            vec![
                c("Mozilla", Some("flask"), "company.uses"),
                c("Trivago", Some("flask"), "company.uses"),
            ]
        );
    }

    #[test]
    fn the_lexicon_rejects_a_bad_entry() {
        assert!(Lexicon::parse(BUILTIN).is_ok());
        let ok = "cue_verbs = [\"uses\"]\nuser_nouns = [\"companies\"]\nlist_tails = [\"etc\"]";
        assert!(Lexicon::parse(ok).is_ok());
        for bad in [
            ok.replace("\"uses\"", "\"Uses\""),
            ok.replace("\"uses\"", "\"uses(\""),
            ok.replace("\"companies\"", "\"companies\", \"companies\""),
            ok.replace("\"etc\"", "\"\""),
            format!("{ok}\nextra = 1"),
        ] {
            assert!(Lexicon::parse(&bad).is_err(), "{bad}");
        }
    }
}
