//! What the last nightly check found, as it recorded it: the counts by kind, then each lapse
//! by unit and first handler, late ones marked.

use super::super::super::Theme;
use super::super::super::widgets::list::{self, PagedList};
use super::cell as pad;
use crate::app::App;
use crate::domain::calendar::Urgency;
use crate::domain::supervision::lapse::LapseKind;
use crate::domain::text::clean_line;
use crate::i18n::Label;
use crate::i18n::supervision::{Sv, days_text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let f = &app.panes().supervision.findings;
    let wide = super::wide(area);
    let (title, counts) = match &f.run {
        Some(run) => (
            Sv::FindingsTitle {
                date: run.day.to_string(),
                at: run.at.format("%H:%M").to_string(),
                by: clean_line(&run.by),
                total: run.total,
                overdue: run.overdue,
            }
            .text(lang),
            LapseKind::ALL
                .iter()
                .filter_map(|k| {
                    let n = run.counts.get(k).copied().unwrap_or(0);
                    (n > 0).then(|| format!("{} {n}", k.label(lang)))
                })
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        None => (Sv::NoCheckYet.text(lang), String::new()),
    };
    let today = f.run.as_ref().map_or(app.session().today(), |r| r.day);
    let (kind_w, unit_w, handler_w) = if wide { (14, 16, 9) } else { (12, 10, 7) };
    let t = |s: Sv, w: usize| pad(&s.text(lang), w);
    let header = format!(
        "  {}{}{}{}{}{}{}",
        t(Sv::ColKind, kind_w),
        t(Sv::ColDue, 11),
        t(Sv::ColDeadline, 10),
        t(Sv::ColNumber, 15),
        t(Sv::ColUnit, unit_w),
        t(Sv::ColHandler, handler_w),
        Sv::ColSummary.text(lang)
    );
    let rows = f
        .rows
        .iter()
        .map(|r| {
            let u = if r.overdue {
                Urgency::Overdue
            } else if r.kind == LapseKind::DueSoon {
                Urgency::DueSoon
            } else {
                Urgency::Normal
            };
            let unit = r
                .unit
                .as_deref()
                .map_or_else(|| Sv::OwnOffice.text(lang), clean_line);
            let handler = r
                .first_handler
                .as_deref()
                .map_or_else(|| Sv::Nobody.text(lang), clean_line);
            let line = format!(
                "{} {}{}{}{}{}{}{}",
                u.marker(),
                pad(r.kind.label(lang), kind_w),
                pad(&r.due.to_string(), 11),
                pad(&days_text(lang, today, r.due), 10),
                pad(&r.number, 15),
                pad(&unit, unit_w),
                pad(&handler, handler_w),
                clean_line(&r.summary)
            );
            (line, theme.urgency(u))
        })
        .collect();
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(format!(" {title} "), theme.title())),
            above: vec![Line::from(counts)],
            header,
            rows,
            selected: Some(f.selected),
            empty: if f.run.is_some() {
                Sv::NoFindings.text(lang)
            } else {
                Sv::NoCheckYet.text(lang)
            },
        },
        theme,
    );
}
