//! Sizes as people read them in messages.

/// A size as people read it, in megabytes (of 1024 × 1024 bytes), or
/// kilobytes below one: "50 MB", "3.2 MB", "256 KB".
pub fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

#[cfg(test)]
mod tests;
