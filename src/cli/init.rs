//! `xfdesk init`: create the database, load `data/`, make the caller (or `--admin`) admin.
//!
//! On a shared server (across the setgid boundary) only root initialises the office's
//! database, naming its first administrator with `--admin`: otherwise whichever account ran
//! `init` first after the install would own the office.

use super::{Cli, CliResult, Failure, db_path, ensure_parent, lang_of};
use crate::domain::Role;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::say;
use crate::store::{Actor, ReferenceData, Store};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The first administrator's OS account (default: the account running init).
    #[arg(long, value_name = "LOGIN")]
    pub admin: Option<String>,
    /// The administrator's name as staff (default: from the passwd entry, else the account name).
    #[arg(long)]
    pub name: Option<String>,
}

/// Weeks of the sample roster laid out from this week.
pub const ROSTER_WEEKS: u32 = 8;

/// Create and fill a new database with `admin` (default: the caller) as admin, plus
/// `extra_roles`.
pub fn initialise(
    path: &std::path::Path,
    admin: Option<&str>,
    name: Option<&str>,
    extra_roles: &[Role],
    lang: Lang,
) -> Result<Store, Failure> {
    ensure_parent(path)?;
    let caller = crate::os::current_login()
        .ok_or_else(|| Failure::denied("cannot tell which account is running xfdesk"))?;
    let login = admin.map(str::to_string).unwrap_or_else(|| caller.clone());
    let mut store = Store::open(path).map_err(|e| super::store_failure(lang, e))?;
    let name = name
        .map(str::to_string)
        .or_else(|| {
            (login == caller)
                .then(crate::os::current_full_name)
                .flatten()
        })
        .unwrap_or_else(|| login.clone());
    let me = store
        .bootstrap_admin(&login, &name, extra_roles)
        .map_err(|e| super::store_failure(lang, e))?;
    let today = store.today();
    store.load_reference(
        &Actor::from(&me),
        &ReferenceData::builtin(),
        today,
        ROSTER_WEEKS,
    )?;
    Ok(store)
}

pub fn run(cli: &Cli, args: &InitArgs) -> CliResult {
    let lang = lang_of(cli);
    // --db is refused first: it is the walk-around being tried.
    let path = db_path(cli, "xfdesk.db")?;
    if crate::os::boundary().confined && !nix::unistd::getuid().is_root() {
        return Err(Failure::denied(crate::i18n::cli::init_needs_root(lang)));
    }
    if path.exists() {
        let store = Store::open(&path).map_err(|e| super::store_failure(lang, e))?;
        if store.is_initialised()? {
            return Err(Failure::error(crate::i18n::cli::already_initialised(
                lang,
                &clean_line(&path.display().to_string()),
            )));
        }
    }
    let store = initialise(
        &path,
        args.admin.as_deref(),
        args.name.as_deref(),
        &[],
        lang,
    )?;
    let admin = args
        .admin
        .clone()
        .or_else(crate::os::current_login)
        .unwrap_or_default();
    say!(
        "{}",
        crate::i18n::cli::initialised(
            lang,
            &clean_line(&store.path().display().to_string()),
            &clean_line(&admin)
        )
    );
    Ok(0)
}
