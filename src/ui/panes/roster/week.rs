//! One week of the roster: a row per expert on duty, grouped by day and half-day, and the
//! visitors waiting for the highlighted one.

use super::super::super::Theme;
use super::super::super::widgets::list::{self, PagedList};
use super::super::super::widgets::{fit, pad, width};
use crate::app::App;
use crate::domain::roster::week::week_label;
use crate::domain::roster::{DutySlot, Rank};
use crate::domain::text::clean_line;
use crate::i18n::roster::{self as words, RosterMsg, RosterText};
use crate::i18n::{Lang, Text};
use chrono::{Datelike, Duration};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Columns wider than 100 add the title and what a stand-in stands in for.
const WIDE: u16 = 100;

fn mark(slot: &DutySlot, lang: Lang) -> &'static str {
    if slot.rank == Rank::Leader {
        RosterText::MarkLeader.get(lang)
    } else if slot.substitute_for.is_some() {
        RosterText::MarkSubstitute.get(lang)
    } else if !slot.from_pattern {
        RosterText::MarkDated.get(lang)
    } else {
        ""
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let roster = &app.panes().roster;
    let monday = roster.monday(session.today());
    let waiting_rows = (area.height / 5).clamp(4, 10);
    let [top, bottom] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(waiting_rows)]).areas(area);
    let wide = area.width >= WIDE;
    let mut title = RosterMsg::WeekTitle {
        week: week_label(monday),
        from: monday.format("%m-%d").to_string(),
        to: (monday + Duration::days(6)).format("%m-%d").to_string(),
    }
    .text(lang);
    if roster.monday(session.today()) == crate::domain::roster::week::monday_of(session.today()) {
        title = format!("{title} · {}", RosterText::ThisWeek.get(lang));
    }
    let leader_days = roster.week.leader_days();
    let leaders = if leader_days.is_empty() {
        RosterText::NoLeaderDay.get(lang).to_string()
    } else {
        let days: Vec<String> = leader_days
            .iter()
            .map(|(w, names)| {
                let (day, half) = (
                    words::weekday(lang, w.day.weekday()),
                    words::half(lang, w.afternoon),
                );
                let names = clean_line(&names.join(lang.pick("、", ", ")));
                RosterMsg::LeaderDay {
                    day: day.to_string(),
                    half: half.to_string(),
                    names,
                }
                .text(lang)
            })
            .collect();
        format!("{}{}", RosterText::LeaderDays.get(lang), days.join("  "))
    };
    let above = vec![Line::from(vec![
        Span::styled(leaders, theme.title()),
        Span::raw("   "),
        Span::styled(RosterText::NowMark.get(lang), theme.dim()),
    ])];
    // The narrow columns as wide as their words need in this language, and a space.
    let waiting_w = width(Text::ColWaiting.get(lang)).max(4) + 1;
    let mark_w = [
        RosterText::ColMark,
        RosterText::MarkLeader,
        RosterText::MarkSubstitute,
        RosterText::MarkDated,
    ]
    .iter()
    .map(|t| width(t.get(lang)))
    .max()
    .unwrap_or(4)
        + 1;
    let mut header = format!(
        "  {}{}{}{}{}{}",
        pad(Text::ColDate.get(lang), 11),
        pad(Text::ColHalfDay.get(lang), 5),
        pad(Text::ColExpert.get(lang), 9),
        pad(Text::ColRoom.get(lang), 11),
        pad(Text::ColWaiting.get(lang), waiting_w),
        pad(RosterText::ColMark.get(lang), mark_w),
    );
    if wide {
        header.push_str(&pad(RosterText::ColTitle.get(lang), 13));
        header.push_str(&pad(RosterText::ColNote.get(lang), 14));
    }
    header.push_str(Text::ColSpecialties.get(lang));
    let mut previous: Option<&DutySlot> = None;
    let rows: Vec<(String, Style)> = roster
        .week
        .slots
        .iter()
        .map(|slot| {
            let now = slot.is_at(session.now);
            let same_day = previous.is_some_and(|p| p.day == slot.day);
            let same_half = same_day && previous.is_some_and(|p| p.afternoon == slot.afternoon);
            previous = Some(slot);
            let day = if same_day {
                String::new()
            } else {
                format!(
                    "{} {}",
                    slot.day.format("%m-%d"),
                    words::weekday(lang, slot.day.weekday())
                )
            };
            let half = if same_half {
                ""
            } else {
                words::half(lang, slot.afternoon)
            };
            let mut line = format!(
                "{}{}{}{}{}{}{}",
                if now { "▶ " } else { "  " },
                pad(&day, 11),
                pad(half, 5),
                // A column's text is cut a column short: a space always parts it from the next.
                pad(&fit(&clean_line(&slot.staff_name), 8), 9),
                pad(&fit(&clean_line(&slot.room), 10), 11),
                pad(&slot.waiting.to_string(), waiting_w),
                pad(mark(slot, lang), mark_w),
            );
            if wide {
                line.push_str(&pad(&fit(&clean_line(&slot.title), 12), 13));
                let note = match &slot.substitute_for {
                    Some(absent) => format!(
                        "{} {}",
                        RosterText::MarkSubstitute.get(lang),
                        clean_line(absent)
                    ),
                    None => clean_line(&slot.note),
                };
                line.push_str(&pad(&fit(&note, 13), 14));
            }
            line.push_str(&clean_line(&slot.specialties.join("、")));
            (line, if now { theme.title() } else { Style::default() })
        })
        .collect();
    // Scrolled a day at a time: the highlighted slot's day from its first row, where it fits.
    let visible = usize::from(top.height.saturating_sub(2 + 1)).saturating_sub(above.len());
    let first = first_row(&roster.week.slots, roster.selected, visible.max(1));
    let rows: Vec<(String, Style)> = rows.into_iter().skip(first).collect();
    list::draw(
        frame,
        top,
        PagedList {
            title: Line::from(Span::styled(format!(" {title} "), theme.title())),
            above,
            header,
            rows,
            selected: Some(roster.selected.saturating_sub(first)),
            empty: Text::RosterEmpty.get(lang).to_string(),
        },
        theme,
    );
    draw_waiting(frame, bottom, app, theme);
}

/// The first row to show of `slots` in `visible` rows with `selected` highlighted: the first
/// of its day where that keeps it in view (but no further down than fills the rows), else as
/// little above it as needed.
fn first_row(slots: &[DutySlot], selected: usize, visible: usize) -> usize {
    let Some(day) = slots.get(selected).map(|s| s.day) else {
        return 0;
    };
    let day_start = slots.iter().position(|s| s.day == day).unwrap_or(0);
    let lowest = (selected + 1).saturating_sub(visible);
    let fills = slots.len().saturating_sub(visible);
    day_start.min(fills).clamp(lowest, selected)
}

/// The visitors waiting for the highlighted slot's expert, oldest routing last.
fn draw_waiting(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let roster = &app.panes().roster;
    let Some(slot) = roster.selected_slot() else {
        frame.render_widget(Block::default().borders(Borders::ALL), area);
        return;
    };
    let title = RosterMsg::WaitingFor {
        name: clean_line(&slot.staff_name),
        room: clean_line(&slot.room),
        n: roster.waiting.len(),
    }
    .text(lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = usize::from(inner.width);
    let lines: Vec<Line<'_>> = if roster.waiting.is_empty() {
        vec![Line::styled(
            RosterText::NobodyWaiting.get(lang),
            theme.dim(),
        )]
    } else {
        // Several to a line: number, name and when routed.
        let cells: Vec<String> = roster
            .waiting
            .iter()
            .map(|w| {
                format!(
                    "{} {} {}",
                    w.number,
                    clean_line(&w.petitioner_name),
                    w.routed_at.format("%m-%d %H:%M")
                )
            })
            .collect();
        let cell = cells.iter().map(|c| width(c)).max().unwrap_or(0) + 3;
        let per_line = (cols / cell.max(1)).max(1);
        cells
            .chunks(per_line)
            .map(|chunk| {
                let text: String = chunk.iter().map(|c| pad(c, cell)).collect();
                Line::raw(fit(&text, cols))
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);
}
