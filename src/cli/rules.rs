//! `xfdesk rules list` and `rules set` (admin): the deadline rules.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::calendar::{Period, check_rule};
use crate::domain::text::clean_line;

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
    let mut store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    match cmd {
        RulesCommand::List => {
            for r in store.rules()? {
                crate::say!(
                    "{:<18} {:>3} {:<13} from {:<16} {}",
                    clean_line(&r.name),
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
            super::writable(&store, lang)?;
            let period = Period {
                days: *days,
                working: *working,
            };
            // Checked here for a message in the user's language; the store checks again.
            check_rule(name, period)
                .map_err(|e| Failure::error(crate::i18n::cli::rule_refused(lang, &e)))?;
            if store.rule(name)?.is_none() {
                let known: Vec<String> = store
                    .rules()?
                    .into_iter()
                    .map(|r| clean_line(&r.name))
                    .collect();
                return Err(Failure::error(crate::i18n::cli::unknown_rule(
                    lang,
                    &clean_line(name),
                    &known,
                )));
            }
            let r = store.set_rule(&me, name, period)?;
            crate::say!(
                "{}: {} {}",
                clean_line(&r.name),
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
