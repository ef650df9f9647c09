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
