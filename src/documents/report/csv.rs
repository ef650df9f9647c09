//! The report as CSV for a spreadsheet: one row overall, one per unit, one per first handler,
//! each rate as numerator, denominator and rate; a cell a spreadsheet would run as a formula
//! is neutralised.

use crate::domain::Channel;
use crate::domain::report::{Names, Rate, Report, Tally};
use crate::domain::text::clean_line;
use crate::domain::workflow::StepKind;

/// A cell of CSV: quoted when it must be, and a cell a spreadsheet would read as a formula
/// (`= + - @`, or a tab or carriage return first) neutralised with a leading apostrophe.
pub fn csv_cell(s: &str) -> String {
    let s = clean_line(s);
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s
    };
    if s.contains([',', '"', '\n']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

const RATE_KEYS: [&str; 7] = [
    "first_contact_share",
    "timely_acceptance",
    "on_time_closing",
    "evaluation_rate",
    "satisfaction_rate",
    "one_time_resolution",
    "leader_case_resolution",
];

fn rates_in_order(t: &Tally) -> [Rate; 7] {
    let r = t.rates();
    [
        r.first_contact_share,
        r.timely_acceptance,
        r.on_time_closing,
        r.evaluation_rate,
        r.satisfaction_rate,
        r.one_time_resolution,
        r.leader_case_resolution,
    ]
}

/// The report as CSV: one row overall, one per unit, one per first handler.
pub fn csv(report: &Report, names: &Names) -> String {
    let mut categories: Vec<(i64, String)> = names
        .categories
        .values()
        .map(|c| (c.id, c.code.clone()))
        .collect();
    categories.sort();
    let mut head: Vec<String> = ["group", "key", "name", "from", "to", "cases", "contacts"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    head.extend(
        Channel::ALL
            .iter()
            .map(|c| format!("contacts_{}", c.code())),
    );
    head.extend(
        categories
            .iter()
            .map(|(_, code)| format!("category_{code}")),
    );
    head.extend(["repeat_contacts", "leapfrog_contacts"].map(String::from));
    for k in RATE_KEYS {
        head.extend([format!("{k}_num"), format!("{k}_den"), format!("{k}_rate")]);
    }
    head.extend(
        StepKind::SUPERVISION
            .iter()
            .map(|k| format!("steps_{}", k.code())),
    );
    head.push("notices".into());
    let head: Vec<String> = head.iter().map(|h| csv_cell(h)).collect();
    let mut out = head.join(",");
    out.push('\n');
    let mut row = |group: &str, key: &str, name: &str, t: &Tally| {
        let mut cells: Vec<String> = vec![
            csv_cell(group),
            csv_cell(key),
            csv_cell(name),
            report.period.from.to_string(),
            report.period.to.to_string(),
            t.cases.to_string(),
            t.contacts.to_string(),
        ];
        for c in Channel::ALL {
            cells.push(
                t.contacts_by_channel
                    .get(c.code())
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
            );
        }
        for (id, _) in &categories {
            cells.push(
                t.contacts_by_category
                    .get(id)
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
            );
        }
        cells.push(t.repeat_contacts.to_string());
        cells.push(t.leapfrog_contacts.to_string());
        for r in rates_in_order(t) {
            cells.push(r.num.to_string());
            cells.push(r.den.to_string());
            cells.push(r.rate().map(|x| format!("{x:.4}")).unwrap_or_default());
        }
        for k in StepKind::SUPERVISION {
            cells.push(
                t.supervision
                    .get(k.code())
                    .copied()
                    .unwrap_or(0)
                    .to_string(),
            );
        }
        cells.push(t.notices.to_string());
        out.push_str(&cells.join(","));
        out.push('\n');
    };
    row("overall", "", "", &report.overall);
    for (id, t) in report.units_by_size() {
        let (code, name) = names.unit(id).cloned().unwrap_or_default();
        row("unit", &code, &name, t);
    }
    for (id, t) in report.handlers_by_size() {
        let (login, name) = names.staff(id).cloned().unwrap_or_default();
        row("first_handler", &login, &name, t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("县人社局,二科"), "\"县人社局,二科\"");
        assert_eq!(csv_cell("a\u{1b}[31mb"), "ab");
        assert_eq!(
            csv_cell("\u{202e}=1"),
            "'=1",
            "a bidi override first hides nothing"
        );
    }
}
