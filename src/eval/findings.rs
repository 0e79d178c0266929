//! The findings part of the annotation guide's scorer: entities, claims
//! (with aspect accuracy), statistics and companies, per article; callers
//! sum the counts over articles (micro-averaging).
//!
//! For scoring, `spring` and `spring-boot` count as one entity, and so do
//! `aspnet` and `aspnet-core`. Claim evidence is looked up in the document
//! text (the input for text and Markdown, the derived text for HTML); where
//! it cannot be found, a claim still matches when its quote and the
//! evidence share a run of four words.

use super::gold::Gold;
use super::Counts;
use crate::extract::Findings;
use std::collections::BTreeSet;

/// The scores of one article, with what it missed and added.
#[derive(Debug, Clone, Default)]
pub struct FindingScores {
    pub entities: Counts,
    pub claims: Counts,
    /// Found gold claims whose matching system claim had a gold aspect.
    pub aspects_right: usize,
    pub statistics: Counts,
    pub companies: Counts,
    /// Human-readable lines: "missed claim django/pro: ...".
    pub detail: Vec<String>,
}

impl FindingScores {
    pub fn add(&mut self, o: &FindingScores) {
        self.entities.add(o.entities);
        self.claims.add(o.claims);
        self.aspects_right += o.aspects_right;
        self.statistics.add(o.statistics);
        self.companies.add(o.companies);
    }

    /// The share of found claims whose aspect is among the gold aspects.
    pub fn aspect_accuracy(&self) -> f64 {
        if self.claims.tp == 0 {
            1.0
        } else {
            self.aspects_right as f64 / self.claims.tp as f64
        }
    }
}

/// The slug scored: the guide merges spring-boot into spring and
/// aspnet-core into aspnet.
pub fn canonical(slug: &str) -> &str {
    match slug {
        "spring-boot" => "spring",
        "aspnet-core" => "aspnet",
        other => other,
    }
}

pub use crate::extract::companies::fold as fold_company;

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn share_four_words(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    if a.len() < 4 || b.len() < 4 {
        // Short evidence ("SEO Optimized") must then match whole.
        return !a.is_empty() && a == b;
    }
    let grams: BTreeSet<&[String]> = a.windows(4).collect();
    b.windows(4).any(|w| grams.contains(w))
}

/// Every place `needle` occurs in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// Scores one article's findings against its gold.
pub fn score(text: &str, findings: &Findings, gold: &Gold) -> FindingScores {
    let mut s = FindingScores::default();

    let ours: BTreeSet<&str> = findings
        .entities
        .iter()
        .map(|m| canonical(&m.entity))
        .collect();
    let theirs: BTreeSet<&str> = gold.entities.iter().map(|e| canonical(e)).collect();
    s.entities = Counts {
        tp: ours.intersection(&theirs).count(),
        fp: ours.difference(&theirs).count(),
        fn_: theirs.difference(&ours).count(),
    };
    for e in theirs.difference(&ours) {
        s.detail.push(format!("missed entity {e}"));
    }
    for e in ours.difference(&theirs) {
        s.detail.push(format!("added entity {e}"));
    }

    // Claims: a gold claim is found by any system claim of the same entity
    // and polarity whose span overlaps the evidence.
    let mut claim_hit = vec![false; findings.claims.len()];
    for g in &gold.claims {
        let spans = occurrences(text, &g.evidence);
        let mut found = false;
        let mut aspect_ok = false;
        for (k, c) in findings.claims.iter().enumerate() {
            if canonical(&c.entity) != canonical(&g.entity) || c.polarity.name() != g.polarity {
                continue;
            }
            let overlaps = if spans.is_empty() {
                share_four_words(&c.quote, &g.evidence)
            } else {
                spans.iter().any(|&(a, b)| c.start < b && a < c.end)
            };
            if overlaps {
                found = true;
                claim_hit[k] = true;
                aspect_ok |= g.aspects.contains(&c.aspect);
            }
        }
        if found {
            s.claims.tp += 1;
            s.aspects_right += aspect_ok as usize;
            if !aspect_ok {
                s.detail.push(format!(
                    "wrong aspect {}/{} (gold {:?}): {}",
                    g.entity, g.polarity, g.aspects, g.evidence
                ));
            }
        } else {
            s.claims.fn_ += 1;
            s.detail.push(format!(
                "missed claim {}/{}: {}",
                g.entity, g.polarity, g.evidence
            ));
        }
    }
    for (c, hit) in findings.claims.iter().zip(&claim_hit) {
        if !hit {
            s.claims.fp += 1;
            s.detail.push(format!(
                "added claim {}/{}/{} [{}]: {}",
                c.entity,
                c.polarity.name(),
                c.aspect,
                c.rule,
                c.quote
            ));
        }
    }

    // Statistics and companies: one-to-one matching in document order.
    let mut used = vec![false; findings.statistics.len()];
    for g in &gold.statistics {
        let hit = findings.statistics.iter().enumerate().position(|(k, f)| {
            !used[k]
                && f.entity.as_deref().map(canonical) == g.entity.as_deref().map(canonical)
                && f.unit.name() == g.unit
                && (f.value - g.value).abs() <= 0.005 * g.value.abs().max(f64::EPSILON)
        });
        match hit {
            Some(k) => {
                used[k] = true;
                s.statistics.tp += 1;
            }
            None => {
                s.statistics.fn_ += 1;
                s.detail.push(format!(
                    "missed statistic {:?} {} {}: {}",
                    g.entity, g.value, g.unit, g.evidence
                ));
            }
        }
    }
    for (f, u) in findings.statistics.iter().zip(&used) {
        if !u {
            s.statistics.fp += 1;
            s.detail.push(format!(
                "added statistic {:?} {} {} [{}]: {}",
                f.entity,
                f.value,
                f.unit.name(),
                f.rule,
                f.quote
            ));
        }
    }
    let mut used = vec![false; findings.companies.len()];
    for g in &gold.companies {
        let hit = findings.companies.iter().enumerate().position(|(k, f)| {
            !used[k]
                && fold_company(&f.company) == fold_company(&g.company)
                && f.entity.as_deref().map(canonical) == g.entity.as_deref().map(canonical)
        });
        match hit {
            Some(k) => {
                used[k] = true;
                s.companies.tp += 1;
            }
            None => {
                s.companies.fn_ += 1;
                s.detail
                    .push(format!("missed company {} uses {:?}", g.company, g.entity));
            }
        }
    }
    for (f, u) in findings.companies.iter().zip(&used) {
        if !u {
            s.companies.fp += 1;
            s.detail.push(format!(
                "added company {} uses {:?} [{}]: {}",
                f.company, f.entity, f.rule, f.quote
            ));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Claim, Polarity};

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn claims_match_on_entity_polarity_and_overlap() {
        let text = "Intro. The prime benefit of Django is batteries included. More.";
        let g = gold(
            r#"{"doc":"d","title":null,"published":null,"drop_lines":[],"entities":["django"],
            "claims":[{"entity":"django","polarity":"pro","aspects":["productivity"],"evidence":"Django is batteries included"}]}"#,
        );
        let start = text.find("The prime").unwrap();
        let end = text.find(" More").unwrap();
        let claim = |entity: &str, polarity, aspect: &str| Claim {
            entity: entity.into(),
            polarity,
            aspect: aspect.into(),
            start,
            end,
            quote: text[start..end].into(),
            rule: "t".into(),
        };
        let mut f = Findings::default();
        f.claims
            .push(claim("django", Polarity::Pro, "productivity"));
        f.claims
            .push(claim("django", Polarity::Con, "productivity"));
        let s = score(text, &f, &g);
        assert_eq!(
            s.claims,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(s.aspects_right, 1);
    }

    #[test]
    fn scoring_merges_spring_boot_and_folds_company_names() {
        assert_eq!(canonical("spring-boot"), canonical("spring"));
        assert_eq!(
            fold_company("Stack Overflow"),
            fold_company("stack-overflow")
        );
    }

    #[test]
    fn four_shared_words_match_when_the_evidence_is_not_in_the_text() {
        assert!(share_four_words(
            "it is easy to learn quickly",
            "Easy to learn quickly!"
        ));
        assert!(!share_four_words("easy to learn", "hard to learn"));
    }
}
