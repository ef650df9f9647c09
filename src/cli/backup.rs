//! `xfdesk backup FILE`: a consistent copy of the live database, taken online.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::permission::{Act, require};
use crate::domain::text::clean_line;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy; it must not exist yet.
    pub file: std::path::PathBuf,
}

pub fn run(cli: &Cli, args: &BackupArgs) -> CliResult {
    let lang = lang_of(cli);
    let store = super::open_store_for_writing(cli, lang)?;
    let me = current_staff(&store, lang)?;
    require(&me, Act::Administer).map_err(|e| Failure::denied(e.to_string()))?;
    if args.file.exists() {
        return Err(Failure::error(format!(
            "{} already exists; a backup never overwrites a file",
            clean_line(&args.file.display().to_string())
        )));
    }
    super::ensure_parent(&args.file)?;
    let started = std::time::Instant::now();
    let cases = store.backup_to(&args.file)?;
    crate::say!(
        "backed up {} cases to {} in {:.1} s",
        cases,
        clean_line(&args.file.display().to_string()),
        started.elapsed().as_secs_f64()
    );
    Ok(0)
}
