//! `xfdesk report [--from D] [--to D | --year Y] [--format text|json|csv]`: the figures of the
//! cases received in a period, overall, by unit and by first handler; with `--year` the
//! yearly report (条例 Art. 41), ready to print. Without dates: this month so far.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::documents::report as doc;
use crate::domain::permission::{Act, require};
use crate::domain::report::{Names, Period, PeriodError};
use crate::domain::text::clean_line;
use chrono::NaiveDate;

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The first day (default: the first of the month of --to).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, conflicts_with = "year")]
    pub from: Option<NaiveDate>,
    /// The last day (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day, conflicts_with = "year")]
    pub to: Option<NaiveDate>,
    /// A calendar year: the yearly report.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    #[arg(long, default_value = "text", value_parser = ["text", "json", "csv"])]
    pub format: String,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{}' is not a date written YYYY-MM-DD", clean_line(s)))
}

fn period_failure(e: PeriodError, lang: crate::i18n::Lang) -> Failure {
    Failure::error(match (e, lang.is_zh()) {
        (PeriodError::Backwards, true) => "统计期间有误：--from 晚于 --to",
        (PeriodError::Backwards, false) => "the period runs backwards: --from is after --to",
        (PeriodError::BadYear, true) => "年份有误：应为 2000 至 2100 之间",
        (PeriodError::BadYear, false) => "the year must be between 2000 and 2100",
    })
}

pub fn run(cli: &Cli, args: &ReportArgs) -> CliResult {
    let lang = lang_of(cli);
    let store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    require(&me, Act::ReadStatistics)
        .map_err(|e| Failure::denied(crate::i18n::errors::permission_denied(lang, &e)))?;
    let today = store.today();
    let period = match args.year {
        Some(y) => Period::year(y),
        None => {
            let to = args.to.unwrap_or(today);
            let from = args.from.unwrap_or_else(|| Period::month_of(to).from);
            Period::new(from, to)
        }
    }
    .map_err(|e| period_failure(e, lang))?;
    let report = store.report(period, today)?;
    let names = Names::new(&store.units()?, &store.list_staff()?, &store.categories()?);
    let text = match args.format.as_str() {
        "json" => format!("{}\n", doc::json(&report, &names)),
        "csv" => doc::csv(&report, &names),
        _ => {
            let office = store.setting("office_name")?.unwrap_or_default();
            doc::text(&report, &names, &office, lang)
        }
    };
    super::output::text(&text)?;
    Ok(0)
}
