//! `xfdesk` with no subcommand: the terminal interface (and `--demo`).

use super::{Cli, CliResult, Failure, current_staff, db_path, lang_of};
use crate::app::App;
use crate::domain::Role;
use crate::i18n::Lang;
use crate::store::Store;
use crate::tui::Ending;

/// Cases a fresh `--demo` database gets: enough to page through, quick to make.
const DEMO_CASES: u64 = 20_000;

pub fn run(cli: &Cli) -> CliResult {
    let lang = lang_of(cli);
    let store = if cli.demo {
        if crate::os::boundary().confined {
            return Err(Failure::denied(crate::i18n::cli::no_demo_here(lang)));
        }
        let path = db_path(cli, "demo.db")?;
        if !path.exists() {
            super::output::warn(match lang {
                Lang::Zh => format!(
                    "正在创建演示数据库 {}（{DEMO_CASES} 件案件）…",
                    path.display()
                ),
                Lang::En => format!(
                    "creating the demo database {} ({DEMO_CASES} cases)…",
                    path.display()
                ),
            });
            let mut store = super::init::initialise(
                &path,
                None,
                None,
                &[
                    Role::Reception,
                    Role::Expert,
                    Role::Supervisor,
                    Role::Manager,
                ],
                lang,
            )?;
            super::demo::fill(&mut store, DEMO_CASES, 1)?;
            store
        } else {
            Store::open_existing(&path).map_err(|e| super::store_failure(lang, e))?
        }
    } else {
        super::open_store(cli, lang)?
    };
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    let mut app = App::new(store, me, lang)?;
    let ending = crate::tui::run(&mut app).map_err(|e| Failure::error(format!("{e:#}")))?;
    Ok(match ending {
        Ending::Quit => 0,
        // 128 + signal number, as a shell reports a process ended by a signal.
        Ending::HangUp => 129,
        Ending::Terminated => 143,
        Ending::TerminalGone => 129,
        Ending::NotUtf8 => super::exit::ERROR,
        Ending::AccountDisabled => {
            let login = crate::domain::text::clean_line(&app.session().me.login);
            return Err(Failure::denied(
                crate::i18n::Msg::AccountDisabled { login }.text(lang),
            ));
        }
    })
}
