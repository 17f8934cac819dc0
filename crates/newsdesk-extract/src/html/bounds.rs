//! Bounding hostile markup before it reaches the HTML parser.
//!
//! The parser's work grows with the square of nesting depth and of a
//! tag's attribute count, so a page nested 100,000 levels deep or with a
//! million attributes would take minutes. One linear pass rewrites such
//! markup: start tags beyond `MAX_DEPTH` open elements are dropped (their
//! text stays, flattened), with their end tags, and attributes past
//! `MAX_ATTRIBUTES` are cut. Ordinary pages pass through unchanged.

use std::borrow::Cow;

/// No real page nests anywhere near this deep.
pub const MAX_DEPTH: usize = 512;
/// No real tag carries anywhere near this many attributes.
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements without content: they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose end tag may be left out: pages often never close them,
/// so they must not count as nesting or old markup would look deep.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Elements whose content is raw text, where `<` is not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The page with nesting and attributes bounded; borrowed when unchanged.
pub fn bound(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied_up_to = 0;
    let mut depth = 0usize;
    let mut dropped_open = 0usize;
    let mut at = 0;
    while let Some(offset) = memchr_lt(&bytes[at..]) {
        let start = at + offset;
        let Some(tag) = read_tag(html, start) else {
            at = start + 1;
            continue;
        };
        let replacement: Option<String> = match tag.kind {
            TagKind::Start
                if listed(VOID, tag.name) || tag.self_closing || listed(OPTIONAL_END, tag.name) =>
            {
                (tag.attributes > MAX_ATTRIBUTES)
                    .then(|| truncate_attributes(&html[start..tag.end]))
            }
            TagKind::Start => {
                if depth >= MAX_DEPTH {
                    dropped_open += 1;
                    Some(String::new())
                } else {
                    depth += 1;
                    (tag.attributes > MAX_ATTRIBUTES)
                        .then(|| truncate_attributes(&html[start..tag.end]))
                }
            }
            TagKind::End if listed(VOID, tag.name) || listed(OPTIONAL_END, tag.name) => None,
            TagKind::End => {
                if dropped_open > 0 {
                    dropped_open -= 1;
                    Some(String::new())
                } else {
                    depth = depth.saturating_sub(1);
                    None
                }
            }
            TagKind::Other => None,
        };
        if let Some(replacement) = replacement {
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buffer.push_str(&html[copied_up_to..start]);
            buffer.push_str(&replacement);
            copied_up_to = tag.end;
        }
        at = tag.end;
        // Raw text runs to its own end tag; markup-looking text inside is text.
        if tag.kind == TagKind::Start && listed(RAW_TEXT, tag.name) {
            at = find_end_tag(html, at, tag.name);
        }
    }
    match out {
        Some(mut buffer) => {
            buffer.push_str(&html[copied_up_to..]);
            Cow::Owned(buffer)
        }
        None => Cow::Borrowed(html),
    }
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum TagKind {
    Start,
    End,
    /// Comments, doctypes, processing instructions.
    Other,
}

struct Tag<'a> {
    kind: TagKind,
    /// As written: compared without regard to ASCII case.
    name: &'a str,
    attributes: usize,
    self_closing: bool,
    /// Byte just after the tag's `>`.
    end: usize,
}

/// Whether `name` is one of `list` (lowercase), in any ASCII case.
fn listed(list: &[&str], name: &str) -> bool {
    list.iter().any(|entry| entry.eq_ignore_ascii_case(name))
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

/// Reads the tag starting at `start` (which holds `<`); `None` when the
/// `<` does not open a tag (it is then text).
fn read_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let next = *bytes.get(start + 1)?;
    // Comments, doctypes and processing instructions hold no nesting.
    let other_end = if html[start..].starts_with("<!--") {
        Some(
            html[start + 4..]
                .find("-->")
                .map_or(html.len(), |i| start + 4 + i + 3),
        )
    } else if next == b'!' || next == b'?' {
        Some(
            html[start..]
                .find('>')
                .map_or(html.len(), |i| start + i + 1),
        )
    } else {
        None
    };
    if let Some(end) = other_end {
        return Some(Tag {
            kind: TagKind::Other,
            name: "",
            attributes: 0,
            self_closing: false,
            end,
        });
    }
    let (kind, name_start) = if next == b'/' {
        (TagKind::End, start + 2)
    } else {
        (TagKind::Start, start + 1)
    };
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
        .count();
    if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = &html[name_start..name_start + name_len];
    let walk = walk_attributes(bytes, name_start + name_len, usize::MAX);
    let i = walk.close;
    let attributes = walk.count;
    let end = (i + 1).min(html.len());
    let self_closing = html[..end].trim_end_matches('>').ends_with('/');
    Some(Tag {
        kind,
        name,
        attributes,
        self_closing,
        end,
    })
}

/// Keeps a start tag's name and its first `MAX_ATTRIBUTES` attributes.
fn truncate_attributes(tag: &str) -> String {
    let bytes = tag.as_bytes();
    let name_len = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
        .count();
    match walk_attributes(bytes, 1 + name_len, MAX_ATTRIBUTES).cut_at {
        Some(cut) => format!("{}>", tag[..cut].trim_end()),
        None => tag.to_string(),
    }
}

/// What walking a tag's attributes found.
struct AttributeWalk {
    count: usize,
    /// Index of the closing `>` (or the end of the input).
    close: usize,
    /// Where the attribute past `limit` starts, if there is one.
    cut_at: Option<usize>,
}

/// Walks attributes from `from` to the tag's closing `>`, honouring quoted
/// values (a `>` inside quotes does not close the tag).
fn walk_attributes(bytes: &[u8], from: usize, limit: usize) -> AttributeWalk {
    let mut i = from;
    let mut count = 0;
    let mut in_name = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => break,
            b'"' | b'\'' => {
                let quote = bytes[i];
                i = bytes[i + 1..]
                    .iter()
                    .position(|&b| b == quote)
                    .map_or(bytes.len(), |p| i + 1 + p);
                in_name = false;
            }
            b if b.is_ascii_whitespace() || b == b'/' || b == b'=' => in_name = false,
            _ => {
                if !in_name {
                    count += 1;
                    in_name = true;
                    if count > limit {
                        return AttributeWalk {
                            count,
                            close: i,
                            cut_at: Some(i),
                        };
                    }
                }
            }
        }
        i += 1;
    }
    AttributeWalk {
        count,
        close: i,
        cut_at: None,
    }
}

/// The byte after `</name ...>` from `from` on, or the end of the page.
fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let name = name.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(lt + 2..lt + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return lt;
        }
        at = lt + 1;
    }
    html.len()
}
