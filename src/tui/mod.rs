//! The terminal: set up and always restored, and an event loop that sleeps until a key, a
//! resize, a signal or the data-version timer, and draws only when something changed.

pub mod backend;
pub mod probe;

use crate::app::{App, Outcome};
use crate::ui::{self, Theme};
use backend::LeanBackend;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute, style};
use ratatui::Terminal;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often open views ask SQLite whether another process changed the data.
const DATA_VERSION_INTERVAL: Duration = Duration::from_millis(1000);

/// After this many wake-ups in a row that say "input ready" but yield no event, the terminal
/// is taken to be gone (crossterm's reader can spin on a dead tty: crossterm issue #793).
const EMPTY_WAKEUPS_LIMIT: u32 = 200;

/// How long to wait for the terminal to report its cursor. A terminal that never answers only
/// delays the start by this much; over SSH the answer takes one round trip.
const PROBE_TIMEOUT: Duration = Duration::from_millis(1500);

/// Why the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    HangUp,
    Terminated,
    TerminalGone,
    /// The terminal does not decode UTF-8; the user was told how to switch.
    NotUtf8,
    /// The account was disabled while the session was open.
    AccountDisabled,
}

fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        style::SetAttribute(style::Attribute::Reset),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped, on every way out of the loop.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The signals the loop acts on. Each also writes a byte to a pipe the loop sleeps on: a
/// signal that arrives while the loop is drawing (not inside poll) would otherwise wait for the
/// next key or timer — a resize left the screen drawn at the old size until a key was pressed.
struct Signals {
    hangup: Arc<AtomicBool>,
    terminate: Arc<AtomicBool>,
    resized: Arc<AtomicBool>,
    wake: std::os::unix::net::UnixStream,
}

impl Signals {
    fn register() -> io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
        let hangup = Arc::new(AtomicBool::new(false));
        let terminate = Arc::new(AtomicBool::new(false));
        let resized = Arc::new(AtomicBool::new(false));
        let (wake, wake_writer) = std::os::unix::net::UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        signal_hook::flag::register(SIGHUP, Arc::clone(&hangup))?;
        for sig in [SIGTERM, SIGINT, SIGQUIT] {
            signal_hook::flag::register(sig, Arc::clone(&terminate))?;
        }
        signal_hook::flag::register(SIGWINCH, Arc::clone(&resized))?;
        for sig in [SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGWINCH] {
            signal_hook::low_level::pipe::register(sig, wake_writer.try_clone()?)?;
        }
        Ok(Self {
            hangup,
            terminate,
            resized,
            wake,
        })
    }

    /// Whether the terminal was resized since the last call.
    fn take_resize(&self) -> bool {
        self.resized.swap(false, Ordering::Relaxed)
    }

    /// Empty the wake-up pipe (its bytes only say "look at the flags").
    fn drain(&self) {
        use std::io::Read;
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }

    fn pending(&self) -> Option<Ending> {
        if self.hangup.load(Ordering::Relaxed) {
            Some(Ending::HangUp)
        } else if self.terminate.load(Ordering::Relaxed) {
            Some(Ending::Terminated)
        } else {
            None
        }
    }
}

enum Wake {
    Input,
    Timeout,
    Interrupted,
    Gone,
}

/// Sleep on the terminal's file descriptor and the signals' wake-up pipe. POLLHUP/POLLERR on
/// the terminal mean it is gone.
fn wait_for_input(timeout: Duration, signals: &Signals) -> Wake {
    use std::os::fd::AsRawFd;
    let mut fds = [
        libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: signals.wake.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    // SAFETY: two valid pollfds for the duration of the call.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout.as_millis() as libc::c_int) };
    if n < 0 {
        return if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            Wake::Interrupted
        } else {
            Wake::Gone
        };
    }
    if n == 0 {
        return Wake::Timeout;
    }
    if fds[1].revents != 0 {
        signals.drain();
        if fds[0].revents == 0 {
            return Wake::Interrupted;
        }
    }
    let r = fds[0].revents;
    if r & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Wake::Gone
    } else {
        Wake::Input
    }
}

/// Run the TUI until the user quits, the terminal hangs up or a signal ends it.
pub fn run(app: &mut App) -> anyhow::Result<Ending> {
    // SAFETY: isatty only inspects the descriptor.
    if unsafe { libc::isatty(libc::STDIN_FILENO) } != 1
        || unsafe { libc::isatty(libc::STDOUT_FILENO) } != 1
    {
        anyhow::bail!(
            "xfdesk needs a terminal: run it from an interactive session (or use a subcommand)"
        );
    }
    let signals = Signals::register()?;
    // A panic is reported after the terminal is restored (a message printed on the alternate
    // screen in raw mode would be lost), and after the draft is saved: see below.
    let previous_hook = std::panic::take_hook();
    let panic_report: Arc<std::sync::Mutex<Option<String>>> = Arc::default();
    {
        let report = Arc::clone(&panic_report);
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut r) = report.lock() {
                *r = Some(info.to_string());
            }
        }));
    }

    enable_raw_mode()?;
    let _guard = TerminalGuard;
    // Before drawing anything: a GBK terminal would show the form as garbage.
    if let probe::TerminalEncoding::NotUtf8 { .. } = probe::probe(PROBE_TIMEOUT)? {
        drop(_guard);
        let mut out = io::stdout();
        let _ = out.write_all(&probe::not_utf8_message());
        let _ = out.flush();
        return Ok(Ending::NotUtf8);
    }
    let mut stdout = BufWriter::with_capacity(64 * 1024, io::stdout());
    execute!(stdout, EnterAlternateScreen, EnableBracketedPaste)?;
    let mut backend = LeanBackend::new(stdout);
    let (w, h) = crossterm::terminal::size()?;
    backend.set_width(w);
    let mut terminal = Terminal::new(backend)?;
    terminal.clear()?;
    app.set_page_rows(ui::list_rows_for_height(h))?;
    app.wait_briefly_for_writes()?;
    let theme = Theme::from_env();

    let ending = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(app, &mut terminal, &signals, &theme)
    }));
    // Whatever ended the session (quit, hang-up, SIGTERM, a vanished terminal, a panic), what
    // was typed is kept as a draft before the process goes and before the terminal is restored.
    let saved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app.end_session()));
    drop(terminal);
    match ending {
        Ok(ending) => {
            let _ = std::panic::take_hook();
            std::panic::set_hook(previous_hook);
            ending
        }
        Err(payload) => {
            restore_terminal();
            let report = panic_report.lock().ok().and_then(|mut r| r.take());
            let what = if saved.is_ok() {
                crate::i18n::Text::InternalErrorDraftKept
            } else {
                crate::i18n::Text::InternalError
            };
            let mut err = io::stderr();
            let _ = writeln!(
                err,
                "{}: {}",
                what.get(app.session().lang),
                crate::domain::text::clean_line(&report.unwrap_or_default())
            );
            std::panic::resume_unwind(payload)
        }
    }
}

fn draw(
    terminal: &mut Terminal<LeanBackend<BufWriter<Stdout>>>,
    app: &App,
    theme: &Theme,
) -> io::Result<()> {
    terminal.draw(|f| ui::draw(f, app, theme))?;
    Ok(())
}

/// Take the terminal's present size: forget what the backend believed about the screen (a
/// terminal that shrank and grew again kept none of it), resize the buffers, which clears the
/// screen and draws everything next time, and page lists by the new height.
fn resize(
    terminal: &mut Terminal<LeanBackend<BufWriter<Stdout>>>,
    app: &mut App,
) -> anyhow::Result<()> {
    let (w, h) = crossterm::terminal::size()?;
    terminal.backend_mut().set_width(w);
    terminal.backend_mut().forget();
    terminal.autoresize()?;
    // autoresize clears only when the size differs from the last one it saw; a quick 1×1 and
    // back can look like no change, with the screen erased in between.
    terminal.clear()?;
    app.set_page_rows(ui::list_rows_for_height(h))?;
    Ok(())
}

fn event_loop(
    app: &mut App,
    terminal: &mut Terminal<LeanBackend<BufWriter<Stdout>>>,
    signals: &Signals,
    theme: &Theme,
) -> anyhow::Result<Ending> {
    let mut dirty = true;
    let mut empty_wakeups = 0u32;
    let mut last_tick = Instant::now();
    loop {
        if app.account_disabled() {
            return Ok(Ending::AccountDisabled);
        }
        if app.should_quit() {
            return Ok(Ending::Quit);
        }
        if let Some(end) = signals.pending() {
            return Ok(end);
        }
        if signals.take_resize() {
            resize(terminal, app)?;
            dirty = true;
        }
        if dirty {
            if draw(terminal, app, theme).is_err() {
                return Ok(Ending::TerminalGone);
            }
            dirty = false;
        }
        // Sleep until input, the data-version check, a pending draft or a save to retry.
        let now = Instant::now();
        let mut timeout = DATA_VERSION_INTERVAL.saturating_sub(now.duration_since(last_tick));
        if let Some(due) = app.next_wakeup() {
            timeout = timeout.min(due.saturating_duration_since(now));
        }
        match wait_for_input(timeout, signals) {
            Wake::Gone => return Ok(Ending::TerminalGone),
            Wake::Timeout => {
                if app.on_timer() == Outcome::Redraw {
                    dirty = true;
                }
                if last_tick.elapsed() >= DATA_VERSION_INTERVAL {
                    last_tick = Instant::now();
                    if app.on_tick() == Outcome::Redraw {
                        dirty = true;
                    }
                }
                continue;
            }
            Wake::Interrupted | Wake::Input => {}
        }
        // Drain every event crossterm has ready (a resize arrives through its signal pipe).
        let mut got_event = false;
        loop {
            match crossterm::event::poll(Duration::ZERO) {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => return Ok(Ending::TerminalGone),
            }
            let event = match crossterm::event::read() {
                Ok(e) => e,
                Err(_) => return Ok(Ending::TerminalGone),
            };
            got_event = true;
            let outcome = match event {
                Event::Key(key) => app.on_key(key),
                Event::Paste(text) => app.on_paste(&text),
                // The size is read again: of several resizes queued, the last one counts.
                Event::Resize(..) => {
                    resize(terminal, app)?;
                    Outcome::Redraw
                }
                _ => Outcome::Unchanged,
            };
            if outcome == Outcome::Redraw {
                dirty = true;
            }
            if app.should_quit() {
                break;
            }
        }
        if got_event {
            empty_wakeups = 0;
        } else {
            empty_wakeups += 1;
            if empty_wakeups >= EMPTY_WAKEUPS_LIMIT {
                return Ok(Ending::TerminalGone);
            }
        }
    }
}
