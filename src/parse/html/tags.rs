//! The element names the extractor cares about, resolved once per element
//! while the page is parsed, and what each one means for text: never text,
//! a block of its own, or inline.

/// An element's name, reduced to what extraction distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    /// Elements whose content is never visible text: script, style,
    /// noscript, template, svg, math, iframe, media and embeds.
    Void,
    Br,
    Hr,
    Img,
    A,
    Time,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    /// Interactive controls whose text is UI, not prose.
    Control,
    Dialog,
    Menu,
    H(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Tr,
    Td,
    Th,
    /// thead, tbody, tfoot, caption, colgroup: table structure.
    TablePart,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    /// Other block-level containers (address, details, center, ...).
    Block,
    /// Everything else: span, em, strong, custom elements, ...
    Inline,
}

impl Tag {
    /// Resolves an HTML element's local name.
    pub(crate) fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
            | "embed" | "canvas" | "video" | "audio" | "picture" | "source" | "track" | "map"
            | "frameset" | "frame" | "noframes" | "noembed" | "param" | "datalist" | "base" => {
                Tag::Void
            }
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" => Tag::Img,
            "a" => Tag::A,
            "time" => Tag::Time,
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" | "hgroup" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            // A `label` outside a form is just styled text; inside one,
            // the form's rule covers it.
            "button" | "select" | "option" | "optgroup" | "textarea" | "input" | "output"
            | "progress" | "meter" => Tag::Control,
            "dialog" => Tag::Dialog,
            "menu" => Tag::Menu,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "thead" | "tbody" | "tfoot" | "caption" | "colgroup" | "col" => Tag::TablePart,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "address" | "details" | "summary" | "center" | "fieldset" | "legend" | "search"
            | "dir" => Tag::Block,
            _ => Tag::Inline,
        }
    }

    /// True for elements that start and end a line of text.
    pub(crate) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Inline | Tag::A | Tag::Time | Tag::Img | Tag::Void | Tag::Meta | Tag::Link
        )
    }

    /// True for elements whose subtree never yields visible text.
    pub(crate) fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Void | Tag::Head | Tag::Title | Tag::Meta | Tag::Link | Tag::Img
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve() {
        assert_eq!(Tag::of("h3"), Tag::H(3));
        assert_eq!(Tag::of("script"), Tag::Void);
        assert_eq!(Tag::of("my-widget"), Tag::Inline);
        assert!(Tag::of("li").is_block());
        assert!(!Tag::of("span").is_block());
        assert!(Tag::of("noscript").is_void());
    }
}
