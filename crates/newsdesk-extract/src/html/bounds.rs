//! Bounding hostile markup before it is read again.
//!
//! A page nested 100,000 levels deep or with a million attributes would
//! make a tree of that depth, or work that grows with both. When the parser
//! reports a page over its limits, one linear pass rewrites such markup:
//! start tags beyond `MAX_DEPTH` open elements are dropped (their text
//! stays, flattened), with their end tags, and attributes past
//! `MAX_ATTRIBUTES` are cut. Ordinary pages pass through unchanged.

use std::borrow::Cow;

/// No real page nests anywhere near this deep.
pub const MAX_DEPTH: usize = 512;
/// No real tag carries anywhere near this many attributes.
pub const MAX_ATTRIBUTES: usize = 256;

/// How an element's tag counts towards nesting.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Nesting {
    /// Elements without content: they never nest.
    Void,
    /// Elements whose end tag may be left out: pages often never close
    /// them, so they must not count as nesting or old markup would look deep.
    OptionalEnd,
    /// Elements whose content is raw text, where `<` is not markup.
    RawText,
    Nests,
}

fn nesting_of(name: &str) -> Nesting {
    // The longest listed name, "plaintext", has nine letters.
    let mut lower = [0u8; 9];
    let Some(buffer) = lower.get_mut(..name.len()) else {
        return Nesting::Nests;
    };
    buffer.copy_from_slice(name.as_bytes());
    buffer.make_ascii_lowercase();
    match &*buffer {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => Nesting::Void,
        b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th"
        | b"thead" | b"tbody" | b"tfoot" | b"colgroup" | b"caption" | b"rb" | b"rt" | b"rtc"
        | b"rp" | b"html" | b"head" | b"body" => Nesting::OptionalEnd,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"plaintext" => Nesting::RawText,
        _ => Nesting::Nests,
    }
}

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
        let nesting = match tag.kind {
            TagKind::Other => Nesting::Nests,
            _ => nesting_of(tag.name),
        };
        let replacement: Option<String> = match tag.kind {
            TagKind::Start
                if tag.self_closing || matches!(nesting, Nesting::Void | Nesting::OptionalEnd) =>
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
            TagKind::End if matches!(nesting, Nesting::Void | Nesting::OptionalEnd) => None,
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
        if tag.kind == TagKind::Start && nesting == Nesting::RawText {
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
    /// Counted only where there could be more than `MAX_ATTRIBUTES`, else 0.
    attributes: usize,
    self_closing: bool,
    /// Byte just after the tag's `>`.
    end: usize,
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    super::dom::find_byte(b'<', bytes)
}

/// Reads the tag starting at `start` (which holds `<`); `None` when the
/// `<` does not open a tag (it is then text).
fn read_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let next = *bytes.get(start + 1)?;
    // Comments, doctypes and processing instructions hold no nesting.
    let other_end = if html[start..].starts_with("<!--") {
        Some(
            memchr::memmem::find(&bytes[start + 4..], b"-->")
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
    let attributes_start = name_start + name_len;
    let i = tag_close(bytes, attributes_start);
    // An attribute takes at least two bytes (a name and what ends it):
    // only a tag this long can have too many, and only then are they counted.
    let attributes = if i - attributes_start < 2 * MAX_ATTRIBUTES {
        0
    } else {
        walk_attributes(bytes, attributes_start, usize::MAX).count
    };
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

/// Index of the `>` that closes a tag whose attributes start at `from`
/// (a `>` inside quotes does not), or the end of the input; the same `>`
/// as [`walk_attributes`] finds, found by jumping between quotes.
fn tag_close(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[i.min(bytes.len())..]) {
        let found = i + offset;
        let quote = bytes[found];
        if quote == b'>' {
            return found;
        }
        match super::dom::find_byte(quote, &bytes[found + 1..]) {
            Some(p) => i = found + 1 + p + 1,
            None => return bytes.len(),
        }
    }
    bytes.len()
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
