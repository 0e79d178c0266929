//! The parsed page: html5ever's tree builder writing into a flat arena of
//! nodes (indices, no reference counting), with a guard that keeps the
//! tree builder's stack of open elements shallow.
//!
//! Why a guard: html5ever checks "is a `p` in button scope?" and the like
//! by walking its whole stack of open elements, so a page nested 100,000
//! `div`s deep costs billions of steps. Like WebKit, we cap the depth: a
//! start tag met deeper than [`MAX_DEPTH`] is dropped (its text stays,
//! attached higher up), and so is its matching end tag.

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, Tracer, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use super::tags::Tag;

/// "No node": the end of a sibling list, the parent of the root.
pub(crate) const NONE: u32 = u32::MAX;

/// Deeper than this, start tags are dropped (WebKit uses 512).
pub(crate) const MAX_DEPTH: u32 = 512;

/// One node of the arena. Links are arena indices or [`NONE`].
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub prev: u32,
    pub next: u32,
    /// Depth below the document when the node was last attached.
    depth: u32,
    pub data: Data,
}

/// What a node holds.
#[derive(Debug)]
pub(crate) enum Data {
    Document,
    Element(Element),
    Text(StrTendril),
    /// Comments, processing instructions, template contents: never text.
    Other,
}

/// An element: its name, resolved tag and attributes.
#[derive(Debug)]
pub(crate) struct Element {
    pub name: QualName,
    pub tag: Tag,
    pub attrs: Vec<Attribute>,
    template_contents: u32,
    mathml_integration_point: bool,
}

impl Element {
    /// The value of attribute `name` (no namespace), if present.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// The parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// The index of the document node.
    pub(crate) const ROOT: u32 = 0;

    pub(crate) fn node(&self, id: u32) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element at `id`, if it is one.
    pub(crate) fn element(&self, id: u32) -> Option<&Element> {
        match &self.node(id).data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The children of `id`, in order.
    pub(crate) fn children(&self, id: u32) -> impl Iterator<Item = u32> + '_ {
        let mut next = self.node(id).first_child;
        std::iter::from_fn(move || {
            let cur = next;
            (cur != NONE).then(|| {
                next = self.node(cur).next;
                cur
            })
        })
    }

    /// The concatenated text of `id`'s direct text children (the body of a
    /// `<script>` or `<title>`).
    pub(crate) fn child_text(&self, id: u32) -> String {
        let mut out = String::new();
        for c in self.children(id) {
            if let Data::Text(t) = &self.node(c).data {
                out.push_str(t);
            }
        }
        out
    }
}

/// Parses a whole page.
pub(crate) fn parse(html: &str) -> Dom {
    let sink = Sink {
        // About one node per 40 bytes of markup: grow the arena once or twice.
        nodes: RefCell::new(Vec::with_capacity(html.len() / 40 + 16)),
        depth: Cell::new(0),
        no_name: QualName::new(None, ns!(html), local_name!("")),
    };
    sink.push(Data::Document);
    let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let guard = DepthGuard {
        builder,
        dropped: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // `Script` results ask the caller to run a script; there is none to run.
    while !matches!(tokenizer.feed(&input), html5ever::TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// Sits between the tokenizer and the tree builder and drops start tags
/// (and their end tags) once the tree is [`MAX_DEPTH`] deep.
struct DepthGuard {
    builder: TreeBuilder<u32, Sink>,
    /// How many start tags of each name were dropped and await their end.
    dropped: RefCell<Vec<(LocalName, u32)>>,
}

/// Tags that switch the tokenizer's state; dropping one would make its
/// raw content (a script's code) parse as markup.
fn switches_tokenizer(name: &LocalName) -> bool {
    matches!(
        &**name,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
            | "svg"
            | "math"
    )
}

impl DepthGuard {
    /// The tree builder's open elements (plus a few other handles it
    /// holds), counted exactly; refreshes the sink's estimate, which misses
    /// the pops html5ever does not report. Only called when the estimate
    /// says the tree is deep, so its cost stays bounded by the cap.
    fn open_count(&self) -> u32 {
        let counter = Counter(Cell::new(0));
        self.builder.trace_handles(&counter);
        let count = counter.0.get();
        self.builder.sink.depth.set(count);
        count
    }
}

/// Counts the handles html5ever shows it.
struct Counter(Cell<u32>);

impl Tracer for Counter {
    type Handle = u32;

    fn trace_handle(&self, _node: &u32) {
        self.0.set(self.0.get().saturating_add(1));
    }
}

impl TokenSink for DepthGuard {
    type Handle = u32;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<u32> {
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag
                    if self.builder.sink.depth.get() >= MAX_DEPTH
                        && !switches_tokenizer(&tag.name)
                        && self.open_count() >= MAX_DEPTH =>
                {
                    let mut dropped = self.dropped.borrow_mut();
                    match dropped.iter_mut().find(|(n, _)| *n == tag.name) {
                        Some((_, count)) => *count += 1,
                        None => dropped.push((tag.name.clone(), 1)),
                    }
                    return TokenSinkResult::Continue;
                }
                TagKind::EndTag => {
                    let mut dropped = self.dropped.borrow_mut();
                    if let Some((_, count)) =
                        dropped.iter_mut().find(|(n, c)| *c > 0 && *n == tag.name)
                    {
                        *count -= 1;
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The tree sink: html5ever calls it to build the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Depth of the node html5ever last inserted into: an estimate of the
    /// depth of its stack of open elements.
    depth: Cell<u32>,
    /// The name reported for a non-element (html5ever never asks).
    no_name: QualName,
}

impl Sink {
    fn push(&self, data: Data) -> u32 {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len() as u32;
        nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            depth: 0,
            data,
        });
        id
    }

    /// Unlinks `id` from its parent and siblings.
    fn detach(nodes: &mut [Node], id: u32) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// Links the detached `id` under `parent`, before `before` (or last).
    fn link(nodes: &mut [Node], parent: u32, id: u32, before: u32) {
        let depth = nodes[parent as usize].depth + 1;
        let prev = if before == NONE {
            nodes[parent as usize].last_child
        } else {
            nodes[before as usize].prev
        };
        {
            let n = &mut nodes[id as usize];
            n.parent = parent;
            n.prev = prev;
            n.next = before;
            n.depth = depth;
        }
        if prev != NONE {
            nodes[prev as usize].next = id;
        } else {
            nodes[parent as usize].first_child = id;
        }
        if before != NONE {
            nodes[before as usize].prev = id;
        } else {
            nodes[parent as usize].last_child = id;
        }
    }

    /// Inserts `child` under `parent` before `before` (or last), merging
    /// text into an adjacent text node as html5ever requires.
    fn insert(&self, parent: u32, before: u32, child: NodeOrText<u32>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => {
                Self::detach(&mut nodes, id);
                Self::link(&mut nodes, parent, id, before);
                self.depth.set(nodes[id as usize].depth);
            }
            NodeOrText::AppendText(text) => {
                let prev = if before == NONE {
                    nodes[parent as usize].last_child
                } else {
                    nodes[before as usize].prev
                };
                if prev != NONE {
                    if let Data::Text(t) = &mut nodes[prev as usize].data {
                        t.push_tendril(&text);
                        return;
                    }
                }
                let id = nodes.len() as u32;
                nodes.push(Node {
                    parent: NONE,
                    first_child: NONE,
                    last_child: NONE,
                    prev: NONE,
                    next: NONE,
                    depth: 0,
                    data: Data::Text(text),
                });
                Self::link(&mut nodes, parent, id, before);
                self.depth.set(nodes[parent as usize].depth);
            }
        }
    }
}

/// An element's name as html5ever borrows it.
#[derive(Debug)]
enum Name<'a> {
    Element(Ref<'a, QualName>),
    Other(&'a QualName),
}

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        match self {
            Name::Element(n) => &n.ns,
            Name::Other(n) => &n.ns,
        }
    }

    fn local_name(&self) -> &LocalName {
        match self {
            Name::Element(n) => &n.local,
            Name::Other(n) => &n.local,
        }
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Dom;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Name<'a> {
        let name = Ref::filter_map(self.nodes.borrow(), |nodes| {
            match nodes.get(*target as usize).map(|n| &n.data) {
                Some(Data::Element(e)) => Some(&e.name),
                _ => None,
            }
        });
        match name {
            Ok(name) => Name::Element(name),
            Err(_) => Name::Other(&self.no_name),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        let tag = if name.ns == ns!(html) {
            Tag::of(&name.local)
        } else if name.ns == ns!(svg) || name.ns == ns!(mathml) {
            Tag::Void
        } else {
            Tag::Inline
        };
        let template_contents = if flags.template {
            self.push(Data::Other)
        } else {
            NONE
        };
        self.push(Data::Element(Element {
            name,
            tag,
            attrs,
            template_contents,
            mathml_integration_point: flags.mathml_annotation_xml_integration_point,
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.push(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        self.insert(*parent, NONE, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn pop(&self, node: &u32) {
        let depth = self.nodes.borrow()[*node as usize].depth;
        self.depth.set(depth.saturating_sub(1));
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        match &self.nodes.borrow()[*target as usize].data {
            Data::Element(e) if e.template_contents != NONE => e.template_contents,
            // html5ever only asks for templates; an orphan absorbs the rest.
            _ => *target,
        }
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let parent = self.nodes.borrow()[*sibling as usize].parent;
        if parent != NONE {
            self.insert(parent, *sibling, new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element(e) = &mut nodes[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|b| b.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            Self::detach(&mut nodes, child);
            Self::link(&mut nodes, *new_parent, child, NONE);
            child = next;
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &u32) -> bool {
        matches!(
            &self.nodes.borrow()[*handle as usize].data,
            Data::Element(e) if e.mathml_integration_point
        )
    }

    fn allow_declarative_shadow_roots(&self, _intended_parent: &u32) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(dom: &Dom) -> Vec<String> {
        dom.nodes
            .iter()
            .filter_map(|n| match &n.data {
                Data::Text(t) if n.parent != NONE => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn builds_a_tree() {
        let dom = parse("<p>a<b>b</b>c</p>");
        let body = dom
            .nodes
            .iter()
            .position(|n| matches!(&n.data, Data::Element(e) if e.tag == Tag::Body))
            .map(|i| i as u32);
        let Some(body) = body else { panic!("no body") };
        let p = dom.node(body).first_child;
        assert_eq!(dom.element(p).map(|e| e.tag), Some(Tag::P));
        assert_eq!(dom.children(p).count(), 3);
        assert_eq!(texts(&dom), ["a", "b", "c"]);
    }

    #[test]
    fn misnested_markup_is_repaired() {
        // The adoption agency moves "b" and reparents nodes.
        let dom = parse("<b>1<p>2</b>3</p>");
        assert_eq!(texts(&dom), ["1", "2", "3"]);
    }

    #[test]
    fn depth_is_capped_and_text_kept() {
        let n = 2000;
        let html = format!("{}x{}<p>after</p>", "<div>".repeat(n), "</div>".repeat(n));
        let dom = parse(&html);
        let max_depth = dom.nodes.iter().map(|n| n.depth).max().unwrap_or(0);
        assert!(max_depth <= MAX_DEPTH + 2, "depth {max_depth}");
        assert_eq!(texts(&dom), ["x", "after"]);
        // The paragraph after the deep part is back near the top.
        let after = dom
            .nodes
            .iter()
            .find(|n| matches!(&n.data, Data::Element(e) if e.tag == Tag::P));
        assert!(after.is_some_and(|p| p.depth < 10));
    }

    #[test]
    fn script_text_is_kept_raw_even_when_deep() {
        let n = 600;
        let html = format!("{}<script>a<b>c</script>", "<div>".repeat(n));
        let dom = parse(&html);
        assert_eq!(texts(&dom), ["a<b>c"]);
    }
}
