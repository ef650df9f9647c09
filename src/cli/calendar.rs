//! `xfdesk calendar show YEAR` and `calendar import FILE`: the official holiday calendar.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::reference::CalendarYear;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::store::Store;
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Debug, clap::Subcommand)]
pub enum CalendarCommand {
    /// Print a year month by month, holidays and adjusted working days marked.
    Show { year: i32 },
    /// Add or replace a year from a TOML file (admin); running deadlines are counted again.
    Import { file: std::path::PathBuf },
}

pub fn run(cli: &Cli, cmd: &CalendarCommand) -> CliResult {
    let lang = lang_of(cli);
    let mut store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    match cmd {
        CalendarCommand::Show { year } => {
            if !(1900..=2200).contains(year) {
                return Err(Failure::error(format!(
                    "{year} is not a year this calendar can show"
                )));
            }
            super::output::text(&render_year(&store, *year, lang)?)?;
            Ok(0)
        }
        CalendarCommand::Import { file } => {
            super::writable(&store, lang)?;
            let text = std::fs::read_to_string(file)
                .map_err(|e| Failure::error(format!("cannot read {}: {e}", file.display())))?;
            let year = CalendarYear::parse(&text)
                .map_err(|e| Failure::error(format!("{}: {}", file.display(), clean_line(&e))))?;
            let report = store.import_calendar(&me, &year)?;
            crate::say!(
                "{} {}: {} holidays, {} adjusted working days; {} due dates recomputed",
                if report.replaced { "replaced" } else { "added" },
                report.year,
                report.holidays,
                report.adjusted_working,
                report.recomputed
            );
            Ok(0)
        }
    }
}

/// Three months across, Monday first, as Chinese calendars are printed. `*` marks a holiday,
/// `+` an adjusted working day; the named days are listed under the months.
pub fn render_year(store: &Store, year: i32, lang: Lang) -> Result<String, Failure> {
    let calendar = store.calendar()?;
    let known = calendar.has_year(year);
    let mut out = String::new();
    match (store.calendar_notice(year)?, lang) {
        (Some(n), Lang::Zh) => out.push_str(&format!("{year} 年（{}）\n", clean_line(&n))),
        (Some(n), Lang::En) => out.push_str(&format!("{year} ({})\n", clean_line(&n))),
        (None, Lang::Zh) => out.push_str(&format!("{year} 年：尚无官方节假日安排，仅标出周末\n")),
        (None, Lang::En) => out.push_str(&format!(
            "{year}: no official calendar loaded; weekends alone\n"
        )),
    }
    out.push_str(lang.pick(
        "* 放假  + 调休上班\n\n",
        "* holiday  + adjusted working day\n\n",
    ));
    for quarter in 0..4 {
        let months: Vec<Vec<String>> = (1..=3)
            .map(|m| month_lines(&calendar, year, quarter * 3 + m, lang))
            .collect();
        let height = months.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..height {
            let line: Vec<String> = months
                .iter()
                .map(|m| format!("{:<22}", m.get(row).cloned().unwrap_or_default()))
                .collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    if known {
        for d in store.calendar_days(year)? {
            out.push_str(&format!(
                "{} {} {}\n",
                d.day,
                if d.holiday { "*" } else { "+" },
                clean_line(&d.name)
            ));
        }
    }
    Ok(out)
}

fn month_lines(
    calendar: &crate::domain::calendar::Calendar,
    year: i32,
    month: u32,
    lang: Lang,
) -> Vec<String> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return vec![];
    };
    let mut lines = vec![match lang {
        Lang::Zh => format!("        {month:>2}月"),
        Lang::En => format!("      {}", first.format("%B")),
    }];
    // Column headers are ASCII so the columns line up on every terminal.
    lines.push(" Mo Tu We Th Fr Sa Su".to_string());
    let mut line = "   ".repeat(first.weekday().num_days_from_monday() as usize);
    let mut d = first;
    while d.month() == month {
        let mark = if calendar.is_adjusted_working_day(d) {
            '+'
        } else if calendar.is_holiday(d) {
            '*'
        } else {
            ' '
        };
        line.push_str(&format!("{:>2}{mark}", d.day()));
        if d.weekday().num_days_from_monday() == 6 {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        d += Duration::days(1);
    }
    if !line.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}
