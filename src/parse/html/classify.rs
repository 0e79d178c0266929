//! What an element's own markup says about it: whether it is page chrome
//! (and by which rule), whether it is hidden, and whether its class or id
//! names it as article text. Words are matched whole, after splitting
//! class and id names on `-`, `_`, white space and camelCase, so `ad`
//! matches `ad-slot` but not `header`, `head` or `read`.

use super::dom::Element;
use super::tags::Tag;
use html5ever::local_name;

/// Why a block is not article content: each variant has a stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    Hidden,
    Nav,
    Header,
    Footer,
    Aside,
    Form,
    Dialog,
    Share,
    Comments,
    Related,
    Newsletter,
    CookieBanner,
    Ad,
    Byline,
    Tags,
    Tools,
    Caption,
    OutsideMain,
    LinkDense,
    LinkContext,
    Label,
    Title,
}

impl Rule {
    /// Every rule, in the order `roundup rules` lists them.
    pub(crate) const ALL: [Rule; 22] = [
        Rule::Hidden,
        Rule::Nav,
        Rule::Header,
        Rule::Footer,
        Rule::Aside,
        Rule::Form,
        Rule::Dialog,
        Rule::Share,
        Rule::Comments,
        Rule::Related,
        Rule::Newsletter,
        Rule::CookieBanner,
        Rule::Ad,
        Rule::Byline,
        Rule::Tags,
        Rule::Tools,
        Rule::Caption,
        Rule::OutsideMain,
        Rule::LinkDense,
        Rule::LinkContext,
        Rule::Label,
        Rule::Title,
    ];

    /// One sentence on why the rule drops a block.
    pub(crate) fn why(self) -> &'static str {
        match self {
            Rule::Hidden => "hidden on the page (hidden attribute, aria-hidden, display:none)",
            Rule::Nav => "navigation: <nav>, role=navigation, or a menu/breadcrumb class",
            Rule::Header => "the page header (<header> outside the article, role=banner)",
            Rule::Footer => "the page footer (<footer>, role=contentinfo, footer classes)",
            Rule::Aside => "a sidebar: <aside>, role=complementary, sidebar/widget classes",
            Rule::Form => "a form and its fields, buttons and selects",
            Rule::Dialog => "a dialog, modal or popup",
            Rule::Share => "a share bar or social links",
            Rule::Comments => "the comment section",
            Rule::Related => "related or recommended posts",
            Rule::Newsletter => "a newsletter or subscription box",
            Rule::CookieBanner => "a cookie or consent banner",
            Rule::Ad => "an advertisement or sponsored box",
            Rule::Byline => "the byline and author box (the author goes into the metadata)",
            Rule::Tags => "tag and category lists",
            Rule::Tools => "page tools: print, font size, bookmarks",
            Rule::Caption => "an image caption (figcaption, caption classes)",
            Rule::OutsideMain => "outside the element chosen as the article's main content",
            Rule::LinkDense => "a block that is mostly link text: lists of links",
            Rule::LinkContext => "a teaser blurb beside a linked title in a card",
            Rule::Label => "a widget label on its own line (\"Advertisement\", \"Comments\")",
            Rule::Title => "a heading that repeats the page title",
        }
    }

    /// The rule's stable, dotted id.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Rule::Hidden => "html.hidden",
            Rule::Nav => "html.nav",
            Rule::Header => "html.header",
            Rule::Footer => "html.footer",
            Rule::Aside => "html.aside",
            Rule::Form => "html.form",
            Rule::Dialog => "html.dialog",
            Rule::Share => "html.share",
            Rule::Comments => "html.comments",
            Rule::Related => "html.related",
            Rule::Newsletter => "html.newsletter",
            Rule::CookieBanner => "html.cookie-banner",
            Rule::Ad => "html.ad",
            Rule::Byline => "html.byline",
            Rule::Tags => "html.tags",
            Rule::Tools => "html.tools",
            Rule::Caption => "html.caption",
            Rule::OutsideMain => "html.outside-main",
            Rule::LinkDense => "html.link-dense",
            Rule::LinkContext => "html.link-context",
            Rule::Label => "html.label",
            Rule::Title => "html.title",
        }
    }

    /// True for rules that come from the element's tag or visibility, which
    /// hold even on an element that encloses the article.
    pub(crate) fn is_structural(self) -> bool {
        matches!(self, Rule::Hidden)
    }
}

/// What an element's markup says about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// The chrome rule the element matches, if any.
    pub rule: Option<Rule>,
    /// Readability's class weight: +25 per article-like class or id name,
    /// -25 per chrome-like one.
    pub weight: i8,
    /// The element is marked as the article body (`itemprop=articleBody`,
    /// `class="entry-content"`, ...).
    pub body_hint: bool,
    /// The rule comes from class or id names, not from the tag, the role
    /// or visibility: a weaker sign, which the article body overrides.
    pub by_name: bool,
}

/// Classifies an element by its tag and attributes.
pub(crate) fn classify(el: &Element) -> Verdict {
    let mut v = Verdict {
        rule: tag_rule(el.tag),
        ..Verdict::default()
    };
    let mut hidden = false;
    for a in &el.attrs {
        let value: &str = &a.value;
        // Atoms compare as integers: no string compare per attribute.
        let name = &a.name.local;
        if *name == local_name!("class") || *name == local_name!("id") {
            let names = scan_names(value);
            v.weight = v.weight.saturating_add(names.weight);
            v.body_hint |= names.body_hint;
            hidden |= names.hidden;
            if v.rule.is_none() && names.rule.is_some() {
                v.rule = names.rule;
                v.by_name = true;
            }
        } else if *name == local_name!("hidden") {
            hidden = true;
        } else if *name == local_name!("aria-hidden") {
            hidden |= value.trim().eq_ignore_ascii_case("true");
        } else if *name == local_name!("style") {
            hidden |= style_hides(value);
        } else if *name == local_name!("role") {
            if let Some(r) = role_rule(value) {
                v.rule.get_or_insert(r);
            }
        } else if *name == local_name!("itemprop") {
            v.body_hint |= value
                .split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("articleBody") || w.eq_ignore_ascii_case("text"));
        }
    }
    // The article's own container is never chrome by its names.
    if v.body_hint || matches!(el.tag, Tag::Article | Tag::Main | Tag::Body | Tag::Html) {
        v.rule = tag_rule(el.tag);
        v.by_name = false;
    }
    if hidden {
        v.rule = Some(Rule::Hidden);
        v.by_name = false;
    }
    v
}

fn tag_rule(tag: Tag) -> Option<Rule> {
    match tag {
        Tag::Nav | Tag::Menu => Some(Rule::Nav),
        Tag::Header => Some(Rule::Header),
        Tag::Footer => Some(Rule::Footer),
        Tag::Aside => Some(Rule::Aside),
        Tag::Form | Tag::Control => Some(Rule::Form),
        Tag::Dialog => Some(Rule::Dialog),
        Tag::Figcaption => Some(Rule::Caption),
        _ => None,
    }
}

fn role_rule(role: &str) -> Option<Rule> {
    role.split_ascii_whitespace().find_map(|r| {
        Some(match r.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "tablist" => Rule::Nav,
            "banner" => Rule::Header,
            "contentinfo" => Rule::Footer,
            "complementary" => Rule::Aside,
            "search" | "form" => Rule::Form,
            "dialog" | "alertdialog" => Rule::Dialog,
            _ => return None,
        })
    })
}

/// True when an inline style hides the element (`display: none`,
/// `visibility: hidden`).
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let value = value.trim();
        let value = value
            .strip_suffix("!important")
            .map_or(value, str::trim_end);
        let prop = prop.trim();
        (prop.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (prop.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

/// What the names in one class or id attribute say.
#[derive(Debug, Default)]
struct Names {
    rule: Option<Rule>,
    weight: i8,
    body_hint: bool,
    hidden: bool,
}

/// Scans a class or id attribute: each white-space separated name is
/// split into lower-case words.
fn scan_names(value: &str) -> Names {
    let mut out = Names::default();
    let (mut positive, mut negative) = (false, false);
    for name in value.split_ascii_whitespace() {
        let Some(split) = Split::of(name) else {
            // Generated (CSS-in-JS hashes) or non-ASCII names say nothing.
            continue;
        };
        let joined = split.joined();
        if is_hidden_name(joined) {
            out.hidden = true;
            continue;
        }
        // Substring search only where a content word makes a hit possible.
        if (split.count == 1 && BODY_NAMES.contains(&joined))
            || (split.count > 1
                && split.words().any(is_content_word)
                && BODY_NAMES.iter().any(|b| joined.contains(b)))
        {
            out.body_hint = true;
        }
        // "has-sidebar", "no-comments": a state of the page, not a part.
        let state = matches!(
            split.words().next(),
            Some("has" | "with" | "no" | "without" | "is" | "show" | "hide" | "enable")
        );
        // "category-ads", "tag-social-media": a taxonomy label of the
        // page (WordPress puts them on the article), not a part of it.
        let label = matches!(
            split.words().next(),
            Some("tag" | "category" | "format" | "type" | "status" | "term" | "taxonomy" | "topic")
        ) && !split.words().skip(1).all(is_generic_word);
        // "content-sidebar-wrap" encloses the content as well.
        let wrapper = split.words().any(is_content_word) && split.words().any(is_layout_word);
        let mut rule = None;
        let count = split.words().count();
        for (at, w) in split.words().enumerate() {
            if is_content_word(w) {
                positive = true;
            }
            let Some(r) = word_rule(w) else { continue };
            // Page builders call every box a widget ("elementor-widget");
            // only a name that starts with it is a sidebar widget.
            if matches!(w, "widget" | "widgets") && at > 0 {
                continue;
            }
            // "share-buttons" names the part; "social-media-coverage" does
            // not: the chrome word must head the name.
            if at + 1 == count || split.words().skip(at + 1).all(is_generic_word) {
                rule.get_or_insert(r);
            }
        }
        if state || wrapper || label {
            continue;
        }
        if rule.is_some() {
            negative = true;
        }
        if out.rule.is_none() {
            out.rule = rule;
        }
    }
    out.weight = if negative {
        -25
    } else if positive {
        25
    } else {
        0
    };
    out
}

/// A class name split into lower-case words at `-`, `_`, `.`, `:`, `/`
/// and camelCase boundaries, without allocating: the words are stored
/// joined, with their ends.
struct Split {
    buf: [u8; 64],
    len: usize,
    ends: [u8; 16],
    count: usize,
}

impl Split {
    fn of(name: &str) -> Option<Split> {
        if name.len() > 64 || !name.is_ascii() {
            return None;
        }
        let mut s = Split {
            buf: [0; 64],
            len: 0,
            ends: [0; 16],
            count: 0,
        };
        let mut prev_lower = false;
        for &b in name.as_bytes() {
            if matches!(b, b'-' | b'_' | b'.' | b':' | b'/') {
                s.end_word();
                prev_lower = false;
                continue;
            }
            if b.is_ascii_uppercase() && prev_lower {
                s.end_word();
            }
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            s.buf[s.len] = b.to_ascii_lowercase();
            s.len += 1;
        }
        s.end_word();
        Some(s)
    }

    fn end_word(&mut self) {
        let start = if self.count == 0 {
            0
        } else {
            self.ends[self.count - 1] as usize
        };
        if self.len > start && self.count < self.ends.len() {
            self.ends[self.count] = self.len as u8;
            self.count += 1;
        }
    }

    /// The words concatenated ("sronly" for "sr-only").
    fn joined(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        let joined = self.joined();
        (0..self.count).map(move |i| {
            let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
            joined.get(start..self.ends[i] as usize).unwrap_or("")
        })
    }
}

/// Substrings of a joined class name that mark the article body.
const BODY_NAMES: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "articlecopy",
    "entrycontent",
    "entrybody",
    "postcontent",
    "postbody",
    "posttext",
    "postentry",
    "storybody",
    "storycontent",
    "storytext",
    "bodytext",
    "contentbody",
    "textcontent",
    "blogcontent",
    "blogpost",
    "singlecontent",
    "mainarticle",
];

fn is_hidden_name(joined: &str) -> bool {
    matches!(
        joined,
        "hidden"
            | "ishidden"
            | "uhidden"
            | "hide"
            | "invisible"
            | "sronly"
            | "sronlytext"
            | "visuallyhidden"
            | "screenreadertext"
            | "screenreaderonly"
            | "offscreen"
            | "assistivetext"
            | "elementinvisible"
    )
}

fn is_content_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "body"
            | "content"
            | "entry"
            | "hentry"
            | "main"
            | "post"
            | "text"
            | "blog"
            | "story"
    )
}

fn is_layout_word(w: &str) -> bool {
    matches!(
        w,
        "wrap"
            | "wrapper"
            | "container"
            | "layout"
            | "inner"
            | "outer"
            | "grid"
            | "row"
            | "column"
            | "columns"
            | "col"
            | "page"
    )
}

/// Words that say what kind of box a part is, not which part it is.
fn is_generic_word(w: &str) -> bool {
    w.len() <= 2
        || w.bytes().all(|b| b.is_ascii_digit())
        || is_layout_word(w)
        || is_content_word(w)
        || matches!(
            w,
            "list"
                | "area"
                | "box"
                | "section"
                | "block"
                | "blocks"
                | "links"
                | "link"
                | "items"
                | "item"
                | "bar"
                | "buttons"
                | "button"
                | "btn"
                | "icons"
                | "icon"
                | "holder"
                | "module"
                | "widget"
                | "widgets"
                | "panel"
                | "region"
                | "zone"
                | "slot"
                | "unit"
                | "placement"
                | "notice"
                | "title"
                | "heading"
                | "label"
                | "top"
                | "bottom"
                | "left"
                | "right"
                | "primary"
                | "secondary"
                | "contents"
                | "posts"
                | "articles"
                | "stories"
                | "news"
                | "menu"
                | "nav"
                | "tools"
                | "desktop"
                | "mobile"
                | "tablet"
                | "group"
                | "frame"
                | "component"
                | "card"
                | "cards"
                | "teaser"
                | "teasers"
                | "feed"
                | "sticky"
                | "fixed"
                | "float"
                | "floating"
                | "mod"
                | "placeholder"
                | "count"
                | "counter"
                | "sidebar"
                | "footer"
                | "header"
                | "bio"
                | "name"
                | "info"
                | "details"
                | "meta"
                | "form"
                | "banner"
        )
}

/// The chrome rule a class or id word names.
fn word_rule(w: &str) -> Option<Rule> {
    Some(match w {
        "nav" | "navbar" | "navigation" | "menu" | "menus" | "submenu" | "breadcrumb"
        | "breadcrumbs" | "crumbs" | "pagination" | "pager" | "paging" | "skip" | "skiplink"
        | "prev" | "previous" | "next" | "nextprev" | "prevnext" | "postnav" | "pagenav" => {
            Rule::Nav
        }
        "header" | "masthead" | "topbar" => Rule::Header,
        "footer" | "copyright" | "colophon" => Rule::Footer,
        "sidebar" | "sidebars" | "aside" | "widget" | "widgets" | "rail" | "siderail" => {
            Rule::Aside
        }
        "share" | "shares" | "sharing" | "sharebar" | "social" | "socials" | "addthis"
        | "sharethis" | "sharedaddy" => Rule::Share,
        "comment" | "comments" | "commentlist" | "disqus" | "respond" | "replies"
        | "discussion" => Rule::Comments,
        "related" | "recommended" | "recommendations" | "recommend" | "recirc"
        | "recirculation" | "outbrain" | "taboola" | "trending" | "popular" | "mostread"
        | "similar" => Rule::Related,
        "newsletter" | "newsletters" | "subscribe" | "subscription" | "signup" | "optin"
        | "mailchimp" => Rule::Newsletter,
        "cookie" | "cookies" | "consent" | "gdpr" | "cmp" => Rule::CookieBanner,
        "ad" | "ads" | "adv" | "advert" | "adverts" | "advertisement" | "advertising"
        | "adsense" | "adslot" | "adunit" | "adsbygoogle" | "dfp" | "sponsor" | "sponsored"
        | "sponsors" | "promo" | "promos" | "promoted" | "promotion" | "banner" => Rule::Ad,
        "byline" | "author" | "authors" | "bio" | "dateline" | "timestamp" | "meta" | "date"
        | "pagedate" | "published" => Rule::Byline,
        "tags" | "tag" | "tagged" | "taglist" | "tagcloud" | "categories" | "topics"
        | "keywords" => Rule::Tags,
        "print" | "toolbar" | "tools" | "utility" | "utilities" | "actions" => Rule::Tools,
        "caption" | "credit" | "credits" => Rule::Caption,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        Split::of(name)
            .map(|s| s.words().map(str::to_string).collect())
            .unwrap_or_default()
    }

    #[test]
    fn names_split_into_words() {
        assert_eq!(words("site-header__nav"), ["site", "header", "nav"]);
        assert_eq!(words("relatedArticles"), ["related", "articles"]);
        assert_eq!(words("StoryBodyCompanion"), ["story", "body", "companion"]);
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(scan_names("ad-slot").rule, Some(Rule::Ad));
        assert_eq!(scan_names("header").rule, Some(Rule::Header));
        assert_eq!(scan_names("head read loading").rule, None);
        assert_eq!(scan_names("footnote").rule, None);
    }

    #[test]
    fn states_and_wrappers_are_not_chrome() {
        assert_eq!(scan_names("has-sidebar").rule, None);
        assert_eq!(scan_names("content-sidebar-wrap").rule, None);
        assert_eq!(scan_names("post-comments").rule, Some(Rule::Comments));
        assert_eq!(scan_names("tag-adam-neumann category-business").rule, None);
        assert_eq!(scan_names("js-share-buttons").rule, Some(Rule::Share));
        assert_eq!(scan_names("elementor-widget-wrap").rule, None);
        assert_eq!(scan_names("widget widget_text").rule, Some(Rule::Aside));
    }

    #[test]
    fn body_hints_and_weights() {
        let n = scan_names("c-article-body__content");
        assert!(n.body_hint);
        assert_eq!(n.weight, 25);
        assert_eq!(scan_names("sidebar").weight, -25);
        assert!(scan_names("sr-only").hidden);
        assert!(style_hides("color: red; DISPLAY : none"));
        assert!(style_hides("visibility:hidden !important"));
        assert!(!style_hides("display: block; background: none"));
    }
}
