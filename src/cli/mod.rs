//! The command line (DESIGN §6): one file per subcommand. Errors go to stderr in words with a
//! non-zero exit; nothing is half-written.

pub mod audit;
pub mod backup;
pub mod calendar;
pub mod case;
pub mod cases;
pub mod check;
pub mod deadline;
pub mod demo;
pub mod doc;
pub mod init;
mod notify;
pub mod output;
pub mod report;
pub mod roster;
pub mod rules;
pub mod settings;
pub mod staff;
pub mod tui;

use crate::domain::Staff;
use crate::i18n::Lang;
use crate::store::Store;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

/// Exit codes scripts can rely on.
pub mod exit {
    pub const OK: i32 = 0;
    /// A general error (database, input).
    pub const ERROR: i32 = 2;
    /// The OS account is not staff, or lacks the role.
    pub const DENIED: i32 = 3;
    /// `audit verify` found a broken chain.
    pub const AUDIT_BROKEN: i32 = 4;
    /// The reader of the output went away (`| head`): 128 + SIGPIPE, as a shell reports a
    /// tool ended by the broken pipe.
    pub const BROKEN_PIPE: i32 = 141;
}

#[derive(Debug, Parser)]
#[command(
    name = "xfdesk",
    version,
    about = "信访接待台 — the reception desk of a petition office, in a terminal",
    after_help = "Without a subcommand, opens the terminal interface."
)]
pub struct Cli {
    /// Database file (default: $XFDESK_DB, else the platform data directory).
    #[arg(long, global = true, env = "XFDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of messages: zh or en (default: $XFDESK_LANG, else the office's language).
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
    /// Open the app on a demo database, creating and filling it first if there is none.
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database, load the reference data and make the calling account admin.
    Init(init::InitArgs),
    /// Fill a database with realistic synthetic cases.
    Demo(demo::DemoArgs),
    /// Staff accounts (admin).
    #[command(subcommand)]
    Staff(staff::StaffCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// A consistent copy of the live database (admin), taken while others keep working.
    Backup(backup::BackupArgs),
    /// The due date under the configured rules and calendars, and how it was counted.
    Deadline(deadline::DeadlineArgs),
    /// The queue from a script: search, filter and list cases.
    Cases(cases::CasesArgs),
    /// The official holiday calendar of a year.
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// The deadline rules.
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Office settings: receipts, time zone, counting conventions.
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// One case: show it, or take one step of its workflow.
    #[command(subcommand)]
    Case(case::CaseCommand),
    /// A statutory document of a case.
    Doc(doc::DocArgs),
    /// The nightly supervision check: exit 0 nothing late, 1 something late, 2 error.
    Check(check::CheckArgs),
    /// Statistics over the cases received in a period; the yearly report with --year.
    Report(report::ReportArgs),
    /// The duty roster: publish a week's notice, import a roster file.
    #[command(subcommand)]
    Roster(roster::RosterCommand),
}

/// An error with the exit code it deserves.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            code: exit::ERROR,
            message: message.into(),
        }
    }
    pub fn denied(message: impl Into<String>) -> Self {
        Self {
            code: exit::DENIED,
            message: message.into(),
        }
    }
    /// The output's reader has gone: stop, and say nothing (there is no one to tell).
    pub fn broken_pipe() -> Self {
        Self {
            code: exit::BROKEN_PIPE,
            message: String::new(),
        }
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        use crate::domain::supervision::notice::NoticeError;
        use crate::domain::workflow::StepError;
        use crate::store::StoreError;
        match e {
            StoreError::Denied(_)
            | StoreError::Step(StepError::Denied(_))
            | StoreError::Notice(NoticeError::Denied(_)) => Failure::denied(e.to_string()),
            other => Failure::error(other.to_string()),
        }
    }
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::error(format!("{e:#}"))
    }
}

pub type CliResult = Result<i32, Failure>;

/// The language asked for explicitly: `--lang`, else `$XFDESK_LANG`.
fn explicit_lang(cli: &Cli) -> Option<Lang> {
    cli.lang.as_deref().and_then(Lang::parse).or_else(|| {
        std::env::var("XFDESK_LANG")
            .ok()
            .as_deref()
            .and_then(Lang::parse)
    })
}

/// The language before the office's database is open (or where there is none): `--lang`,
/// else `$XFDESK_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; Chinese when none
/// is set).
pub fn lang_of(cli: &Cli) -> Lang {
    explicit_lang(cli).unwrap_or_else(Lang::from_env)
}

/// The language once the office's database is open: `--lang`, else `$XFDESK_LANG`, else the
/// office's own (`office_lang`, Chinese out of the box). The client's `LANG` is not consulted:
/// SSH clients often send `C` or nothing, and the office's choice should win (DESIGN §1).
pub fn lang_for(cli: &Cli, store: &Store) -> Lang {
    explicit_lang(cli).unwrap_or_else(|| {
        store
            .setting("office_lang")
            .ok()
            .flatten()
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or(Lang::Zh)
    })
}

fn data_dir() -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("cn", "xfdesk", "xfdesk")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| Failure::error("no home directory to keep the database in; pass --db PATH"))
}

/// The database file. Across the setgid boundary: only the one `/etc/xfdesk.toml` names, and
/// `--db` or `$XFDESK_DB` is refused in words. Otherwise `--db`, else `$XFDESK_DB` (both via
/// clap), else `file` in the platform data directory.
pub fn db_path(cli: &Cli, file: &str) -> Result<PathBuf, Failure> {
    match crate::os::boundary()
        .database(cli.db.as_deref())
        .map_err(boundary_failure)?
    {
        Some(p) => Ok(p),
        None if crate::os::boundary().confined => {
            Err(Failure::error("the system configuration names no database"))
        }
        None => Ok(data_dir()?.join(file)),
    }
}

/// Open the office's existing database for a command; never creates one (only `init` does).
pub fn open_store(cli: &Cli, lang: Lang) -> Result<Store, Failure> {
    let path = db_path(cli, "xfdesk.db")?;
    Store::open_existing(&path).map_err(|e| store_failure(lang, e))
}

/// Open the office's database for a command that changes it: a file this account may only
/// read is refused in words before anything is done.
pub fn open_store_for_writing(cli: &Cli, lang: Lang) -> Result<Store, Failure> {
    let store = open_store(cli, lang)?;
    writable(&store, lang)?;
    Ok(store)
}

/// Refuse in words, before anything is done, a change to a database opened read-only.
pub fn writable(store: &Store, lang: Lang) -> Result<(), Failure> {
    if store.is_read_only() {
        return Err(Failure::error(crate::i18n::cli::read_only(
            lang,
            &crate::domain::text::clean_line(&store.path().display().to_string()),
        )));
    }
    Ok(())
}

/// The setgid boundary's refusal: a broken system configuration is an error, everything else
/// a refusal (exit 3).
pub fn boundary_failure(e: crate::os::boundary::BoundaryError) -> Failure {
    use crate::os::boundary::BoundaryError;
    let message = crate::domain::text::clean_line(&e.to_string());
    match e {
        BoundaryError::Config(_) => Failure::error(message),
        _ => Failure::denied(message),
    }
}

/// A store error in the user's language where there is a message for it.
pub fn store_failure(lang: Lang, e: crate::store::StoreError) -> Failure {
    use crate::domain::text::clean_line;
    use crate::store::StoreError;
    match e {
        StoreError::Refused { path, why } => Failure::error(crate::i18n::cli::open_refused(
            lang,
            &clean_line(&path),
            &why,
        )),
        StoreError::ReadOnly(path) => {
            Failure::error(crate::i18n::cli::read_only(lang, &clean_line(&path)))
        }
        other => other.into(),
    }
}

/// Make the directories above `path` (outside the setgid boundary only: the office's
/// directories are made by root, with their group and modes).
pub fn ensure_parent(path: &Path) -> Result<(), Failure> {
    if crate::os::boundary().confined {
        return Ok(());
    }
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
        && !parent.exists()
    {
        std::fs::create_dir_all(parent)
            .map_err(|e| Failure::error(format!("cannot create {}: {e}", parent.display())))?;
    }
    Ok(())
}

/// The OS account running this process, as staff; refused in words if it is not.
pub fn current_staff(store: &Store, lang: Lang) -> Result<Staff, Failure> {
    let login = crate::os::current_login().ok_or_else(|| {
        Failure::denied(
            "cannot tell which account is running xfdesk (no passwd entry for this uid)",
        )
    })?;
    match store.staff_by_login(&login)? {
        Some(s) if s.active => Ok(s),
        Some(_) => Err(Failure::denied(crate::i18n::cli::account_disabled(
            lang, &login,
        ))),
        None => Err(Failure::denied(crate::i18n::cli::not_staff(lang, &login))),
    }
}

/// The whole program: cross the setgid boundary (before the arguments are read and before any
/// thread starts, since it clears the environment), parse the arguments, run. Returns the exit
/// code.
pub fn main() -> i32 {
    crate::os::enter_boundary();
    run(Cli::parse())
}

/// Run the parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    crate::os::set_group_umask();
    let result = match &cli.command {
        None => tui::run(&cli),
        Some(Command::Init(args)) => init::run(&cli, args),
        Some(Command::Demo(args)) => demo::run(&cli, args),
        Some(Command::Staff(cmd)) => staff::run(&cli, cmd),
        Some(Command::Audit(cmd)) => audit::run(&cli, cmd),
        Some(Command::Deadline(args)) => deadline::run(&cli, args),
        Some(Command::Cases(args)) => cases::run(&cli, args),
        Some(Command::Backup(args)) => backup::run(&cli, args),
        Some(Command::Calendar(cmd)) => calendar::run(&cli, cmd),
        Some(Command::Rules(cmd)) => rules::run(&cli, cmd),
        Some(Command::Settings(cmd)) => settings::run(&cli, cmd),
        Some(Command::Case(cmd)) => case::run(&cli, cmd),
        Some(Command::Doc(args)) => doc::run(&cli, args),
        Some(Command::Check(args)) => check::run(&cli, args),
        Some(Command::Report(args)) => report::run(&cli, args),
        Some(Command::Roster(cmd)) => roster::run(&cli, cmd),
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            if !f.message.is_empty() {
                output::warn(crate::domain::text::clean_line(&f.message));
            }
            f.code
        }
    }
}
