//! `xfdesk check [--date D] [--format text|json] [--out FILE]`: the nightly supervision check.
//! It finds every lapse as of the day, groups them by unit and by first handler, records what
//! it found (once a day: a second run records nothing more; a day still to come is looked at
//! and not recorded), anchors the audit chain, ends
//! with a WAL checkpoint, and exits 0 when nothing is late, 1 when something is, 2 on error,
//! 3 for an account that may not run it.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::documents::check::{self, NotRecorded, Recorded};
use crate::domain::Staff;
use crate::domain::permission::{Act, require};
use crate::domain::supervision::lapse::CheckReport;
use crate::domain::text::clean_line;
use crate::store::{CheckRun, Store};
use chrono::{Datelike, NaiveDate};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Check as of this day (default: today, office time).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
    /// Write the result to this new file instead of standard output (never over a file).
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{}' is not a date written YYYY-MM-DD", clean_line(s)))
}

/// Everything the check finds as of `day`.
pub fn find(store: &Store, day: NaiveDate) -> Result<CheckReport, Failure> {
    let rules = store.check_rules(day)?;
    let findings = store.check_findings(&rules)?;
    let calendar = store.calendar()?;
    let missing: Vec<i32> = [day.year(), day.year() + 1]
        .into_iter()
        .filter(|y| !calendar.has_year(*y))
        .collect();
    Ok(CheckReport::new(rules.window, findings, missing))
}

/// Find and record (once a day): the report, the day's run, and whether this call recorded it.
pub fn record(
    store: &mut Store,
    me: &Staff,
    day: NaiveDate,
) -> Result<(CheckReport, Option<CheckRun>, bool), Failure> {
    let report = find(store, day)?;
    Ok(match store.record_check(me, &report)? {
        Some(run) => (report, Some(run), true),
        None => {
            let run = store.check_run(day)?;
            (report, run, false)
        }
    })
}

pub fn run(cli: &Cli, args: &CheckArgs) -> CliResult {
    let lang = lang_of(cli);
    let mut store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    require(&me, Act::RunCheck)
        .map_err(|e| Failure::denied(crate::i18n::errors::permission_denied(lang, &e)))?;
    // The place is checked before anything is recorded: a refused place is said first.
    let target = args
        .out
        .as_deref()
        .map(|p| super::output::out_target(p, lang))
        .transpose()?;
    let today = store.today();
    let day = args.date.unwrap_or(today);
    // A night of the office's working life: back to 2000, or up to a year ahead to look.
    let earliest = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(today);
    let latest = today
        .checked_add_days(chrono::Days::new(366))
        .unwrap_or(today);
    if day < earliest || day > latest {
        return Err(Failure::error(crate::i18n::cli::check_day_out_of_range(
            lang,
            &earliest.to_string(),
            &latest.to_string(),
        )));
    }
    // A day still to come is looked at, never recorded: the pane shows the last night's run.
    let not_recorded = if store.is_read_only() {
        Some(NotRecorded::ReadOnly)
    } else if day > store.today() {
        Some(NotRecorded::Future)
    } else {
        None
    };
    let (report, run, now) = match not_recorded {
        Some(_) => (find(&store, day)?, None, false),
        None => record(&mut store, &me, day)?,
    };
    let recorded = Recorded {
        run: run.as_ref(),
        now,
        not_recorded,
    };
    let office = store.setting("office_name")?.unwrap_or_default();
    let text = if args.format == "json" {
        let mut s = check::json(&report, &recorded).to_string();
        s.push('\n');
        s
    } else {
        check::text(&report, &recorded, &office, lang)
    };
    match (&args.out, &target) {
        (Some(path), Some(target)) => {
            super::output::new_file(path, target, &text)?;
        }
        _ => super::output::text(&text)?,
    }
    if !store.is_read_only() {
        store.checkpoint()?;
    }
    Ok(report.exit_code())
}
