//! From the arena to text: the page flattened into document order (one
//! iterative walk, no recursion), then cut into blocks, one per line of
//! [`Document::text`](crate::model::Document::text).
//!
//! Every block-level element and every chrome-marked element starts and
//! ends a block, so all the text of a block shares the same ancestors that
//! matter: its owner (the innermost such element) and its chrome.

use super::classify::{classify, Verdict};
use super::dom::{Data, Dom, NONE};
use super::tags::Tag;
use crate::model::BlockKind;

/// One node of the page in document order: an element or a text node.
/// Subtrees that never hold text (script, style, head, ...) are left out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    /// The arena node.
    pub node: u32,
    /// The parent item, [`NONE`] for the document.
    pub parent: u32,
    /// One past the last item of the subtree.
    pub end: u32,
    /// The element's tag; `None` for text.
    pub tag: Option<Tag>,
    pub verdict: Verdict,
    /// The nearest strict ancestor with a chrome rule, or [`NONE`].
    pub chrome_up: u32,
}

impl Item {
    /// True when item `i` lies in this item's subtree (`self` at `at`).
    pub(crate) fn contains(&self, at: u32, i: u32) -> bool {
        at <= i && i < self.end
    }
}

/// Flattens the arena into items, in document order.
pub(crate) fn flatten(dom: &Dom) -> Vec<Item> {
    let mut items = Vec::with_capacity(dom.nodes.len());
    items.push(Item {
        node: Dom::ROOT,
        parent: NONE,
        end: 1,
        tag: None,
        verdict: Verdict::default(),
        chrome_up: NONE,
    });
    // (item, next child of its node to visit)
    let mut stack: Vec<(u32, u32)> = vec![(0, dom.node(Dom::ROOT).first_child)];
    while let Some(top) = stack.last_mut() {
        let (parent, child) = *top;
        if child == NONE {
            items[parent as usize].end = items.len() as u32;
            stack.pop();
            continue;
        }
        top.1 = dom.node(child).next;
        let p = &items[parent as usize];
        let chrome_up = if p.verdict.rule.is_some() {
            parent
        } else {
            p.chrome_up
        };
        let at = items.len() as u32;
        let verdict = match &dom.node(child).data {
            Data::Element(e) if !e.tag.is_void() => classify(e),
            _ => Verdict::default(),
        };
        // The article body shields itself from chrome names around it
        // (Blogger puts the post in `<div class="widget Blog">`).
        let chrome_up = if verdict.body_hint {
            shielded(&items, chrome_up)
        } else {
            chrome_up
        };
        match &dom.node(child).data {
            Data::Text(_) => items.push(Item {
                node: child,
                parent,
                end: at + 1,
                tag: None,
                verdict: Verdict::default(),
                chrome_up,
            }),
            Data::Element(e) if !e.tag.is_void() => {
                items.push(Item {
                    node: child,
                    parent,
                    end: at + 1,
                    tag: Some(e.tag),
                    verdict,
                    chrome_up,
                });
                stack.push((at, dom.node(child).first_child));
            }
            _ => {}
        }
    }
    items
}

/// The first of `c` and its chrome ancestors not marked by names alone.
fn shielded(items: &[Item], mut c: u32) -> u32 {
    while c != NONE && items[c as usize].verdict.by_name {
        c = items[c as usize].chrome_up;
    }
    c
}

/// A block as cut from the page, before any verdict.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// The innermost block-level or chrome element around the text.
    pub owner: u32,
    /// Characters of text, and how many of them are link text.
    pub chars: u32,
    pub link_chars: u32,
    pub commas: u32,
}

/// The page's text, one block per line, and its blocks.
#[derive(Debug, Default)]
pub(crate) struct Segmented {
    pub text: String,
    pub blocks: Vec<RawBlock>,
}

/// Where the walk is: what encloses the text being gathered.
struct Cursor {
    /// Open elements that own blocks (block-level or chrome).
    owners: Vec<u32>,
    /// Open elements that set a block's kind, with that kind.
    kinds: Vec<(u32, BlockKind)>,
    /// Per open table: its item, the current row (none before the first
    /// `tr`) and the next column.
    tables: Vec<(u32, Option<u32>, u32)>,
    lists: u8,
    links: u32,
    /// Where the current block's text starts, and its link characters.
    start: usize,
    link_chars: u32,
    /// White space was seen since the last word of the block.
    space: bool,
}

/// Cuts the flattened page into blocks.
pub(crate) fn segment(dom: &Dom, items: &[Item]) -> Segmented {
    let mut out = Segmented::default();
    let mut cur = Cursor {
        owners: vec![0],
        kinds: Vec::new(),
        tables: Vec::new(),
        lists: 0,
        links: 0,
        start: 0,
        link_chars: 0,
        space: false,
    };
    // Open elements, to close them when the walk leaves their subtree.
    let mut open: Vec<u32> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let i = i as u32;
        while let Some(&o) = open.last() {
            if items[o as usize].end > i {
                break;
            }
            open.pop();
            close(&mut out, &mut cur, items, o);
        }
        match item.tag {
            None => {
                if let Data::Text(t) = &dom.node(item.node).data {
                    push_text(&mut out, &mut cur, t);
                }
            }
            Some(tag) => {
                enter(&mut out, &mut cur, dom, items, i, tag);
                open.push(i);
            }
        }
    }
    while let Some(o) = open.pop() {
        close(&mut out, &mut cur, items, o);
    }
    flush(&mut out, &mut cur);
    out
}

/// Block-level elements own blocks; so do inline elements with a chrome
/// rule (a caption `span`), except links named by class alone: a link with
/// class "tag-link" in a sentence is part of the sentence.
fn is_owner(item: &Item, tag: Tag) -> bool {
    tag.is_block() || (item.verdict.rule.is_some() && !(tag == Tag::A && item.verdict.by_name))
}

fn enter(out: &mut Segmented, cur: &mut Cursor, dom: &Dom, items: &[Item], i: u32, tag: Tag) {
    let item = &items[i as usize];
    if is_owner(item, tag) {
        flush(out, cur);
        cur.owners.push(i);
    }
    match tag {
        Tag::A => cur.links += 1,
        Tag::Ul | Tag::Ol | Tag::Menu => cur.lists = cur.lists.saturating_add(1),
        Tag::Li => cur.kinds.push((
            i,
            BlockKind::ListItem {
                depth: cur.lists.max(1),
            },
        )),
        Tag::H(level) => cur.kinds.push((i, BlockKind::Heading { level })),
        Tag::Blockquote => cur.kinds.push((i, BlockKind::Quote)),
        Tag::Pre => cur.kinds.push((i, BlockKind::Code)),
        Tag::Table => cur.tables.push((i, None, 0)),
        Tag::Tr => {
            if let Some(t) = cur.tables.last_mut() {
                t.1 = Some(t.1.map_or(0, |r| r.saturating_add(1)));
                t.2 = 0;
            }
        }
        Tag::Td | Tag::Th => {
            let span = dom
                .element(item.node)
                .and_then(|e| e.attr("colspan"))
                .and_then(|s| s.trim().parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, 1000);
            let (row, col) = match cur.tables.last_mut() {
                Some(t) => {
                    let col = t.2;
                    t.2 = t.2.saturating_add(span);
                    (t.1.unwrap_or(0), col)
                }
                None => (0, 0),
            };
            cur.kinds.push((i, BlockKind::TableCell { row, col }));
        }
        _ => {}
    }
}

fn close(out: &mut Segmented, cur: &mut Cursor, items: &[Item], i: u32) {
    let item = &items[i as usize];
    let Some(tag) = item.tag else { return };
    if is_owner(item, tag) {
        flush(out, cur);
        if cur.owners.last() == Some(&i) {
            cur.owners.pop();
        }
    }
    match tag {
        Tag::A => cur.links = cur.links.saturating_sub(1),
        Tag::Ul | Tag::Ol | Tag::Menu => cur.lists = cur.lists.saturating_sub(1),
        Tag::Table if cur.tables.last().is_some_and(|t| t.0 == i) => {
            cur.tables.pop();
        }
        _ => {}
    }
    if cur.kinds.last().is_some_and(|k| k.0 == i) {
        cur.kinds.pop();
    }
}

/// Appends a text node to the current block, collapsing white space.
fn push_text(out: &mut Segmented, cur: &mut Cursor, t: &str) {
    let before = out.text.len();
    let mut words = t.split_whitespace();
    if t.starts_with(char::is_whitespace) {
        cur.space = true;
    }
    if let Some(first) = words.next() {
        if out.text.len() > cur.start && cur.space {
            out.text.push(' ');
        }
        out.text.push_str(first);
        for w in words {
            out.text.push(' ');
            out.text.push_str(w);
        }
        cur.space = t.ends_with(char::is_whitespace);
    }
    if cur.links > 0 && out.text.len() > before {
        cur.link_chars += count_chars(&out.text[before..]);
    }
}

fn count_chars(s: &str) -> u32 {
    s.bytes().filter(|&b| (b & 0xC0) != 0x80).count() as u32
}

/// Ends the current block, if it has text.
fn flush(out: &mut Segmented, cur: &mut Cursor) {
    let (start, end) = (cur.start, out.text.len());
    // Zero-width spaces and joiners alone are no text.
    let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
    if out.text[start..end].chars().all(invisible) {
        out.text.truncate(start);
    } else {
        let text = &out.text[start..end];
        let commas = text.bytes().filter(|&b| b == b',').count() as u32
            + text.matches('\u{FF0C}').count() as u32;
        let kind = cur
            .kinds
            .last()
            .map(|k| k.1)
            .unwrap_or(BlockKind::Paragraph);
        let chars = count_chars(text);
        out.blocks.push(RawBlock {
            kind,
            start,
            end,
            owner: cur.owners.last().copied().unwrap_or(0),
            chars,
            link_chars: cur.link_chars.min(chars),
            commas,
        });
        out.text.push('\n');
    }
    cur.start = out.text.len();
    cur.link_chars = 0;
    cur.space = false;
}
