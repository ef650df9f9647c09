//! `xfdesk audit verify` and `audit checkpoint`: check the audit chain against its
//! checkpoints, and anchor it.

use super::{Cli, CliResult, current_staff, db_path, exit, lang_of, store_failure};
use crate::domain::text::clean_line;
use crate::say;
use crate::store::Store;

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check every entry and every checkpoint; read-only, so an archived copy can be checked.
    /// Exit 0 intact, 4 broken.
    Verify,
    /// Anchor the chain as it is now: append a checkpoint to the digest file, and print it
    /// (keep the line elsewhere too, e.g. mailed by cron).
    Checkpoint,
}

pub fn run(cli: &Cli, cmd: &AuditCommand) -> CliResult {
    let lang = lang_of(cli);
    match cmd {
        AuditCommand::Verify => {
            let path = db_path(cli, "xfdesk.db")?;
            let store = Store::open_read_only(&path).map_err(|e| store_failure(lang, e))?;
            let lang = super::lang_for(cli, &store);
            current_staff(&store, lang)?;
            match store.verify_audit()? {
                Ok(report) => {
                    say!("{}", crate::i18n::cli::audit_intact(lang, &report));
                    Ok(0)
                }
                Err(b) => {
                    super::output::warn(crate::i18n::cli::audit_broken(
                        lang,
                        b.id,
                        &clean_line(&b.reason),
                    ));
                    Ok(exit::AUDIT_BROKEN)
                }
            }
        }
        AuditCommand::Checkpoint => {
            let mut store = super::open_store(cli, lang)?;
            let lang = super::lang_for(cli, &store);
            let me = current_staff(&store, lang)?;
            let cp = store.audit_checkpoint(&me, "audit.checkpoint")?;
            say!("{}", store.checkpoint_line(&cp)?);
            Ok(0)
        }
    }
}
