//! `xfdesk audit verify`: walk the hash chain.

use super::{Cli, CliResult, exit};

#[derive(Debug, clap::Subcommand)]
pub enum AuditCommand {
    /// Check that no audit entry was changed or removed. Exit 0 intact, 4 broken.
    Verify,
}

pub fn run(cli: &Cli, cmd: &AuditCommand) -> CliResult {
    match cmd {
        AuditCommand::Verify => {
            let store = super::open_store(cli, super::lang_of(cli))?;
            match store.verify_audit()? {
                Ok(n) => {
                    crate::say!("audit chain intact: {n} entries");
                    Ok(0)
                }
                Err(b) => {
                    super::output::warn(format_args!(
                        "audit chain broken at entry {}: {}",
                        b.id, b.reason
                    ));
                    Ok(exit::AUDIT_BROKEN)
                }
            }
        }
    }
}
