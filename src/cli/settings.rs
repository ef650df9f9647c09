//! `xfdesk settings list` / `settings set KEY VALUE` (admin): office details, receipts,
//! counting conventions.

use super::{Cli, CliResult, Failure, current_staff, db_path, lang_of};
use crate::domain::text::clean_line;
use crate::store::Store;

/// The settings an office may change, and what each means.
pub const KNOWN: &[(&str, &str)] = &[
    ("office_name", "the office's name, printed on receipts"),
    (
        "office_phone",
        "the office's telephone, printed on receipts",
    ),
    (
        "office_address",
        "the office's address, printed on receipts",
    ),
    (
        "receipt_dir",
        "where receipts are written (default: receipts/ beside the database)",
    ),
    (
        "receipt_printer",
        "a printer for `lp -d`; empty: receipts are only written to files",
    ),
    (
        "office_tz",
        "the office's time zone, e.g. Asia/Shanghai: dates are counted in it",
    ),
    (
        "count_start_day",
        "true: the start day counts as day 1 (procedure: false)",
    ),
    (
        "roll_forward",
        "true: a period ending on a rest day ends on the next working day",
    ),
];

#[derive(Debug, clap::Subcommand)]
pub enum SettingsCommand {
    /// Show every setting and its value.
    List,
    /// Change a setting (admin).
    Set { key: String, value: String },
}

pub fn run(cli: &Cli, cmd: &SettingsCommand) -> CliResult {
    let lang = lang_of(cli);
    let mut store = Store::open_existing(&db_path(cli, "xfdesk.db")?)?;
    let me = current_staff(&store, lang)?;
    match cmd {
        SettingsCommand::List => {
            for (key, what) in KNOWN {
                let value = store.setting(key)?.unwrap_or_default();
                crate::say!("{key:<16} {:<24} {what}", clean_line(&value));
            }
        }
        SettingsCommand::Set { key, value } => {
            if !KNOWN.iter().any(|(k, _)| k == key) {
                let keys: Vec<&str> = KNOWN.iter().map(|(k, _)| *k).collect();
                return Err(Failure::error(format!(
                    "unknown setting '{}' (settings: {})",
                    clean_line(key),
                    keys.join(", ")
                )));
            }
            let ok = match key.as_str() {
                "office_tz" => value.parse::<chrono_tz::Tz>().is_ok(),
                "count_start_day" | "roll_forward" => value == "true" || value == "false",
                _ => true,
            };
            if !ok {
                return Err(Failure::error(format!(
                    "'{}' is not a valid value for {key}",
                    clean_line(value)
                )));
            }
            store.set_setting(&me, key, &crate::domain::text::clean_line(value))?;
            crate::say!("{key} = {}", clean_line(value));
        }
    }
    Ok(0)
}
