//! The queue (案件): the search field and the filters over a page of cases, with the number
//! found in the title; on every open case its urgency marker and the days left; the detail of
//! one.

mod detail;

use super::super::Theme;
use super::super::dialogs::filter::{summary, value_text};
use super::super::widgets::list::{self, PagedList};
use super::super::widgets::text::draw_text;
use super::super::widgets::{cols, pad, width};
use crate::app::App;
use crate::app::keymap::{Command, key_for, pane_key_name};
use crate::app::panes::Pane;
use crate::app::panes::queue::{QueueCommand, QueuePane};
use crate::app::session::Session;
use crate::domain::calendar::{Urgency, days_left};
use crate::domain::query::{ListedCase, Sort};
use crate::domain::text::clean_line;
use crate::i18n::{Label, Lang, Msg, Text};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Column widths: number, received, petitioner, category, state, deadline; the summary takes
/// the rest. A wide terminal gives the time of receipt, full names and the due date.
fn widths(width: u16) -> [usize; 6] {
    if width >= 110 {
        [14, 11, 10, 12, 12, 16]
    } else {
        [14, 5, 8, 8, 8, 9]
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

/// Days left to the deadline, or past it, in words.
fn days_text(lang: Lang, left: i64) -> String {
    match left {
        0 => Text::DueToday.get(lang).to_string(),
        n if n > 0 => Msg::DaysLeftShort { n }.text(lang),
        n => Msg::DaysOver { n: -n }.text(lang),
    }
}

fn cells(
    session: &Session,
    listed: &ListedCase,
    urgency: Option<Urgency>,
    wide: bool,
) -> [String; 7] {
    let row = &listed.row;
    let lang = session.lang;
    // Colour is never the only sign: the marker and the days go with it.
    let due = match (row.due, urgency) {
        (Some(d), Some(u)) => {
            let left = days_text(lang, days_left(session.today(), d));
            if wide {
                format!("{}{} {left}", u.marker(), d.format("%m-%d"))
            } else {
                format!("{}{left}", u.marker())
            }
        }
        _ => String::new(),
    };
    let received = if wide { "%m-%d %H:%M" } else { "%m-%d" };
    [
        row.number.clone(),
        row.received_at.format(received).to_string(),
        clean_line(&row.petitioner_name),
        clean_line(&row.category),
        row.state.label(lang).to_string(),
        due,
        clean_line(&row.summary),
    ]
}

fn order_text(sort: Sort) -> Text {
    match sort {
        Sort::Received => Text::OrderReceived,
        Sort::Deadline => Text::OrderDeadline,
        Sort::Updated => Text::OrderUpdated,
    }
}

/// Draw the queue; returns where the terminal cursor belongs while the search field has the
/// keys.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let queue = &app.panes().queue;
    if let Some(view) = &queue.detail {
        detail::draw(frame, area, app, view, theme);
        return None;
    }
    let session = app.session();
    let lang = session.lang;
    // The frame's inner width decides the columns.
    let inner_width = area.width.saturating_sub(2);
    let wide = inner_width >= 110;
    let headers = [
        Text::ColNumber,
        if wide {
            Text::ColReceived
        } else {
            Text::ColReceivedShort
        },
        Text::ColPetitioner,
        Text::ColCategory,
        Text::ColState,
        Text::ColDue,
        Text::ColSummary,
    ]
    .map(|t| t.get(lang).to_string());
    // Marked cases (for a bulk step) carry a mark in a column of their own, shown only while
    // something is marked.
    let marking = !queue.marked.is_empty();
    let columns_width = if marking {
        inner_width.saturating_sub(1)
    } else {
        inner_width
    };
    let gutter = |marked: bool| match (marking, marked) {
        (false, _) => "",
        (true, true) => "●",
        (true, false) => " ",
    };
    let rows = queue
        .rows
        .iter()
        .map(|listed| {
            let row = &listed.row;
            let urgency = row
                .due
                .filter(|_| row.state.is_open())
                .map(|d| session.urgency_of(d));
            let style = urgency.map_or(Style::default(), |u| theme.urgency(u));
            (
                format!(
                    "{}{}",
                    gutter(queue.is_marked(row.id)),
                    row_text(&cells(session, listed, urgency, wide), columns_width)
                ),
                style,
            )
        })
        .collect();
    let order = order_text(queue.sort).get(lang).to_string();
    let title = if queue.narrowed() {
        Msg::QueueFound {
            total: queue.total,
            order,
        }
    } else {
        Msg::QueueTitle {
            total: queue.total,
            order,
        }
    }
    .text(lang);
    let title = if marking {
        format!(
            "{title}  {}",
            Msg::Marked {
                count: queue.marked.len()
            }
            .text(lang)
        )
    } else {
        title
    };
    let empty = if queue.narrowed() {
        Text::NoCaseMatches.get(lang).to_string()
    } else {
        Msg::NoCasesYet {
            key: pane_key_name(Pane::Intake),
        }
        .text(lang)
    };
    let search_label = format!("{}{}", Text::SearchLabel.get(lang), lang.pick("：", ": "));
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(format!(" {title} "), theme.title())),
            above: vec![
                search_line(queue, &search_label, lang, theme),
                filter_line(queue, session, theme),
            ],
            header: format!("{}{}", gutter(false), row_text(&headers, columns_width)),
            rows,
            selected: Some(queue.selected),
            empty,
        },
        theme,
    );
    if !queue.searching || area.height < 3 {
        return None;
    }
    let label = cols(width(&search_label));
    let field = Rect::new(
        area.x + 1 + label,
        area.y + 1,
        inner_width.saturating_sub(label),
        1,
    );
    Some(draw_text(frame, field, &queue.search_field, theme.field()))
}

/// The search: the field being typed in (drawn over this line), the search shown, or how to
/// start one.
fn search_line<'a>(queue: &QueuePane, label: &str, lang: Lang, theme: &Theme) -> Line<'a> {
    let label = Span::styled(label.to_string(), theme.title());
    if queue.searching {
        return Line::from(label);
    }
    match &queue.search {
        Some(search) => Line::from(vec![
            label,
            Span::raw(
                Msg::SearchShown {
                    text: clean_line(&search.text),
                    clear: key_for(Command::Queue(QueueCommand::ClearSearch), lang),
                }
                .text(lang),
            ),
        ]),
        None => Line::from(vec![
            label,
            Span::styled(
                Msg::SearchHint {
                    key: key_for(Command::Queue(QueueCommand::StartSearch), lang),
                }
                .text(lang),
                theme.dim(),
            ),
        ]),
    }
}

/// The filters in force, or that there are none, and the key that changes them.
fn filter_line<'a>(queue: &QueuePane, session: &Session, theme: &Theme) -> Line<'a> {
    let lang = session.lang;
    let shown = summary(&queue.filters, lang, |line, f| {
        value_text(line, f, lang, &session.units, &session.categories)
    });
    let hint = Msg::FiltersHint {
        key: key_for(Command::Queue(QueueCommand::Filters), lang),
    }
    .text(lang);
    let (text, style) = if shown.is_empty() {
        (Text::FiltersNone.get(lang).to_string(), theme.dim())
    } else {
        (shown, Style::default())
    };
    let hint = if lang.is_zh() {
        hint
    } else {
        format!(" {hint}")
    };
    Line::from(vec![
        Span::styled(
            format!("{}{}", Text::FiltersLabel.get(lang), lang.pick("：", ": ")),
            theme.title(),
        ),
        Span::styled(text, style),
        Span::styled(hint, theme.dim()),
    ])
}

#[cfg(test)]
mod tests;
