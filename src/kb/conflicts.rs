//! Contradictions between (or within) sources, found rather than hidden.
//!
//! Three kinds, each found by blocking on a key, never by comparing every
//! pair of facts:
//! - `aspect`: an entity has both pros and cons on the same aspect
//!   ("fast" against "slow in CPU-heavy work"); one conflict per entity
//!   and aspect, the pros on side a, the cons on side b.
//! - `topic`: a pro and a con of one entity on different aspects whose
//!   statements share at least two content words ("Suits all projects"
//!   against "Not suitable for small projects"); one conflict per pair.
//! - `statistic`: one entity's same measure, in the same unit and time,
//!   reported with different values; one conflict per measure, the value
//!   most sources give on side a, the others on side b.

use super::keys;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What conflict finding needs of a merged claim.
#[derive(Debug, Clone)]
pub struct ClaimView {
    pub id: String,
    pub entity: String,
    pub polarity: String,
    pub aspect: String,
    pub key: String,
    pub statement: String,
    /// Distinct original sources, sorted.
    pub sources: Vec<String>,
}

/// What conflict finding needs of a merged statistic.
#[derive(Debug, Clone)]
pub struct StatisticView {
    pub id: String,
    pub entity: Option<String>,
    pub value: f64,
    pub unit: String,
    pub measure_key: String,
    pub measure: Option<String>,
    pub time: String,
    pub sources: Vec<String>,
}

/// Two sides that disagree, each with its facts and their sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub id: String,
    /// `aspect`, `topic` or `statistic`.
    pub kind: String,
    pub entity: String,
    /// The aspect, the shared words, or the measure.
    pub topic: String,
    /// What side a says: its statements, or its value.
    pub a_label: Vec<String>,
    pub a_facts: Vec<String>,
    pub a_sources: Vec<String>,
    pub b_label: Vec<String>,
    pub b_facts: Vec<String>,
    pub b_sources: Vec<String>,
}

/// Words a topic conflict may not rest on: negations say which side a
/// statement is on, not what it is about.
const NOT_TOPICS: &[&str] = &["not", "no", "never", "lack", "lacks", "without"];

/// The conflicts among the KB's claims and statistics, sorted by id.
pub fn find(claims: &[ClaimView], statistics: &[StatisticView]) -> Vec<Conflict> {
    let mut out = Vec::new();
    aspect_conflicts(claims, &mut out);
    topic_conflicts(claims, &mut out);
    statistic_conflicts(statistics, &mut out);
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

fn side<'a>(
    claims: impl Iterator<Item = &'a ClaimView>,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut labels = Vec::new();
    let mut ids = Vec::new();
    let mut sources = BTreeSet::new();
    for c in claims {
        labels.push(c.statement.clone());
        ids.push(c.id.clone());
        sources.extend(c.sources.iter().cloned());
    }
    (labels, ids, sources.into_iter().collect())
}

fn aspect_conflicts(claims: &[ClaimView], out: &mut Vec<Conflict>) {
    let mut blocks: BTreeMap<(&str, &str), Vec<&ClaimView>> = BTreeMap::new();
    for c in claims.iter().filter(|c| c.aspect != "other") {
        blocks.entry((&c.entity, &c.aspect)).or_default().push(c);
    }
    for ((entity, aspect), members) in blocks {
        let pros = members.iter().copied().filter(|c| c.polarity == "pro");
        let cons = members.iter().copied().filter(|c| c.polarity == "con");
        let (a_label, a_facts, a_sources) = side(pros);
        let (b_label, b_facts, b_sources) = side(cons);
        if a_facts.is_empty() || b_facts.is_empty() {
            continue;
        }
        out.push(Conflict {
            id: keys::id("conflict", &["aspect", entity, aspect]),
            kind: "aspect".into(),
            entity: entity.into(),
            topic: aspect.into(),
            a_label,
            a_facts,
            a_sources,
            b_label,
            b_facts,
            b_sources,
        });
    }
}

fn topic_conflicts(claims: &[ClaimView], out: &mut Vec<Conflict>) {
    // Block on (entity, pair of words): only a pro and a con sharing two
    // words are ever compared. Long statements contribute their first
    // words only, which bounds the pairs a claim makes.
    const MAX_WORDS: usize = 12;
    // (entity, word, word) -> (pros, cons), as indices into `claims`.
    type Sides = (Vec<usize>, Vec<usize>);
    let mut blocks: BTreeMap<(&str, &str, &str), Sides> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let words: Vec<&str> = c
            .key
            .split(' ')
            .filter(|w| !w.is_empty() && !NOT_TOPICS.contains(w))
            .take(MAX_WORDS)
            .collect();
        for (k, a) in words.iter().enumerate() {
            for b in &words[k + 1..] {
                let slot = blocks.entry((&c.entity, a, b)).or_default();
                match c.polarity.as_str() {
                    "pro" => slot.0.push(i),
                    "con" => slot.1.push(i),
                    _ => {}
                }
            }
        }
    }
    let mut shared: BTreeMap<(usize, usize), BTreeSet<&str>> = BTreeMap::new();
    for ((_, a, b), (pros, cons)) in &blocks {
        for &p in pros {
            for &c in cons {
                if claims[p].aspect != claims[c].aspect {
                    shared.entry((p, c)).or_default().extend([*a, *b]);
                }
            }
        }
    }
    for ((p, c), words) in shared {
        let (pro, con) = (&claims[p], &claims[c]);
        let topic = words.into_iter().collect::<Vec<_>>().join(" ");
        let (a_label, a_facts, a_sources) = side(std::iter::once(pro));
        let (b_label, b_facts, b_sources) = side(std::iter::once(con));
        out.push(Conflict {
            id: keys::id("conflict", &["topic", &pro.id, &con.id]),
            kind: "topic".into(),
            entity: pro.entity.clone(),
            topic,
            a_label,
            a_facts,
            a_sources,
            b_label,
            b_facts,
            b_sources,
        });
    }
}

fn statistic_conflicts(statistics: &[StatisticView], out: &mut Vec<Conflict>) {
    let mut blocks: BTreeMap<(&str, &str, &str, &str), Vec<&StatisticView>> = BTreeMap::new();
    for s in statistics {
        let Some(entity) = s.entity.as_deref() else {
            continue;
        };
        // Without a measure two numbers need not be about the same thing;
        // numbers stated for different times may both be right.
        if s.measure_key.is_empty() {
            continue;
        }
        blocks
            .entry((entity, &s.unit, &s.measure_key, &s.time))
            .or_default()
            .push(s);
    }
    for ((entity, unit, measure_key, time), members) in blocks {
        let mut by_value: BTreeMap<String, Vec<&StatisticView>> = BTreeMap::new();
        for s in &members {
            by_value.entry(keys::value(s.value)).or_default().push(s);
        }
        if by_value.len() < 2 {
            continue;
        }
        // Side a is the value most sources give (the smallest on a tie);
        // side b every other value: one conflict per measure, however many
        // values disagree.
        let sources = |v: &[&StatisticView]| {
            v.iter()
                .flat_map(|x| x.sources.iter().cloned())
                .collect::<BTreeSet<_>>()
        };
        let majority = by_value
            .iter()
            .max_by(|(va, a), (vb, b)| {
                sources(a)
                    .len()
                    .cmp(&sources(b).len())
                    .then_with(|| vb.cmp(va))
            })
            .map(|(v, _)| v.clone())
            .unwrap_or_default();
        let (mut a_label, mut a_facts, mut a_sources) = (Vec::new(), Vec::new(), BTreeSet::new());
        let (mut b_label, mut b_facts, mut b_sources) = (Vec::new(), Vec::new(), BTreeSet::new());
        for (value, stats) in &by_value {
            let (label, facts, srcs) = if *value == majority {
                (&mut a_label, &mut a_facts, &mut a_sources)
            } else {
                (&mut b_label, &mut b_facts, &mut b_sources)
            };
            label.push(format!("{value} {unit}"));
            facts.extend(stats.iter().map(|s| s.id.clone()));
            srcs.extend(sources(stats));
        }
        let topic = members
            .iter()
            .filter_map(|s| s.measure.clone())
            .min()
            .unwrap_or_else(|| measure_key.to_string());
        out.push(Conflict {
            id: keys::id("conflict", &["statistic", entity, unit, measure_key, time]),
            kind: "statistic".into(),
            entity: entity.into(),
            topic,
            a_label,
            a_facts,
            a_sources: a_sources.into_iter().collect(),
            b_label,
            b_facts,
            b_sources: b_sources.into_iter().collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(id: &str, polarity: &str, aspect: &str, key: &str, source: &str) -> ClaimView {
        ClaimView {
            id: id.into(),
            entity: "django".into(),
            polarity: polarity.into(),
            aspect: aspect.into(),
            key: key.into(),
            statement: key.into(),
            sources: vec![source.into()],
        }
    }

    #[test]
    fn pros_and_cons_on_one_aspect_conflict() {
        let claims = [
            claim("1", "pro", "performance", "fast", "s1"),
            claim("2", "con", "performance", "slow", "s2"),
            claim("3", "pro", "security", "secure", "s1"),
        ];
        let got = find(&claims, &[]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, "aspect");
        assert_eq!(got[0].topic, "performance");
        assert_eq!(got[0].a_facts, ["1"]);
        assert_eq!(got[0].b_sources, ["s2"]);
    }

    #[test]
    fn a_pro_and_a_con_sharing_two_words_conflict_across_aspects() {
        let claims = [
            claim("1", "pro", "portability", "all project suit", "s1"),
            claim("2", "con", "footprint", "not project small suit", "s1"),
            claim("3", "con", "community", "not project", "s1"),
        ];
        let got = find(&claims, &[]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].kind, "topic");
        assert_eq!(got[0].topic, "project suit");
        assert_eq!(
            (got[0].a_facts[0].as_str(), got[0].b_facts[0].as_str()),
            ("1", "2")
        );
    }

    #[test]
    fn different_values_of_one_measure_conflict() {
        let stat = |id: &str, value: f64, measure: &str| StatisticView {
            id: id.into(),
            entity: Some("nodejs".into()),
            value,
            unit: "percent".into(),
            measure_key: measure.into(),
            measure: Some(measure.into()),
            time: String::new(),
            sources: vec![format!("s{id}")],
        };
        let got = find(
            &[],
            &[
                stat("1", 42.7, "developer professional"),
                stat("2", 36.42, "developer professional"),
                stat("3", 36.42, "website"),
                stat("4", 10.0, ""),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].a_label, ["36.42 percent"]);
        assert_eq!(got[0].b_label, ["42.7 percent"]);
        let more = [
            stat("1", 42.7, "developer"),
            stat("2", 36.42, "developer"),
            stat("5", 36.42, "developer"),
            stat("6", 50.0, "developer"),
        ];
        let got = find(&[], &more);
        assert_eq!(got.len(), 1, "one conflict per measure: {got:?}");
        assert_eq!(got[0].a_label, ["36.42 percent"]);
        assert_eq!(got[0].a_sources, ["s2", "s5"]);
        assert_eq!(got[0].b_label, ["42.7 percent", "50 percent"]);
    }
}
