//! `xfdesk backup FILE`: a consistent copy of the live database, taken online and audited.
//!
//! The copy holds every resident ID number whole, so taking one needs admin together with a
//! role that may see ID numbers (reception or manager). Across the setgid boundary the copy
//! goes only into the `backup_dir` of `/etc/xfdesk.toml`.

use super::{Cli, CliResult, Failure, boundary_failure, current_staff, lang_of};
use crate::domain::permission::{Act, require};
use crate::domain::text::clean_line;
use crate::say;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy; it must not exist yet. On a shared server, a name in the
    /// configured backup directory.
    pub file: std::path::PathBuf,
}

pub fn run(cli: &Cli, args: &BackupArgs) -> CliResult {
    let lang = lang_of(cli);
    let mut store = super::open_store_for_writing(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    require(&me, Act::TakeBackup).map_err(|e| Failure::denied(e.to_string()))?;
    let boundary = crate::os::boundary();
    let (dir, name) = boundary
        .backup_target(&args.file)
        .map_err(boundary_failure)?;
    let shown = clean_line(&args.file.display().to_string());
    if !boundary.confined {
        super::ensure_parent(&args.file)?;
    }
    if crate::os::files::exists_no_follow(&dir, &name) {
        return Err(Failure::error(crate::i18n::cli::backup_exists(
            lang, &shown,
        )));
    }
    let started = std::time::Instant::now();
    let backup = store
        .backup_to(&me, &dir, &name)
        .map_err(|e| super::store_failure(lang, e))?;
    say!(
        "{}",
        crate::i18n::cli::backup_done(
            lang,
            backup.cases,
            &clean_line(&backup.path.display().to_string()),
            started.elapsed().as_secs_f64()
        )
    );
    Ok(0)
}
