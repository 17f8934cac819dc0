//! Reading local inputs (files a user names, files of a watched folder,
//! standard input) under the same bound as fetched pages.
//!
//! Every local input goes through [`read_file`] or [`read_stream`], so no
//! input can be read without bound: a file is opened without blocking and
//! refused unless it is a regular file (a device such as `/dev/zero`, a
//! FIFO with no writer, a socket), and at most `limit + 1` bytes are ever
//! read, of the file and again of its decompressed content when it is
//! gzip-compressed (`.html.gz`, as archives and benchmarks keep pages).

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a local input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LocalReadError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("is a directory, not a file")]
    Directory,
    #[error("is a {0}, not a regular file")]
    NotRegular(&'static str),
    #[error("{}", too_large(*.size, *.limit))]
    TooLarge {
        /// The file's size, when it is known before reading.
        size: Option<u64>,
        limit: usize,
    },
    #[error("is gzip-compressed but cannot be decompressed: {0}")]
    Gzip(std::io::Error),
    #[error("cannot be read: {0}")]
    Io(std::io::Error),
}

fn too_large(size: Option<u64>, limit: usize) -> String {
    let limit = newsdesk_text::megabytes(limit as u64);
    match size {
        Some(size) => format!(
            "file of {} is larger than the {limit} limit",
            newsdesk_text::megabytes(size)
        ),
        None => format!("is larger than the {limit} limit"),
    }
}

impl From<std::io::Error> for LocalReadError {
    fn from(error: std::io::Error) -> LocalReadError {
        match error.kind() {
            std::io::ErrorKind::NotFound => LocalReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => LocalReadError::PermissionDenied,
            _ => LocalReadError::Io(error),
        }
    }
}

/// A local input's bytes, decompressed when they were gzip-compressed.
#[derive(Debug)]
pub struct LocalInput {
    pub bytes: Vec<u8>,
    /// The name that tells the input's format: the path without a `.gz`
    /// ending ("page.html.gz" reads as "page.html").
    pub format_path: PathBuf,
    /// Whether the bytes were gzip-compressed.
    pub gzipped: bool,
}

/// Reads a local file of at most `limit` bytes (decompressed), refusing
/// anything that is not a regular file before reading a byte of it.
pub fn read_file(path: &Path, limit: usize) -> Result<LocalInput, LocalReadError> {
    let (file, size) = open_regular(path)?;
    if size > limit as u64 {
        return Err(LocalReadError::TooLarge {
            size: Some(size),
            limit,
        });
    }
    let bytes = read_bounded(file, limit)?;
    finish(bytes, format_path(path), limit)
}

/// The name that tells a file's format: its path without a `.gz` ending
/// ("page.html.gz" is read as "page.html").
pub fn format_path(path: &Path) -> PathBuf {
    match path.extension() {
        Some(extension) if extension.eq_ignore_ascii_case("gz") => path.with_extension(""),
        _ => path.to_path_buf(),
    }
}

/// Reads a stream (standard input) under the same bound as a file.
pub fn read_stream(reader: impl Read, limit: usize) -> Result<LocalInput, LocalReadError> {
    finish(read_bounded(reader, limit)?, PathBuf::from("-"), limit)
}

fn finish(
    bytes: Vec<u8>,
    format_path: PathBuf,
    limit: usize,
) -> Result<LocalInput, LocalReadError> {
    if !is_gzip(&bytes) {
        return Ok(LocalInput {
            bytes,
            format_path,
            gzipped: false,
        });
    }
    let decoder = flate2::read::MultiGzDecoder::new(bytes.as_slice());
    let bytes = read_bounded(decoder, limit).map_err(|error| match error {
        LocalReadError::Io(error) => LocalReadError::Gzip(error),
        other => other,
    })?;
    Ok(LocalInput {
        bytes,
        format_path,
        gzipped: true,
    })
}

/// Whether bytes open with gzip's magic number and its one method.
fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b, 0x08])
}

/// Reads at most `limit` bytes; one byte more is the sign of too many.
fn read_bounded(reader: impl Read, limit: usize) -> Result<Vec<u8>, LocalReadError> {
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(LocalReadError::from)?;
    if bytes.len() > limit {
        return Err(LocalReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// Opens a path for reading without blocking (opening a FIFO with no
/// writer would wait forever) and checks what the opened file is, so
/// nothing can be swapped in between the check and the read; returns the
/// file and its size. (O_NONBLOCK changes nothing for a regular file.)
fn open_regular(path: &Path) -> Result<(std::fs::File, u64), LocalReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Err(LocalReadError::Directory);
    }
    if !kind.is_file() {
        return Err(LocalReadError::NotRegular(describe_special(&kind)));
    }
    Ok((file, metadata.len()))
}

fn describe_special(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "character device";
        }
        if kind.is_block_device() {
            return "block device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    let _ = kind;
    "special file"
}

#[cfg(test)]
mod tests;
