//! Gold files (one per article, `<article file name>.json`, written by the
//! annotation guide) and the boilerplate part of its scorer.
//!
//! Dropped lines: a non-blank line of the input counts as dropped when no
//! kept block's span touches it. Lines are 1-based; a line that is blank
//! once white space is stripped is never counted, on either side.

use super::Counts;
use crate::error::{Error, Result};
use crate::Processed;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One gold file, as the annotation guide writes it.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// `None` for HTML, whose boilerplate is not scored by line.
    pub drop_lines: Option<Vec<usize>>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    #[serde(default)]
    pub statistics: Vec<GoldStatistic>,
    #[serde(default)]
    pub companies: Vec<GoldCompany>,
}

/// A gold claim: found by a system claim of the same entity and polarity
/// whose span overlaps the evidence.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldClaim {
    pub entity: String,
    pub polarity: String,
    pub aspects: Vec<String>,
    pub evidence: String,
}

/// A gold statistic: same entity, same unit, value within 0.5%.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldStatistic {
    pub entity: Option<String>,
    pub value: f64,
    pub unit: String,
    pub evidence: String,
}

/// A gold company user: same company (case and punctuation folded) and
/// same entity.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCompany {
    pub company: String,
    pub entity: Option<String>,
    pub evidence: String,
}

impl Gold {
    pub fn load(path: &Path) -> Result<Gold> {
        let bytes = std::fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        serde_json::from_slice(&bytes).map_err(|e| Error::Gold {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }
}

/// Every `*.json` gold file in a folder, sorted by name.
pub fn gold_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// 1-based numbers of the non-blank lines of `text` that no kept block
/// touches.
pub fn dropped_lines(p: &Processed) -> BTreeSet<usize> {
    let text = &p.document.text;
    let mut kept_line = Vec::new();
    let mut starts = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        starts.push(pos);
        kept_line.push(false);
        pos += line.len();
    }
    for i in p.cleaned.kept() {
        let span = p.document.blocks[i].span;
        let first = starts
            .partition_point(|&s| s <= span.start)
            .saturating_sub(1);
        let last = starts
            .partition_point(|&s| s < span.end.max(span.start + 1))
            .saturating_sub(1);
        for k in &mut kept_line[first..=last.max(first)] {
            *k = true;
        }
    }
    text.split_inclusive('\n')
        .enumerate()
        .filter(|(i, line)| !kept_line[*i] && !line.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect()
}

/// The boilerplate score of one article, with the lines it disagreed on.
#[derive(Debug, Clone, Default)]
pub struct LineScore {
    pub counts: Counts,
    /// Gold says drop, roundup kept.
    pub missed: Vec<usize>,
    /// roundup dropped, gold says keep.
    pub added: Vec<usize>,
}

/// Scores dropped lines against gold. Blank lines listed in gold are
/// ignored, as the guide says they are never listed.
pub fn score_lines(p: &Processed, gold_lines: &[usize]) -> LineScore {
    let lines: Vec<&str> = p.document.text.split_inclusive('\n').collect();
    let blank = |n: usize| lines.get(n - 1).is_none_or(|l| l.trim().is_empty());
    let gold: BTreeSet<usize> = gold_lines
        .iter()
        .copied()
        .filter(|&n| n > 0 && !blank(n))
        .collect();
    let ours = dropped_lines(p);
    let missed: Vec<usize> = gold.difference(&ours).copied().collect();
    let added: Vec<usize> = ours.difference(&gold).copied().collect();
    LineScore {
        counts: Counts {
            tp: gold.intersection(&ours).count(),
            fp: added.len(),
            fn_: missed.len(),
        },
        missed,
        added,
    }
}
