//! From the bytes of a document to text, and repair of mojibake.
//!
//! Two jobs live here:
//!
//! * Choosing how to decode a page or a text file: byte-order mark, then the
//!   HTTP charset, then a `<meta>` declaration, else strict UTF-8. Binary files
//!   are refused instead of being turned into garbage text.
//! * Repairing *mojibake*: text that somebody upstream already decoded with the
//!   wrong encoding ("cafÃ©" for "café", "Ïðèâåò" for "Привет"). The repair is
//!   deliberately timid: a piece of text is only rewritten when reading its
//!   bytes another way gives a clearly more plausible result, because breaking
//!   correct text in some language is worse than leaving a rare garble alone.

use std::borrow::Cow;

use encoding_rs::{Encoding, KOI8_U, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251, WINDOWS_1252};

#[cfg(test)]
mod tests;

/// How far into an HTML document a `<meta>` charset declaration is looked for.
const META_SCAN_LIMIT: usize = 4096;
/// How much of a document is inspected to decide whether it is binary.
const BINARY_SNIFF_LIMIT: usize = 8192;
/// How many layers of "UTF-8 read as Windows-1252" are peeled off at most.
const MAX_MOJIBAKE_LAYERS: usize = 3;

/// How the text of a document was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, after mojibake repair.
    pub text: String,
    /// The encoding the bytes were decoded with.
    pub encoding: &'static Encoding,
    /// How many lines the mojibake repair changed.
    pub repaired_lines: usize,
    /// Where the input had bytes that are not UTF-8, each sequence replaced
    /// by U+FFFD: its byte offset and the bytes (in a mostly good text
    /// file; more of them refuse the file).
    pub replaced: Vec<(usize, Vec<u8>)>,
}

/// An undeclared text file may hold one bad byte sequence per this many
/// bytes and still be read, each sequence replaced; more and it is
/// refused as not UTF-8.
const BYTES_PER_BAD_SEQUENCE: usize = 200;

/// Why a document could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is binary, not text")]
    Binary,
    #[error("the text is not valid UTF-8 (byte {offset}) and declares no encoding")]
    InvalidUtf8 { offset: usize },
    #[error("unknown character encoding {0:?}")]
    UnknownEncoding(String),
}

/// Decode an HTML document: BOM first, then `http_charset` (the charset of a
/// Content-Type header, or the whole header value), then a `<meta charset=...>`
/// or `<meta http-equiv="Content-Type" content="...charset=...">` found in the
/// first 4096 bytes; with none of these, strict UTF-8. Binary input is refused.
/// The decoded text then goes through [`repair_mojibake`].
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded, DecodeError> {
    match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => decode_body(&bytes[bom_len..], Some(encoding)),
        None => match declared_html_encoding(bytes, http_charset)? {
            Some(declared) => decode_body(bytes, Some(declared)),
            // Undeclared and not UTF-8: guess the legacy encoding from the
            // bytes, as browsers do, rather than refuse the page.
            None if std::str::from_utf8(bytes).is_err()
                && !bytes_look_binary(&bytes[..bytes.len().min(BINARY_SNIFF_LIMIT)]) =>
            {
                decode_body(bytes, Some(detect_encoding(bytes)))
            }
            None => decode_body(bytes, None),
        },
    }
}

/// The most likely legacy encoding of undeclared, non-UTF-8 bytes.
pub fn detect_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Decode a plain-text document: a BOM (UTF-8, UTF-16LE, UTF-16BE) if there is
/// one, else strict UTF-8. Binary input is refused. The decoded text then goes
/// through [`repair_mojibake`].
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => decode_body(&bytes[bom_len..], Some(encoding)),
        None => decode_body(bytes, None),
    }
}

/// Decodes `body` (BOM already removed) with the declared encoding, or as strict
/// UTF-8 when nothing was declared, then repairs mojibake.
fn decode_body(body: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, DecodeError> {
    let encoding = declared.unwrap_or(UTF_8);
    let is_utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    // UTF-16 is full of NUL bytes, so it can only be judged after decoding.
    if !is_utf16 && bytes_look_binary(&body[..body.len().min(BINARY_SNIFF_LIMIT)]) {
        return Err(DecodeError::Binary);
    }
    let mut replaced = Vec::new();
    let text = match declared {
        // A declaration is a promise about the bytes: decode leniently, like a browser.
        Some(encoding) => encoding.decode_without_bom_handling(body).0.into_owned(),
        None => match strict_utf8(body) {
            Ok(text) => text,
            Err(error) => {
                // A few bad bytes in good text: replaced, and reported.
                replaced = invalid_sequences(body);
                if replaced.len() * BYTES_PER_BAD_SEQUENCE > body.len() {
                    return Err(error);
                }
                String::from_utf8_lossy(body).into_owned()
            }
        },
    };
    if is_utf16 && looks_binary(text.chars().take(BINARY_SNIFF_LIMIT / 2).map(u32::from)) {
        return Err(DecodeError::Binary);
    }
    let (repaired, repaired_lines) = match repair_mojibake(&text) {
        (Cow::Owned(fixed), lines) => (Some(fixed), lines),
        (Cow::Borrowed(_), lines) => (None, lines),
    };
    Ok(Decoded {
        text: repaired.unwrap_or(text),
        encoding,
        repaired_lines,
        replaced,
    })
}

/// The byte sequences of `bytes` that are not UTF-8, with their offsets.
fn invalid_sequences(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            found.push((offset, chunk.invalid().to_vec()));
            offset += chunk.invalid().len();
        }
    }
    found
}

fn strict_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(DecodeError::InvalidUtf8 {
            offset: error.valid_up_to(),
        }),
    }
}

/// [`looks_binary`] for bytes, in two passes a compiler can vectorise.
fn bytes_look_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| matches!(b, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F))
        .count();
    controls * 10 > bytes.len()
}

/// True when code units (bytes, or chars of UTF-16 text) look like a binary file:
/// any NUL, or more than one in ten being control characters that text never uses.
fn looks_binary(units: impl Iterator<Item = u32>) -> bool {
    let (mut total, mut controls) = (0usize, 0usize);
    for unit in units {
        if unit == 0 {
            return true;
        }
        total += 1;
        // Tab, line feed, vertical tab, form feed, carriage return and escape
        // (terminal colours in logs) all occur in real text files.
        if matches!(unit, 0x01..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F) {
            controls += 1;
        }
    }
    controls * 10 > total
}

/// The encoding an HTML document declares without a BOM: HTTP header first,
/// then `<meta>`. `Ok(None)` means nothing was declared.
fn declared_html_encoding(
    bytes: &[u8],
    http_charset: Option<&str>,
) -> Result<Option<&'static Encoding>, DecodeError> {
    if let Some(label) = http_charset
        .map(charset_of_header)
        .filter(|l| !l.is_empty())
    {
        return encoding_for_label(label.as_bytes()).map(Some);
    }
    let head = &bytes[..bytes.len().min(META_SCAN_LIMIT)];
    // An unknown label in the page is ignored, as browsers ignore it: the
    // bytes are then detected rather than the page refused.
    Ok(meta_charset(head)
        .and_then(|label| encoding_for_label(&label).ok())
        .map(encoding_declared_by_meta))
}

/// Accepts either a bare label ("utf-8") or a whole Content-Type value
/// ("text/html; charset=\"utf-8\"") and returns the label, possibly empty.
fn charset_of_header(value: &str) -> &str {
    let value = match find_ignoring_ascii_case(value.as_bytes(), b"charset=") {
        Some(at) => &value[at + b"charset=".len()..],
        // A media type without a charset declares nothing.
        None if value.contains('/') => "",
        None => value,
    };
    let value = value.split(';').next().unwrap_or_default();
    value.trim().trim_matches(['"', '\'']).trim()
}

/// Looks a label up the way browsers do. Labels for the "replacement" encoding
/// (ISO-2022-KR and friends) count as unknown: decoding them yields no text.
fn encoding_for_label(label: &[u8]) -> Result<&'static Encoding, DecodeError> {
    Encoding::for_label_no_replacement(label).ok_or_else(|| {
        let label = String::from_utf8_lossy(label).trim().to_owned();
        DecodeError::UnknownEncoding(label)
    })
}

/// A `<meta>` tag was readable as ASCII, so the page cannot really be UTF-16;
/// browsers read such pages as UTF-8 (and x-user-defined as Windows-1252).
fn encoding_declared_by_meta(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    }
}

/// Finds the charset label declared by a `<meta>` tag in the head of a page,
/// a simplified version of the HTML "prescan": comments are skipped, and both
/// `charset=` and `http-equiv="content-type" content="...; charset=..."` count.
fn meta_charset(head: &[u8]) -> Option<Vec<u8>> {
    let mut pos = 0;
    while let Some(offset) = head[pos..].iter().position(|&b| b == b'<') {
        let tag = &head[pos + offset..];
        if tag.starts_with(b"<!--") {
            // A commented-out declaration does not count.
            let end = find_ignoring_ascii_case(tag, b"-->")?;
            pos += offset + end + 3;
        } else if is_meta_tag_start(tag) {
            let (attributes, consumed) = parse_attributes(&tag[5..]);
            if let Some(label) = charset_from_meta_attributes(&attributes) {
                return Some(label);
            }
            pos += offset + 5 + consumed;
        } else {
            pos += offset + 1;
        }
    }
    None
}

fn is_meta_tag_start(tag: &[u8]) -> bool {
    tag.len() > 5
        && tag[..5].eq_ignore_ascii_case(b"<meta")
        && (tag[5].is_ascii_whitespace() || tag[5] == b'/')
}

/// An HTML attribute: lowercased name and raw value.
type Attribute = (Vec<u8>, Vec<u8>);

/// Parses `name=value` pairs up to the closing `>`; names come back lowercased.
/// Returns the attributes and how many bytes were consumed.
fn parse_attributes(bytes: &[u8]) -> (Vec<Attribute>, usize) {
    let mut attributes = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return (attributes, i);
        }
        let name_start = i;
        // The first byte always belongs to the name, even '=', so the loop advances.
        i += 1;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let name = bytes[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = Vec::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let (parsed, next) = parse_attribute_value(bytes, i);
            value = parsed;
            i = next;
        }
        attributes.push((name, value));
    }
}

/// Reads a quoted or unquoted attribute value starting at `i`.
fn parse_attribute_value(bytes: &[u8], mut i: usize) -> (Vec<u8>, usize) {
    match bytes.get(i) {
        Some(&quote @ (b'"' | b'\'')) => {
            let start = i + 1;
            let end = bytes[start..]
                .iter()
                .position(|&b| b == quote)
                .map_or(bytes.len(), |p| start + p);
            (bytes[start..end].to_vec(), (end + 1).min(bytes.len()))
        }
        _ => {
            let start = i;
            while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            (bytes[start..i].to_vec(), i)
        }
    }
}

fn charset_from_meta_attributes(attributes: &[Attribute]) -> Option<Vec<u8>> {
    let value_of = |wanted: &[u8]| {
        attributes
            .iter()
            .find(|(name, _)| name.as_slice() == wanted)
            .map(|(_, value)| value.as_slice())
    };
    if let Some(charset) = value_of(b"charset") {
        return Some(charset.trim_ascii().to_vec()).filter(|c| !c.is_empty());
    }
    let is_content_type = value_of(b"http-equiv")
        .is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"content-type"));
    if !is_content_type {
        return None;
    }
    value_of(b"content").and_then(charset_from_content_attribute)
}

/// Extracts the label from a `content` attribute such as `text/html; charset=koi8-r`.
fn charset_from_content_attribute(content: &[u8]) -> Option<Vec<u8>> {
    let at = find_ignoring_ascii_case(content, b"charset")?;
    let rest = content[at + b"charset".len()..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = match rest.first() {
        Some(b'"' | b'\'') => &rest[1..],
        _ => rest,
    };
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(rest[..end].to_vec()).filter(|label| !label.is_empty())
}

fn find_ignoring_ascii_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

// ---------------------------------------------------------------------------
// Mojibake repair
// ---------------------------------------------------------------------------

/// Repair mojibake in already-decoded text, line by line, and return the
/// number of lines changed. Text without mojibake comes back borrowed.
///
/// Two kinds of damage are repaired:
///
/// 1. UTF-8 bytes that were read as Windows-1252 or Latin-1 ("Putinâ€™s",
///    "cafÃ©", "ÐŸÑ€Ð¸Ð²ÐµÑ‚"), including text damaged that way two or three
///    times over, and the UTF-8 no-break space left as a stray "Â".
/// 2. Cyrillic Windows-1251 (or KOI8) bytes that were read as Windows-1252
///    ("Ïðèâåò" for "Привет").
pub fn repair_mojibake(text: &str) -> (Cow<'_, str>, usize) {
    if text.is_ascii() {
        return (Cow::Borrowed(text), 0);
    }
    let mut repaired: Option<String> = None;
    let mut changed_lines = 0;
    let mut copied_up_to = 0;
    let bytes = text.as_bytes();
    // Lines without a non-ASCII byte are never repaired: jump from one
    // non-ASCII byte to the next and read only the lines that hold one.
    let mut at = 0;
    while at < bytes.len() {
        let non_ascii = at + ascii_prefix_len(&bytes[at..]);
        if non_ascii == bytes.len() {
            break;
        }
        // `at` always starts a line.
        let line_start = memchr::memrchr(b'\n', &bytes[at..non_ascii]).map_or(at, |i| at + i + 1);
        let line_end =
            memchr::memchr(b'\n', &bytes[non_ascii..]).map_or(bytes.len(), |i| non_ascii + i + 1);
        if let Some(fixed) = repair_line(&text[line_start..line_end]) {
            // Only start copying once the first line actually changes.
            let out = repaired.get_or_insert_with(|| String::with_capacity(text.len()));
            out.push_str(&text[copied_up_to..line_start]);
            out.push_str(&fixed);
            copied_up_to = line_end;
            changed_lines += 1;
        }
        at = line_end;
    }
    match repaired {
        Some(mut fixed) => {
            fixed.push_str(&text[copied_up_to..]);
            (Cow::Owned(fixed), changed_lines)
        }
        None => (Cow::Borrowed(text), 0),
    }
}

/// Repairs one line, returning `None` when it is left as it is.
fn repair_line(line: &str) -> Option<String> {
    if line.is_ascii() {
        return None;
    }
    let runs = misread_utf8_runs(line);
    let evidence = Evidence::of(&runs);
    // Windows-1251 text read as Windows-1252 contains a few byte pairs that are
    // accidentally valid UTF-8; only when the UTF-8 reading has no solid support
    // does the Cyrillic reading get its chance.
    if evidence.strong == 0 || evidence.invalid > evidence.valid {
        if let Some(fixed) = repair_misread_cyrillic(line) {
            return Some(fixed);
        }
    }
    repair_misread_utf8(line, &runs, evidence.confidence()).filter(|fixed| fixed != line)
}

// ---- Family 1: UTF-8 read as Windows-1252 / Latin-1 ----------------------

/// The Windows-1252 bytes 0x80..=0x9F; the five bytes Windows-1252 leaves
/// undefined are read as the C1 control of the same number (as browsers do).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Punctuation that ends a word or a quotation.
const CLOSING_MARKS: &str = "’”»…›'\"–—•™";

/// The byte a character came from if it was produced by reading one byte as
/// Windows-1252 or as Latin-1 (whose 0x80..=0x9F are the C1 controls).
fn single_byte_of(c: char) -> Option<u8> {
    match u8::try_from(u32::from(c)) {
        Ok(byte) => Some(byte),
        // WINDOWS_1252_HIGH lies in these two ranges: most text (CJK, Cyrillic,
        // Arabic) is outside them and needs no search.
        Err(_) if !matches!(c, '\u{152}'..='\u{2DC}' | '\u{2013}'..='\u{2122}') => None,
        Err(_) => WINDOWS_1252_HIGH
            .iter()
            .position(|&high| high == c)
            .map(|index| 0x80 + index as u8),
    }
}

/// A maximal run of non-ASCII characters that all map back to single bytes.
/// UTF-8 multi-byte sequences never contain ASCII bytes, so each such run can
/// be judged on its own.
struct Run {
    start: usize,
    end: usize,
    around: Surroundings,
    reading: Reading,
}

/// What re-reading a run as UTF-8 gave.
enum Reading {
    /// The bytes are not valid UTF-8: the run is ordinary text (or damaged beyond repair).
    Invalid,
    /// Valid UTF-8, but only with control, private-use or similar characters.
    Implausible,
    /// The run read as UTF-8, with as many layers peeled as still made sense.
    /// `strong` when no ordinary text could have produced the run: its first
    /// re-reading already gave two or more characters.
    Decoded { text: String, strong: bool },
    /// A lone "Â" or "Ã" left behind when a UTF-8 no-break space became a plain space.
    LooseSpace(&'static str),
}

/// How many bytes at the start of `bytes` are ASCII, read eight at a time.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut length = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight"));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        length += 8;
    }
    length
        + bytes[length..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - length)
}

fn misread_utf8_runs(line: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    // (start, end) of the run being read: characters of the Windows-1252
    // range, next to each other (ASCII or any other character ends it).
    let mut run: Option<(usize, usize)> = None;
    for (index, c) in non_ascii_chars(line) {
        let in_run = single_byte_of(c).is_some();
        match run {
            Some((start, end)) if in_run && end == index => {
                run = Some((start, index + c.len_utf8()));
            }
            _ => {
                if let Some((start, end)) = run.take() {
                    runs.push(Run::read(line, start, end));
                }
                if in_run {
                    run = Some((index, index + c.len_utf8()));
                }
            }
        }
    }
    if let Some((start, end)) = run {
        runs.push(Run::read(line, start, end));
    }
    runs
}

/// Each character of `line` outside ASCII, with its byte offset; ASCII
/// stretches, most of most lines, are skipped eight bytes at a time.
fn non_ascii_chars(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = line.as_bytes();
    let mut index = 0;
    std::iter::from_fn(move || {
        index += ascii_prefix_len(&bytes[index..]);
        let c = line[index..].chars().next()?;
        let at = index;
        index += c.len_utf8();
        Some((at, c))
    })
}

impl Run {
    fn read(line: &str, start: usize, end: usize) -> Run {
        let around = Surroundings::of(line, start, end);
        let (reading, end) = match peel_utf8_layers(&line[start..end]) {
            Some(layers) => (choose_layer(layers, &around), end),
            None => loose_space_reading(line, start, end).unwrap_or((Reading::Invalid, end)),
        };
        Run {
            start,
            end,
            around,
            reading,
        }
    }
}

/// Re-reads a run as UTF-8 as often as that works (text can be damaged more
/// than once) and returns every successful layer, shallowest first.
fn peel_utf8_layers(run: &str) -> Option<Vec<String>> {
    let mut layers: Vec<String> = Vec::new();
    while layers.len() < MAX_MOJIBAKE_LAYERS {
        let current = layers.last().map_or(run, String::as_str);
        match reread_as_utf8(current) {
            Some(next) => layers.push(next),
            None => break,
        }
    }
    (!layers.is_empty()).then_some(layers)
}

fn reread_as_utf8(text: &str) -> Option<String> {
    let bytes = text
        .chars()
        .map(single_byte_of)
        .collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// Chooses how many layers to peel. A layer with impossible characters (C1
/// controls left by a Latin-1 reading) is always peeled further; past the
/// first plausible layer, the next one must be a believable repair of it in
/// its own right: "Ã‰Â²" re-reads as "É²" (a word in capitals and a
/// footnote mark), which re-reads as the valid but wrong "ɲ".
fn choose_layer(layers: Vec<String>, around: &Surroundings) -> Reading {
    let strong = layers[0].chars().nth(1).is_some();
    let mut chosen: Option<String> = None;
    for layer in layers {
        if layer.chars().any(|c| classify(c) == CharClass::Impossible) {
            continue;
        }
        if let Some(previous) = &chosen {
            if !deeper_layer_is_believable(previous, &layer, around) {
                break;
            }
        }
        chosen = Some(layer);
    }
    match chosen {
        // A UTF-8 byte-order mark ("ï»¿", which no text contains) disappears.
        Some(text) if text == "\u{feff}" => Reading::Decoded {
            text: String::new(),
            strong: true,
        },
        Some(text) => Reading::Decoded { text, strong },
        None => Reading::Implausible,
    }
}

fn deeper_layer_is_believable(previous: &str, deeper: &str, around: &Surroundings) -> bool {
    let mut chars = deeper.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) => {
            single_char_is_believable(&around.with_run(previous), only, Confidence::Normal)
        }
        _ => rare_count(deeper) <= rare_count(previous),
    }
}

fn rare_count(text: &str) -> usize {
    text.chars()
        .filter(|&c| classify(c) == CharClass::Rare)
        .count()
}

/// "alsoÂ The" and "voilÃ  tout": the no-break space that followed "Â" (or that
/// was the second byte of "à") became an ordinary space. A lone "Â"/"Ã" after
/// a lower-case letter and before a space occurs in no language. Returns the
/// reading and where the run now ends.
fn loose_space_reading(line: &str, start: usize, end: usize) -> Option<(Reading, usize)> {
    let run = &line[start..end];
    if !line[end..].starts_with(' ') {
        return None;
    }
    let previous = line[..start].chars().next_back()?;
    match run {
        // The space is the former no-break space: keep it, drop the "Â".
        "Â" if previous.is_lowercase()
            || previous.is_ascii_digit()
            || ".,;:!?)\"'%".contains(previous) =>
        {
            Some((Reading::LooseSpace(""), end))
        }
        // "Ã" plus the former no-break space make "à"; when a second space
        // follows, the first one was that byte and goes too.
        "Ã" if previous.is_lowercase() => {
            let end = if line[end..].starts_with("  ") {
                end + 1
            } else {
                end
            };
            Some((Reading::LooseSpace("à"), end))
        }
        _ => None,
    }
}

/// How much the runs of a line support the "UTF-8 read as Windows-1252" theory.
struct Evidence {
    /// Runs that are not valid UTF-8: ordinary accented text.
    invalid: usize,
    /// Runs that are valid UTF-8 (or a recognised stray "Â").
    valid: usize,
    /// Valid runs that no ordinary text produces by accident.
    strong: usize,
}

/// How freely single-character repairs are accepted on a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Confidence {
    /// Every run of the line reads as UTF-8 and at least one strongly so.
    High,
    /// At least as many valid runs as ordinary ones, at least one of them strong.
    Supported,
    /// At least as many valid runs as ordinary ones.
    Normal,
    /// Mostly ordinary accented text: only punctuation-like repairs, which
    /// no accidental pair of letters produces, are trusted.
    Low,
}

impl Evidence {
    fn of(runs: &[Run]) -> Evidence {
        let mut evidence = Evidence {
            invalid: 0,
            valid: 0,
            strong: 0,
        };
        for run in runs {
            match &run.reading {
                Reading::Invalid => evidence.invalid += 1,
                Reading::Decoded { strong: true, .. } => {
                    evidence.valid += 1;
                    evidence.strong += 1;
                }
                _ => evidence.valid += 1,
            }
        }
        evidence
    }

    fn confidence(&self) -> Confidence {
        if self.invalid > self.valid {
            Confidence::Low
        } else if self.strong == 0 {
            Confidence::Normal
        } else if self.invalid == 0 {
            Confidence::High
        } else {
            Confidence::Supported
        }
    }
}

fn repair_misread_utf8(line: &str, runs: &[Run], confidence: Confidence) -> Option<String> {
    let mut out = String::with_capacity(line.len());
    let mut copied_up_to = 0;
    for run in runs {
        if let Some(replacement) = accepted_replacement(run, confidence) {
            out.push_str(&line[copied_up_to..run.start]);
            out.push_str(replacement);
            copied_up_to = run.end;
        }
    }
    if copied_up_to == 0 {
        return None;
    }
    out.push_str(&line[copied_up_to..]);
    Some(out)
}

/// The replacement for a run, if the repair is believable where the run stands.
fn accepted_replacement(run: &Run, confidence: Confidence) -> Option<&str> {
    match &run.reading {
        Reading::Invalid | Reading::Implausible => None,
        Reading::LooseSpace(replacement) => Some(replacement),
        Reading::Decoded { text, strong: true } => Some(text),
        Reading::Decoded {
            text,
            strong: false,
        } => {
            let only = text.chars().next()?;
            single_char_is_believable(&run.around, only, confidence).then_some(text.as_str())
        }
    }
}

/// A run that decodes to one character is the weak case: an accented letter
/// followed by a quote or symbol ("É»", "ß“", "Ñ”", "FINNISHÄ°") is sometimes
/// valid UTF-8 by accident. Such a character is only believed where the
/// ordinary reading of the run is unlikely.
fn single_char_is_believable(around: &Surroundings, decoded: char, confidence: Confidence) -> bool {
    match classify(decoded) {
        CharClass::Impossible => false,
        // Text never has a line where every run reads as UTF-8 and one of them
        // as several characters, so there even "Ñ–" (Ukrainian "і") is trusted.
        _ if confidence == Confidence::High => true,
        CharClass::Rare => false,
        // "TABELIÃ—" is a Portuguese capital word and a dash, not "TABELI×".
        CharClass::Symbol => {
            !(around.previous.is_some_and(char::is_uppercase) && is_two_byte_letter_range(decoded))
        }
        // A decomposed accent ("eÌ\u{81}" for "e\u{301}") must follow a letter;
        // "RIFERÌ‡" is an Italian capital word and a footnote dagger.
        CharClass::Mark => {
            confidence != Confidence::Low
                && around.previous.is_some_and(char::is_alphabetic)
                && !(around.ends_capital_word() && around.ends_with_word_follower())
        }
        CharClass::Letter { latin } => {
            // Two bytes: an accented letter and a mark ("Ñ”"); three bytes: an
            // accented letter and two marks ("é…”"). Ordinary text has these
            // at the end of words, so they are the readings to distrust.
            let from_two_bytes = u32::from(decoded) < 0x0800;
            let reads_as_ordinary_text = if from_two_bytes {
                around.stands_alone() && around.ends_with_closing_mark(decoded)
            } else {
                around.ends_with_two_marks()
            };
            if confidence == Confidence::Low
                || reads_as_ordinary_text
                || around.breaks_capital_word(decoded)
                || (around.ends_capital_word() && !around.could_end_misread_capital(decoded))
                || around.joins_capital_words(decoded)
            {
                return false;
            }
            // A lone letter of another script must not be glued to Latin
            // letters. From two bytes (Cyrillic, Greek...) it also needs solid
            // mojibake elsewhere on the line; a kana, hanzi or hangul from
            // three bytes ("(ãƒ¡)" for "(メ)") does not.
            latin
                || (!around.touches_latin_letter()
                    && (confidence == Confidence::Supported || !from_two_bytes))
        }
    }
}

/// What two-byte UTF-8 sequences starting with an accented capital ("Ã", "Ä",
/// "Ë"...) decode to, apart from the Latin-1 symbols that "Â" gives.
fn is_two_byte_letter_range(c: char) -> bool {
    (0x00C0..0x0800).contains(&u32::from(c))
}

/// What stands around a run on its line.
#[derive(Clone, Copy)]
struct Surroundings {
    before_previous: Option<char>,
    previous: Option<char>,
    next: Option<char>,
    last_of_run: Option<char>,
    before_last_of_run: Option<char>,
}

impl Surroundings {
    fn of(line: &str, start: usize, end: usize) -> Surroundings {
        let mut before = line[..start].chars().rev();
        let previous = before.next();
        Surroundings {
            before_previous: before.next(),
            previous,
            next: line[end..].chars().next(),
            last_of_run: None,
            before_last_of_run: None,
        }
        .with_run(&line[start..end])
    }

    /// The same place, holding `run` (a shallower layer of a damaged run).
    fn with_run(self, run: &str) -> Surroundings {
        let mut backwards = run.chars().rev();
        Surroundings {
            last_of_run: backwards.next(),
            before_last_of_run: backwards.next(),
            ..self
        }
    }

    /// "é…”": the run may be an accented letter ending a word, followed by two
    /// punctuation marks.
    fn ends_with_two_marks(&self) -> bool {
        [self.before_last_of_run, self.last_of_run]
            .iter()
            .all(|c| c.is_some_and(|c| CLOSING_MARKS.contains(c) || "\u{a0}®°²³¹·".contains(c)))
    }

    /// The run closes a word whose last letter was a capital: "IRMÃ”", "HÄ°".
    /// (A letter of another script right after it starts another word.)
    fn ends_capital_word(&self) -> bool {
        self.previous.is_some_and(char::is_uppercase) && !self.next.is_some_and(is_latin_letter)
    }

    fn stands_alone(&self) -> bool {
        !self.previous.is_some_and(char::is_alphabetic)
            && !self.next.is_some_and(char::is_alphabetic)
    }

    /// "“Ñ”", "Å\u{a0}:", "Ä®": a letter on its own in quotes, or a capital
    /// before a no-break space or a Latin-1 symbol. (Misread one-letter words
    /// such as "Ã\u{a0}" for "à" or "Ã©" for "é" give small letters.)
    fn ends_with_closing_mark(&self, decoded: char) -> bool {
        self.last_of_run.is_some_and(|c| {
            CLOSING_MARKS.contains(c)
                || (decoded.is_uppercase() && ('\u{a0}'..='\u{bf}').contains(&c))
        })
    }

    /// "CAFÃ‰" is "CAFÉ", but "IRMÃ”" is more likely "IRMÃ" plus a quote and
    /// "AIKAÄ°" a Finnish word plus a degree sign. Mojibake of a final capital
    /// is believed only when it gives a capital and the second character is
    /// not something that ordinarily follows a word.
    fn could_end_misread_capital(&self, decoded: char) -> bool {
        decoded.is_uppercase() && !self.ends_with_word_follower()
    }

    /// The run ends in something that ordinarily follows a word: a closing
    /// mark, a footnote dagger, or a Latin-1 symbol ("°", "²", "®"...).
    fn ends_with_word_follower(&self) -> bool {
        self.last_of_run.is_some_and(|c| {
            CLOSING_MARKS.contains(c) || "†‡".contains(c) || ('\u{a0}'..='\u{bf}').contains(&c)
        })
    }

    /// "YLÄ–ALA": a capital word ending in "Ä" or "Å" and a dash or quote
    /// before the next word, which would read as a rare Latin capital ("Ė").
    /// (Capitals of Latin-1, as in "KÃ–LN" for "KÖLN", stay believable.)
    fn joins_capital_words(&self, decoded: char) -> bool {
        self.previous.is_some_and(char::is_uppercase)
            && u32::from(decoded) >= 0x0100
            && self.last_of_run.is_some_and(|c| CLOSING_MARKS.contains(c))
    }

    /// "AĞAǹ" for "AĞAÇ¹", "VIETNÒs" for "VIETNÃ’s": a repair that breaks the
    /// case of a word in capitals is more likely an accident.
    fn breaks_capital_word(&self, decoded: char) -> bool {
        let in_capitals = self.previous.is_some_and(char::is_uppercase);
        let small_after_capitals =
            decoded.is_lowercase() && self.before_previous.is_some_and(char::is_uppercase);
        let capital_before_small =
            decoded.is_uppercase() && self.next.is_some_and(char::is_lowercase);
        in_capitals && (small_after_capitals || capital_before_small)
    }

    fn touches_latin_letter(&self) -> bool {
        [self.previous, self.next]
            .into_iter()
            .flatten()
            .any(is_latin_letter)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CharClass {
    /// A letter of a script in everyday use.
    Letter { latin: bool },
    /// A combining accent as produced by decomposed (NFD) Latin text.
    Mark,
    /// Punctuation, symbols, spaces: things the garbage pairs do not turn into by chance.
    Symbol,
    /// Real but seldom-used characters (IPA, NKo, archaic Greek, ...): what
    /// accidental valid pairs in ordinary text decode to.
    Rare,
    /// Controls, private use, non-characters: never a repair.
    Impossible,
}

fn classify(c: char) -> CharClass {
    let code = u32::from(c);
    if c.is_control() || is_private_use_or_noncharacter(code) {
        return CharClass::Impossible;
    }
    if is_rare(code) {
        return CharClass::Rare;
    }
    if (0x0300..=0x036F).contains(&code) {
        return CharClass::Mark;
    }
    if c.is_alphabetic() {
        CharClass::Letter {
            latin: is_latin_letter(c),
        }
    } else if is_in_symbol_block(code) {
        CharClass::Symbol
    } else {
        // Digits and punctuation of other scripts, unassigned code points.
        CharClass::Rare
    }
}

/// Blocks made of punctuation and symbols that text really uses: Latin-1
/// symbols, general punctuation, currency, arrows, maths, shapes, CJK
/// punctuation, full-width forms, emoji...
fn is_in_symbol_block(code: u32) -> bool {
    matches!(
        code,
        0x00A0..=0x00BF
            | 0x00D7
            | 0x00F7
            | 0x02BC..=0x02DD
            | 0x2000..=0x2BFF
            | 0x2E00..=0x2E7F
            | 0x3000..=0x303F
            | 0xFE30..=0xFE4F
            | 0xFEFF
            | 0xFF00..=0xFFEF
            | 0xFFFD
            | 0x1F000..=0x1FAFF
    )
}

fn is_private_use_or_noncharacter(code: u32) -> bool {
    matches!(code, 0xE000..=0xF8FF | 0xFDD0..=0xFDEF | 0xFFF0..=0xFFFC | 0xF0000..)
        || code & 0xFFFE == 0xFFFE
}

/// Characters seldom seen in real text, which accidental valid UTF-8 pairs in
/// ordinary accented text tend to produce. Real text in these ranges still
/// gets repaired when it comes in runs of several characters.
fn is_rare(code: u32) -> bool {
    const COMMON_MARKS: [u32; 14] = [
        0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x30A, 0x30B, 0x30C, 0x323, 0x327,
        0x328,
    ];
    match code {
        // Latin Extended-B: keep Vietnamese ơ ư, pinyin ǎ ǐ ǒ ǔ, Romanian ș ț, ƒ, Ə.
        0x0180..=0x024F => {
            !matches!(code, 0x18F | 0x192 | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1CD..=0x1DC | 0x218..=0x21B)
        }
        // IPA and spacing modifiers: keep ə, ʼ (Ukrainian apostrophe) and the accents of Windows-1252.
        0x0250..=0x02FF => !matches!(code, 0x259 | 0x2BC | 0x2C6 | 0x2C7 | 0x2D8..=0x2DD),
        0x0300..=0x036F => !COMMON_MARKS.contains(&code),
        // Greek: archaic letters and symbols around the modern alphabet.
        0x0370..=0x0385 | 0x03CF..=0x03FF => true,
        // Cyrillic beyond Russian, Ukrainian, Belarusian, Serbian, Macedonian and Bulgarian.
        0x0460..=0x048F | 0x0492..=0x052F => true,
        // Hebrew points and Arabic vowel marks on their own.
        0x0591..=0x05C7 | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED => true,
        // Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic extensions.
        0x0700..=0x08FF => true,
        // CJK extension A.
        0x3400..=0x4DBF => true,
        // Beyond the BMP only emoji, symbols and CJK are likely.
        0x10000.. => !matches!(code, 0x1F000..=0x1FAFF | 0x20000..=0x3FFFF | 0xE0000..=0xE007F),
        _ => false,
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(u32::from(c), 0x00C0..=0x024F | 0x0259 | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF))
}

// ---- Family 2: Cyrillic single-byte encodings read as Windows-1252 -------

/// A word of a line: a maximal run of letters, counting where they come from.
struct Word {
    start: usize,
    end: usize,
    /// Characters that are Cyrillic letters when their byte is read as Windows-1251.
    cyrillic_source: usize,
    /// Any other letters (ASCII, or letters outside the Windows-1252 range).
    other_letters: usize,
}

impl Word {
    /// Every letter could be a misread Cyrillic letter: "âèïàäêó", "³", "¿¿".
    fn is_foreign(&self) -> bool {
        self.cyrillic_source > 0 && self.other_letters == 0
    }

    /// Misread Cyrillic mixed with other letters, as in "café": ordinary text.
    fn is_mixed(&self) -> bool {
        self.cyrillic_source > 0 && self.other_letters > 0
    }
}

/// Whether a Windows-1252 character is a Cyrillic letter (or №) when its byte
/// is read as Windows-1251: all of U+00C0..=U+00FF (even × and ÷, which are Ч
/// and ч) plus the bytes of Ё ё Є є Ї ї І і Ґ ґ Ў ў and the Serbian letters.
fn is_cyrillic_source(c: char) -> bool {
    single_byte_of(c).is_some_and(|byte| {
        !c.is_ascii()
            && matches!(
                byte,
                0xC0..=0xFF
                    | 0x80
                    | 0x81
                    | 0x83
                    | 0x8A
                    | 0x8C..=0x90
                    | 0x9A
                    | 0x9C..=0x9F
                    | 0xA1..=0xA3
                    | 0xA5
                    | 0xA8
                    | 0xAA
                    | 0xAF
                    | 0xB2..=0xB4
                    | 0xB8..=0xBA
                    | 0xBC..=0xBF
            )
    })
}

/// The words of the line that hold at least one [`is_cyrillic_source`]
/// character (a word: a run of such characters and other letters). Words
/// without one are neither foreign nor mixed, so only the neighbourhood of
/// each source character is read: most lines of most pages have none.
fn source_words(line: &str) -> Vec<Word> {
    let in_word = |c: char| is_cyrillic_source(c) || c.is_alphabetic();
    let mut words = Vec::new();
    // Where the last word read ends: its own characters are not read again.
    let mut read_to = 0;
    for (index, c) in non_ascii_chars(line) {
        if index < read_to || !is_cyrillic_source(c) {
            continue;
        }
        let start = line[..index]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| in_word(c))
            .last()
            .map_or(index, |(i, _)| i);
        let mut word = Word {
            start,
            end: line.len(),
            cyrillic_source: 0,
            other_letters: 0,
        };
        for (offset, c) in line[start..].char_indices() {
            if is_cyrillic_source(c) {
                word.cyrillic_source += 1;
            } else if c.is_alphabetic() {
                word.other_letters += 1;
            } else {
                word.end = start + offset;
                break;
            }
        }
        read_to = word.end;
        words.push(word);
    }
    words
}

/// Repairs a line of Windows-1251 (or KOI8) Cyrillic that was read as
/// Windows-1252. French, German, Icelandic... words are mostly ASCII letters
/// with a few accented ones; misread Cyrillic words consist only of
/// U+00C0..=U+00FF and friends. The line must have at least one long such word
/// that reads as a believable Cyrillic word, and next to no mixed words.
fn repair_misread_cyrillic(line: &str) -> Option<String> {
    let words = source_words(line);
    let foreign_letters: usize = words
        .iter()
        .filter(|w| w.is_foreign())
        .map(|w| w.cyrillic_source)
        .sum();
    let mixed_letters: usize = words
        .iter()
        .filter(|w| w.is_mixed())
        .map(|w| w.cyrillic_source + w.other_letters)
        .sum();
    if foreign_letters == 0 || mixed_letters * 4 > foreign_letters {
        return None;
    }
    let foreign: Vec<&Word> = words.iter().filter(|w| w.is_foreign()).collect();
    let encoding = likelier_cyrillic_encoding(line, &foreign);
    let rereadings: Vec<String> = foreign
        .iter()
        .map(|w| reread_single_byte(&line[w.start..w.end], encoding))
        .collect();
    if !has_believable_long_words(&foreign, &rereadings) {
        return None;
    }
    let mut out = String::with_capacity(line.len() * 2);
    let mut copied_up_to = 0;
    for (word, reread) in foreign.iter().zip(&rereadings) {
        out.push_str(&line[copied_up_to..word.start]);
        out.push_str(reread);
        copied_up_to = word.end;
    }
    out.push_str(&line[copied_up_to..]);
    Some(out)
}

/// At least one word of four letters or more must look Cyrillic after the
/// re-reading, and those that do must clearly outnumber those that do not.
fn has_believable_long_words(foreign: &[&Word], rereadings: &[String]) -> bool {
    let (mut believable, mut unbelievable) = (0usize, 0usize);
    for (word, reread) in foreign.iter().zip(rereadings) {
        if word.cyrillic_source < 4 {
            continue;
        }
        if looks_like_cyrillic_word(reread) {
            believable += 1;
        } else {
            unbelievable += 1;
        }
    }
    believable > 0 && believable > 2 * unbelievable
}

/// Windows-1251 and KOI8 put the same letters at different bytes. Read with
/// the wrong one, ordinary text gets capitals inside words ("рТЙЧЕТ" for
/// "Привет"), which decides; without that clue (words all in capitals or all
/// small), KOI8 must also give clearly likelier letters, since Windows-1251
/// is by far the more common of the two.
fn likelier_cyrillic_encoding(line: &str, foreign: &[&Word]) -> &'static Encoding {
    const KOI8_MARGIN_PER_WORD: f64 = 3.0;
    let reading = |encoding: &'static Encoding| -> (usize, f64) {
        foreign.iter().fold((0, 0.0), |(capitals, score), w| {
            let reread = reread_single_byte(&line[w.start..w.end], encoding);
            (
                capitals + capitals_after_small_letters(&reread),
                score + cyrillic_letter_score(&reread),
            )
        })
    };
    let (koi8_capitals, koi8_score) = reading(KOI8_U);
    let (cp1251_capitals, cp1251_score) = reading(WINDOWS_1251);
    let margin = KOI8_MARGIN_PER_WORD * foreign.len() as f64;
    if koi8_capitals < cp1251_capitals
        || (koi8_capitals == cp1251_capitals && koi8_score > cp1251_score + margin)
    {
        KOI8_U
    } else {
        WINDOWS_1251
    }
}

fn capitals_after_small_letters(word: &str) -> usize {
    word.chars()
        .zip(word.chars().skip(1))
        .filter(|(first, second)| first.is_lowercase() && second.is_uppercase())
        .count()
}

/// Log-likelihood of a word's letters under rough Russian/Ukrainian letter
/// frequencies.
fn cyrillic_letter_score(word: &str) -> f64 {
    word.chars()
        .map(|c| cyrillic_letter_percent(c.to_lowercase().next().unwrap_or(c)).ln())
        .sum()
}

/// Approximate share (in percent) of each letter in Russian and Ukrainian text;
/// anything else (box drawing from a KOI8 misreading, say) is very unlikely.
fn cyrillic_letter_percent(c: char) -> f64 {
    match c {
        'о' => 11.0,
        'е' => 8.5,
        'а' => 8.0,
        'и' => 7.4,
        'н' => 6.7,
        'т' => 6.3,
        'с' => 5.5,
        'і' => 5.0,
        'р' => 4.7,
        'в' => 4.5,
        'л' => 4.4,
        'к' => 3.5,
        'м' => 3.2,
        'д' => 3.0,
        'п' => 2.8,
        'у' => 2.6,
        'я' => 2.0,
        'ы' => 1.9,
        'ь' => 1.7,
        'г' => 1.7,
        'з' => 1.7,
        'б' => 1.6,
        'ч' => 1.4,
        'й' => 1.2,
        'х' => 1.0,
        'ж' => 0.9,
        'ш' => 0.7,
        'ю' => 0.6,
        'ї' => 0.6,
        'ц' => 0.5,
        'щ' => 0.4,
        'є' => 0.4,
        'э' => 0.3,
        'ф' => 0.3,
        'ў' => 0.1,
        'ъ' | 'ё' | 'ґ' => 0.05,
        c if matches!(u32::from(c), 0x0400..=0x045F) => 0.02,
        _ => 0.001,
    }
}

/// Turns characters back into their Windows-1252 bytes and reads those with `encoding`.
fn reread_single_byte(word: &str, encoding: &'static Encoding) -> String {
    let bytes: Vec<u8> = word.chars().filter_map(single_byte_of).collect();
    encoding.decode_without_bom_handling(&bytes).0.into_owned()
}

/// A cheap test that a string is a possible Russian/Ukrainian/Belarusian word:
/// Cyrillic letters only, with vowels and consonants, and no soft or hard sign
/// where none can stand (word start, after a vowel, "ыь").
fn looks_like_cyrillic_word(word: &str) -> bool {
    const VOWELS: &str = "аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ";
    const SIGNS: &str = "ьъЬЪ";
    let (mut vowels, mut consonants) = (0usize, 0usize);
    let mut previous: Option<char> = None;
    for c in word.chars() {
        if !matches!(u32::from(c), 0x0400..=0x045F | 0x0490 | 0x0491) {
            return false;
        }
        let is_sign = SIGNS.contains(c);
        let sign_misplaced = match previous {
            None => true,
            Some(p) => VOWELS.contains(p) || SIGNS.contains(p) || "йЙ".contains(p),
        };
        if is_sign && sign_misplaced {
            return false;
        }
        if "ыЫ".contains(c) && previous.is_none_or(|p| VOWELS.contains(p) || SIGNS.contains(p)) {
            return false;
        }
        if VOWELS.contains(c) {
            vowels += 1;
        } else if !is_sign {
            consonants += 1;
        }
        previous = Some(c);
    }
    vowels > 0 && consonants > 0
}
