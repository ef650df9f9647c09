//! What the nightly check found, as cron mails it (text) and as scripts read it (JSON):
//! counts by kind of lapse, by unit and by first handler, then every lapse, grouped by unit.
//! Every name and summary is cleaned again here: this is output.

use super::columns::{pad, right};
use crate::domain::supervision::lapse::{CheckReport, Group, LapseCounts, LapseKind};
use crate::domain::text::clean_line;
use crate::i18n::supervision::{Sv, short_label};
use crate::i18n::{Label, Lang};
use crate::store::CheckRun;
use serde_json::{Value, json};

/// How the run stands in the record: recorded by this run, or already recorded that day, or
/// not recorded at all, and why.
pub struct Recorded<'a> {
    pub run: Option<&'a CheckRun>,
    /// This run wrote the record (false: it was there already, or it was not recorded).
    pub now: bool,
    pub not_recorded: Option<NotRecorded>,
}

/// Why a run was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRecorded {
    /// The database is open for reading only.
    ReadOnly,
    /// The day asked for has not come yet.
    Future,
}

fn counts_json(c: &LapseCounts) -> Value {
    let mut m = serde_json::Map::new();
    for k in LapseKind::ALL {
        m.insert(k.code().to_string(), json!(c.of(k)));
    }
    m.insert("total".into(), json!(c.total));
    m.insert("late".into(), json!(c.overdue));
    Value::Object(m)
}

fn cleaned(s: &Option<String>) -> Value {
    s.as_deref().map_or(Value::Null, |v| json!(clean_line(v)))
}

/// The JSON of a check: every value cleaned (JSON escapes control characters, not U+202E).
pub fn json(report: &CheckReport, recorded: &Recorded<'_>) -> Value {
    let groups = |groups: Vec<Group>, key: &str| -> Vec<Value> {
        groups
            .into_iter()
            .map(|g| {
                let mut v = serde_json::Map::new();
                if key == "unit" {
                    v.insert("unit".into(), cleaned(&g.name));
                } else {
                    v.insert("login".into(), cleaned(&g.login));
                    v.insert("name".into(), cleaned(&g.name));
                }
                v.insert("counts".into(), counts_json(&g.counts));
                Value::Object(v)
            })
            .collect()
    };
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "kind": f.kind.code(),
                "number": clean_line(&f.case.number),
                "unit": cleaned(&f.case.unit),
                "first_handler": cleaned(&f.case.first_handler_login),
                "first_handler_name": cleaned(&f.case.first_handler),
                "due": f.due.to_string(),
                "days_late": f.days_late(report.date),
                "late": f.overdue,
                "summary": clean_line(&f.case.summary),
            })
        })
        .collect();
    json!({
        "date": report.date.to_string(),
        "due_soon_until": report.soon_until.to_string(),
        "late": report.exit_code() == 1,
        "counts": counts_json(&report.counts()),
        "by_unit": groups(report.by_unit(), "unit"),
        "by_first_handler": groups(report.by_first_handler(), "handler"),
        "findings": findings,
        "missing_calendars": report.missing_calendars,
        "recorded": recorded.now,
        "recorded_at": recorded.run.map(|r| r.at.format("%Y-%m-%d %H:%M:%S").to_string()),
        "recorded_by": recorded.run.map(|r| clean_line(&r.by)),
    })
}

fn table(out: &mut String, lang: Lang, title: &str, groups: &[Group], none: &str) {
    let name_cols = 20;
    out.push_str(&format!("\n{title}\n  {}", pad("", name_cols)));
    for k in LapseKind::ALL {
        out.push_str(&right(short_label(lang, k), 6));
    }
    out.push_str(&right(&Sv::CheckTotal.text(lang), 6));
    out.push('\n');
    for g in groups {
        let name = match (&g.name, &g.login) {
            (Some(n), Some(l)) if lang == Lang::En => {
                format!("{} ({})", clean_line(n), clean_line(l))
            }
            (Some(n), _) => clean_line(n),
            (None, _) => none.to_string(),
        };
        out.push_str(&format!("  {}", pad(&name, name_cols)));
        for k in LapseKind::ALL {
            out.push_str(&right(&g.counts.of(k).to_string(), 6));
        }
        out.push_str(&right(&g.counts.total.to_string(), 6));
        out.push('\n');
    }
}

/// The check as text, for the terminal and for cron's mail.
pub fn text(report: &CheckReport, recorded: &Recorded<'_>, office: &str, lang: Lang) -> String {
    let mut out = String::new();
    let counts = report.counts();
    let line = |out: &mut String, text: Sv| {
        out.push_str(&text.text(lang));
        out.push('\n');
    };
    line(
        &mut out,
        Sv::CheckTitle {
            office: clean_line(office),
            date: report.date.to_string(),
            soon: report.soon_until.to_string(),
        },
    );
    let by_kind: Vec<String> = LapseKind::ALL
        .iter()
        .map(|k| format!("{} {}", k.label(lang), counts.of(*k)))
        .collect();
    out.push_str(&by_kind.join(" · "));
    out.push('\n');
    line(
        &mut out,
        Sv::CheckTotals {
            total: counts.total,
            late: counts.overdue,
        },
    );
    for year in &report.missing_calendars {
        line(&mut out, Sv::CheckCalendarMissing { year: *year });
    }
    if report.findings.is_empty() {
        line(&mut out, Sv::CheckNothing);
    } else {
        table(
            &mut out,
            lang,
            &Sv::CheckByUnit.text(lang),
            &report.by_unit(),
            &Sv::CheckOwnOffice.text(lang),
        );
        table(
            &mut out,
            lang,
            &Sv::CheckByHandler.text(lang),
            &report.by_first_handler(),
            &Sv::CheckNoHandler.text(lang),
        );
        out.push('\n');
        line(&mut out, Sv::CheckEvery);
        let mut unit: Option<Option<String>> = None;
        for f in &report.findings {
            if unit.as_ref() != Some(&f.case.unit) {
                let name = f
                    .case
                    .unit
                    .as_deref()
                    .map_or_else(|| Sv::CheckOwnOffice.text(lang), clean_line);
                out.push_str(&format!("【{name}】\n"));
                unit = Some(f.case.unit.clone());
            }
            let days = crate::i18n::supervision::days_text(lang, report.date, f.due);
            let mark = if f.overdue { '!' } else { ' ' };
            let handler = f.case.first_handler.as_deref().map(clean_line);
            out.push_str(&format!(
                "{mark} {} {} {} {} {} {}\n",
                pad(f.kind.label(lang), 14),
                f.due,
                pad(&days, 10),
                f.case.number,
                pad(&handler.unwrap_or_default(), 8),
                clean_line(&f.case.summary)
            ));
        }
    }
    let last = match (recorded.run, recorded.now) {
        (Some(run), true) => Sv::CheckRecorded {
            at: run.at.format("%Y-%m-%d %H:%M").to_string(),
            by: clean_line(&run.by),
        },
        (Some(run), false) => Sv::CheckAlready {
            at: run.at.format("%H:%M").to_string(),
            by: clean_line(&run.by),
        },
        (None, _) if recorded.not_recorded == Some(NotRecorded::Future) => Sv::CheckFuture,
        (None, _) => Sv::CheckReadOnly,
    };
    out.push('\n');
    line(&mut out, last);
    out
}
