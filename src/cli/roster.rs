//! `xfdesk roster publish|import`: the public notice of a week's duty experts (text, a
//! printable HTML page, CSV) on standard output or in a new file; and a roster file imported
//! by a manager with the same checks as the pane, refused whole in words naming the line.

use super::{Cli, CliResult, Failure, current_staff, lang_for, open_store, writable};
use crate::documents::notices::Office;
use crate::documents::roster_notice::{self, RosterNotice};
use crate::domain::roster::import::{MAX_FILE_BYTES, read};
use crate::domain::roster::week::parse_week;
use crate::domain::text::clean_line;
use crate::i18n::roster::RosterMsg;
use chrono::Duration;
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// The public notice of a week's experts, specialties and rooms.
    Publish {
        /// The ISO week, e.g. 2026-W48.
        #[arg(long, value_name = "YYYY-Www")]
        week: String,
        #[arg(long, default_value = "text", value_parser = ["text", "html", "csv"])]
        format: String,
        /// Write the notice to this new file (never over one) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Make a CSV file the roster of the half-days it lists (manager). Columns: date, half,
    /// login, room [, name, note].
    Import {
        /// The CSV file (UTF-8).
        file: PathBuf,
    },
}

pub fn run(cli: &Cli, cmd: &RosterCommand) -> CliResult {
    match cmd {
        RosterCommand::Publish { week, format, out } => publish(cli, week, format, out.as_deref()),
        RosterCommand::Import { file } => import(cli, file),
    }
}

fn publish(cli: &Cli, week: &str, format: &str, out: Option<&Path>) -> CliResult {
    let store = open_store(cli, super::lang_of(cli))?;
    let lang = lang_for(cli, &store);
    current_staff(&store, lang)?;
    let monday =
        parse_week(week).map_err(|e| Failure::error(crate::i18n::roster::week_error(lang, &e)))?;
    let slots = store.duty_slots(monday, monday + Duration::days(6))?;
    let setting = |k: &str| store.setting(k).ok().flatten().unwrap_or_default();
    let office = Office {
        name: setting("office_name"),
        phone: setting("office_phone"),
        address: setting("office_address"),
        seal_line: String::new(),
    };
    let notice = RosterNotice {
        office: &office,
        monday,
        slots: &slots,
    };
    let text = match format {
        "html" => roster_notice::html(&notice),
        "csv" => roster_notice::csv(&notice),
        _ => roster_notice::text(&notice),
    };
    match out {
        Some(path) => {
            let written =
                super::output::new_file(path, &super::output::out_target(path, lang)?, &text)?;
            super::output::line(RosterMsg::NoticeWritten { path: written }.text(lang))?;
        }
        None => super::output::text(&text)?,
    }
    Ok(0)
}

fn import(cli: &Cli, file: &Path) -> CliResult {
    let mut store = open_store(cli, super::lang_of(cli))?;
    let lang = lang_for(cli, &store);
    writable(&store, lang)?;
    let me = current_staff(&store, lang)?;
    crate::domain::permission::require(&me, crate::domain::permission::Act::EditRoster)
        .map_err(|e| Failure::denied(crate::i18n::errors::permission_denied(lang, &e)))?;
    let shown = clean_line(&file.display().to_string());
    let bytes = crate::os::read_callers_file(file, MAX_FILE_BYTES).map_err(|e| {
        Failure::error(
            RosterMsg::CannotRead {
                file: shown.clone(),
                why: clean_line(&e.to_string()),
            }
            .text(lang),
        )
    })?;
    let rows =
        read(&bytes).map_err(|e| Failure::error(crate::i18n::roster::import_error(lang, &e)))?;
    let done = store
        .import_roster(&me, &rows)
        .map_err(|e| super::store_failure(lang, e))?;
    super::output::line(
        RosterMsg::Imported {
            file: shown,
            slots: done.slots,
            half_days: done.half_days,
        }
        .text(lang),
    )?;
    Ok(0)
}
