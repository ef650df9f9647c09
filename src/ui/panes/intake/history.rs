//! The person found and their earlier cases, newest first, with state and deadline; drawn
//! beside or over the form, and with the keys when the history dialog (F5) is open.

use super::super::super::Theme;
use super::super::super::widgets::{cols, fit, pad};
use crate::app::App;
use crate::app::dialogs::history::HistoryCommand;
use crate::app::keymap::{Command, key_for};
use crate::app::panes::intake::IntakeCommand;
use crate::domain::id_number::mask;
use crate::domain::lookup::{ContactKind, LookupKey, PersonHistory};
use crate::domain::text::clean_line;
use crate::i18n::{Label, Msg, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// What the panel shows.
pub struct Panel<'a> {
    pub people: &'a [PersonHistory],
    /// The highlighted case (counted across people), when the panel has the keys.
    pub pick: Option<usize>,
    /// The case this contact is a repeat on.
    pub attached: Option<i64>,
}

impl<'a> Panel<'a> {
    /// The panel as the pane shows it, without the keys.
    pub fn of_pane(app: &'a App) -> Self {
        let pane = &app.panes().intake;
        Self {
            people: &pane.history,
            pick: None,
            attached: match pane.form.contact {
                ContactKind::RepeatOf(id) => Some(id),
                ContactKind::FirstContact => None,
            },
        }
    }
}

fn matched_by(key: &LookupKey) -> Text {
    match key {
        LookupKey::IdNumber(_) => Text::MatchedById,
        LookupKey::Phone(_) => Text::MatchedByPhone,
        LookupKey::Name(_) => Text::MatchedByName,
        LookupKey::Initials(_) => Text::MatchedByInitials,
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, panel: &Panel<'_>, app: &App, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let focused = panel.pick.is_some();
    let title = if focused {
        Msg::HistoryTitleFocused {
            pick: format!(
                "{}/{}",
                key_for(Command::History(HistoryCommand::Up), lang),
                key_for(Command::History(HistoryCommand::Down), lang)
            ),
            attach: key_for(Command::History(HistoryCommand::AttachRepeat), lang),
            fill: key_for(Command::History(HistoryCommand::Fill), lang),
        }
        .text(lang)
    } else {
        Msg::HistoryTitle {
            key: key_for(Command::Intake(IntakeCommand::OpenHistory), lang),
        }
        .text(lang)
    };
    let style = if focused {
        theme.title()
    } else {
        Style::default()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines: Vec<(Line<'_>, Option<usize>)> = vec![];
    let mut flat = 0usize;
    for p in panel.people {
        let id = p.id_number.as_deref().map(mask).unwrap_or_default();
        let head = format!(
            "{} {} {} · {}",
            clean_line(&p.name),
            id,
            clean_line(p.phone.as_deref().unwrap_or("")),
            matched_by(&p.matched_by).get(lang)
        );
        lines.push((Line::from(Span::styled(fit(&head, w), theme.title())), None));
        if p.cases.is_empty() {
            lines.push((Line::from(format!("  {}", Text::NoCases.get(lang))), None));
        }
        for c in &p.cases {
            let open = c.state.is_open();
            let due = match (c.due, open) {
                (Some(d), true) => {
                    format!("{}{}", session.urgency_of(d).marker(), d.format("%m-%d"))
                }
                _ => String::new(),
            };
            let text = format!(
                "{}{} {} {} {} {}",
                if panel.attached == Some(c.case_id) {
                    "★"
                } else {
                    " "
                },
                c.number,
                c.received_at.format("%y-%m-%d"),
                c.state.label(lang),
                due,
                clean_line(&c.summary)
            );
            let style = if panel.pick == Some(flat) {
                theme.selected()
            } else if !open {
                theme.dim()
            } else {
                Style::default()
            };
            lines.push((Line::from(Span::styled(pad(&text, w), style)), Some(flat)));
            flat += 1;
        }
    }
    // Keep the highlighted case in view.
    let visible = usize::from(inner.height);
    let pick_line = lines
        .iter()
        .position(|(_, i)| i.is_some() && *i == panel.pick)
        .unwrap_or(0);
    let first = pick_line.saturating_sub(visible.saturating_sub(1));
    for (row, (line, _)) in lines.into_iter().skip(first).take(visible).enumerate() {
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(inner.x, inner.y + cols(row), inner.width, 1),
        );
    }
}
