//! `xfdesk init`: create the database, load `data/`, make the caller admin.

use super::{Cli, CliResult, Failure, db_path, ensure_parent, lang_of};
use crate::domain::Role;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::store::{Actor, ReferenceData, Store};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Your name as staff (default: from the passwd entry, else the account name).
    #[arg(long)]
    pub name: Option<String>,
}

/// Weeks of the sample roster laid out from this week.
pub const ROSTER_WEEKS: u32 = 8;

/// Create and fill a new database with the caller as admin (plus `extra_roles`).
pub fn initialise(
    path: &std::path::Path,
    name: Option<&str>,
    extra_roles: &[Role],
    lang: Lang,
) -> Result<Store, Failure> {
    ensure_parent(path)?;
    let login = crate::os::current_login()
        .ok_or_else(|| Failure::denied("cannot tell which account is running xfdesk"))?;
    let mut store = Store::open(path).map_err(|e| super::store_failure(lang, e))?;
    let name = name
        .map(str::to_string)
        .or_else(crate::os::current_full_name)
        .unwrap_or_else(|| login.clone());
    let me = store.bootstrap_admin(&login, &name, extra_roles)?;
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
    let path = db_path(cli, "xfdesk.db")?;
    if path.exists() {
        let store = Store::open(&path).map_err(|e| super::store_failure(lang, e))?;
        if store.is_initialised()? {
            return Err(Failure::error(match lang {
                Lang::Zh => format!("{} 已经初始化过了", clean_line(&path.display().to_string())),
                Lang::En => format!(
                    "{} is already initialised",
                    clean_line(&path.display().to_string())
                ),
            }));
        }
    }
    let store = initialise(&path, args.name.as_deref(), &[], lang)?;
    let login = clean_line(&crate::os::current_login().unwrap_or_default());
    crate::say!(
        "{}",
        match lang {
            Lang::Zh => format!(
                "已创建 {}；{login} 为管理员。添加工作人员：xfdesk staff add 账号 --name 姓名 --role reception",
                clean_line(&store.path().display().to_string())
            ),
            Lang::En => format!(
                "created {}; {login} is admin. Add staff with: xfdesk staff add LOGIN --name NAME --role reception",
                clean_line(&store.path().display().to_string())
            ),
        }
    );
    Ok(0)
}
