//! Markdown: one block per paragraph, heading, list item, table cell,
//! quote paragraph, code block and markup construct, read with
//! pulldown-cmark's offset iterator so every span is a range of the file.
//!
//! Spans cover a block's content without its leading markers where that is
//! practical (`## Django` → `Django`, `- item` → `item`): they run from the
//! first to the last inline element of the block. Code blocks, raw HTML,
//! front matter and shortcodes span the whole construct, fences included,
//! because the whole construct is what a reader sees as one thing.
//!
//! ```
//! use roundup::model::BlockKind;
//! let doc = roundup::parse::markdown::parse("## Django\n\n- fast\n".to_string());
//! assert_eq!(doc.blocks[0].kind, BlockKind::Heading { level: 2 });
//! assert_eq!(doc.block_text(&doc.blocks[0]), "Django");
//! assert_eq!(doc.block_text(&doc.blocks[1]), "fast");
//! ```

mod front_matter;

use crate::model::{Block, BlockKind, Document, Meta, Span};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Parses Markdown; spans index the input itself.
pub fn parse(text: String) -> Document {
    let mut walker = Walker::new(&text);
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        walker.event(event, range);
    }
    let Walker {
        mut blocks, meta, ..
    } = walker;
    let mut meta = meta;
    promote_title(&text, &mut blocks, &mut meta);
    Document {
        meta,
        text,
        blocks,
        dropped: Vec::new(),
    }
}

/// A container the walker is inside; the innermost one decides what kind
/// a paragraph becomes.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Container {
    Item,
    Quote,
}

/// A leaf block being read: its kind and the union of its inline ranges.
#[derive(Debug)]
struct Open {
    kind: BlockKind,
    /// The leaf is a tight list item's text, opened by its first inline
    /// element rather than by a `Start` event.
    implicit: bool,
    span: Option<Range<usize>>,
    /// Every inline element so far was raw HTML or white space.
    only_html: bool,
    /// Bytes of inline raw HTML.
    html_bytes: usize,
}

struct Walker<'t> {
    text: &'t str,
    blocks: Vec<Block>,
    meta: Meta,
    containers: Vec<Container>,
    list_depth: u8,
    open: Option<Open>,
    /// Inside a construct whose events are not read (code, raw HTML,
    /// front matter): the block was pushed when it started.
    skipping: bool,
    row: u32,
    col: u32,
    /// Where the open table's header row starts.
    table_head: usize,
}

impl<'t> Walker<'t> {
    fn new(text: &'t str) -> Self {
        Walker {
            text,
            blocks: Vec::new(),
            meta: Meta::default(),
            containers: Vec::new(),
            list_depth: 0,
            open: None,
            skipping: false,
            row: 0,
            col: 0,
            table_head: 0,
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if self.skipping {
            if matches!(
                event,
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_))
            ) {
                self.skipping = false;
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::InlineHtml(_) => {
                let len = range.len();
                self.inline(range, true);
                if let Some(open) = self.open.as_mut() {
                    open.html_bytes += len;
                }
            }
            Event::Text(t) => {
                let blank = t.trim().is_empty();
                self.inline(range, blank);
            }
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => self.inline(range, false),
            // pulldown-cmark sends `Html` inside HTML blocks, which are
            // skipped; should one come alone, it is still markup.
            Event::Html(_) => self.push(BlockKind::Markup, range),
            Event::SoftBreak | Event::HardBreak | Event::Rule => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::MetadataBlock(_) => {
                self.meta = front_matter::meta(&self.text[range.clone()]);
                self.push(BlockKind::Markup, range);
                self.skipping = true;
            }
            Tag::HtmlBlock => {
                self.close_implicit();
                self.push(BlockKind::Markup, range);
                self.skipping = true;
            }
            Tag::CodeBlock(_) => {
                self.close_implicit();
                self.push(BlockKind::Code, range);
                self.skipping = true;
            }
            Tag::Heading { level, .. } => self.open(heading_kind(level)),
            Tag::Paragraph => {
                self.close_implicit();
                let kind = match self.containers.last() {
                    Some(Container::Item) => BlockKind::ListItem {
                        depth: self.list_depth,
                    },
                    Some(Container::Quote) => BlockKind::Quote,
                    None => BlockKind::Paragraph,
                };
                self.open(kind);
            }
            Tag::List(_) => {
                self.close_implicit();
                self.list_depth = self.list_depth.saturating_add(1);
            }
            Tag::Item => {
                self.close_implicit();
                self.containers.push(Container::Item);
            }
            Tag::BlockQuote(_) => {
                self.close_implicit();
                self.containers.push(Container::Quote);
            }
            Tag::Table(_) => self.row = 0,
            Tag::TableHead => {
                self.col = 0;
                self.table_head = range.start;
            }
            Tag::TableRow => {
                self.row += 1;
                self.col = 0;
            }
            Tag::TableCell => self.open(BlockKind::TableCell {
                row: self.row,
                col: self.col,
            }),
            Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => self.inline(range, false),
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.close(),
            TagEnd::TableCell => {
                self.close();
                self.col += 1;
            }
            TagEnd::TableHead => self.push_delimiter_row(),
            TagEnd::Item => {
                self.close_implicit();
                if self.containers.last() == Some(&Container::Item) {
                    self.containers.pop();
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_implicit();
                if self.containers.last() == Some(&Container::Quote) {
                    self.containers.pop();
                }
            }
            TagEnd::List(_) => {
                self.close_implicit();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.open = Some(Open {
            kind,
            implicit: false,
            span: None,
            only_html: true,
            html_bytes: 0,
        });
    }

    /// Extends the open leaf with an inline element; a tight list item has
    /// no paragraph, so its first inline element opens its leaf.
    fn inline(&mut self, range: Range<usize>, markup_like: bool) {
        if self.open.is_none() && self.containers.last() == Some(&Container::Item) {
            self.open = Some(Open {
                kind: BlockKind::ListItem {
                    depth: self.list_depth,
                },
                implicit: true,
                span: None,
                only_html: true,
                html_bytes: 0,
            });
        }
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.only_html &= markup_like;
        open.span = Some(match open.span.take() {
            Some(s) => s.start.min(range.start)..s.end.max(range.end),
            None => range,
        });
    }

    fn close_implicit(&mut self) {
        if self.open.as_ref().is_some_and(|o| o.implicit) {
            self.close();
        }
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let Some(range) = open.span else {
            return;
        };
        let body = self.text[range.clone()].trim();
        // Mostly tags between an opening and a closing one: inline SVG and
        // the like, whose few words are labels, not prose.
        let tagged =
            body.starts_with('<') && body.ends_with('>') && open.html_bytes * 2 >= body.len();
        let markup = open.only_html || tagged || is_shortcode(body);
        let kind = if markup && !matches!(open.kind, BlockKind::TableCell { .. }) {
            BlockKind::Markup
        } else {
            open.kind
        };
        self.push(kind, range);
    }

    /// A table's delimiter row (`|---|---|`) belongs to no cell; it is kept
    /// as a markup block so the table reads as one piece. A header row with
    /// no text goes into the same block.
    fn push_delimiter_row(&mut self) {
        let head = self.table_head;
        let Some(nl) = self.text[head..].find('\n') else {
            return;
        };
        let start = head + nl + 1;
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |e| start + e);
        let line = &self.text[start..end];
        if line.contains('-') && line.chars().all(|c| "|-: \t".contains(c)) {
            let empty_head = self.blocks.last().is_none_or(|b| b.span.start < head);
            self.push(
                BlockKind::Markup,
                if empty_head { head } else { start }..end,
            );
        }
    }

    /// Pushes a block spanning `range` without its surrounding white space.
    fn push(&mut self, kind: BlockKind, range: Range<usize>) {
        let raw = &self.text[range.clone()];
        let start = range.start + (raw.len() - raw.trim_start().len());
        let end = range.start + raw.trim_end().len();
        if start < end {
            self.blocks.push(Block {
                kind,
                span: Span::new(start, end),
            });
        }
    }
}

fn heading_kind(level: HeadingLevel) -> BlockKind {
    let level = match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    };
    BlockKind::Heading { level }
}

/// Hugo (`{{< toc >}}`, `{{% badge %}}`) and Liquid (`{% include %}`)
/// template calls: page machinery, not prose.
fn is_shortcode(body: &str) -> bool {
    (body.starts_with("{{<") && body.ends_with(">}}"))
        || (body.starts_with("{{%") && body.ends_with("%}}"))
        || (body.starts_with("{%") && body.ends_with("%}"))
}

/// Makes a leading level-1 heading the Title when it is the article's only
/// level-1 heading, and fills `meta.title` from it when front matter gave
/// none.
fn promote_title(text: &str, blocks: &mut [Block], meta: &mut Meta) {
    let h1 = BlockKind::Heading { level: 1 };
    if blocks.iter().filter(|b| b.kind == h1).count() != 1 {
        return;
    }
    let Some(first) = blocks.iter_mut().find(|b| b.kind != BlockKind::Markup) else {
        return;
    };
    if first.kind == h1 {
        first.kind = BlockKind::Title;
        if meta.title.is_none() {
            meta.title = Some(text[first.span.range()].to_string());
        }
    }
}

#[cfg(test)]
mod tests;
