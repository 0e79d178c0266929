//! Auditing which sources claim what: the read side of the knowledge base
//! behind `roundup audit`. Each function answers one question with a plain
//! serialisable value (the `--format json` shape); the binary renders it.
//!
//! Everything is built from [`Datasets`], the same merged view the exports
//! write, so an audit never disagrees with an export.

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::kb::conflicts::Conflict;
use crate::kb::export::{ClaimRow, Datasets, EntityRow, SourceRow};
use crate::kb::{DroppedBlock, KnowledgeBase};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A source as an audit names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub title: Option<String>,
    pub origin: String,
}

/// A merged claim with the sources that state it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimItem {
    pub id: String,
    pub polarity: String,
    pub aspect: String,
    pub statement: String,
    /// Distinct original sources.
    pub support: usize,
    pub sources: Vec<SourceRef>,
    /// Every distinct quote stating it.
    pub quotes: Vec<String>,
}

/// An entity's claims on one aspect.
#[derive(Debug, Clone, Serialize)]
pub struct AspectGroup {
    pub aspect: String,
    pub pros: Vec<ClaimItem>,
    pub cons: Vec<ClaimItem>,
    pub features: Vec<ClaimItem>,
}

/// A merged statistic with every source's wording of it.
#[derive(Debug, Clone, Serialize)]
pub struct StatisticItem {
    pub id: String,
    pub entity: Option<String>,
    pub value: f64,
    pub unit: String,
    pub measure: Option<String>,
    pub qualifiers: Vec<String>,
    pub times: Vec<String>,
    /// The origins the sources cite ("Stack Overflow Developer Survey").
    pub cited: Vec<String>,
    pub quotes: Vec<String>,
    pub sources: Vec<SourceRef>,
    /// Another value is reported for the same measure.
    pub disputed: bool,
}

/// A company said to use the entity.
#[derive(Debug, Clone, Serialize)]
pub struct CompanyItem {
    pub id: String,
    pub company: String,
    pub sources: Vec<SourceRef>,
}

/// `roundup audit entity`.
#[derive(Debug, Clone, Serialize)]
pub struct EntityAudit {
    pub entity: EntityRow,
    pub aspects: Vec<AspectGroup>,
    pub statistics: Vec<StatisticItem>,
    pub companies: Vec<CompanyItem>,
    pub conflicts: Vec<Conflict>,
}

/// One finding of a source, with its span and quote.
#[derive(Debug, Clone, Serialize)]
pub struct SourceFinding {
    /// `claim`, `statistic` or `company`.
    pub kind: String,
    pub fact: String,
    pub entity: Option<String>,
    /// "pro performance", "36.42 percent", "Instagram".
    pub what: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
}

/// A dropped block with its text.
#[derive(Debug, Clone, Serialize)]
pub struct DroppedItem {
    #[serde(flatten)]
    pub block: DroppedBlock,
    pub text: String,
}

/// `roundup audit source`.
#[derive(Debug, Clone, Serialize)]
pub struct SourceAudit {
    pub source: SourceRow,
    pub mentions: usize,
    pub findings: Vec<SourceFinding>,
    pub dropped: Vec<DroppedItem>,
}

/// One source stating a claim.
#[derive(Debug, Clone, Serialize)]
pub struct Attribution {
    pub source: SourceRef,
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub rule: String,
    /// The sentence (or line) around the quote.
    pub context: String,
}

/// `roundup audit claim`.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimAudit {
    pub claim: ClaimRow,
    pub attributions: Vec<Attribution>,
}

/// The audit's view of a knowledge base.
pub struct Audit<'a> {
    kb: &'a KnowledgeBase,
    data: Datasets,
    refs: HashMap<String, SourceRef>,
}

impl<'a> Audit<'a> {
    /// Reads the knowledge base's merged view.
    pub fn new(kb: &'a KnowledgeBase) -> Result<Audit<'a>> {
        let data = kb.datasets()?;
        let refs = data
            .sources
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    SourceRef {
                        id: s.id.clone(),
                        title: s.title.clone(),
                        origin: s.origin.clone(),
                    },
                )
            })
            .collect();
        Ok(Audit { kb, data, refs })
    }

    fn refs<'b>(&self, ids: impl Iterator<Item = &'b str>) -> Vec<SourceRef> {
        let set: BTreeSet<SourceRef> = ids.filter_map(|id| self.refs.get(id).cloned()).collect();
        set.into_iter().collect()
    }

    /// Finds the entity a user means: a slug, name or alias in any case;
    /// otherwise an error listing the closest names.
    pub fn resolve_entity(&self, catalog: &Catalog, name: &str) -> Result<String> {
        let wanted = name.trim();
        let known = |slug: &str| self.data.entities.iter().any(|e| e.slug == slug);
        if let Some(e) = catalog.lookup(wanted).filter(|e| known(&e.slug)) {
            return Ok(e.slug.clone());
        }
        if let Some(e) =
            self.data.entities.iter().find(|e| {
                e.slug.eq_ignore_ascii_case(wanted) || e.name.eq_ignore_ascii_case(wanted)
            })
        {
            return Ok(e.slug.clone());
        }
        let lower = wanted.to_lowercase();
        let mut scored: Vec<(f64, String)> = self
            .data
            .entities
            .iter()
            .map(|e| {
                let score = strsim::jaro_winkler(&lower, &e.name.to_lowercase())
                    .max(strsim::jaro_winkler(&lower, &e.slug));
                (score, e.slug.clone())
            })
            .filter(|(s, _)| *s >= 0.75)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Err(Error::NoEntity {
            name: wanted.to_string(),
            suggestions: scored.into_iter().take(3).map(|(_, s)| s).collect(),
        })
    }

    /// Everything the KB says about one entity (a slug from
    /// [`Audit::resolve_entity`]).
    pub fn entity(&self, slug: &str) -> Option<EntityAudit> {
        let entity = self.data.entities.iter().find(|e| e.slug == slug)?.clone();
        let mut by_claim: HashMap<&str, Vec<&crate::kb::export::ClaimSourceRow>> = HashMap::new();
        for a in &self.data.claim_sources {
            by_claim.entry(&a.claim_id).or_default().push(a);
        }
        let mut groups: BTreeMap<&str, AspectGroup> = BTreeMap::new();
        for c in self.data.claims.iter().filter(|c| c.entity == slug) {
            let item = ClaimItem {
                id: c.id.clone(),
                polarity: c.polarity.clone(),
                aspect: c.aspect.clone(),
                statement: c.statement.clone(),
                support: c.sources,
                sources: self.refs(
                    by_claim
                        .get(c.id.as_str())
                        .into_iter()
                        .flatten()
                        .map(|a| a.source_id.as_str()),
                ),
                quotes: by_claim
                    .get(c.id.as_str())
                    .into_iter()
                    .flatten()
                    .map(|a| a.quote.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            };
            let g = groups.entry(&c.aspect).or_insert_with(|| AspectGroup {
                aspect: c.aspect.clone(),
                pros: Vec::new(),
                cons: Vec::new(),
                features: Vec::new(),
            });
            match c.polarity.as_str() {
                "pro" => g.pros.push(item),
                "con" => g.cons.push(item),
                _ => g.features.push(item),
            }
        }
        let mut aspects: Vec<AspectGroup> = groups.into_values().collect();
        for g in &mut aspects {
            for list in [&mut g.pros, &mut g.cons, &mut g.features] {
                list.sort_by(|a, b| b.support.cmp(&a.support).then_with(|| a.id.cmp(&b.id)));
            }
        }
        let mut by_company: HashMap<&str, Vec<&str>> = HashMap::new();
        for a in &self.data.company_sources {
            by_company
                .entry(&a.company_id)
                .or_default()
                .push(&a.source_id);
        }
        let companies = self
            .data
            .companies
            .iter()
            .filter(|c| c.entity.as_deref() == Some(slug))
            .map(|c| CompanyItem {
                id: c.id.clone(),
                company: c.company.clone(),
                sources: self.refs(by_company.get(c.id.as_str()).into_iter().flatten().copied()),
            })
            .collect();
        let conflicts = self
            .data
            .conflicts
            .iter()
            .filter(|c| c.entity == slug)
            .cloned()
            .collect();
        Some(EntityAudit {
            entity,
            aspects,
            statistics: self.statistics(Some(slug)),
            companies,
            conflicts,
        })
    }

    /// Every statistic, or one entity's, with its sources' wordings.
    pub fn statistics(&self, entity: Option<&str>) -> Vec<StatisticItem> {
        let disputed: BTreeSet<&str> = self
            .data
            .conflicts
            .iter()
            .filter(|c| c.kind == "statistic")
            .flat_map(|c| c.a_facts.iter().chain(&c.b_facts).map(String::as_str))
            .collect();
        let mut attributions: HashMap<&str, Vec<&crate::kb::export::StatisticSourceRow>> =
            HashMap::new();
        for a in &self.data.statistic_sources {
            attributions.entry(&a.statistic_id).or_default().push(a);
        }
        let set = |v: Vec<Option<&String>>| -> Vec<String> {
            v.into_iter()
                .flatten()
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        self.data
            .statistics
            .iter()
            .filter(|s| entity.is_none() || s.entity.as_deref() == entity)
            .map(|s| {
                let atts = attributions.get(s.id.as_str()).cloned().unwrap_or_default();
                StatisticItem {
                    id: s.id.clone(),
                    entity: s.entity.clone(),
                    value: s.value,
                    unit: s.unit.clone(),
                    measure: s.measure.clone(),
                    qualifiers: set(atts.iter().map(|a| a.qualifier.as_ref()).collect()),
                    times: set(atts.iter().map(|a| a.time.as_ref()).collect()),
                    cited: set(atts.iter().map(|a| a.cited.as_ref()).collect()),
                    quotes: set(atts.iter().map(|a| Some(&a.quote)).collect()),
                    sources: self.refs(atts.iter().map(|a| a.source_id.as_str())),
                    disputed: disputed.contains(s.id.as_str()),
                }
            })
            .collect()
    }

    /// Every conflict, or one entity's.
    pub fn conflicts(&self, entity: Option<&str>) -> Vec<Conflict> {
        self.data
            .conflicts
            .iter()
            .filter(|c| entity.is_none_or(|e| c.entity == e))
            .cloned()
            .collect()
    }

    /// The title (or origin) of a source, for labels.
    pub fn source_label(&self, id: &str) -> String {
        self.refs
            .get(id)
            .map(|r| r.title.clone().unwrap_or_else(|| r.origin.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// Everything one source claims, and what was dropped from it.
    pub fn source(&self, id: &str) -> Result<SourceAudit> {
        let Some(source) = self.data.sources.iter().find(|s| s.id == id).cloned() else {
            return Err(Error::NoSource {
                what: id.to_string(),
                kb: self.kb.path().to_path_buf(),
            });
        };
        let (text, dropped) = self.kb.document(id)?;
        let claims: HashMap<&str, &ClaimRow> = self
            .data
            .claims
            .iter()
            .map(|c| (c.id.as_str(), c))
            .collect();
        let stats: HashMap<&str, _> = self
            .data
            .statistics
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let companies: HashMap<&str, _> = self
            .data
            .companies
            .iter()
            .map(|c| (c.id.as_str(), c))
            .collect();
        // Each attribution as (its fact's lookup, span, quote, rule), then
        // what the fact is: one shape for the three kinds.
        let finding =
            |kind: &str,
             fact: String,
             entity: Option<String>,
             what: String,
             (start, end, quote, rule): (usize, usize, &String, &String)| {
                SourceFinding {
                    kind: kind.into(),
                    fact,
                    entity,
                    what,
                    start,
                    end,
                    quote: quote.clone(),
                    rule: rule.clone(),
                }
            };
        let mut findings = Vec::new();
        for a in self.data.claim_sources.iter().filter(|a| a.source_id == id) {
            if let Some(c) = claims.get(a.claim_id.as_str()) {
                let what = format!("{} {}", c.polarity, c.aspect);
                let at = (a.start, a.end, &a.quote, &a.rule);
                findings.push(finding(
                    "claim",
                    c.id.clone(),
                    Some(c.entity.clone()),
                    what,
                    at,
                ));
            }
        }
        for a in self
            .data
            .statistic_sources
            .iter()
            .filter(|a| a.source_id == id)
        {
            if let Some(s) = stats.get(a.statistic_id.as_str()) {
                let what = format!("{} {}", crate::kb::keys::value(s.value), s.unit);
                let at = (a.start, a.end, &a.quote, &a.rule);
                findings.push(finding(
                    "statistic",
                    s.id.clone(),
                    s.entity.clone(),
                    what,
                    at,
                ));
            }
        }
        for a in self
            .data
            .company_sources
            .iter()
            .filter(|a| a.source_id == id)
        {
            if let Some(c) = companies.get(a.company_id.as_str()) {
                let at = (a.start, a.end, &a.quote, &a.rule);
                findings.push(finding(
                    "company",
                    c.id.clone(),
                    c.entity.clone(),
                    a.company.clone(),
                    at,
                ));
            }
        }
        findings.sort_by(|a, b| {
            (a.start, a.end, &a.kind, &a.fact).cmp(&(b.start, b.end, &b.kind, &b.fact))
        });
        let dropped = dropped
            .into_iter()
            .map(|block| DroppedItem {
                text: text.get(block.start..block.end).unwrap_or("").to_string(),
                block,
            })
            .collect();
        Ok(SourceAudit {
            mentions: self
                .data
                .mentions
                .iter()
                .filter(|m| m.source_id == id)
                .count(),
            source,
            findings,
            dropped,
        })
    }

    /// Every source stating a claim, with the sentence around each quote.
    /// `id` may be a unique prefix of the claim id.
    pub fn claim(&self, id: &str) -> Result<ClaimAudit> {
        let matches: Vec<&ClaimRow> = self
            .data
            .claims
            .iter()
            .filter(|c| c.id.starts_with(&id.to_ascii_lowercase()))
            .collect();
        let claim = match matches.as_slice() {
            [one] => (*one).clone(),
            [] => {
                return Err(Error::NoFact {
                    what: id.to_string(),
                    kb: self.kb.path().to_path_buf(),
                })
            }
            many => {
                return Err(Error::Ambiguous {
                    what: id.to_string(),
                    candidates: many.iter().take(6).map(|c| c.id.clone()).collect(),
                })
            }
        };
        let mut texts: HashMap<&str, String> = HashMap::new();
        let mut attributions = Vec::new();
        for a in self
            .data
            .claim_sources
            .iter()
            .filter(|a| a.claim_id == claim.id)
        {
            if !texts.contains_key(a.source_id.as_str()) {
                let (text, _) = self.kb.document(&a.source_id)?;
                texts.insert(&a.source_id, text);
            }
            let text = texts.get(a.source_id.as_str()).map_or("", String::as_str);
            attributions.push(Attribution {
                source: self
                    .refs(std::iter::once(a.source_id.as_str()))
                    .into_iter()
                    .next()
                    .unwrap_or(SourceRef {
                        id: a.source_id.clone(),
                        title: None,
                        origin: String::new(),
                    }),
                start: a.start,
                end: a.end,
                quote: a.quote.clone(),
                rule: a.rule.clone(),
                context: context(text, a.start, a.end).to_string(),
            });
        }
        Ok(ClaimAudit {
            claim,
            attributions,
        })
    }
}

/// The sentence around a span: back to the previous sentence end or line
/// break, forward to the next, at most 300 bytes each way.
pub fn context(text: &str, start: usize, end: usize) -> &str {
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    let is_stop = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let floor = start.saturating_sub(300);
    let mut from = text[..start]
        .char_indices()
        .rev()
        .take_while(|(i, _)| *i >= floor)
        .find(|(i, c)| is_stop(*c) && text[i + c.len_utf8()..].starts_with(char::is_whitespace))
        .map_or(floor, |(i, c)| i + c.len_utf8());
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let ceiling = (end + 300).min(text.len());
    let mut to = text[end..]
        .char_indices()
        .take_while(|(i, _)| end + i < ceiling)
        .find(|(_, c)| is_stop(*c))
        .map_or(ceiling, |(i, c)| {
            end + i + if c == '\n' { 0 } else { c.len_utf8() }
        });
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    text[from.min(start)..to.max(end)].trim()
}

#[cfg(test)]
mod tests {
    use super::context;

    #[test]
    fn context_is_the_sentence_around_the_quote() {
        let text = "Intro here. Django is fast, said one. Next one.\nOther line";
        let start = text.find("fast").unwrap();
        assert_eq!(context(text, start, start + 4), "Django is fast, said one.");
        let start = text.find("Other").unwrap();
        assert_eq!(context(text, start, start + 5), "Other line");
        assert_eq!(context("é fast é", 3, 7), "é fast é");
    }
}
