//! The statistics as `xfdesk report` gives them: a printable report (the yearly report of
//! 条例 Art. 41 when the period is a year), JSON in which every rate carries what it was
//! counted from, and CSV for a spreadsheet (cells that a spreadsheet would run as a formula
//! are neutralised). Names are cleaned again here: this is output.

use super::columns::{pad, right};
use crate::domain::Channel;
use crate::domain::report::{Names, Rate, Report, Tally};
use crate::domain::text::clean_line;
use crate::domain::workflow::StepKind;
use crate::i18n::report::Rp;
use crate::i18n::{Label, Lang};
use serde_json::{Value, json};

mod csv;

pub use csv::{csv, csv_cell};

fn rate_json(r: Rate) -> Value {
    json!({
        "num": r.num,
        "den": r.den,
        "rate": r.rate().map(|x| (x * 10_000.0).round() / 10_000.0),
    })
}

/// One group's figures, as the JSON shows them.
pub fn figures_json(t: &Tally, names: &Names) -> serde_json::Map<String, Value> {
    let rates = t.rates();
    let mut by_category = serde_json::Map::new();
    for (id, n) in &t.contacts_by_category {
        let key = names
            .categories
            .get(id)
            .map_or_else(|| id.to_string(), |c| clean_line(&c.code));
        by_category.insert(key, json!(n));
    }
    let mut m = serde_json::Map::new();
    m.insert("cases".into(), json!(t.cases));
    m.insert("contacts".into(), json!(t.contacts));
    m.insert("contacts_by_channel".into(), json!(t.contacts_by_channel));
    m.insert("contacts_by_category".into(), Value::Object(by_category));
    m.insert("repeat_contacts".into(), json!(t.repeat_contacts));
    m.insert("repeat_contacts_by_month".into(), json!(t.repeat_by_month));
    m.insert("leapfrog_contacts".into(), json!(t.leapfrog_contacts));
    m.insert(
        "first_contact_share".into(),
        rate_json(rates.first_contact_share),
    );
    m.insert(
        "timely_acceptance".into(),
        rate_json(rates.timely_acceptance),
    );
    m.insert("on_time_closing".into(), rate_json(rates.on_time_closing));
    m.insert("evaluation_rate".into(), rate_json(rates.evaluation_rate));
    m.insert(
        "satisfaction_rate".into(),
        rate_json(rates.satisfaction_rate),
    );
    m.insert(
        "one_time_resolution".into(),
        rate_json(rates.one_time_resolution),
    );
    m.insert(
        "leader_case_resolution".into(),
        rate_json(rates.leader_case_resolution),
    );
    m.insert("supervision_steps".into(), json!(t.supervision));
    m.insert("notices".into(), json!(t.notices));
    m
}

/// The report as JSON: `{"from", "to", "as_of", "overall", "by_unit", "by_first_handler"}`.
pub fn json(report: &Report, names: &Names) -> Value {
    let by_unit: Vec<Value> = report
        .units_by_size()
        .into_iter()
        .map(|(id, t)| {
            let mut m = figures_json(t, names);
            let unit = names.unit(id);
            m.insert(
                "unit".into(),
                unit.map_or(Value::Null, |(_, n)| json!(clean_line(n))),
            );
            m.insert(
                "unit_code".into(),
                unit.map_or(Value::Null, |(c, _)| json!(clean_line(c))),
            );
            Value::Object(m)
        })
        .collect();
    let by_handler: Vec<Value> = report
        .handlers_by_size()
        .into_iter()
        .map(|(id, t)| {
            let mut m = figures_json(t, names);
            let who = names.staff(id);
            m.insert(
                "login".into(),
                who.map_or(Value::Null, |(l, _)| json!(clean_line(l))),
            );
            m.insert(
                "name".into(),
                who.map_or(Value::Null, |(_, n)| json!(clean_line(n))),
            );
            Value::Object(m)
        })
        .collect();
    json!({
        "from": report.period.from.to_string(),
        "to": report.period.to.to_string(),
        "as_of": report.as_of.to_string(),
        "overall": Value::Object(figures_json(&report.overall, names)),
        "by_unit": by_unit,
        "by_first_handler": by_handler,
    })
}

fn rate_text(lang: Lang, r: Rate) -> String {
    Rp::RateLine {
        num: r.num,
        den: r.den,
        rate: r.percent(),
    }
    .text(lang)
}

fn counted<'a>(lang: Lang, items: impl Iterator<Item = (&'a str, u64)>) -> String {
    // A name and its figure never part at a line's end (a no-break space between them).
    let parts: Vec<String> = items
        .filter(|(_, n)| *n > 0)
        .map(|(name, n)| format!("{name}\u{a0}{n}"))
        .collect();
    if parts.is_empty() {
        Rp::NoData.text(lang)
    } else {
        parts.join("\u{a0}· ")
    }
}

/// One group's figures as lines under a heading.
fn figures_text(out: &mut String, lang: Lang, t: &Tally, names: &Names) {
    // Long values (the categories, the months) wrap under themselves on a 78-column page.
    let line = |out: &mut String, label: Rp, value: String| {
        let first = format!("  {}{value}", pad(&label.text(lang), 20));
        for l in super::columns::wrap(&first, 78, 22) {
            out.push_str(&l.replace('\u{a0}', " "));
            out.push('\n');
        }
    };
    line(out, Rp::Cases, t.cases.to_string());
    line(out, Rp::Contacts, t.contacts.to_string());
    let channels = Channel::ALL.iter().map(|c| {
        (
            c.label(lang),
            t.contacts_by_channel.get(c.code()).copied().unwrap_or(0),
        )
    });
    line(out, Rp::ByChannel, counted(lang, channels));
    let mut cats: Vec<(String, u64)> = t
        .contacts_by_category
        .iter()
        .map(|(id, n)| {
            let name = names.categories.get(id).map_or_else(
                || id.to_string(),
                |c| clean_line(if lang.is_zh() { &c.name_zh } else { &c.name_en }),
            );
            (name, *n)
        })
        .collect();
    cats.sort_by_key(|c| std::cmp::Reverse(c.1));
    line(
        out,
        Rp::ByCategory,
        counted(lang, cats.iter().map(|(n, c)| (n.as_str(), *c))),
    );
    let rates = t.rates();
    line(
        out,
        Rp::FirstShare,
        rate_text(lang, rates.first_contact_share),
    );
    line(out, Rp::Repeat, t.repeat_contacts.to_string());
    line(
        out,
        Rp::RepeatByMonth,
        counted(
            lang,
            t.repeat_by_month.iter().map(|(m, n)| (m.as_str(), *n)),
        ),
    );
    line(out, Rp::Leapfrog, t.leapfrog_contacts.to_string());
    line(out, Rp::Timely, rate_text(lang, rates.timely_acceptance));
    line(out, Rp::OnTime, rate_text(lang, rates.on_time_closing));
    line(out, Rp::Evaluation, rate_text(lang, rates.evaluation_rate));
    line(
        out,
        Rp::Satisfaction,
        rate_text(lang, rates.satisfaction_rate),
    );
    line(out, Rp::OneTime, rate_text(lang, rates.one_time_resolution));
    line(
        out,
        Rp::LeaderCases,
        rate_text(lang, rates.leader_case_resolution),
    );
    let steps = StepKind::SUPERVISION.iter().map(|k| {
        (
            k.label(lang),
            t.supervision.get(k.code()).copied().unwrap_or(0),
        )
    });
    line(out, Rp::Supervision, counted(lang, steps));
    line(out, Rp::Notices, t.notices.to_string());
}

/// A table of groups, one line each, the rates as percentages.
fn groups_text(out: &mut String, lang: Lang, groups: &[(String, &Tally)]) {
    let heads = [
        Rp::ShortCases,
        Rp::ShortContacts,
        Rp::ShortTimely,
        Rp::ShortOnTime,
        Rp::ShortSatisfied,
        Rp::ShortOneTime,
        Rp::ShortSupervision,
        Rp::ShortNotices,
    ];
    out.push_str(&format!("  {}", pad(&Rp::ColName.text(lang), 16)));
    for h in heads {
        out.push_str(&right(&h.text(lang), 9));
    }
    out.push('\n');
    for (name, t) in groups {
        let r = t.rates();
        let steps: u64 = t.supervision.values().sum();
        let cells = [
            t.cases.to_string(),
            t.contacts.to_string(),
            r.timely_acceptance.percent(),
            r.on_time_closing.percent(),
            r.satisfaction_rate.percent(),
            r.one_time_resolution.percent(),
            steps.to_string(),
            t.notices.to_string(),
        ];
        out.push_str(&format!("  {}", pad(name, 16)));
        for c in cells {
            out.push_str(&right(&c, 9));
        }
        out.push('\n');
    }
}

/// The printable report: the yearly report (Art. 41) when the period is a calendar year.
pub fn text(report: &Report, names: &Names, office: &str, lang: Lang) -> String {
    let office = clean_line(office);
    let mut out = String::new();
    let p = report.period;
    let title = if p.is_year() {
        Rp::YearTitle {
            office,
            year: chrono::Datelike::year(&p.from),
        }
    } else {
        Rp::Title {
            office,
            from: p.from.to_string(),
            to: p.to.to_string(),
        }
    };
    out.push_str(&super::columns::centred(&title.text(lang), 78));
    out.push_str("\n\n");
    out.push_str(
        &if p.is_year() {
            Rp::YearBasis
        } else {
            Rp::Basis
        }
        .text(lang),
    );
    out.push('\n');
    out.push_str(
        &Rp::AsOf {
            day: report.as_of.to_string(),
        }
        .text(lang),
    );
    out.push_str("\n\n");
    let numbered = |n: usize, h: Rp| {
        if lang.is_zh() {
            format!(
                "{}、{}\n",
                ["一", "二", "三"].get(n).copied().unwrap_or(""),
                h.text(lang)
            )
        } else {
            format!("{}. {}\n", n + 1, h.text(lang))
        }
    };
    out.push_str(&numbered(0, Rp::Overall));
    figures_text(&mut out, lang, &report.overall, names);
    out.push('\n');
    out.push_str(&numbered(1, Rp::ByUnit));
    let units: Vec<(String, &Tally)> = report
        .units_by_size()
        .into_iter()
        .map(|(id, t)| {
            let name = names
                .unit(id)
                .map_or_else(|| Rp::OwnOffice.text(lang), |(_, n)| clean_line(n));
            (name, t)
        })
        .collect();
    groups_text(&mut out, lang, &units);
    out.push('\n');
    out.push_str(&numbered(2, Rp::ByHandler));
    let handlers: Vec<(String, &Tally)> = report
        .handlers_by_size()
        .into_iter()
        .map(|(id, t)| {
            let name = names
                .staff(id)
                .map_or_else(|| Rp::NoHandler.text(lang), |(_, n)| clean_line(n));
            (name, t)
        })
        .collect();
    groups_text(&mut out, lang, &handlers);
    out
}
