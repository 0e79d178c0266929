//! Synthetic roundup articles for scale benchmarks: realistic "top backend
//! frameworks" posts recombined from sentence, list and boilerplate pools
//! around the entities of a [`Catalog`].
//!
//! This module owns the template pools and the recombination. Every
//! article is a pure function of `(seed, index)`, so the first 1,000 of
//! 10,000 articles are exactly the 1,000 articles, on every machine. Most
//! are Markdown, about one in ten plain text and one in ten HTML. They
//! carry what the pipeline should find (mentions, pros, cons, features,
//! statistics, company users, paraphrases of the same claim for merging)
//! and what it should drop (tables of contents, share bars, newsletter
//! boxes, author bios, related posts, contact forms). About one article in
//! a hundred is a syndicated copy of an earlier one with another footer,
//! and each framework's opinions are flipped now and then, so duplicate
//! and conflict detection have something to find.

use crate::catalog::{Catalog, Entity, Kind};
use crate::error::{Error, Result};
use std::fmt::Write;

/// One generated article: its file name (the extension says the format)
/// and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// `gen-000042.md`, `gen-000043.txt`, `gen-000044.html`.
    pub name: String,
    pub text: String,
}

/// Article `index` of the set made with `seed`.
pub fn generate(index: u64, seed: u64, catalog: &Catalog) -> Result<Generated> {
    Ok(Generator::new(catalog)?.article(seed, index))
}

/// Articles `0..n` of the set made with `seed`.
pub fn generate_many(n: u64, seed: u64, catalog: &Catalog) -> Result<Vec<Generated>> {
    let generator = Generator::new(catalog)?;
    Ok((0..n).map(|i| generator.article(seed, i)).collect())
}

/// The catalog's frameworks and runtimes, prepared once for many articles.
#[derive(Debug, Clone)]
pub struct Generator {
    subjects: Vec<Subject>,
    /// Indices into `subjects` of the frameworks most roundups list.
    popular: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Subject {
    slug: String,
    name: String,
    /// Other spellings that need no context to be recognised.
    aliases: Vec<String>,
    /// Whether the display name is also an ordinary word ("Express").
    ambiguous: bool,
    language: Option<String>,
    kind: Kind,
}

/// Slugs that top most real roundups: drawn more often, as in the wild.
const POPULAR: &[&str] = &[
    "django",
    "express",
    "spring-boot",
    "laravel",
    "rails",
    "flask",
    "fastapi",
    "aspnet-core",
    "nodejs",
    "nestjs",
    "gin",
    "phoenix",
];

impl Generator {
    /// Prepares the catalog's frameworks and runtimes; fails when it has
    /// none to write about.
    pub fn new(catalog: &Catalog) -> Result<Generator> {
        let subjects: Vec<Subject> = catalog
            .entities()
            .iter()
            .filter(|e| matches!(e.kind, Kind::Framework | Kind::Runtime))
            .map(|e| subject(e, catalog))
            .collect();
        if subjects.len() < 2 {
            return Err(Error::Catalog {
                origin: "catalog".to_string(),
                message: "needs at least two frameworks or runtimes to generate articles"
                    .to_string(),
            });
        }
        let popular = subjects
            .iter()
            .enumerate()
            .filter(|(_, s)| POPULAR.contains(&s.slug.as_str()))
            .map(|(i, _)| i)
            .collect();
        Ok(Generator { subjects, popular })
    }

    /// Article `index` of the set made with `seed`.
    pub fn article(&self, seed: u64, index: u64) -> Generated {
        match syndication(seed, index) {
            Some((source, site)) => {
                let plan = self.plan(seed, source);
                let footer = Footer::Syndicated {
                    site,
                    from: plan.site,
                };
                named(index, plan.format, render(&plan, footer))
            }
            None => {
                let plan = self.plan(seed, index);
                named(index, plan.format, render(&plan, Footer::Own))
            }
        }
    }

    /// Draws everything article `index` says, before any formatting.
    fn plan(&self, seed: u64, index: u64) -> Plan {
        let mut rng = Rng::new(seed, index);
        let format = match rng.below(10) {
            0 => Format::Text,
            1 => Format::Html,
            _ => Format::Markdown,
        };
        let year = 2019 + rng.below(7) as u32;
        let count = 2 + rng.below(6);
        let chosen = self.choose(&mut rng, count);
        let sections: Vec<Section> = chosen
            .iter()
            .map(|&s| self.section(&mut rng, seed, s, year))
            .collect();
        let names: Vec<String> = sections.iter().map(|s| s.name.clone()).collect();
        Plan {
            format,
            year,
            title: fill(pick::<&str>(&mut rng, TITLES), &count.to_string(), "", year),
            site: pick::<&str>(&mut rng, SITES),
            author: pick::<&str>(&mut rng, AUTHORS),
            date: (1 + rng.below(12) as u32, 1 + rng.below(28) as u32),
            minutes: 3 + rng.below(12) as u32,
            front_matter: rng.chance(40),
            toc: rng.chance(45),
            share: rng.chance(50),
            newsletter: rng.chance(40),
            bio: rng.chance(50),
            related: rng.chance(45),
            contact: rng.chance(20),
            read_more: rng.chance(35),
            intro: sentences(&mut rng, INTRO, (2, 4), &names, year),
            outro: sentences(&mut rng, OUTRO, (1, 2), &names, year),
            sections,
        }
    }

    /// `count` distinct subjects, popular ones more often than the rest.
    fn choose(&self, rng: &mut Rng, count: usize) -> Vec<usize> {
        let mut chosen: Vec<usize> = Vec::with_capacity(count);
        while chosen.len() < count.min(self.subjects.len()) {
            let s = if !self.popular.is_empty() && rng.chance(55) {
                *pick(rng, &self.popular)
            } else {
                rng.below(self.subjects.len())
            };
            if !chosen.contains(&s) {
                chosen.push(s);
            }
        }
        chosen
    }

    fn section(&self, rng: &mut Rng, seed: u64, s: usize, year: u32) -> Section {
        let subject = &self.subjects[s];
        let name = subject.surface(rng);
        let lang = subject.language.as_deref().unwrap_or("its own language");
        let kind = match subject.kind {
            Kind::Runtime => "runtime",
            _ => "framework",
        };
        let mut description = Vec::new();
        for template in pick_distinct(rng, DESCRIPTION, (2, 3)) {
            description.push(fill(&template.replace("{K}", kind), &name, lang, year));
        }
        let pros = self.claims(rng, seed, subject, &name, true);
        let cons = self.claims(rng, seed, subject, &name, false);
        let features = pick_distinct(rng, FEATURES, (3, 6))
            .into_iter()
            .map(|f| fill(f, &name, lang, year))
            .collect();
        let statistic = rng
            .chance(45)
            .then(|| statistic(rng, seed, subject, &name, year));
        let companies = rng.chance(40).then(|| {
            let users = companies_of(rng, seed, &subject.slug);
            (rng.below(4) as u8, users)
        });
        Section {
            name,
            description,
            pros,
            cons,
            features,
            statistic,
            companies,
            labels: (
                rng.below(PROS_HEADINGS.len()),
                rng.below(CONS_HEADINGS.len()),
            ),
            features_label: rng.below(FEATURE_HEADINGS.len()),
            labelled_items: rng.chance(30),
        }
    }

    /// A pros (or cons) list: topics the subject's standing opinion puts
    /// on that side, each said in one of its paraphrases; a topic on the
    /// other side gets in now and then, which is how articles disagree.
    fn claims(
        &self,
        rng: &mut Rng,
        seed: u64,
        subject: &Subject,
        name: &str,
        pro: bool,
    ) -> Vec<Item> {
        let want = 2 + rng.below(4);
        let mut items: Vec<Item> = Vec::with_capacity(want);
        let mut used = Vec::with_capacity(want);
        for _ in 0..want * 4 {
            if items.len() == want {
                break;
            }
            let t = rng.below(TOPICS.len());
            if used.contains(&t) {
                continue;
            }
            let consensus = opinion(seed, &subject.slug, t);
            if consensus != pro && !rng.chance(CONTRARIAN_PERCENT) {
                continue;
            }
            used.push(t);
            let said = if pro { TOPICS[t].pros } else { TOPICS[t].cons };
            let template = *pick(rng, said);
            // A bold label leads an item that names the framework: "**Fast**:
            // Django is fast". A bare phrase would only repeat itself.
            let label = template
                .contains("{X}")
                .then(|| said.iter().find(|p| !p.contains("{X}")))
                .flatten()
                .map(|short| short.to_string());
            let text = fill(template, name, "", 0);
            items.push(Item { label, text });
        }
        items
    }
}

fn subject(e: &Entity, catalog: &Catalog) -> Subject {
    let ambiguous_alias = |a: &str| e.is_ambiguous(a);
    Subject {
        slug: e.slug.clone(),
        name: e.name.clone(),
        aliases: e
            .aliases
            .iter()
            .filter(|a| !ambiguous_alias(a) && **a != e.name)
            .cloned()
            .collect(),
        ambiguous: e.is_ambiguous(&e.name),
        language: e
            .language
            .as_deref()
            .and_then(|l| catalog.get(l))
            .map(|l| l.name.clone()),
        kind: e.kind,
    }
}

impl Subject {
    /// The name an article uses for it: mostly the display name, now and
    /// then an alias, and an unambiguous alias more often where the name
    /// is also an ordinary word.
    fn surface(&self, rng: &mut Rng) -> String {
        let alias_percent = if self.ambiguous { 60 } else { 20 };
        if !self.aliases.is_empty() && rng.chance(alias_percent) {
            pick(rng, &self.aliases).clone()
        } else {
            self.name.clone()
        }
    }
}

/// Percent of list items that go against a framework's standing opinion.
const CONTRARIAN_PERCENT: u64 = 8;

/// The standing opinion on topic `t` of the framework `slug` in the set
/// made with `seed`: true for a pro. Shared by every article of the set,
/// so the same claims recur and can be merged.
fn opinion(seed: u64, slug: &str, t: usize) -> bool {
    hash(seed, slug, t as u64) % 3 != 0
}

/// A salt that keeps the syndication draws apart from an article's own.
const SYNDICATION: u64 = 0x5ca1_ab1e_0dd5_eed5;

/// The earlier article that article `index` re-publishes, and the site
/// that re-publishes it, for about one article in a hundred: the source
/// is one of the 50 before it that is not itself a copy, so a set holds
/// both and no copy is of a copy.
fn syndication(seed: u64, index: u64) -> Option<(u64, &'static str)> {
    let is_copy = |i: u64| i > 0 && Rng::new(seed ^ SYNDICATION, i).next() % 100 == 0;
    if !is_copy(index) {
        return None;
    }
    let mut rng = Rng::new(seed ^ SYNDICATION, index);
    rng.next();
    let mut source = index - 1 - rng.next() % index.min(50);
    while is_copy(source) {
        source -= 1;
    }
    Some((source, *pick(&mut rng, SITES)))
}

fn named(index: u64, format: Format, text: String) -> Generated {
    let ext = match format {
        Format::Markdown => "md",
        Format::Text => "txt",
        Format::Html => "html",
    };
    Generated {
        name: format!("gen-{index:06}.{ext}"),
        text,
    }
}

// ---- The PRNG ---------------------------------------------------------------

/// SplitMix64, written out here rather than taken from the `rand` crate:
/// its output is fixed by these few lines, so a set of articles is the
/// same on every machine and after every dependency upgrade, and the
/// generator costs no dependency.
struct Rng(u64);

impl Rng {
    /// The stream of article `index` under `seed`: it depends on nothing
    /// else, so article i is the same whatever the number generated.
    fn new(seed: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ index.wrapping_mul(0xd134_2543_de82_ef95));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// A number in `0..n` (`n` > 0), by multiply-shift: no modulo bias
    /// worth speaking of at these sizes.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A stable hash of a seed, a slug and a number (FNV-1a, then mixed).
fn hash(seed: u64, slug: &str, n: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in slug.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len())]
}

/// Between `min` and `max` different items (as many as there are, at
/// most), in the order drawn.
fn pick_distinct<'a, T>(rng: &mut Rng, items: &'a [T], (min, max): (usize, usize)) -> Vec<&'a T> {
    let n = min + rng.below(max - min + 1);
    let mut taken: Vec<usize> = Vec::with_capacity(n);
    while taken.len() < n.min(items.len()) {
        let i = rng.below(items.len());
        if !taken.contains(&i) {
            taken.push(i);
        }
    }
    taken.into_iter().map(|i| &items[i]).collect()
}

/// A template with `{X}` (the name), `{L}` (its language) and `{Y}` (the
/// year) filled in.
fn fill(template: &str, name: &str, lang: &str, year: u32) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(t) = tail.strip_prefix("{X}") {
            out.push_str(name);
            rest = t;
        } else if let Some(t) = tail.strip_prefix("{L}") {
            out.push_str(lang);
            rest = t;
        } else if let Some(t) = tail.strip_prefix("{Y}") {
            let _ = write!(out, "{year}");
            rest = t;
        } else {
            out.push('{');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Between `min` and `max` distinct sentences of `pool` joined into a
/// paragraph; `{X}` and `{Z}` are two of the article's frameworks.
fn sentences(
    rng: &mut Rng,
    pool: &[&str],
    min_max: (usize, usize),
    names: &[String],
    year: u32,
) -> String {
    let mut out = String::new();
    for template in pick_distinct(rng, pool, min_max) {
        let x = pick(rng, names);
        let z = pick(rng, names);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fill(&template.replace("{Z}", z), x, "", year));
    }
    out
}

// ---- What an article says ---------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Markdown,
    Text,
    Html,
}

/// Everything an article says, drawn before it is formatted.
struct Plan {
    format: Format,
    year: u32,
    title: String,
    site: &'static str,
    author: &'static str,
    /// Month and day of publication.
    date: (u32, u32),
    minutes: u32,
    front_matter: bool,
    toc: bool,
    share: bool,
    newsletter: bool,
    bio: bool,
    related: bool,
    contact: bool,
    read_more: bool,
    intro: String,
    outro: String,
    sections: Vec<Section>,
}

/// One framework's numbered section.
struct Section {
    name: String,
    description: Vec<String>,
    pros: Vec<Item>,
    cons: Vec<Item>,
    features: Vec<String>,
    statistic: Option<String>,
    /// How the users are said (one of four shapes) and who they are.
    companies: Option<(u8, Vec<&'static str>)>,
    /// Which pros and cons headings it uses.
    labels: (usize, usize),
    features_label: usize,
    /// Whether list items lead with a bold label ("**Fast**: ...").
    labelled_items: bool,
}

/// A list item: the text, and a short label that may lead it.
struct Item {
    label: Option<String>,
    text: String,
}

/// How the article closes: its own copyright line, or a syndicated copy's
/// note on where it first ran.
#[derive(Clone, Copy)]
enum Footer {
    Own,
    Syndicated {
        site: &'static str,
        from: &'static str,
    },
}

/// A claim topic with its paraphrases on either side. Several wordings of
/// one claim, and opposite claims on one topic, are what merging and
/// conflict detection work on.
struct Topic {
    pros: &'static [&'static str],
    cons: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        pros: &[
            "Fast",
            "High performance",
            "{X} is fast",
            "{X} is very fast and lightweight",
            "Excellent performance under load",
            "{X} delivers high performance",
            "Blazing fast request handling",
        ],
        cons: &[
            "Slow compared to alternatives",
            "{X} is slower than its competitors",
            "Performance issues with heavy workloads",
            "{X} can be slow for CPU-bound work",
            "Lower raw throughput",
        ],
    },
    Topic {
        pros: &[
            "Highly scalable",
            "Scalability",
            "{X} scales well",
            "{X} handles high traffic with ease",
            "Easy to scale horizontally",
        ],
        cons: &[
            "Hard to scale",
            "Limited scalability",
            "{X} does not scale well for large applications",
            "Scaling {X} is difficult",
        ],
    },
    Topic {
        pros: &[
            "Easy to learn",
            "{X} is easy to learn",
            "Beginner-friendly",
            "Gentle learning curve",
            "{X} is simple and easy to learn",
            "Simple to get started with",
        ],
        cons: &[
            "Steep learning curve",
            "{X} has a steep learning curve",
            "Difficult for beginners",
            "{X} is hard to master",
        ],
    },
    Topic {
        pros: &[
            "Large community",
            "{X} has a large and active community",
            "Huge community support",
            "Strong community",
        ],
        cons: &[
            "Small community",
            "{X} has a smaller community than its rivals",
            "Limited community support",
            "Fewer tutorials and resources",
        ],
    },
    Topic {
        pros: &[
            "Excellent documentation",
            "Well documented",
            "{X} has great documentation",
            "Extensive documentation",
        ],
        cons: &[
            "Poor documentation",
            "{X} lacks good documentation",
            "Outdated documentation",
        ],
    },
    Topic {
        pros: &[
            "Secure by default",
            "Built-in security features",
            "{X} offers strong security",
            "Protection against CSRF and SQL injection",
        ],
        cons: &[
            "Security is not a priority",
            "Security issues in older versions",
            "{X} lacks built-in security features",
        ],
    },
    Topic {
        pros: &[
            "Free and open source",
            "{X} is open source",
            "No licensing costs",
        ],
        cons: &[
            "Expensive hosting",
            "Costly to maintain",
            "{X} is expensive to run at scale",
        ],
    },
    Topic {
        pros: &[
            "Rich ecosystem",
            "{X} has a rich ecosystem of libraries",
            "Plenty of plugins and packages",
        ],
        cons: &[
            "Limited ecosystem",
            "Fewer libraries than alternatives",
            "{X} lacks third-party packages",
        ],
    },
    Topic {
        pros: &[
            "Flexible",
            "Very flexible",
            "{X} is highly flexible",
            "Modular architecture",
        ],
        cons: &[
            "Opinionated and rigid",
            "Hard to customize",
            "{X} is less flexible than micro-frameworks",
        ],
    },
    Topic {
        pros: &[
            "Rapid development",
            "{X} speeds up development",
            "Batteries included",
            "Quick prototyping",
        ],
        cons: &["Verbose code", "Too much boilerplate", "{X} can be verbose"],
    },
    Topic {
        pros: &[
            "Asynchronous by design",
            "Great support for concurrency",
            "Non-blocking I/O",
            "{X} handles many concurrent connections",
        ],
        cons: &[
            "No built-in async support",
            "{X} does not support multiprocessing",
            "Callback hell",
            "Poor support for CPU-bound tasks",
        ],
    },
    Topic {
        pros: &[
            "Suits projects of every size",
            "{X} suits projects of every size",
            "Good for small and large projects alike",
        ],
        cons: &[
            "Not suitable for small projects",
            "{X} is not suitable for small projects",
            "Overkill for small projects",
            "Too heavy for simple apps",
        ],
    },
    Topic {
        pros: &[
            "Stable and mature",
            "{X} is mature and battle-tested",
            "Long-term support releases",
        ],
        cons: &[
            "Frequent breaking changes",
            "{X} changes rapidly",
            "Immature and unstable",
        ],
    },
];

const TITLES: &[&str] = &[
    "{X} Best Backend Frameworks in {Y}",
    "Top {X} Backend Frameworks for {Y}",
    "The {X} Most Popular Web Frameworks ({Y} Edition)",
    "{X} Backend Frameworks Every Developer Should Know in {Y}",
    "Best Backend Frameworks to Use in {Y}: Our Top {X}",
    "Top {X} Web Development Frameworks in {Y}",
];

const INTRO: &[&str] = &[
    "Choosing a backend framework is one of the first decisions of any web project.",
    "The backend is the backbone of every web application: it handles requests, data and business logic.",
    "In {Y}, developers have more server-side frameworks to choose from than ever.",
    "In this article we compare {X}, {Z} and several other frameworks.",
    "We looked at performance, community, learning curve and ecosystem.",
    "Whether you are building a startup MVP or an enterprise platform, the right framework saves months of work.",
    "Below you will find the pros and cons of each option, so you can decide for yourself.",
    "This list is based on GitHub activity, job postings and our own experience.",
    "If you are new to backend development, {X} is a good place to start.",
];

const OUTRO: &[&str] = &[
    "There is no single best framework: it depends on your team and your project.",
    "{X} is a safe choice for most teams, while {Z} shines in specific niches.",
    "Try a small prototype in two of these frameworks before you commit.",
    "Whatever you pick, a good architecture matters more than the framework.",
];

const DESCRIPTION: &[&str] = &[
    "{X} is an open-source {L} {K} for building web applications and APIs.",
    "Built on {L}, {X} focuses on developer productivity and clean code.",
    "{X} has been around for years and powers many production systems.",
    "Many teams pick {X} when they need to ship a reliable API quickly.",
    "{X} follows the model-view-controller pattern and comes with sensible defaults.",
    "Developers like {X} for its clear conventions and helpful error messages.",
    "{X} is a good fit for REST APIs, microservices and real-time apps.",
    "In {Y}, {X} remains one of the most discussed options in the {L} world.",
];

const FEATURES: &[&str] = &[
    "Routing",
    "Middleware support",
    "Built-in ORM",
    "Template engine",
    "Dependency injection",
    "Authentication and authorization",
    "Admin panel",
    "REST API support",
    "WebSocket support",
    "Command-line tooling",
    "Hot reloading",
    "Testing utilities",
    "Caching layer",
    "Database migrations",
    "Request validation",
    "Session management",
    "MVC architecture",
    "Automatic API documentation",
    "Written in {L}",
];

const PROS_HEADINGS: &[&str] = &[
    "Advantages of {X}",
    "Pros",
    "Pros of {X}",
    "Why use {X}?",
    "Benefits of {X}",
];
const CONS_HEADINGS: &[&str] = &[
    "Disadvantages of {X}",
    "Cons",
    "Cons of {X}",
    "Drawbacks of {X}",
    "Limitations",
];
const FEATURE_HEADINGS: &[&str] = &["Key features", "Features of {X}", "Main features"];

const COMPANIES: &[&str] = &[
    "Instagram",
    "Pinterest",
    "Netflix",
    "Uber",
    "Airbnb",
    "Spotify",
    "Dropbox",
    "Shopify",
    "GitHub",
    "PayPal",
    "LinkedIn",
    "Walmart",
    "NASA",
    "Mozilla",
    "Lyft",
    "Reddit",
    "Twitch",
    "Slack",
    "Trello",
    "Coursera",
    "Zillow",
    "Basecamp",
    "BBC",
    "Alibaba",
    "Microsoft",
    "Stack Overflow",
    "Medium",
    "Trivago",
    "eBay",
    "Groupon",
];

/// Two to four users of `slug`, drawn from the five the set gives it, so
/// articles agree on a framework's users more often than not.
fn companies_of(rng: &mut Rng, seed: u64, slug: &str) -> Vec<&'static str> {
    let own: Vec<&'static str> = (0..5)
        .map(|k| COMPANIES[(hash(seed, slug, 100 + k) % COMPANIES.len() as u64) as usize])
        .collect();
    let mut users: Vec<&'static str> = Vec::with_capacity(4);
    for c in pick_distinct(rng, &own, (2, 4)) {
        if !users.contains(c) {
            users.push(c);
        }
    }
    users
}

/// One statistic sentence about `subject`. The figures are the set's
/// figure for the framework, moved a little per article, as real
/// articles quote different years of the same survey.
fn statistic(rng: &mut Rng, seed: u64, subject: &Subject, name: &str, year: u32) -> String {
    let base = hash(seed, &subject.slug, 7);
    match rng.below(5) {
        0 => {
            let tenths = 10 + base % 400 + rng.below(30) as u64;
            format!(
                "According to the Stack Overflow Developer Survey {}, {}.{}% of professional developers use {name}.",
                year - 1,
                tenths / 10,
                tenths % 10
            )
        }
        1 => {
            let stars = 5 + base % 75 + rng.below(5) as u64;
            format!("{name} has over {stars},000 stars on GitHub.")
        }
        2 => {
            let tenths = 2 + base % 40;
            format!(
                "{name} is used by {}.{} million websites.",
                tenths / 10,
                tenths % 10
            )
        }
        3 => {
            let people = 200 + base % 2800 + rng.below(100) as u64;
            format!("More than {people} contributors have worked on {name}.")
        }
        _ => {
            let downloads = 1 + base % 30;
            format!("{name} gets about {downloads} million downloads a week.")
        }
    }
}

const SITES: &[&str] = &[
    "DevPulse",
    "CodeCraft Weekly",
    "The Backend Blog",
    "StackHive",
    "ByteSized Dev",
    "WebForge Academy",
    "Serverside Times",
    "Pixel & Code",
];

const AUTHORS: &[&str] = &[
    "Jane Doe",
    "Rahul Mehta",
    "Maria Garcia",
    "Tom Becker",
    "Aiko Tanaka",
    "Samuel Okafor",
    "Lena Novak",
];

const RELATED: &[&str] = &[
    "10 Best Python Frameworks for Web Development",
    "How to Choose a Tech Stack for Your Startup",
    "REST vs GraphQL: Which One Should You Use?",
    "Microservices Explained for Beginners",
    "Top Frontend Frameworks Compared",
    "A Beginner's Guide to Docker",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---- Formatting -------------------------------------------------------------

/// The parts of an article in reading order, independent of the format.
enum Part {
    Heading(u8, String),
    Para(String),
    List(Vec<Item>),
    /// A table of contents entry list: in-page links in Markdown.
    Toc(Vec<String>),
    /// "Read more: <a link>".
    Link {
        lead: &'static str,
        text: String,
    },
    /// A piece of the site template (share bar, newsletter box, ...): a
    /// `<div>` of that class in HTML, its bare lines elsewhere.
    Chrome {
        class: &'static str,
        parts: Vec<Part>,
    },
}

fn para(text: &str) -> Part {
    Part::Para(text.to_string())
}

fn plain_list(texts: &[String]) -> Part {
    Part::List(
        texts
            .iter()
            .map(|t| Item {
                label: None,
                text: t.clone(),
            })
            .collect(),
    )
}

/// Lays the plan out as parts: head matter, intro, one numbered section
/// per framework, conclusion, then the template's tail.
fn parts(plan: &Plan, footer: Footer) -> Vec<Part> {
    let mut parts = Vec::with_capacity(16 + plan.sections.len() * 12);
    let (month, day) = plan.date;
    let month_name = MONTHS[(month as usize - 1) % MONTHS.len()];
    parts.push(Part::Para(format!(
        "Published on {month_name} {day}, {}",
        plan.year
    )));
    parts.push(Part::Para(format!("{} min read", plan.minutes)));
    if plan.toc {
        let names = plan.sections.iter().map(|s| s.name.clone()).collect();
        parts.push(Part::Chrome {
            class: "toc",
            parts: vec![
                Part::Heading(2, "Table of Contents".to_string()),
                Part::Toc(names),
            ],
        });
    }
    parts.push(Part::Para(plan.intro.clone()));
    for (i, s) in plan.sections.iter().enumerate() {
        section_parts(&mut parts, s, i + 1);
        if plan.read_more && i == 0 {
            parts.push(Part::Link {
                lead: "Read more:",
                text: RELATED[(plan.minutes as usize) % RELATED.len()].to_string(),
            });
        }
    }
    parts.push(Part::Heading(2, "Conclusion".to_string()));
    parts.push(Part::Para(plan.outro.clone()));
    tail(&mut parts, plan, footer);
    parts
}

fn section_parts(parts: &mut Vec<Part>, s: &Section, number: usize) {
    parts.push(Part::Heading(2, format!("{number}. {}", s.name)));
    for d in &s.description {
        parts.push(Part::Para(d.clone()));
    }
    if let Some(stat) = &s.statistic {
        parts.push(Part::Para(stat.clone()));
    }
    let heading = |t: &str| Part::Heading(3, fill(t, &s.name, "", 0));
    parts.push(heading(FEATURE_HEADINGS[s.features_label]));
    parts.push(plain_list(&s.features));
    let (p, c) = s.labels;
    for (title, items) in [(PROS_HEADINGS[p], &s.pros), (CONS_HEADINGS[c], &s.cons)] {
        if items.is_empty() {
            continue;
        }
        parts.push(heading(title));
        parts.push(Part::List(
            items
                .iter()
                .map(|it| Item {
                    label: it.label.clone().filter(|_| s.labelled_items),
                    text: it.text.clone(),
                })
                .collect(),
        ));
    }
    if let Some((shape, users)) = &s.companies {
        companies_part(parts, *shape, &s.name, users);
    }
}

fn companies_part(parts: &mut Vec<Part>, shape: u8, name: &str, users: &[&str]) {
    match shape {
        0 => parts.push(Part::Para(format!(
            "Companies using {name}: {}.",
            users.join(", ")
        ))),
        1 => {
            let (last, rest) = users.split_last().map_or(("", users), |(l, r)| (*l, r));
            parts.push(Part::Para(format!(
                "{name} is used by {} and {last}.",
                rest.join(", ")
            )));
        }
        2 => {
            parts.push(Part::Heading(3, format!("Companies that use {name}")));
            let users: Vec<String> = users.iter().map(|u| u.to_string()).collect();
            parts.push(plain_list(&users));
        }
        _ => parts.push(Part::Para(format!(
            "Popular apps built with {name} include {}.",
            users.join(", ")
        ))),
    }
}

/// The template's tail: share bar, newsletter box, related posts, author
/// bio, contact form, and the footer line.
fn tail(parts: &mut Vec<Part>, plan: &Plan, footer: Footer) {
    if plan.share {
        parts.push(Part::Chrome {
            class: "share",
            parts: ["Share this article", "Twitter", "Facebook", "LinkedIn"]
                .into_iter()
                .map(para)
                .collect(),
        });
    }
    if plan.newsletter {
        parts.push(Part::Chrome {
            class: "newsletter",
            parts: vec![para(
                "Subscribe to our newsletter to get the latest posts delivered to your inbox.",
            )],
        });
    }
    if plan.related {
        let mut related = vec![Part::Heading(3, "Related posts".to_string())];
        related.extend(RELATED.iter().take(3).map(|r| para(r)));
        parts.push(Part::Chrome {
            class: "related-posts",
            parts: related,
        });
    }
    if plan.bio {
        parts.push(Part::Chrome {
            class: "author-bio",
            parts: vec![
                Part::Heading(3, "About the Author".to_string()),
                Part::Para(format!(
                    "{} is a senior backend engineer at {} who writes about web development, APIs and cloud architecture.",
                    plan.author, plan.site
                )),
            ],
        });
    }
    if plan.contact {
        parts.push(Part::Chrome {
            class: "contact-form",
            parts: ["Get in touch", "Full Name", "Email Address", "Your Message"]
                .into_iter()
                .map(para)
                .collect(),
        });
    }
    match footer {
        Footer::Own => parts.push(Part::Para(format!(
            "© {} {}. All rights reserved.",
            plan.year, plan.site
        ))),
        Footer::Syndicated { site, from } => {
            parts.push(Part::Para(format!(
                "This article was originally published on {from}."
            )));
            parts.push(Part::Para(format!(
                "© {} {site}. All rights reserved.",
                plan.year
            )));
        }
    }
}

fn render(plan: &Plan, footer: Footer) -> String {
    let parts = parts(plan, footer);
    let mut out = String::with_capacity(4096);
    match plan.format {
        Format::Markdown => markdown(&mut out, plan, &parts),
        Format::Text => text(&mut out, plan, &parts),
        Format::Html => html(&mut out, plan, &parts),
    }
    out
}

/// A URL path or anchor for a title: lower case, spaces to dashes.
fn slug_of(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            ' ' | '-' => Some('-'),
            _ => None,
        })
        .collect()
}

fn markdown(out: &mut String, plan: &Plan, parts: &[Part]) {
    let (month, day) = plan.date;
    if plan.front_matter {
        let _ = write!(
            out,
            "---\ntitle: \"{}\"\nauthor: {}\ndate: {}-{month:02}-{day:02}\ntags: [backend, frameworks]\n---\n\n",
            plan.title, plan.author, plan.year
        );
    }
    let _ = write!(out, "# {}\n\n", plan.title);
    markdown_parts(out, parts);
}

fn markdown_parts(out: &mut String, parts: &[Part]) {
    for part in parts {
        match part {
            Part::Heading(level, text) => {
                let _ = write!(out, "{} {text}\n\n", "#".repeat(usize::from(*level)));
            }
            Part::Para(text) => {
                let _ = write!(out, "{text}\n\n");
            }
            Part::List(items) => {
                bullets(out, items, "**");
                out.push('\n');
            }
            Part::Toc(entries) => {
                for e in entries {
                    let _ = writeln!(out, "- [{e}](#{})", slug_of(e));
                }
                out.push('\n');
            }
            Part::Link { lead, text } => {
                let _ = write!(
                    out,
                    "{lead} [{text}](https://example.com/blog/{})\n\n",
                    slug_of(text)
                );
            }
            Part::Chrome { parts, .. } => markdown_parts(out, parts),
        }
    }
}

/// A dash list, each label set off by `emphasis` ("**" in Markdown).
fn bullets(out: &mut String, items: &[Item], emphasis: &str) {
    for item in items {
        match &item.label {
            Some(label) => {
                let _ = writeln!(out, "- {emphasis}{label}{emphasis}: {}", item.text);
            }
            None => {
                let _ = writeln!(out, "- {}", item.text);
            }
        }
    }
}

fn text(out: &mut String, plan: &Plan, parts: &[Part]) {
    let _ = writeln!(out, "{}", plan.title);
    text_parts(out, parts);
}

fn text_parts(out: &mut String, parts: &[Part]) {
    for part in parts {
        match part {
            Part::Heading(_, text) => {
                let _ = writeln!(out, "\n{text}");
            }
            Part::Para(text) => {
                let _ = writeln!(out, "{text}");
            }
            Part::List(items) => bullets(out, items, ""),
            Part::Toc(entries) => {
                for e in entries {
                    let _ = writeln!(out, "- {e}");
                }
            }
            Part::Link { lead, text } => {
                let _ = writeln!(out, "{lead} {text}");
            }
            Part::Chrome { parts, .. } => text_parts(out, parts),
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html(out: &mut String, plan: &Plan, parts: &[Part]) {
    let title = escape(&plan.title);
    let (month, day) = plan.date;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title} | {site}</title>\n<meta name=\"author\" content=\"{author}\">\n<meta property=\"article:published_time\" content=\"{year}-{month:02}-{day:02}\">\n</head>\n<body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/blog\">Blog</a> <a href=\"/about\">About</a> <a href=\"/contact\">Contact</a></nav></header>\n<main>\n<article>\n<h1>{title}</h1>\n",
        site = plan.site,
        author = plan.author,
        year = plan.year,
    );
    html_parts(out, parts);
    out.push_str("</article>\n</main>\n<footer><p>Privacy Policy</p><p>Terms of Service</p></footer>\n</body>\n</html>\n");
}

fn html_parts(out: &mut String, parts: &[Part]) {
    for part in parts {
        match part {
            Part::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            }
            Part::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Part::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    match &item.label {
                        Some(label) => {
                            let _ = writeln!(
                                out,
                                "<li><strong>{}</strong>: {}</li>",
                                escape(label),
                                escape(&item.text)
                            );
                        }
                        None => {
                            let _ = writeln!(out, "<li>{}</li>", escape(&item.text));
                        }
                    }
                }
                out.push_str("</ul>\n");
            }
            Part::Toc(entries) => {
                out.push_str("<ul>\n");
                for e in entries {
                    let _ = writeln!(
                        out,
                        "<li><a href=\"#{}\">{}</a></li>",
                        slug_of(e),
                        escape(e)
                    );
                }
                out.push_str("</ul>\n");
            }
            Part::Link { lead, text } => {
                let _ = writeln!(
                    out,
                    "<p>{lead} <a href=\"/blog/{}\">{}</a></p>",
                    slug_of(text),
                    escape(text)
                );
            }
            Part::Chrome { class, parts } => {
                let _ = writeln!(out, "<div class=\"{class}\">");
                html_parts(out, parts);
                out.push_str("</div>\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format as Fmt, Origin};
    use std::collections::HashSet;

    fn catalog() -> Catalog {
        Catalog::builtin().unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_article_i_ignores_n() {
        let c = catalog();
        let ten = generate_many(10, 7, &c).unwrap();
        let hundred = generate_many(100, 7, &c).unwrap();
        assert_eq!(ten, generate_many(10, 7, &c).unwrap());
        assert_eq!(ten[..], hundred[..10]);
        assert_eq!(generate(42, 7, &c).unwrap(), hundred[42]);
        assert_ne!(ten, generate_many(10, 8, &c).unwrap());
    }

    #[test]
    fn articles_differ_and_the_copies_differ_from_their_source_only_in_the_footer() {
        let c = catalog();
        let articles = generate_many(1000, 1, &c).unwrap();
        let texts: HashSet<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts.len(), articles.len());
        let copies: Vec<(u64, u64)> = (0..1000)
            .filter_map(|i| syndication(1, i).map(|(source, _)| (i, source)))
            .collect();
        assert!((3..=25).contains(&copies.len()), "{copies:?}");
        for (i, source) in copies {
            let (copy, original) = (&articles[i as usize].text, &articles[source as usize].text);
            let differing: Vec<&str> = copy
                .lines()
                .filter(|l| !original.lines().any(|o| o == *l))
                .collect();
            assert!(
                source < i && (1..=2).contains(&differing.len()),
                "{differing:?}"
            );
            assert!(differing.iter().any(|l| l.contains("originally published")));
        }
    }

    #[test]
    fn formats_sizes_and_names_vary() {
        let articles = generate_many(1000, 3, &catalog()).unwrap();
        let count = |ext: &str| articles.iter().filter(|a| a.name.ends_with(ext)).count();
        assert!(count(".md") > 700 && count(".txt") > 50 && count(".html") > 50);
        assert_eq!(articles[42].name.split('.').next(), Some("gen-000042"));
        let sizes: Vec<usize> = articles.iter().map(|a| a.text.len()).collect();
        assert!(sizes.iter().any(|&s| s < 2000) && sizes.iter().any(|&s| s > 5000));
    }

    #[test]
    fn some_framework_gets_a_pro_and_a_con_on_the_same_topic() {
        let articles = generate_many(300, 1, &catalog()).unwrap();
        let said = |needle: &str| articles.iter().any(|a| a.text.contains(needle));
        let contradicted = ["Django", "Laravel", "Express", "Flask", "FastAPI"]
            .iter()
            .any(|x| {
                said(&format!("{x} suits projects of every size"))
                    && said(&format!("{x} is not suitable for small projects"))
                    || said(&format!("{x} is easy to learn"))
                        && said(&format!("{x} has a steep learning curve"))
            });
        assert!(contradicted);
    }

    #[test]
    fn the_pipeline_finds_content_and_drops_the_template() {
        let config = crate::Config::builtin().unwrap();
        for a in generate_many(50, 11, &catalog()).unwrap() {
            let article = crate::ingest::article_from_bytes(
                Origin::Path(a.name.clone().into()),
                a.text.into_bytes(),
                1 << 20,
            )
            .unwrap();
            let is_html = article.format == Fmt::Html;
            let p = crate::process(article, &config);
            let f = &p.findings;
            assert!(
                f.entities.len() >= 5,
                "{}: {} mentions",
                a.name,
                f.entities.len()
            );
            assert!(f.claims.len() >= 5, "{}: {} claims", a.name, f.claims.len());
            assert!(f
                .claims
                .iter()
                .any(|c| c.polarity == crate::extract::Polarity::Con));
            for i in p.cleaned.kept() {
                let text = p.document.block_text(&p.document.blocks[i]);
                for boilerplate in [
                    "Subscribe to our newsletter",
                    "Share this article",
                    "Table of Contents",
                    "About the Author",
                    "senior backend engineer",
                    "All rights reserved",
                    "originally published",
                    "min read",
                    "Full Name",
                ] {
                    assert!(!text.contains(boilerplate), "{}: kept {text:?}", a.name);
                }
                if is_html {
                    assert!(
                        !text.contains("Privacy Policy"),
                        "{}: kept {text:?}",
                        a.name
                    );
                }
            }
        }
    }
}
