//! Which blocks are the article: Readability's scoring of containers by
//! the paragraphs they hold, over the blocks already cut, then a verdict
//! per block (kept, or dropped with the rule that says why).

use super::classify::Rule;
use super::dom::{Dom, NONE};
use super::segment::{Item, RawBlock, Segmented};
use super::tags::Tag;
use crate::model::BlockKind;

/// Sums over a subtree of the blocks that count as content.
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    chars: u32,
    link_chars: u32,
}

impl Totals {
    fn link_density(self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// The page's containers scored, and the chosen main content.
struct Scores {
    /// Readability's content score per item (0 for items never scored).
    score: Vec<f32>,
    scored: Vec<bool>,
    totals: Vec<Totals>,
}

/// The chrome element a block sits in: its owner if marked, else the
/// owner's nearest marked ancestor.
fn chrome_of(items: &[Item], b: &RawBlock) -> u32 {
    let owner = &items[b.owner as usize];
    if owner.verdict.rule.is_some() {
        b.owner
    } else {
        owner.chrome_up
    }
}

/// Decides, for each block, whether it is dropped and by which rule.
pub(crate) fn judge(dom: &Dom, items: &[Item], seg: &Segmented) -> Vec<Option<Rule>> {
    let mut roots = choose_main(dom, items, &seg.blocks, true);
    let main_chars: u32 = roots.1;
    if main_chars < 250 {
        // Chrome-looking classes may wrap the whole page: try without them.
        let relaxed = choose_main(dom, items, &seg.blocks, false);
        if relaxed.1 > main_chars * 2 {
            roots = relaxed;
        }
    }
    let roots = roots.0;
    let mut verdicts: Vec<Option<Rule>> = seg
        .blocks
        .iter()
        .map(|b| verdict(items, &roots, b))
        .collect();
    drop_link_lists(items, &seg.blocks, &seg.text, &mut verdicts);
    drop_card_blurbs(items, &seg.blocks, &mut verdicts);
    for (b, v) in seg.blocks.iter().zip(verdicts.iter_mut()) {
        if v.is_none() && b.chars < 30 && is_label(&seg.text[b.start..b.end]) {
            *v = Some(Rule::Label);
        }
    }
    verdicts
}

/// A line that is a widget's label, not prose: "Advertisement",
/// "Comments", "Close", "Share this".
fn is_label(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = t.to_lowercase();
    matches!(
        lower.as_str(),
        "advertisement"
            | "advert"
            | "ad"
            | "ads"
            | "anzeige"
            | "publicidad"
            | "publicité"
            | "pubblicità"
            | "iklan"
            | "реклама"
            | "sponsored"
            | "caption"
            | "close"
            | "comment"
            | "comments"
            | "share"
            | "share this"
            | "share this article"
            | "share on facebook"
            | "share on twitter"
            | "tweet"
            | "print"
            | "email"
            | "tags"
            | "more"
            | "read more"
            | "continue reading"
            | "related"
            | "related articles"
            | "related posts"
            | "related stories"
            | "explore further"
            | "back to top"
            | "skip to content"
            | "skip to main content"
    )
}

/// Shorter than this, a kept block is judged by its neighbours.
const SHORT: u32 = 100;

/// A short kept block that shares a small box (a teaser card) with a
/// link-dense block goes too: the blurb under a related article's link.
fn drop_card_blurbs(items: &[Item], blocks: &[RawBlock], verdicts: &mut [Option<Rule>]) {
    let links = |v: &Option<Rule>| matches!(v, Some(Rule::LinkDense));
    for i in 0..blocks.len() {
        // A table row with a linked name is data, not a teaser.
        let cell = matches!(blocks[i].kind, BlockKind::TableCell { .. });
        if verdicts[i].is_some() || blocks[i].chars >= SHORT || cell {
            continue;
        }
        let card = |j: usize| links(&verdicts[j]) && in_small_box(items, blocks, i, j);
        let before = i.checked_sub(1).is_some_and(card);
        if before || (i + 1 < blocks.len() && card(i + 1)) {
            verdicts[i] = Some(Rule::LinkContext);
        }
    }
}

/// True when blocks `i` and `j` (neighbours) lie in a common element that
/// holds little text: a card, not the article.
fn in_small_box(items: &[Item], blocks: &[RawBlock], i: usize, j: usize) -> bool {
    let (a, b) = (blocks[i].owner, blocks[j].owner);
    let mut p = a;
    while p != NONE && !items[p as usize].contains(p, b) {
        p = items[p as usize].parent;
    }
    if p == NONE || p == 0 {
        return false;
    }
    let box_ = &items[p as usize];
    let inside = |k: &usize| box_.contains(p, blocks[*k].owner);
    let lo = i.min(j);
    let hi = i.max(j);
    let mut chars = 0;
    for k in (0..lo)
        .rev()
        .take_while(inside)
        .chain(lo..=hi)
        .chain((hi + 1..blocks.len()).take_while(inside))
    {
        chars += blocks[k].chars;
        if chars > 3 * SHORT {
            return false;
        }
    }
    true
}

/// True for a block that is mostly link text, other than a bare address
/// (a cited URL is content).
fn is_link_dense(b: &RawBlock, text: &str) -> bool {
    if b.link_chars * 2 <= b.chars {
        return false;
    }
    let t = &text[b.start..b.end];
    !(t.starts_with("http") || t.starts_with("www."))
}

/// Drops the kept blocks that are mostly link text: menus, "Read more"
/// lines and related-article lists inside the content. A linked heading
/// that opens a section of prose stays (`<h2><a>Django</a></h2>` in a
/// listicle); a linked heading over a blurb in a small card does not.
fn drop_link_lists(items: &[Item], blocks: &[RawBlock], text: &str, verdicts: &mut [Option<Rule>]) {
    let kept: Vec<bool> = verdicts.iter().map(Option::is_none).collect();
    let dense: Vec<bool> = blocks.iter().map(|b| is_link_dense(b, text)).collect();
    for i in 0..blocks.len() {
        if !kept[i] || !dense[i] {
            continue;
        }
        let section = matches!(blocks[i].kind, BlockKind::Heading { .. })
            && i + 1 < blocks.len()
            && kept[i + 1]
            && !dense[i + 1]
            && !matches!(blocks[i + 1].kind, BlockKind::Heading { .. })
            && !in_small_box(items, blocks, i, i + 1);
        if !section {
            verdicts[i] = Some(Rule::LinkDense);
        }
    }
}

/// The verdict on one block given the main content roots.
fn verdict(items: &[Item], roots: &[u32], b: &RawBlock) -> Option<Rule> {
    let root = root_of(items, roots, b.owner);
    let mut c = chrome_of(items, b);
    let mut outermost = None;
    while c != NONE {
        let it = &items[c as usize];
        match root {
            Some(r) if c <= r => break,
            _ => outermost = it.verdict.rule,
        }
        c = it.chrome_up;
    }
    if let Some(rule) = outermost {
        return Some(rule);
    }
    if root.is_none() {
        return Some(Rule::OutsideMain);
    }
    None
}

/// The main root that holds item `i`, if any.
fn root_of(items: &[Item], roots: &[u32], i: u32) -> Option<u32> {
    let at = roots.partition_point(|&r| r <= i);
    let r = *roots.get(at.checked_sub(1)?)?;
    items[r as usize].contains(r, i).then_some(r)
}

/// Elements that are a paragraph themselves rather than hold paragraphs.
fn is_paragraph(tag: Option<Tag>) -> bool {
    matches!(
        tag,
        Some(
            Tag::P
                | Tag::Pre
                | Tag::Li
                | Tag::Td
                | Tag::Th
                | Tag::Dt
                | Tag::Dd
                | Tag::H(_)
                | Tag::Blockquote
                | Tag::Figcaption
                | Tag::Block
        )
    )
}

/// Readability's initial score of a container, from its tag and names.
fn initial_score(item: &Item) -> f32 {
    let base = match item.tag {
        Some(Tag::Div | Tag::Article) => 5.0,
        Some(Tag::Pre | Tag::Td | Tag::Blockquote) => 3.0,
        Some(
            Tag::Block | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form,
        ) => -3.0,
        Some(Tag::H(_) | Tag::Th) => -5.0,
        _ => 0.0,
    };
    base + item.verdict.weight as f32
}

/// Chooses the main content: the best scored container and the siblings
/// that look like it. Returns the roots, in document order, and the
/// characters of content they hold.
fn choose_main(dom: &Dom, items: &[Item], blocks: &[RawBlock], strict: bool) -> (Vec<u32>, u32) {
    let n = items.len();
    let mut s = Scores {
        score: vec![0.0; n],
        scored: vec![false; n],
        totals: vec![Totals::default(); n],
    };
    for b in blocks {
        let chrome = chrome_of(items, b);
        let excluded = if strict {
            chrome != NONE
        } else {
            chrome != NONE && is_hidden(items, chrome)
        };
        if excluded {
            continue;
        }
        let t = &mut s.totals[b.owner as usize];
        t.chars += b.chars;
        t.link_chars += b.link_chars;
        if b.chars < 25 || matches!(b.kind, BlockKind::Heading { .. }) {
            continue;
        }
        let points = 1.0 + b.commas as f32 + (b.chars as f32 / 100.0).min(3.0);
        // Text right inside a container is a paragraph of that container
        // (Readability wraps such runs in a `<p>`).
        let owner = &items[b.owner as usize];
        let mut anc = if is_paragraph(owner.tag) {
            owner.parent
        } else {
            b.owner
        };
        for level in 0..5 {
            if anc == NONE || anc == 0 {
                break;
            }
            let a = anc as usize;
            if !s.scored[a] {
                s.scored[a] = true;
                s.score[a] = initial_score(&items[a]);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            s.score[a] += points / divider;
            anc = items[a].parent;
        }
    }
    for i in (1..n).rev() {
        let p = items[i].parent;
        if p != NONE {
            let t = s.totals[i];
            let pt = &mut s.totals[p as usize];
            pt.chars += t.chars;
            pt.link_chars += t.link_chars;
        }
    }
    for i in 0..n {
        if s.scored[i] {
            s.score[i] *= 1.0 - s.totals[i].link_density();
        }
    }
    // The five best candidates, best first.
    let mut best: Vec<u32> = Vec::with_capacity(6);
    for i in 0..n {
        if !s.scored[i] {
            continue;
        }
        let at = best.partition_point(|&b| s.score[b as usize] >= s.score[i]);
        if at < 5 {
            best.insert(at, i as u32);
            best.truncate(5);
        }
    }
    let Some(&top) = best.first() else {
        // Nothing scored: the body (or whatever there is) is the content.
        let body = items
            .iter()
            .position(|it| it.tag == Some(Tag::Body))
            .unwrap_or(0) as u32;
        return (vec![body], s.totals[body as usize].chars);
    };
    let top = common_ancestor(items, &s, &best).unwrap_or(top);
    let top = climb(items, &s, top);
    let top = body_hint_ancestor(items, &s, top);
    let roots = siblings(dom, items, &s, top);
    let chars = roots.iter().map(|&r| s.totals[r as usize].chars).sum();
    (roots, chars)
}

/// Readability's alternative candidates: when three or more of the best
/// candidates score close to the top one, the article is likely split
/// over them, and their nearest common ancestor with the top is the
/// content.
fn common_ancestor(items: &[Item], s: &Scores, best: &[u32]) -> Option<u32> {
    let (&top, rest) = best.split_first()?;
    let close: Vec<u32> = rest
        .iter()
        .copied()
        // Close in score and not tiny: a list of small teasers with the
        // same tag and class bonus as the article is not the article.
        .filter(|&c| {
            s.score[c as usize] >= 0.75 * s.score[top as usize]
                && s.totals[c as usize].chars * 4 >= s.totals[top as usize].chars
        })
        .collect();
    if close.len() < 3 {
        return None;
    }
    let mut p = items[top as usize].parent;
    while p != NONE && p != 0 && items[p as usize].tag != Some(Tag::Body) {
        let it = &items[p as usize];
        if close.iter().filter(|&&c| it.contains(p, c)).count() >= 3 {
            return Some(p);
        }
        p = it.parent;
    }
    None
}

/// The innermost ancestor-or-self of `top` whose markup names it the
/// article body (the site's own word on where the article is), unless
/// what it adds to `top` is mostly links: then it is a page wrapper.
fn body_hint_ancestor(items: &[Item], s: &Scores, top: u32) -> u32 {
    let mut p = top;
    // Further up, a "post-content" is a page wrapper more often than not.
    for _ in 0..3 {
        if p == NONE || p == 0 {
            break;
        }
        if items[p as usize].verdict.body_hint {
            let (all, own) = (s.totals[p as usize], s.totals[top as usize]);
            let added = Totals {
                chars: all.chars - own.chars,
                link_chars: all.link_chars - own.link_chars,
            };
            return if added.chars > 0 && added.link_density() < 0.25 {
                p
            } else {
                top
            };
        }
        p = items[p as usize].parent;
    }
    top
}

fn is_hidden(items: &[Item], mut c: u32) -> bool {
    while c != NONE {
        let it = &items[c as usize];
        if it.verdict.rule.is_some_and(|r| r.is_structural()) {
            return true;
        }
        c = it.chrome_up;
    }
    false
}

/// Readability's moves up from the top candidate: to a common ancestor
/// of several close candidates, to a parent that scores higher, and past
/// wrappers with a single child.
fn climb(items: &[Item], s: &Scores, mut top: u32) -> u32 {
    let top_score = s.score[top as usize];
    // Parents scoring higher than their best child hold more of it.
    let mut last = top_score;
    let threshold = last / 3.0;
    let mut p = items[top as usize].parent;
    while p != NONE && p != 0 && items[p as usize].tag != Some(Tag::Body) {
        if !s.scored[p as usize] {
            p = items[p as usize].parent;
            continue;
        }
        let ps = s.score[p as usize];
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        p = items[p as usize].parent;
    }
    // A wrapper whose only element child is the candidate adds nothing.
    loop {
        let p = items[top as usize].parent;
        if p == NONE || p == 0 || items[p as usize].tag == Some(Tag::Body) {
            break;
        }
        if element_children(items, p).nth(1).is_some() {
            break;
        }
        top = p;
    }
    top
}

/// The element children of item `p`.
fn element_children(items: &[Item], p: u32) -> impl Iterator<Item = u32> + '_ {
    let end = items[p as usize].end;
    let mut j = p + 1;
    std::iter::from_fn(move || {
        while j < end {
            let cur = j;
            j = items[cur as usize].end;
            if items[cur as usize].tag.is_some() {
                return Some(cur);
            }
        }
        None
    })
}

/// Readability's sibling step: siblings of the top candidate that score
/// close to it, or paragraphs that read like prose.
fn siblings(dom: &Dom, items: &[Item], s: &Scores, top: u32) -> Vec<u32> {
    let parent = items[top as usize].parent;
    if parent == NONE || parent == 0 {
        return vec![top];
    }
    let top_score = s.score[top as usize];
    let threshold = (top_score * 0.2).max(10.0);
    let class_of = |i: u32| {
        dom.element(items[i as usize].node)
            .and_then(|e| e.attr("class"))
            .unwrap_or("")
    };
    let top_class = class_of(top);
    let mut roots = Vec::new();
    for c in element_children(items, parent) {
        if c == top {
            roots.push(c);
            continue;
        }
        let it = &items[c as usize];
        if it.verdict.rule.is_some() {
            continue;
        }
        let bonus = if !top_class.is_empty() && class_of(c) == top_class {
            top_score * 0.2
        } else {
            0.0
        };
        let t = s.totals[c as usize];
        let include = if s.scored[c as usize] && s.score[c as usize] + bonus >= threshold {
            true
        } else if it.tag == Some(Tag::P) {
            let ld = t.link_density();
            (t.chars > 80 && ld < 0.25) || (t.chars > 0 && t.chars <= 80 && ld == 0.0)
        } else {
            false
        };
        if include {
            roots.push(c);
        }
    }
    roots
}
