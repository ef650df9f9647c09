//! The command line (DESIGN §6): one file per subcommand. Errors go to stderr in words with a
//! non-zero exit; nothing is half-written.

pub mod audit;
pub mod backup;
pub mod calendar;
pub mod cases;
pub mod deadline;
pub mod demo;
pub mod init;
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
    /// A general error (database, input).
    pub const ERROR: i32 = 2;
    /// The OS account is not staff, or lacks the role.
    pub const DENIED: i32 = 3;
    /// `audit verify` found a broken chain.
    pub const AUDIT_BROKEN: i32 = 4;
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
    /// Language of messages: zh or en (default: from LANG).
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
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::Denied(_) => Failure::denied(e.to_string()),
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

pub fn lang_of(cli: &Cli) -> Lang {
    cli.lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(Lang::from_env)
}

fn data_dir() -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("cn", "xfdesk", "xfdesk")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| Failure::error("no home directory to keep the database in; pass --db PATH"))
}

/// The database file: --db, else $XFDESK_DB (both via clap), else the platform data directory.
pub fn db_path(cli: &Cli, file: &str) -> Result<PathBuf, Failure> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => Ok(data_dir()?.join(file)),
    }
}

pub fn ensure_parent(path: &Path) -> Result<(), Failure> {
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
        Some(_) => Err(Failure::denied(match lang {
            Lang::Zh => format!("账号 {login} 已停用。请联系管理员。"),
            Lang::En => format!("the account {login} is disabled. Ask an administrator."),
        })),
        None => Err(Failure::denied(match lang {
            Lang::Zh => format!(
                "账号 {login} 不是本系统的工作人员。请管理员执行：xfdesk staff add {login} --name 姓名 --role reception"
            ),
            Lang::En => format!(
                "the account {login} is not staff here. Ask an administrator to run: xfdesk staff add {login} --name NAME --role reception"
            ),
        })),
    }
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
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            // Not eprintln!: with the terminal gone, a failed write must not become a panic.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "xfdesk: {}",
                crate::domain::text::clean_line(&f.message)
            );
            f.code
        }
    }
}
