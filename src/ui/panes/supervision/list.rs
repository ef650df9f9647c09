//! The supervision list: counts by urgency, what the last check found, then one line per open
//! case: its urgency (marker and words, colour only besides), the days left or overdue, number,
//! unit, first handler, supervisor, how far up the ladder, and the summary.

use super::super::super::Theme;
use super::super::super::dialogs::filter::{summary, value_text};
use super::super::super::widgets::list::{self, PagedList};
use super::cell as pad;
use crate::app::App;
use crate::app::keymap::{Command, key_for};
use crate::app::panes::supervision::SupervisionCommand;
use crate::domain::calendar::Urgency;
use crate::domain::query::Filters;
use crate::domain::supervision::{Rung, SupervisedCase, urgency_in};
use crate::domain::text::clean_line;
use crate::i18n::supervision::{Sv, days_text, rungs};
use crate::i18n::{Label, Lang, Msg};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The filters in words, for the title: the same words as the queue's.
fn described(lang: Lang, f: &Filters, app: &App) -> String {
    let session = app.session();
    let shown = summary(f, lang, |line, f| {
        value_text(line, f, lang, &session.units, &session.categories)
    });
    if shown.is_empty() {
        String::new()
    } else {
        Sv::FiltersShown { what: shown }.text(lang)
    }
}

/// Column widths: (deadline, due, number, unit, handler, supervisor, ladder, petitioner).
fn columns(wide: bool) -> [usize; 8] {
    if wide {
        [10, 11, 15, 18, 8, 11, 14, 11]
    } else {
        [9, 0, 15, 10, 7, 7, 9, 0]
    }
}

fn row_text(lang: Lang, r: &SupervisedCase, today: chrono::NaiveDate, wide: bool) -> String {
    let [dl, due, number, unit, handler, supervisor, ladder, person] = columns(wide);
    let c = &r.listed.row;
    let deadline = c
        .due
        .map_or_else(|| Sv::NoDeadline.text(lang), |d| days_text(lang, today, d));
    let none = Sv::Nobody.text(lang);
    let name = |s: &Option<String>| s.as_deref().map_or_else(|| none.clone(), clean_line);
    // Narrow: the highest rung alone (with the urgings while that is all); wide: every rung.
    let mut ladder_text = match r.ladder.level() {
        _ if wide => rungs(lang, &r.ladder),
        Some(Rung::Urge) | None => rungs(lang, &r.ladder),
        Some(level) => level.label(lang).to_string(),
    };
    if r.extension_requested {
        if !ladder_text.is_empty() {
            ladder_text.push(' ');
        }
        ladder_text.push_str(&Sv::ExtensionPending.text(lang));
    }
    let mut s = pad(&deadline, dl);
    if due > 0 {
        s.push_str(&pad(&c.due.map(|d| d.to_string()).unwrap_or_default(), due));
    }
    s.push_str(&pad(&c.number, number));
    let unit_name = r
        .unit
        .as_deref()
        .map_or_else(|| Sv::OwnOffice.text(lang), clean_line);
    s.push_str(&pad(&unit_name, unit));
    s.push_str(&pad(&name(&r.first_handler), handler));
    s.push_str(&pad(&name(&r.supervisor), supervisor));
    s.push_str(&pad(&ladder_text, ladder));
    if person > 0 {
        s.push_str(&pad(&clean_line(&c.petitioner_name), person));
    }
    s.push_str(&clean_line(&c.summary));
    s
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let pane = &app.panes().supervision;
    let l = &pane.list;
    let wide = super::wide(area);
    let c = l.counts;
    let counts = Line::from(vec![
        Span::raw(format!("{}  ", Msg::OpenCount { n: c.open }.text(lang))),
        Span::styled(
            Msg::OverdueCount { n: c.overdue }.text(lang),
            theme.urgency(Urgency::Overdue),
        ),
        Span::raw("  "),
        Span::styled(
            Msg::DueSoonCount {
                days: session.due_soon_days,
                n: c.due_soon,
            }
            .text(lang),
            theme.urgency(Urgency::DueSoon),
        ),
        Span::raw(format!("  {}", Sv::RestCount { n: c.rest() }.text(lang))),
    ]);
    let check = match &l.last_check {
        Some(run) => Sv::LastCheck {
            date: run.day.format("%m-%d").to_string(),
            at: run.at.format("%H:%M").to_string(),
            overdue: run
                .counts
                .get(&crate::domain::supervision::lapse::LapseKind::Overdue)
                .copied()
                .unwrap_or(0),
            soon: run
                .counts
                .get(&crate::domain::supervision::lapse::LapseKind::DueSoon)
                .copied()
                .unwrap_or(0),
            total: run.total,
            key: key_for(Command::Supervision(SupervisionCommand::ShowFindings), lang),
        }
        .text(lang),
        None => Sv::NoCheckYet.text(lang),
    };
    let t = |s: Sv, w: usize| pad(&s.text(lang), w);
    let [dl, due, number, unit, handler, supervisor, ladder, person] = columns(wide);
    let mut header = format!("  {}", t(Sv::ColDeadline, dl));
    if due > 0 {
        header.push_str(&t(Sv::ColDue, due));
    }
    header.push_str(&t(Sv::ColNumber, number));
    header.push_str(&t(Sv::ColUnit, unit));
    header.push_str(&t(Sv::ColHandler, handler));
    header.push_str(&t(Sv::ColSupervisor, supervisor));
    header.push_str(&t(Sv::ColLadder, ladder));
    if person > 0 {
        header.push_str(&t(Sv::ColPetitioner, person));
    }
    header.push_str(&Sv::ColSummary.text(lang));
    let window = l.window;
    let rows = l
        .rows
        .iter()
        .map(|r| {
            let u = match (r.listed.row.due, window) {
                (Some(d), Some(w)) => urgency_in(&w, d),
                _ => Urgency::Normal,
            };
            let today = window.map_or(session.today(), |w| w.today);
            (
                format!("{} {}", u.marker(), row_text(lang, r, today, wide)),
                theme.urgency(u),
            )
        })
        .collect();
    let empty = if l.filters.is_empty() {
        Sv::NothingOpen
    } else {
        Sv::NothingMatches
    };
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(
                format!(
                    " {} ",
                    Sv::Title {
                        filters: described(lang, &l.filters, app)
                    }
                    .text(lang)
                ),
                theme.title(),
            )),
            above: vec![counts, Line::from(Span::styled(check, theme.dim()))],
            header,
            rows,
            selected: Some(l.selected),
            empty: empty.text(lang),
        },
        theme,
    );
}
