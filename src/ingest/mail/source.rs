//! Reading raw messages from what the user names: a single message file (`.eml`), an mbox file,
//! a Maildir folder (every `cur/` and `new/` below it), or stdin (`-`). Messages are handed to a
//! callback one at a time, so a 2 GB mbox is streamed with one message in memory, and a message
//! over the size limit is never held at all: only its size is reported.
//!
//! The mbox framing is split here (a `From ` line at the start of the file or after a blank
//! line, or any line that looks like a full envelope `From addr Day Mon dd hh:mm:ss yyyy`;
//! `>From ` quoting undone as in mboxrd), because messages must be numbered and located by
//! byte offset and bounded in size while streaming. The messages themselves (MIME, charsets,
//! headers) are parsed by mail-parser.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, IoContext, Result};
use crate::model::Timestamp;

/// Where a message came from, as a person finds it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as the user named it (`-` for stdin), or a Maildir message's path.
    pub file: String,
    /// The message's place inside an mbox.
    pub place: Option<MboxPlace>,
}

/// A message's number (1-based) and byte offset inside an mbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MboxPlace {
    pub number: usize,
    pub offset: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = if self.file == "-" {
            "stdin"
        } else {
            &self.file
        };
        match self.place {
            Some(p) => write!(f, "{file}: message {} (byte {})", p.number, p.offset),
            None => f.write_str(file),
        }
    }
}

/// One message as read, before parsing.
#[derive(Debug, Clone)]
pub struct RawMessage {
    pub origin: Origin,
    /// The message bytes; empty when it is over the size limit.
    pub bytes: Vec<u8>,
    /// The message's size when it is over the limit.
    pub too_large: Option<u64>,
    /// The date of the mbox envelope line, a fallback when the message has no usable Date.
    pub envelope_date: Option<Timestamp>,
}

/// Reads every message of `paths` in order, calling `visit` for each.
pub fn read_all(
    paths: &[PathBuf],
    max_bytes: u64,
    visit: &mut dyn FnMut(RawMessage) -> Result<()>,
) -> Result<()> {
    for path in paths {
        let named = path.display().to_string();
        if named == "-" {
            let stdin = std::io::stdin();
            read_stream(&named, &mut stdin.lock(), max_bytes, visit)?;
            continue;
        }
        let meta = std::fs::metadata(path).at(path)?;
        if meta.is_dir() {
            read_maildirs(path, max_bytes, visit)?;
        } else {
            let file = std::fs::File::open(path).at(path)?;
            let mut reader = BufReader::with_capacity(1 << 16, file);
            read_stream(&named, &mut reader, max_bytes, visit).map_err(|e| match e {
                Error::Io { error, .. } => Error::io(path, error),
                other => other,
            })?;
        }
    }
    Ok(())
}

/// A file or stdin: an mbox when it starts with `From `, else one message.
fn read_stream(
    named: &str,
    reader: &mut dyn BufRead,
    max_bytes: u64,
    visit: &mut dyn FnMut(RawMessage) -> Result<()>,
) -> Result<()> {
    let head = reader.fill_buf().at(named)?;
    if head.starts_with(b"From ") {
        return read_mbox(named, reader, max_bytes, visit);
    }
    let mut bytes = Vec::new();
    let read = reader
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .at(named)? as u64;
    let too_large = if read > max_bytes {
        let rest = std::io::copy(reader, &mut std::io::sink()).at(named)?;
        bytes = Vec::new();
        Some(read + rest)
    } else {
        None
    };
    visit(RawMessage {
        origin: Origin {
            file: named.to_string(),
            place: None,
        },
        bytes,
        too_large,
        envelope_date: None,
    })
}

/// Reads one line (with its `\n`) into `line`, keeping at most `keep` bytes of it; returns the
/// line's full length (0 at the end of the input).
fn read_line_bounded(reader: &mut dyn BufRead, line: &mut Vec<u8>, keep: usize) -> Result<usize> {
    line.clear();
    let mut total = 0;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io("mbox", e)),
        };
        if buf.is_empty() {
            return Ok(total);
        }
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let room = keep.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        total += n;
        reader.consume(n);
        if done {
            return Ok(total);
        }
    }
}

/// Whether an mbox line is an envelope line that starts a message. After a blank line (or at
/// the start) any `From ` line is; elsewhere only one that carries an envelope date, so a
/// sloppy mbox with an unquoted `From ` in a body is not cut there.
fn starts_message(line: &[u8], after_blank: bool) -> bool {
    if !line.starts_with(b"From ") {
        return false;
    }
    after_blank || envelope_date(line).is_some()
}

/// The date of an envelope line `From sender Tue Nov 20 09:12:00 2026` (read as UTC, as mbox
/// writers use).
fn envelope_date(line: &[u8]) -> Option<Timestamp> {
    let text = std::str::from_utf8(line).ok()?.trim_end();
    let rest = text.strip_prefix("From ")?;
    let (_, date) = rest.trim_start().split_once(char::is_whitespace)?;
    let date = date.split_whitespace().collect::<Vec<_>>().join(" ");
    let naive = chrono::NaiveDateTime::parse_from_str(&date, "%a %b %d %H:%M:%S %Y").ok()?;
    Some(naive.and_utc().fixed_offset())
}

fn read_mbox(
    named: &str,
    reader: &mut dyn BufRead,
    max_bytes: u64,
    visit: &mut dyn FnMut(RawMessage) -> Result<()>,
) -> Result<()> {
    struct Current {
        place: MboxPlace,
        bytes: Vec<u8>,
        size: u64,
        envelope: Option<Timestamp>,
        /// The message ended with a blank line, which belongs to the separator.
        trailing_blank: bool,
    }
    let emit = |current: Current, visit: &mut dyn FnMut(RawMessage) -> Result<()>| {
        let mut bytes = current.bytes;
        let mut size = current.size;
        if current.trailing_blank {
            let cut = if bytes.ends_with(b"\r\n") { 2 } else { 1 };
            bytes.truncate(bytes.len().saturating_sub(cut));
            size = size.saturating_sub(cut as u64);
        }
        let too_large = (size > max_bytes).then_some(size);
        visit(RawMessage {
            origin: Origin {
                file: named.to_string(),
                place: Some(current.place),
            },
            bytes: if too_large.is_some() {
                Vec::new()
            } else {
                bytes
            },
            too_large,
            envelope_date: current.envelope,
        })
    };
    let mut line = Vec::with_capacity(256);
    let mut offset: u64 = 0;
    let mut number = 0;
    let mut current: Option<Current> = None;
    let mut after_blank = true;
    loop {
        // Keep enough of a line to store it while the message is within the limit, and always
        // enough to recognise an envelope line.
        let keep = match &current {
            Some(c) if c.size <= max_bytes => (max_bytes - c.size + 1).min(usize::MAX as u64),
            _ => 0,
        }
        .max(256) as usize;
        let len = read_line_bounded(reader, &mut line, keep).map_err(|e| match e {
            Error::Io { error, .. } => Error::io(named, error),
            other => other,
        })?;
        if len == 0 {
            break;
        }
        let line_offset = offset;
        offset += len as u64;
        let blank = line == b"\n" || line == b"\r\n";
        if starts_message(&line, after_blank) {
            if let Some(done) = current.take() {
                emit(done, visit)?;
            }
            number += 1;
            current = Some(Current {
                place: MboxPlace {
                    number,
                    offset: line_offset,
                },
                bytes: Vec::new(),
                size: 0,
                envelope: envelope_date(&line),
                trailing_blank: false,
            });
            after_blank = false;
            continue;
        }
        after_blank = blank;
        let Some(c) = current.as_mut() else {
            continue;
        };
        // mboxrd: `>From `, `>>From ` ... lose one `>`.
        let quoted = line.first() == Some(&b'>') && {
            let i = line.iter().position(|b| *b != b'>').unwrap_or(line.len());
            line[i..].starts_with(b"From ")
        };
        let (content, len) = if quoted {
            (&line[1..], len - 1)
        } else {
            (&line[..], len)
        };
        c.size += len as u64;
        if c.size <= max_bytes {
            c.bytes.extend_from_slice(content);
        } else if !c.bytes.is_empty() {
            c.bytes = Vec::new();
        }
        c.trailing_blank = blank;
    }
    if let Some(done) = current.take() {
        emit(done, visit)?;
    }
    Ok(())
}

/// Every Maildir (a folder with `cur/` and `new/`) at or below `root`, without following links,
/// each message in name order.
fn read_maildirs(
    root: &Path,
    max_bytes: u64,
    visit: &mut dyn FnMut(RawMessage) -> Result<()>,
) -> Result<()> {
    let mut maildirs = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .follow_links(false)
        .max_depth(8)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::invalid(format!("{}: {e}", root.display())))?;
        if entry.file_type().is_dir()
            && entry.path().join("cur").is_dir()
            && entry.path().join("new").is_dir()
        {
            maildirs.push(entry.path().to_path_buf());
        }
    }
    if maildirs.is_empty() {
        return Err(Error::invalid_hint(
            format!(
                "{}: not a Maildir (no folder with `cur/` and `new/` in it)",
                root.display()
            ),
            "name a Maildir folder, an mbox file or .eml files",
        ));
    }
    for maildir in maildirs {
        for sub in ["cur", "new"] {
            let dir = maildir.join(sub);
            let mut names: Vec<(String, PathBuf)> = Vec::new();
            for entry in std::fs::read_dir(&dir).at(&dir)? {
                let entry = entry.at(&dir)?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || !entry.file_type().at(entry.path())?.is_file() {
                    continue;
                }
                names.push((name, entry.path()));
            }
            names.sort();
            for (_, path) in names {
                let size = std::fs::symlink_metadata(&path).at(&path)?.len();
                let too_large = (size > max_bytes).then_some(size);
                let bytes = match too_large {
                    Some(_) => Vec::new(),
                    None => std::fs::read(&path).at(&path)?,
                };
                visit(RawMessage {
                    origin: Origin {
                        file: path.display().to_string(),
                        place: None,
                    },
                    bytes,
                    too_large,
                    envelope_date: None,
                })?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, max: u64) -> Vec<(usize, u64, String, Option<u64>)> {
        let mut out = Vec::new();
        let mut reader = std::io::Cursor::new(text.as_bytes().to_vec());
        read_stream("box", &mut reader, max, &mut |m| {
            let place = m.origin.place.unwrap();
            out.push((
                place.number,
                place.offset,
                String::from_utf8(m.bytes).unwrap(),
                m.too_large,
            ));
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn mbox_messages_are_numbered_located_and_unquoted() {
        let mbox = "From a@x Tue Nov 20 09:12:00 2026\nSubject: one\n\n>From here\nFrom the body\n\nFrom b@x Tue Nov 20 10:00:00 2026\nSubject: two\n\nbody\n";
        let got = split(mbox, 1000);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 1);
        assert_eq!(got[0].2, "Subject: one\n\nFrom here\nFrom the body\n");
        assert_eq!((got[1].0, got[1].1), (2, 74));
        assert_eq!(got[1].2, "Subject: two\n\nbody\n");
    }

    #[test]
    fn oversized_messages_are_reported_not_held() {
        let big = "x".repeat(5000);
        let mbox = format!(
            "From a@x Tue Nov 20 09:12:00 2026\nSubject: big\n\n{big}\n\nFrom b@x Tue Nov 20 10:00:00 2026\nSubject: small\n\nok\n"
        );
        let got = split(&mbox, 1000);
        assert_eq!(got[0].3, Some(5015));
        assert!(got[0].2.is_empty());
        assert_eq!(got[1].2, "Subject: small\n\nok\n");
    }

    #[test]
    fn envelope_dates() {
        let t = envelope_date(b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n").unwrap();
        assert_eq!(t.to_rfc3339(), "2011-07-08T12:08:34+00:00");
        assert!(envelope_date(b"From the body of a letter\n").is_none());
    }
}
