//! What the nightly check found, as cron mails it (text) and as scripts read it (JSON):
//! counts by kind of lapse, by unit and by first handler, then every lapse, grouped by unit.
//! Every name and summary is cleaned again here: this is output.

use super::columns::{pad, right};
use crate::domain::supervision::lapse::{CheckReport, Group, LapseCounts, LapseKind};
use crate::domain::text::clean_line;
use crate::i18n::supervision::short_label;
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
    out.push_str(&right(lang.pick("合计", "total"), 6));
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
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let counts = report.counts();
    out.push_str(&if zh {
        format!(
            "{}督办检查 {}（临期：{} 前到期）\n",
            clean_line(office),
            report.date,
            report.soon_until
        )
    } else {
        format!(
            "{} supervision check {} (due soon: by {})\n",
            clean_line(office),
            report.date,
            report.soon_until
        )
    });
    let by_kind: Vec<String> = LapseKind::ALL
        .iter()
        .map(|k| format!("{} {}", k.label(lang), counts.of(*k)))
        .collect();
    out.push_str(&by_kind.join(" · "));
    out.push_str(&if zh {
        format!(
            "\n共 {} 项，其中已逾期 {} 项。\n",
            counts.total, counts.overdue
        )
    } else {
        format!(
            "\n{} in all, {} of them late.\n",
            counts.total, counts.overdue
        )
    });
    for year in &report.missing_calendars {
        out.push_str(&if zh {
            format!("注意：尚无 {year} 年官方节假日安排，期限仅按周末计算。请管理员导入：xfdesk calendar import FILE\n")
        } else {
            format!("Note: no official holiday calendar for {year}; deadlines count weekends alone. An administrator imports it: xfdesk calendar import FILE\n")
        });
    }
    if report.findings.is_empty() {
        out.push_str(lang.pick("未发现问题。\n", "Nothing found.\n"));
    } else {
        table(
            &mut out,
            lang,
            lang.pick("按责任单位", "By unit"),
            &report.by_unit(),
            lang.pick("本机关办理", "handled by the office"),
        );
        table(
            &mut out,
            lang,
            lang.pick("按首办责任人", "By first handler"),
            &report.by_first_handler(),
            lang.pick("未记录", "none recorded"),
        );
        out.push_str(lang.pick("\n明细\n", "\nEvery lapse\n"));
        let mut unit: Option<Option<String>> = None;
        for f in &report.findings {
            if unit.as_ref() != Some(&f.case.unit) {
                let name = f
                    .case
                    .unit
                    .as_deref()
                    .map(clean_line)
                    .unwrap_or_else(|| lang.pick("本机关办理", "handled by the office").into());
                out.push_str(&format!("【{name}】\n"));
                unit = Some(f.case.unit.clone());
            }
            let days = crate::i18n::supervision::days_text(lang, report.date, f.due);
            let mark = if f.overdue { '!' } else { ' ' };
            out.push_str(&format!(
                "{mark} {} {} {} {} {} {}\n",
                pad(f.kind.label(lang), 14),
                f.due,
                pad(&days, 10),
                f.case.number,
                pad(
                    &f.case
                        .first_handler
                        .as_deref()
                        .map(clean_line)
                        .unwrap_or_default(),
                    8
                ),
                clean_line(&f.case.summary)
            ));
        }
    }
    match (recorded.run, recorded.now) {
        (Some(run), true) => out.push_str(&if zh {
            format!(
                "\n已记录（{}，{}）：督办页面显示本次结果。\n",
                run.at.format("%Y-%m-%d %H:%M"),
                clean_line(&run.by)
            )
        } else {
            format!(
                "\nRecorded ({}, {}): the supervision pane shows this run.\n",
                run.at.format("%Y-%m-%d %H:%M"),
                clean_line(&run.by)
            )
        }),
        (Some(run), false) => out.push_str(&if zh {
            format!(
                "\n本日检查已于 {} 记录（{}），本次未重复记录。\n",
                run.at.format("%H:%M"),
                clean_line(&run.by)
            )
        } else {
            format!(
                "\nToday's check was recorded at {} ({}); this run recorded nothing more.\n",
                run.at.format("%H:%M"),
                clean_line(&run.by)
            )
        }),
        (None, _) => out.push_str(match recorded.not_recorded {
            Some(NotRecorded::Future) => lang.pick(
                "\n所查日期尚未到来：本次结果仅供参考，未记录。\n",
                "\nThat day has not come yet: this run was looked at and not recorded.\n",
            ),
            _ => lang.pick(
                "\n数据库只读：本次结果未记录。\n",
                "\nThe database is read-only here: this run was not recorded.\n",
            ),
        }),
    }
    out
}
