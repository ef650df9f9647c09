//! The queue (案件): a page of cases, newest first, and the detail of one.

mod detail;

use super::super::Theme;
use super::super::widgets::list::{self, PagedList};
use super::super::widgets::pad;
use crate::app::App;
use crate::app::keymap::pane_key_name;
use crate::app::panes::Pane;
use crate::app::session::Session;
use crate::domain::CaseRow;
use crate::domain::calendar::Urgency;
use crate::domain::text::clean_line;
use crate::i18n::{Label, Msg, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Column widths: number, received, petitioner, category, state, due; the summary takes the
/// rest. A wide terminal gives the state and category room for their full names.
fn widths(width: u16) -> [usize; 6] {
    if width >= 110 {
        [14, 11, 10, 12, 14, 6]
    } else {
        [14, 11, 8, 8, 8, 6]
    }
}

fn row_text(cells: &[String; 7], width: u16) -> String {
    let widths = widths(width);
    let mut s = String::new();
    for (cell, w) in cells.iter().zip(widths) {
        s.push_str(&pad(cell, w));
        s.push(' ');
    }
    let used = widths.iter().sum::<usize>() + widths.len();
    let rest = usize::from(width).saturating_sub(used);
    s.push_str(&pad(&cells[6], rest));
    s
}

fn cells(session: &Session, row: &CaseRow, urgency: Option<Urgency>) -> [String; 7] {
    let due = match (row.due, urgency) {
        (Some(d), Some(u)) => format!("{}{}", u.marker(), d.format("%m-%d")),
        _ => String::new(),
    };
    [
        row.number.clone(),
        row.received_at.format("%m-%d %H:%M").to_string(),
        clean_line(&row.petitioner_name),
        clean_line(&row.category),
        row.state.label(session.lang).to_string(),
        due,
        clean_line(&row.summary),
    ]
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let queue = &app.panes().queue;
    if let Some(view) = &queue.detail {
        detail::draw(frame, area, app, view, theme);
        return;
    }
    let session = app.session();
    let lang = session.lang;
    // The frame's inner width decides the columns.
    let inner_width = area.width.saturating_sub(2);
    let headers = [
        Text::ColNumber,
        Text::ColReceived,
        Text::ColPetitioner,
        Text::ColCategory,
        Text::ColState,
        Text::ColDue,
        Text::ColSummary,
    ]
    .map(|t| t.get(lang).to_string());
    let rows = queue
        .rows
        .iter()
        .map(|row| {
            let urgency = row
                .due
                .filter(|_| row.state.is_open())
                .map(|d| session.urgency_of(d));
            let style = urgency.map_or(Style::default(), |u| theme.urgency(u));
            (row_text(&cells(session, row, urgency), inner_width), style)
        })
        .collect();
    let title = Msg::QueueTitle { total: queue.total }.text(lang);
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(format!(" {title} "), theme.title())),
            above: vec![],
            header: row_text(&headers, inner_width),
            rows,
            selected: Some(queue.selected),
            empty: Msg::NoCasesYet {
                key: pane_key_name(Pane::Intake),
            }
            .text(lang),
        },
        theme,
    );
}

#[cfg(test)]
mod tests;
