//! `xfdesk rules list` and `rules set` (admin): the deadline rules.

use super::{Cli, CliResult, Failure, current_staff, db_path, lang_of};
use crate::domain::calendar::Period;
use crate::domain::text::clean_line;
use crate::store::Store;

#[derive(Debug, clap::Subcommand)]
pub enum RulesCommand {
    /// List the rules: name, period, the event it runs from, the article it rests on.
    List,
    /// Change a rule's period (admin). Clocks already running keep theirs.
    Set {
        name: String,
        #[arg(long)]
        days: u32,
        /// Count working days (otherwise calendar days).
        #[arg(long)]
        working: bool,
    },
}

pub fn run(cli: &Cli, cmd: &RulesCommand) -> CliResult {
    let lang = lang_of(cli);
    let mut store = Store::open_existing(&db_path(cli, "xfdesk.db")?)?;
    let me = current_staff(&store, lang)?;
    match cmd {
        RulesCommand::List => {
            for r in store.rules()? {
                crate::say!(
                    "{:<18} {:>3} {:<13} from {:<16} {}",
                    r.name,
                    r.period.days,
                    if r.period.working {
                        "working days"
                    } else {
                        "days"
                    },
                    clean_line(&r.event),
                    clean_line(&r.article)
                );
            }
        }
        RulesCommand::Set {
            name,
            days,
            working,
        } => {
            if *days == 0 {
                return Err(Failure::error("--days must be at least 1"));
            }
            let r = store.set_rule(
                &me,
                name,
                Period {
                    days: *days,
                    working: *working,
                },
            )?;
            crate::say!(
                "{}: {} {}",
                r.name,
                r.period.days,
                if r.period.working {
                    "working days"
                } else {
                    "days"
                }
            );
        }
    }
    Ok(0)
}
