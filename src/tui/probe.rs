//! Does the terminal decode UTF-8? (DESIGN §5)
//!
//! Many offices connect with Xshell or SecureCRT, whose default encoding on Chinese Windows is
//! often GBK: UTF-8 arrives as garbage and a form drawn that way is unreadable. Print two Chinese
//! characters and ask the terminal where its cursor went (`ESC[6n`): a UTF-8 terminal moves
//! four columns; a GBK one reads the six bytes as three characters, six columns or more.

use std::io::{self, Write};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerminalEncoding {
    Utf8,
    /// The probe moved the cursor this many columns instead of 4.
    NotUtf8 {
        columns: u16,
    },
    /// The terminal did not answer in time: assume it is fine rather than refuse to start.
    Unknown,
}

/// The column (1-based) in an `ESC[row;colR` report, if `buf` holds one.
pub fn parse_cursor_report(buf: &[u8]) -> Option<u16> {
    let start = buf.windows(2).position(|w| w == b"\x1b[")?;
    let rest = buf.get(start + 2..)?;
    let end = rest.iter().position(|b| *b == b'R')?;
    let body = std::str::from_utf8(rest.get(..end)?).ok()?;
    let (_, col) = body.split_once(';')?;
    col.parse().ok()
}

/// What the probe's answer means: the two characters took `col - 1` columns from column 1.
pub fn judge(col: Option<u16>) -> TerminalEncoding {
    match col {
        None => TerminalEncoding::Unknown,
        Some(5) => TerminalEncoding::Utf8,
        Some(c) => TerminalEncoding::NotUtf8 {
            columns: c.saturating_sub(1),
        },
    }
}

/// Run the probe on a terminal already in raw mode, and erase it from the screen.
pub fn probe(timeout: Duration) -> io::Result<TerminalEncoding> {
    let mut out = io::stdout();
    out.write_all("\r中文\x1b[6n".as_bytes())?;
    out.flush()?;
    let deadline = Instant::now() + timeout;
    let mut buf = Vec::with_capacity(32);
    let col = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break None;
        }
        let mut fds = [libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        }];
        // SAFETY: one valid pollfd; then a read into our own buffer.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, left.as_millis() as libc::c_int) };
        let [fd] = fds;
        if n <= 0 || fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            break None;
        }
        let mut chunk = [0u8; 64];
        let r = unsafe { libc::read(libc::STDIN_FILENO, chunk.as_mut_ptr().cast(), chunk.len()) };
        if r <= 0 {
            break None;
        }
        buf.extend_from_slice(chunk.get(..r as usize).unwrap_or_default());
        if let Some(col) = parse_cursor_report(&buf) {
            break Some(col);
        }
        if buf.len() > 256 {
            break None;
        }
    };
    out.write_all(b"\r\x1b[2K")?;
    out.flush()?;
    Ok(judge(col))
}

/// The refusal for a terminal that is not UTF-8: in GB18030 bytes, which such a terminal
/// shows as Chinese, and in ASCII, which every terminal shows.
pub fn not_utf8_message() -> Vec<u8> {
    use crate::i18n::{Lang, Text};
    let (zh, _, _) = encoding_rs::GB18030.encode(Text::NotUtf8.get(Lang::Zh));
    let mut out = zh.into_owned();
    out.extend_from_slice(Text::NotUtf8.get(Lang::En).as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_parsed_and_judged() {
        assert_eq!(parse_cursor_report(b"\x1b[12;5R"), Some(5));
        assert_eq!(parse_cursor_report(b"abc\x1b[1;7R"), Some(7));
        assert_eq!(parse_cursor_report(b"\x1b[1;7"), None);
        assert_eq!(judge(Some(5)), TerminalEncoding::Utf8);
        assert_eq!(judge(Some(7)), TerminalEncoding::NotUtf8 { columns: 6 });
        assert_eq!(judge(None), TerminalEncoding::Unknown);
    }

    #[test]
    fn the_refusal_reads_in_gb18030_and_in_ascii() {
        let msg = not_utf8_message();
        let (decoded, _, errors) = encoding_rs::GB18030.decode(&msg);
        assert!(!errors);
        assert!(decoded.contains("终端编码不是 UTF-8"));
        assert!(decoded.contains("Xshell: File > Properties"));
        assert!(
            std::str::from_utf8(&msg).is_err(),
            "the Chinese part is not UTF-8"
        );
    }
}
