//! Which writing system a text is in.

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Han,
    Kana,
    Hangul,
    Other,
}

impl Script {
    pub fn of(c: char) -> Option<Script> {
        if !c.is_alphabetic() {
            return None;
        }
        let script = match c as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0400..=0x052F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x0590..=0x05FF => Script::Hebrew,
            0x0600..=0x06FF | 0x0750..=0x077F => Script::Arabic,
            0x3040..=0x30FF => Script::Kana,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Han,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => Script::Hangul,
            _ => Script::Other,
        };
        Some(script)
    }
}

/// The script most letters of `text` are in, with the share of letters in
/// it; `None` when the text has no letters.
pub fn dominant_script(text: &str) -> Option<(Script, f32)> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    let mut total = 0;
    for script in text.chars().filter_map(Script::of) {
        total += 1;
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    let (script, n) = counts.into_iter().max_by_key(|&(_, n)| n)?;
    Some((script, n as f32 / total as f32))
}
