//! Writing a command's output. A reader that goes away early (`xfdesk cases | head`) is
//! ordinary: the command stops writing and ends quietly, as Unix tools do, instead of
//! panicking on the broken pipe.

use super::Failure;
use std::fmt::Display;
use std::io::{ErrorKind, Write};

/// Write one line to standard output. A closed pipe becomes [`Failure::broken_pipe`].
pub fn line(text: impl Display) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(write_failure)
}

/// Write text as it is (it carries its own newlines).
pub fn text(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(write_failure)
}

/// A warning on standard error. Nothing more can be said if standard error is gone, and a
/// warning is never worth a failure.
pub fn warn(text: impl Display) {
    let _ = writeln!(std::io::stderr(), "xfdesk: {text}");
}

fn write_failure(e: std::io::Error) -> Failure {
    if e.kind() == ErrorKind::BrokenPipe {
        Failure::broken_pipe()
    } else {
        Failure::error(format!("cannot write the output: {e}"))
    }
}

/// `say!("…", args)` writes one line of output and returns early from the command if the
/// reader has gone.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::output::line(format_args!($($arg)*))?
    };
}

/// Where `--out FILE` will go, checked before any work: across the setgid boundary only
/// directly in the receipt directory (`Boundary::document_target`). The directory and the
/// plain file name.
/// A file already there, or a folder that is not, is said here, before a command records
/// anything (the write itself never goes over a file either way).
pub fn out_target(
    path: &std::path::Path,
    lang: crate::i18n::Lang,
) -> Result<(std::path::PathBuf, String), Failure> {
    let (dir, name) = crate::os::boundary()
        .document_target(path)
        .map_err(super::boundary_failure)?;
    let shown = crate::domain::text::clean_line(&path.display().to_string());
    if std::fs::symlink_metadata(dir.join(&name)).is_ok() {
        return Err(Failure::error(crate::i18n::cli::out_exists(lang, &shown)));
    }
    if !dir.is_dir() {
        let dir = crate::domain::text::clean_line(&dir.display().to_string());
        return Err(Failure::error(crate::i18n::cli::out_no_folder(lang, &dir)));
    }
    Ok((dir, name))
}

/// Write `text` to the new file `--out` named (checked by [`out_target`]): never over an
/// existing file, never through a symbolic link. The path written, cleaned for the terminal.
pub fn new_file(
    path: &std::path::Path,
    (dir, name): &(std::path::PathBuf, String),
    text: &str,
) -> Result<String, Failure> {
    let shown = crate::domain::text::clean_line(&path.display().to_string());
    if name.is_empty() {
        return Err(Failure::error(format!("{shown}: not a file name")));
    }
    let written = crate::os::create_new_file(dir, name, text.as_bytes())
        .map_err(|e| Failure::error(format!("{shown}: {e}")))?;
    Ok(crate::domain::text::clean_line(
        &written.display().to_string(),
    ))
}
