//! `xfdesk settings list` / `settings set KEY VALUE` (admin): office details, receipts,
//! counting conventions, the office's language. Every value is checked against its bounds.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::settings::{SETTINGS, check_setting_on};
use crate::domain::text::clean_line;
use crate::say;

#[derive(Debug, clap::Subcommand)]
pub enum SettingsCommand {
    /// Show every setting and its value.
    List,
    /// Change a setting (admin).
    Set { key: String, value: String },
}

pub fn run(cli: &Cli, cmd: &SettingsCommand) -> CliResult {
    let lang = lang_of(cli);
    let mut store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    match cmd {
        SettingsCommand::List => {
            for def in SETTINGS {
                let value = store.setting(def.key)?.unwrap_or_default();
                say!("{:<16} {:<24} {}", def.key, clean_line(&value), def.meaning);
            }
        }
        SettingsCommand::Set { key, value } => {
            super::writable(&store, lang)?;
            // On a shared server the system configuration says where files go.
            if matches!(key.as_str(), "receipt_dir" | "document_dir")
                && crate::os::boundary().confined
            {
                return Err(Failure::denied(crate::i18n::cli::receipt_dir_is_system(
                    lang, key,
                )));
            }
            // Checked here for a message in the user's language; the store checks again.
            check_setting_on(key, value, store.today())
                .map_err(|e| Failure::error(crate::i18n::cli::setting_refused(lang, &e)))?;
            let stored = store.set_setting(&me, key, value)?;
            say!("{key} = {}", clean_line(&stored));
        }
    }
    Ok(0)
}
