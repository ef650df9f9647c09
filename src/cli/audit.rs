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
    Verify {
        /// A checkpoint line kept elsewhere (as `audit checkpoint` printed it, mailed by cron)
        /// to check the chain against too; repeat for several.
        #[arg(long = "checkpoint", value_name = "LINE")]
        kept: Vec<String>,
        /// A file of such lines (a mailbox, a saved mail): every line that holds a checkpoint.
        #[arg(long = "checkpoints-from", value_name = "FILE")]
        kept_file: Option<std::path::PathBuf>,
    },
    /// Anchor the chain as it is now: append a checkpoint to the digest file, and print it
    /// (keep the line elsewhere too, e.g. mailed by cron).
    Checkpoint,
}

pub fn run(cli: &Cli, cmd: &AuditCommand) -> CliResult {
    let lang = lang_of(cli);
    match cmd {
        AuditCommand::Verify { kept, kept_file } => {
            // Root reads every file without the group, so root may check any copy (a backup)
            // even across the boundary; verify opens it read-only and changes nothing.
            let path = match &cli.db {
                Some(asked) if nix::unistd::getuid().is_root() => asked.clone(),
                _ => db_path(cli, "xfdesk.db")?,
            };
            let store = Store::open_read_only(&path).map_err(|e| store_failure(lang, e))?;
            let lang = super::lang_for(cli, &store);
            // Root reads every file anyway; any staff member may check the chain.
            if !nix::unistd::getuid().is_root() {
                current_staff(&store, lang)?;
            }
            let mut lines = kept.clone();
            if let Some(file) = kept_file {
                // Read with the caller's own group: a file they could not read stays unread.
                let text = crate::os::files::read_as_caller(file).map_err(|e| {
                    super::Failure::error(format!(
                        "{}: {e}",
                        clean_line(&file.display().to_string())
                    ))
                })?;
                lines.extend(
                    text.lines()
                        .filter_map(|l| {
                            l.find("xfdesk-checkpoint-")
                                .map(|at| l.get(at..).unwrap_or(l))
                        })
                        .map(str::to_string),
                );
            }
            match store.verify_audit_against(&lines)? {
                Ok(report) => {
                    say!("{}", crate::i18n::cli::audit_intact(lang, &report));
                    let digest = store.audit_files().1.display().to_string();
                    for warning in crate::i18n::cli::audit_warnings(lang, &report, &digest) {
                        super::output::warn(warning);
                    }
                    Ok(0)
                }
                Err(b) => {
                    super::output::warn(crate::i18n::cli::audit_broken(lang, b.id, &b.reason));
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
