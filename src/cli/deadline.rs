//! `xfdesk deadline`: by when? Under the configured rules and calendars, and how it was counted.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::calendar::{ClockSpec, MAX_RULE_DAYS, Period, try_count};
use crate::domain::text::clean_line;
use chrono::NaiveDate;

#[derive(Debug, clap::Args)]
pub struct DeadlineArgs {
    /// A rule name (register, accept, objection, handle, extend, review-request, …).
    #[arg(conflicts_with = "days", required_unless_present = "days")]
    pub rule: Option<String>,
    /// Count this many days instead of a rule's (1 to 366).
    #[arg(long)]
    pub days: Option<u64>,
    /// With --days: count working days (official calendar, adjusted weekends included).
    #[arg(long, requires = "days")]
    pub working: bool,
    /// The day the period runs from (not itself counted).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: String,
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

pub fn run(cli: &Cli, args: &DeadlineArgs) -> CliResult {
    let lang = lang_of(cli);
    let from = NaiveDate::parse_from_str(&args.from, "%Y-%m-%d").map_err(|_| {
        Failure::error(format!(
            "--from {}: not a date; write it as YYYY-MM-DD",
            crate::domain::text::clean_line(&args.from)
        ))
    })?;
    let store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    current_staff(&store, lang)?;
    let (rule_name, period, article) = match (&args.rule, args.days) {
        (Some(name), _) => {
            let Some(rule) = store.rule(name)? else {
                let names: Vec<String> = store
                    .rules()?
                    .into_iter()
                    .map(|r| crate::domain::text::clean_line(&r.name))
                    .collect();
                return Err(Failure::error(crate::i18n::cli::unknown_rule(
                    lang,
                    &crate::domain::text::clean_line(name),
                    &names,
                )));
            };
            (Some(rule.name), rule.period, Some(rule.article))
        }
        (None, Some(days)) => match u32::try_from(days) {
            Ok(d) if (1..=MAX_RULE_DAYS).contains(&d) => (
                None,
                Period {
                    days: d,
                    working: args.working,
                },
                None,
            ),
            _ => {
                return Err(Failure::error(crate::i18n::cli::period_refused(lang, days)));
            }
        },
        (None, None) => unreachable!("clap requires a rule or --days"),
    };
    let due = try_count(
        &store.calendar()?,
        store.counting()?,
        &ClockSpec::new(from, period),
    )
    .map_err(|e| Failure::error(crate::i18n::cli::count_failed(lang, &e)))?;
    if args.format == "json" {
        let v = serde_json::json!({
            "from": from.to_string(),
            "rule": rule_name.as_deref().map(clean_line),
            "days": period.days,
            "working": period.working,
            "due": due.due.to_string(),
            "explanation": crate::i18n::explain_due(lang, &due),
            "calendar_missing": !due.missing_years.is_empty(),
            "missing_years": due.missing_years,
        });
        crate::say!("{v}");
    } else {
        crate::say!("{}", due.due);
        crate::say!("{}", crate::i18n::explain_due(lang, &due));
        if let (Some(name), Some(article)) = (rule_name, article) {
            crate::say!("{}: {}", clean_line(&name), clean_line(&article));
        }
    }
    Ok(0)
}
