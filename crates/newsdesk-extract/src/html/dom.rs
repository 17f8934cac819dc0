//! A small HTML parser and the arena tree it builds: what extraction needs
//! of the HTML standard, at a fraction of a full parser's cost.
//!
//! The tokenizer finds `<` with `memchr`, reads tags and their attributes,
//! skips comments and doctypes, treats the content of `script`, `style`,
//! `title`, `textarea` and their kin as raw text, and decodes character
//! references in text and attribute values by the standard's rules
//! (`htmlize`). The tree builder follows the standard where it decides
//! which element text belongs to: end tags left out (`<p>a<p>b`, `<li>`,
//! `<td>`, `<tr>`, `<dt>`, `<option>`), void elements, block elements
//! closing an open paragraph, stray end tags ignored, `</body>` not ending
//! the body. It does not re-open formatting elements, foster-parent
//! misplaced table content or make up missing `<html>`/`<body>`
//! elements: none of that moves text between blocks.
//!
//! Nodes are stored in document order, so an element's descendants are
//! the nodes just after it, up to its `end`; every walk is a loop over
//! indices, never a recursion, whatever the nesting.

use std::borrow::Cow;

#[cfg(test)]
mod tests;

/// The index of a node in [`Dom::nodes`]; the document itself is 0.
pub type NodeId = usize;

const NONE: u32 = u32::MAX;

/// Open elements beyond this are not created (their text stays, in the
/// deepest element), and the page is marked as over the limits: extraction
/// then bounds it (`bounds`) and reads it again.
const MAX_OPEN_ELEMENTS: usize = 1024;
/// Attributes of one tag beyond this are dropped.
const MAX_ATTRIBUTES: usize = super::bounds::MAX_ATTRIBUTES;

macro_rules! tags {
    ($($variant:ident = $name:literal,)*) => {
        /// The elements extraction or tree building tells apart; any other is `Other`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Tag {
            $($variant,)*
            Other,
        }

        impl Tag {
            /// The tag of a lowercase element name.
            fn from_lowercase(name: &[u8]) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    A = b"a", Address = b"address", Applet = b"applet", Area = b"area", Article = b"article",
    Aside = b"aside", B = b"b", Base = b"base", Blockquote = b"blockquote", Body = b"body",
    Br = b"br", Button = b"button", Caption = b"caption", Center = b"center", Col = b"col",
    Colgroup = b"colgroup", Dd = b"dd", Details = b"details", Dialog = b"dialog", Dir = b"dir",
    Div = b"div", Dl = b"dl", Dt = b"dt", Em = b"em", Embed = b"embed", Fieldset = b"fieldset",
    Figcaption = b"figcaption", Figure = b"figure", Footer = b"footer", Form = b"form",
    H1 = b"h1", H2 = b"h2", H3 = b"h3", H4 = b"h4", H5 = b"h5", H6 = b"h6", Head = b"head",
    Header = b"header", Hgroup = b"hgroup", Hr = b"hr", Html = b"html", I = b"i",
    Iframe = b"iframe", Img = b"img", Input = b"input", Keygen = b"keygen", Li = b"li",
    Link = b"link", Listing = b"listing", Main = b"main", Marquee = b"marquee", Math = b"math",
    Menu = b"menu", Meta = b"meta", Nav = b"nav", Noembed = b"noembed", Noframes = b"noframes",
    Noscript = b"noscript", Object = b"object", Ol = b"ol", Optgroup = b"optgroup",
    Option = b"option", P = b"p", Param = b"param", Plaintext = b"plaintext", Pre = b"pre",
    Script = b"script", Search = b"search", Section = b"section", Select = b"select",
    Source = b"source", Span = b"span", Strong = b"strong", Style = b"style",
    Summary = b"summary", Svg = b"svg", Table = b"table", Tbody = b"tbody", Td = b"td",
    Template = b"template", Textarea = b"textarea", Tfoot = b"tfoot", Th = b"th",
    Thead = b"thead", Time = b"time", Title = b"title", Tr = b"tr", Track = b"track",
    Ul = b"ul", Wbr = b"wbr", Xmp = b"xmp",
}

impl Tag {
    /// Elements without content.
    fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    pub fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }

    /// Elements whose start tag closes an open `<p>`.
    fn closes_paragraph(self) -> bool {
        use Tag::*;
        self.is_heading()
            || matches!(
                self,
                Address
                    | Article
                    | Aside
                    | Blockquote
                    | Center
                    | Details
                    | Dialog
                    | Dir
                    | Div
                    | Dl
                    | Dd
                    | Dt
                    | Fieldset
                    | Figcaption
                    | Figure
                    | Footer
                    | Form
                    | Header
                    | Hgroup
                    | Hr
                    | Li
                    | Listing
                    | Main
                    | Menu
                    | Nav
                    | Ol
                    | P
                    | Plaintext
                    | Pre
                    | Search
                    | Section
                    | Summary
                    | Table
                    | Ul
                    | Xmp
            )
    }

    /// The standard's "special" elements: a stray end tag does not close them.
    fn is_special(self) -> bool {
        use Tag::*;
        self.is_heading()
            || self.is_void()
            || matches!(
                self,
                Address
                    | Applet
                    | Article
                    | Aside
                    | Blockquote
                    | Body
                    | Button
                    | Caption
                    | Center
                    | Colgroup
                    | Dd
                    | Details
                    | Dialog
                    | Dir
                    | Div
                    | Dl
                    | Dt
                    | Fieldset
                    | Figcaption
                    | Figure
                    | Footer
                    | Form
                    | Head
                    | Header
                    | Hgroup
                    | Html
                    | Iframe
                    | Li
                    | Listing
                    | Main
                    | Marquee
                    | Menu
                    | Nav
                    | Noembed
                    | Noframes
                    | Noscript
                    | Object
                    | Ol
                    | P
                    | Plaintext
                    | Pre
                    | Script
                    | Search
                    | Section
                    | Select
                    | Style
                    | Summary
                    | Table
                    | Tbody
                    | Td
                    | Template
                    | Textarea
                    | Tfoot
                    | Th
                    | Thead
                    | Title
                    | Tr
                    | Ul
                    | Xmp
            )
    }

    /// How the content of the element is read.
    fn content(self) -> Content {
        use Tag::*;
        match self {
            Script | Style | Xmp | Iframe | Noembed | Noframes | Noscript => Content::Raw,
            Title | Textarea => Content::EscapableRaw,
            Plaintext => Content::Plaintext,
            _ => Content::Markup,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Markup,
    /// Text up to the element's end tag, no character references.
    Raw,
    /// Text up to the element's end tag, with character references.
    EscapableRaw,
    /// Text to the end of the page.
    Plaintext,
}

/// Where a search of the open elements for an element in scope stops.
#[derive(Debug, Clone, Copy)]
enum Scope {
    Default,
    Button,
    ListItem,
    Table,
}

impl Scope {
    fn stops_at(self, tag: Tag) -> bool {
        use Tag::*;
        match self {
            Scope::Table => matches!(tag, Html | Table | Template),
            _ => {
                matches!(
                    tag,
                    Applet | Caption | Html | Table | Td | Th | Marquee | Object | Template
                ) || matches!((self, tag), (Scope::Button, Button))
                    || matches!((self, tag), (Scope::ListItem, Ol | Ul))
            }
        }
    }
}

#[derive(Debug)]
pub struct Attribute<'a> {
    pub name: Cow<'a, str>,
    pub value: Cow<'a, str>,
}

#[derive(Debug)]
pub enum NodeData<'a> {
    Document,
    Element {
        tag: Tag,
        /// The lowercase name, kept only for `Tag::Other` (to match end tags).
        other_name: Option<Cow<'a, str>>,
        attributes: (u32, u32),
    },
    Text(Cow<'a, str>),
}

#[derive(Debug)]
pub struct Node<'a> {
    parent: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    /// One past the node's last descendant.
    end: u32,
    pub data: NodeData<'a>,
}

/// A parsed page.
#[derive(Debug)]
pub struct Dom<'a> {
    nodes: Vec<Node<'a>>,
    attributes: Vec<Attribute<'a>>,
    /// Whether the page opened more elements than are kept open, or gave a
    /// tag more attributes than are kept.
    over_limits: bool,
}

fn index(id: u32) -> Option<NodeId> {
    (id != NONE).then_some(id as usize)
}

impl<'a> Dom<'a> {
    pub fn parse(html: &'a str) -> Dom<'a> {
        let mut builder = Builder {
            dom: Dom {
                nodes: Vec::with_capacity(html.len() / 64),
                attributes: Vec::with_capacity(html.len() / 128),
                over_limits: false,
            },
            open: Vec::with_capacity(64),
            foreign: 0,
            paragraphs: 0,
            has_html: false,
            has_head: false,
            has_body: false,
        };
        builder.dom.nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            end: 0,
            data: NodeData::Document,
        });
        let mut tokenizer = Tokenizer {
            html,
            at: 0,
            over_limits: false,
        };
        tokenizer.run(&mut builder);
        let mut dom = builder.dom;
        dom.over_limits |= tokenizer.over_limits;
        // Children come after their parent: one backward pass sets every end.
        for id in (0..dom.nodes.len()).rev() {
            let node = &dom.nodes[id];
            let end = match index(node.last_child) {
                Some(last) => dom.nodes[last].end,
                None => id as u32 + 1,
            };
            dom.nodes[id].end = end;
        }
        dom
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the page nested deeper or gave a tag more attributes than
    /// the parser keeps: hostile or badly broken markup.
    pub fn over_limits(&self) -> bool {
        self.over_limits
    }

    #[cfg(test)]
    pub fn node(&self, id: NodeId) -> &Node<'a> {
        &self.nodes[id]
    }

    pub fn tag(&self, id: NodeId) -> Option<Tag> {
        match self.nodes[id].data {
            NodeData::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn attributes(&self, id: NodeId) -> &[Attribute<'a>] {
        match self.nodes[id].data {
            NodeData::Element {
                attributes: (start, end),
                ..
            } => &self.attributes[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The value of the element's attribute `name` (lowercase); the first
    /// one when the tag repeats it, as the standard says.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attributes(id)
            .iter()
            .find(|a| a.name == name)
            .map(|a| &*a.value)
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        index(self.nodes[id].parent)
    }

    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(index(self.nodes[id].first_child), |&child| {
            index(self.nodes[child].next_sibling)
        })
    }

    /// The node's ancestors, nearest first (the document last).
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), |&node| self.parent(node))
    }

    /// The node's descendants in document order, itself not included.
    pub fn descendants(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id + 1..self.nodes[id].end as usize
    }

    /// The text of the node's descendants, in document order.
    pub fn texts(&self, id: NodeId) -> impl Iterator<Item = &str> + '_ {
        self.descendants(id).filter_map(|n| self.text(n))
    }

    /// Elements with this tag, in document order.
    pub fn elements(&self, tag: Tag) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).filter(move |&n| self.tag(n) == Some(tag))
    }
}

struct Builder<'a> {
    dom: Dom<'a>,
    /// Open elements, outermost first.
    open: Vec<(NodeId, Tag)>,
    /// How many open `svg`/`math` elements: inside them `<x/>` closes itself.
    foreign: usize,
    /// How many open `<p>`: most block starts find none, without a search.
    paragraphs: usize,
    has_html: bool,
    has_head: bool,
    has_body: bool,
}

impl<'a> Builder<'a> {
    fn current(&self) -> NodeId {
        self.open.last().map_or(0, |&(id, _)| id)
    }

    fn current_tag(&self) -> Option<Tag> {
        self.open.last().map(|&(_, tag)| tag)
    }

    fn append(&mut self, data: NodeData<'a>) -> NodeId {
        let parent = self.current();
        let id = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            parent: parent as u32,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            end: 0,
            data,
        });
        let parent_node = &mut self.dom.nodes[parent];
        match index(parent_node.last_child) {
            Some(last) => {
                parent_node.last_child = id as u32;
                self.dom.nodes[last].next_sibling = id as u32;
            }
            None => {
                parent_node.first_child = id as u32;
                parent_node.last_child = id as u32;
            }
        }
        id
    }

    fn text(&mut self, text: Cow<'a, str>) {
        if text.is_empty() {
            return;
        }
        // Text next to text is one node, as a browser makes it.
        let parent = self.current();
        if let Some(last) = index(self.dom.nodes[parent].last_child) {
            if let NodeData::Text(existing) = &mut self.dom.nodes[last].data {
                existing.to_mut().push_str(&text);
                return;
            }
        }
        self.append(NodeData::Text(text));
    }

    /// The position in `open` of the nearest open `tag` in scope.
    fn in_scope(&self, matches: impl Fn(Tag) -> bool, scope: Scope) -> Option<usize> {
        for (position, &(_, tag)) in self.open.iter().enumerate().rev() {
            if matches(tag) {
                return Some(position);
            }
            if scope.stops_at(tag) {
                return None;
            }
        }
        None
    }

    fn close_to(&mut self, position: usize) {
        for (_, tag) in self.open.drain(position..) {
            match tag {
                Tag::Svg | Tag::Math => self.foreign -= 1,
                Tag::P => self.paragraphs -= 1,
                _ => {}
            }
        }
    }

    /// Closes the current element.
    fn pop(&mut self) {
        if !self.open.is_empty() {
            self.close_to(self.open.len() - 1);
        }
    }

    fn close_in_scope(&mut self, matches: impl Fn(Tag) -> bool, scope: Scope) {
        if let Some(position) = self.in_scope(matches, scope) {
            self.close_to(position);
        }
    }

    fn start_tag(
        &mut self,
        tag: Tag,
        other_name: Option<Cow<'a, str>>,
        attributes: (u32, u32),
        self_closing: bool,
    ) -> bool {
        use Tag::*;
        let seen = match tag {
            Html => std::mem::replace(&mut self.has_html, true),
            Head => std::mem::replace(&mut self.has_head, true),
            Body => std::mem::replace(&mut self.has_body, true),
            _ => false,
        };
        if seen {
            return false;
        }
        match tag {
            Li => self.close_list_item(|t| t == Li),
            Dd | Dt => self.close_list_item(|t| matches!(t, Dd | Dt)),
            Td | Th => self.close_in_scope(|t| matches!(t, Td | Th), Scope::Table),
            Tr => self.close_in_scope(|t| t == Tr, Scope::Table),
            Tbody | Thead | Tfoot => {
                self.close_in_scope(|t| matches!(t, Tbody | Thead | Tfoot), Scope::Table)
            }
            Option if self.current_tag() == Some(Option) => {
                self.pop();
            }
            Optgroup => {
                if self.current_tag() == Some(Option) {
                    self.pop();
                }
                if self.current_tag() == Some(Optgroup) {
                    self.pop();
                }
            }
            _ => {}
        }
        if tag.closes_paragraph() && self.paragraphs > 0 {
            self.close_in_scope(|t| t == P, Scope::Button);
        }
        if tag.is_heading() && self.current_tag().is_some_and(Tag::is_heading) {
            self.pop();
        }
        if self.open.len() >= MAX_OPEN_ELEMENTS {
            self.dom.over_limits = true;
            return false;
        }
        let id = self.append(NodeData::Element {
            tag,
            other_name,
            attributes,
        });
        let closed = tag.is_void() || (self_closing && self.foreign > 0);
        if !closed {
            self.open.push((id, tag));
            match tag {
                Svg | Math => self.foreign += 1,
                P => self.paragraphs += 1,
                _ => {}
            }
        }
        !closed
    }

    /// Before `<li>` (or `<dd>`/`<dt>`): an open one is closed, unless a
    /// special element other than `address`, `div` and `p` comes first.
    fn close_list_item(&mut self, matches: impl Fn(Tag) -> bool) {
        for position in (0..self.open.len()).rev() {
            let tag = self.open[position].1;
            if matches(tag) {
                self.close_to(position);
                return;
            }
            if tag.is_special() && !matches!(tag, Tag::Address | Tag::Div | Tag::P) {
                return;
            }
        }
    }

    fn end_tag(&mut self, tag: Tag, other_name: &[u8]) {
        use Tag::*;
        match tag {
            // What follows `</body>` still belongs to the body.
            Body | Html => {}
            Br => {
                self.start_tag(Br, None, (0, 0), false);
            }
            P => self.close_in_scope(|t| t == P, Scope::Button),
            Li => self.close_in_scope(|t| t == Li, Scope::ListItem),
            H1 | H2 | H3 | H4 | H5 | H6 => self.close_in_scope(Tag::is_heading, Scope::Default),
            Td | Th | Tr | Tbody | Thead | Tfoot | Table | Caption => {
                self.close_in_scope(|t| t == tag, Scope::Table)
            }
            Other => {
                let name = other_name;
                for position in (0..self.open.len()).rev() {
                    let (id, open_tag) = self.open[position];
                    if open_tag == Other {
                        if let NodeData::Element {
                            other_name: Some(open_name),
                            ..
                        } = &self.dom.nodes[id].data
                        {
                            if open_name.as_bytes() == name {
                                self.close_to(position);
                                return;
                            }
                        }
                    } else if open_tag.is_special() {
                        return;
                    }
                }
            }
            _ if tag.is_special() => self.close_in_scope(|t| t == tag, Scope::Default),
            // Formatting and phrasing elements: the nearest open one, unless
            // a special element lies between.
            _ => {
                for position in (0..self.open.len()).rev() {
                    let open_tag = self.open[position].1;
                    if open_tag == tag {
                        self.close_to(position);
                        return;
                    }
                    if open_tag.is_special() {
                        return;
                    }
                }
            }
        }
    }
}

struct Tokenizer<'a> {
    html: &'a str,
    at: usize,
    /// A tag had more attributes than are kept.
    over_limits: bool,
}

/// The first `needle` in `haystack`. What we look for is usually a few
/// bytes away (the next tag, the end of a short value), where a plain loop
/// is cheaper than setting up `memchr`; further on, `memchr`.
pub(super) fn find_byte(needle: u8, haystack: &[u8]) -> Option<usize> {
    let head = haystack.len().min(16);
    match haystack[..head].iter().position(|&b| b == needle) {
        Some(i) => Some(i),
        None => memchr::memchr(needle, &haystack[head..]).map(|i| head + i),
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

fn decoded(text: &str, attribute: bool) -> Cow<'_, str> {
    if find_byte(b'&', text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    if attribute {
        htmlize::unescape_attribute(text)
    } else {
        htmlize::unescape(text)
    }
}

/// A start or end tag as read: its name lower-cased, and which of ours it is.
struct RawTag<'a> {
    name: Cow<'a, str>,
    known: Tag,
    self_closing: bool,
}

impl<'a> Tokenizer<'a> {
    fn run(&mut self, builder: &mut Builder<'a>) {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut attributes: Vec<(&'a str, &'a str)> = Vec::new();
        while self.at < bytes.len() {
            let Some(offset) = find_byte(b'<', &bytes[self.at..]) else {
                builder.text(decoded(&html[self.at..], false));
                return;
            };
            let lt = self.at + offset;
            if lt > self.at {
                builder.text(decoded(&html[self.at..lt], false));
            }
            self.at = lt;
            let next = bytes.get(lt + 1).copied();
            match next {
                Some(b'!') => self.skip_markup_declaration(),
                Some(b'?') => self.skip_to_gt(lt + 1),
                Some(b'/') => match bytes.get(lt + 2) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        let Some(tag) = self.read_tag(lt + 2, &mut attributes) else {
                            return;
                        };
                        builder.end_tag(tag.known, tag.name.as_bytes());
                    }
                    Some(b'>') => self.at = lt + 3,
                    Some(_) => self.skip_to_gt(lt + 2),
                    None => {
                        builder.text(Cow::Borrowed(&html[lt..]));
                        return;
                    }
                },
                Some(b) if b.is_ascii_alphabetic() => {
                    let Some(tag) = self.read_tag(lt + 1, &mut attributes) else {
                        return;
                    };
                    let (name, known) = (tag.name, tag.known);
                    let start = builder.dom.attributes.len() as u32;
                    for &(name, value) in attributes.iter().take(MAX_ATTRIBUTES) {
                        builder.dom.attributes.push(Attribute {
                            name: lowercase(name),
                            value: decoded(value, true),
                        });
                    }
                    let end = builder.dom.attributes.len() as u32;
                    let other_name = (known == Tag::Other).then_some(name);
                    let opened =
                        builder.start_tag(known, other_name, (start, end), tag.self_closing);
                    if opened {
                        self.read_content(known, builder);
                    }
                }
                _ => {
                    builder.text(Cow::Borrowed("<"));
                    self.at = lt + 1;
                }
            }
        }
    }

    /// After the start tag of a raw-text element: its text, up to and
    /// including its end tag.
    fn read_content(&mut self, tag: Tag, builder: &mut Builder<'a>) {
        let content = tag.content();
        if content == Content::Markup {
            return;
        }
        let html = self.html;
        let end = match content {
            Content::Plaintext => None,
            _ => self.find_end_tag(tag),
        };
        let text_end = end.map_or(html.len(), |(start, _)| start);
        let text = &html[self.at..text_end];
        builder.text(match content {
            Content::EscapableRaw => decoded(text, false),
            _ => Cow::Borrowed(text),
        });
        match end {
            Some((_, after)) => {
                self.at = after;
                builder.end_tag(tag, b"");
            }
            None => self.at = html.len(),
        }
    }

    /// Where `</tag` followed by a space, `/` or `>` starts, and the byte after its `>`.
    fn find_end_tag(&self, tag: Tag) -> Option<(usize, usize)> {
        let bytes = self.html.as_bytes();
        let name: &[u8] = match tag {
            Tag::Script => b"script",
            Tag::Style => b"style",
            Tag::Xmp => b"xmp",
            Tag::Iframe => b"iframe",
            Tag::Noembed => b"noembed",
            Tag::Noframes => b"noframes",
            Tag::Noscript => b"noscript",
            Tag::Title => b"title",
            Tag::Textarea => b"textarea",
            _ => return None,
        };
        let mut from = self.at;
        while let Some(offset) = memchr::memchr(b'<', &bytes[from..]) {
            let lt = from + offset;
            let name_end = lt + 2 + name.len();
            if bytes.get(lt + 1) == Some(&b'/')
                && bytes
                    .get(lt + 2..name_end)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
                && bytes
                    .get(name_end)
                    .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
            {
                let after = memchr::memchr(b'>', &bytes[name_end..])
                    .map_or(bytes.len(), |i| name_end + i + 1);
                return Some((lt, after));
            }
            from = lt + 1;
        }
        None
    }

    fn skip_to_gt(&mut self, from: usize) {
        let bytes = self.html.as_bytes();
        self.at = memchr::memchr(b'>', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
    }

    /// `<!--…-->`, `<!DOCTYPE …>`, `<![CDATA[…]]>`: nothing of them is text.
    fn skip_markup_declaration(&mut self) {
        let bytes = self.html.as_bytes();
        let lt = self.at;
        if bytes[lt..].starts_with(b"<!--") {
            let body = lt + 4;
            // "<!-->" and "<!--->" are whole (empty) comments.
            if bytes[body..].starts_with(b">") {
                self.at = body + 1;
            } else if bytes[body..].starts_with(b"->") {
                self.at = body + 2;
            } else {
                self.at = memchr::memmem::find(&bytes[body..], b"-->")
                    .map_or(bytes.len(), |i| body + i + 3);
            }
        } else {
            self.skip_to_gt(lt + 2);
        }
    }

    /// Reads a tag whose name starts at `name_start`, collecting its
    /// attributes in `attributes` (emptied first); `None` when the page ends
    /// inside the tag (the standard drops such a tag).
    fn read_tag(
        &mut self,
        name_start: usize,
        attributes: &mut Vec<(&'a str, &'a str)>,
    ) -> Option<RawTag<'a>> {
        attributes.clear();
        let html = self.html;
        let bytes = html.as_bytes();
        let mut i = name_start;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = &html[name_start..i];
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'>');
                i += 1;
            }
            match bytes.get(i) {
                None => return None,
                Some(b'>') => {
                    self.at = i + 1;
                    let name = lowercase(name);
                    let known = Tag::from_lowercase(name.as_bytes());
                    return Some(RawTag {
                        name,
                        known,
                        self_closing,
                    });
                }
                Some(_) => {}
            }
            self_closing = false;
            // An attribute name may start with '=' but not contain one.
            let name_start = i;
            i += 1;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
            {
                i += 1;
            }
            let attribute_name = &html[name_start..i];
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            let mut value = "";
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && is_space(bytes[i]) {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let start = i + 1;
                        let close = find_byte(quote, &bytes[start..])?;
                        value = &html[start..start + close];
                        i = start + close + 1;
                    }
                    Some(b'>') | None => {}
                    Some(_) => {
                        let start = i;
                        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                            i += 1;
                        }
                        value = &html[start..i];
                    }
                }
            }
            if attributes.len() < MAX_ATTRIBUTES {
                attributes.push((attribute_name, value));
            } else {
                self.over_limits = true;
            }
        }
    }
}
