//! `xfdesk cases`: the queue from a script, with the same search and filters as the Queue pane
//! (DESIGN §6). Text for people, aligned at Chinese widths; JSON `{"total", "cases": [...]}`
//! for programs. Stored text is cleaned of control characters in every output; ID numbers
//! are masked.

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::calendar::days_left;
use crate::domain::query::{
    CaseQuery, DueFilter, DueWindow, Filters, ListedCase, Search, Sort, StateFilter,
};
use crate::domain::text::clean_line;
use crate::domain::{CaseState, Category, Channel, Unit};
use crate::i18n::{Label, Lang, Msg, Text};
use crate::store::Store;
use crate::ui::widgets::{fit, pad};

/// The most rows one command lists (a page of the store at a time).
pub const MAX_LIMIT: u32 = 100_000;
/// Rows read from the store at a time.
const PAGE: u32 = 500;

#[derive(Debug, clap::Args)]
pub struct CasesArgs {
    /// A case number (or part), a name, pinyin initials, an ID number, a phone, or words of
    /// the summary and account (any length: 征地, 拖欠工资, 款).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// A state (registered, with_expert, proposed, approved, transferred, handled_here,
    /// not_accepted, replied, reviewed, feedback_given, closed), or open, or all.
    #[arg(long, value_name = "STATE|open")]
    pub state: Option<String>,
    /// The responsible unit, by code or exact name.
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// The category, by code or exact name (Chinese or English).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// The channel of the first contact: letter, visit, online, phone (or 来信, 来访, 网上, 电话).
    #[arg(long, value_name = "CHANNEL")]
    pub channel: Option<String>,
    /// Open cases past their deadline.
    #[arg(long)]
    pub overdue: bool,
    /// Cases whose first handler, or routed expert, is the calling account.
    #[arg(long)]
    pub mine: bool,
    /// The order: received (newest first), deadline, updated.
    #[arg(long, default_value = "received", value_parser = ["received", "deadline", "updated"])]
    pub sort: String,
    /// At most this many cases (the total is counted in full).
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_LIMIT)))]
    pub limit: u32,
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

pub fn run(cli: &Cli, args: &CasesArgs) -> CliResult {
    let lang = lang_of(cli);
    let store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    let today = store.today();
    let query = CaseQuery {
        search: match &args.search {
            None => None,
            Some(text) => Some(
                Search::parse(text, today)
                    .ok_or_else(|| Failure::error(Msg::NothingToSearchFor.text(lang)))?,
            ),
        },
        filters: filters(&store, args, lang)?,
        sort: Sort::ALL
            .into_iter()
            .find(|s| s.code() == args.sort)
            .unwrap_or_default(),
        me: me.id,
        // Only --overdue asks about the day: nothing is "due soon" from here.
        window: DueWindow {
            today,
            soon_until: today,
        },
    };
    let total = store.count_cases(&query)?;
    let mut cases: Vec<ListedCase> = vec![];
    let mut after = None;
    while cases.len() < usize::try_from(args.limit).unwrap_or(usize::MAX) {
        let want = args
            .limit
            .saturating_sub(u32::try_from(cases.len()).unwrap_or(u32::MAX))
            .min(PAGE);
        let page = store.cases_after(&query, after, want)?;
        let Some(last) = page.last() else { break };
        after = Some(last.cursor);
        cases.extend(page);
    }
    let out = if args.format == "json" {
        json(&cases, total, today)?
    } else {
        text(&cases, total, today, lang)
    };
    super::output::text(&out)?;
    Ok(0)
}

/// The filters the arguments ask for; a unit, category, state or channel that does not exist
/// is refused in words.
fn filters(store: &Store, args: &CasesArgs, lang: Lang) -> Result<Filters, Failure> {
    let unknown = |what: Text, given: &str, known: Vec<String>| {
        Failure::error(
            Msg::UnknownChoice {
                what: what.get(lang).to_string(),
                given: clean_line(given),
                known: known.join(", "),
            }
            .text(lang),
        )
    };
    let state = match args.state.as_deref().map(str::trim) {
        None | Some("all") => StateFilter::All,
        Some("open") => StateFilter::Open,
        Some(s) => StateFilter::Only(s.parse::<CaseState>().map_err(|_| {
            let mut known = vec!["open".to_string(), "all".to_string()];
            known.extend(CaseState::ALL.iter().map(|s| s.code().to_string()));
            unknown(Text::FilterState, s, known)
        })?),
    };
    let unit_id = match &args.unit {
        None => None,
        Some(u) => {
            let units = store.units()?;
            Some(find_unit(&units, u).ok_or_else(|| {
                unknown(
                    Text::FilterUnit,
                    u,
                    units.iter().map(|u| clean_line(&u.code)).collect(),
                )
            })?)
        }
    };
    let category_id = match &args.category {
        None => None,
        Some(c) => {
            let categories = store.categories()?;
            Some(find_category(&categories, c).ok_or_else(|| {
                unknown(
                    Text::FilterCategory,
                    c,
                    categories.iter().map(|c| clean_line(&c.code)).collect(),
                )
            })?)
        }
    };
    let channel = match &args.channel {
        None => None,
        Some(c) => {
            let c = c.trim();
            Some(
                Channel::ALL
                    .into_iter()
                    .find(|ch| ch.code() == c || ch.label(Lang::Zh) == c)
                    .ok_or_else(|| {
                        unknown(
                            Text::FilterChannel,
                            c,
                            Channel::ALL.iter().map(|c| c.code().to_string()).collect(),
                        )
                    })?,
            )
        }
    };
    Ok(Filters {
        state,
        unit_id,
        category_id,
        channel,
        due: args.overdue.then_some(DueFilter::Overdue),
        mine: args.mine,
        ..Filters::default()
    })
}

fn find_unit(units: &[Unit], given: &str) -> Option<i64> {
    let given = given.trim();
    units
        .iter()
        .find(|u| u.code == given || u.name == given)
        .map(|u| u.id)
}

fn find_category(categories: &[Category], given: &str) -> Option<i64> {
    let given = given.trim();
    categories
        .iter()
        .find(|c| c.code == given || c.name_zh == given || c.name_en.eq_ignore_ascii_case(given))
        .map(|c| c.id)
}

/// Days from today to the due date of an open case (negative when overdue).
fn left(case: &ListedCase, today: chrono::NaiveDate) -> Option<i64> {
    case.row
        .due
        .filter(|_| case.row.state.is_open())
        .map(|due| days_left(today, due))
}

fn json(cases: &[ListedCase], total: u64, today: chrono::NaiveDate) -> Result<String, Failure> {
    let list: Vec<serde_json::Value> = cases
        .iter()
        .map(|c| {
            let row = &c.row;
            // serde_json escapes C0 controls but passes DEL, C1 and bidi overrides: clean the
            // values themselves.
            serde_json::json!({
                "number": row.number,
                "received": row.received_at.format("%Y-%m-%d %H:%M").to_string(),
                "petitioner": if row.petitioner_name.is_empty() && c.id_number_masked.is_none() {
                    serde_json::Value::Null
                } else {
                    serde_json::json!({
                        "name": clean_line(&row.petitioner_name),
                        "id_number": c.id_number_masked.as_deref().map(clean_line),
                    })
                },
                "category": clean_line(&row.category),
                "state": row.state.code(),
                "due": row.due.filter(|_| row.state.is_open()).map(|d| d.to_string()),
                "days_left": left(c, today),
                "contacts": c.contacts,
                "summary": clean_line(&row.summary),
            })
        })
        .collect();
    let v = serde_json::json!({ "total": total, "cases": list });
    serde_json::to_string(&v)
        .map(|s| s + "\n")
        .map_err(|e| Failure::error(e.to_string()))
}

/// Columns: number, received, petitioner, category, state, deadline, days; then the summary.
const WIDTHS: [usize; 7] = [14, 16, 10, 12, 12, 10, 9];
const SUMMARY: usize = 40;

fn text(cases: &[ListedCase], total: u64, today: chrono::NaiveDate, lang: Lang) -> String {
    let line = |cells: [String; 8]| {
        let mut s = String::new();
        for (cell, w) in cells.iter().zip(WIDTHS) {
            s.push_str(&pad(cell, w));
            s.push(' ');
        }
        s.push_str(&fit(&cells[7], SUMMARY));
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(
        [
            Text::ColNumber,
            Text::ColReceived,
            Text::ColPetitioner,
            Text::ColCategory,
            Text::ColState,
            Text::ColDue,
            Text::ColDaysLeft,
            Text::ColSummary,
        ]
        .map(|t| t.get(lang).to_string()),
    );
    for c in cases {
        let row = &c.row;
        let days = left(c, today).map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&line([
            row.number.clone(),
            row.received_at.format("%Y-%m-%d %H:%M").to_string(),
            clean_line(&row.petitioner_name),
            clean_line(&row.category),
            row.state.label(lang).to_string(),
            row.due
                .filter(|_| row.state.is_open())
                .map(|d| d.to_string())
                .unwrap_or_default(),
            days,
            clean_line(&row.summary),
        ]));
    }
    out.push_str(
        &Msg::CasesListed {
            shown: cases.len(),
            total,
        }
        .text(lang),
    );
    out.push('\n');
    out
}
