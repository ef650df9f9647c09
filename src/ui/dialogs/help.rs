//! The help overlay: the keys of what is under it, from the keymap; keys that cannot be used
//! now (a condition, or a role the user lacks) are shown dim and marked. Two columns where the
//! terminal is wide enough; ↑/↓ scroll a list longer than the screen.

use super::super::Theme;
use super::super::widgets::{centered, cols, fit, pad, width};
use crate::app::App;
use crate::app::dialogs::help::{HelpCommand, HelpDialog};
use crate::app::keymap::{Command, key_for};
use crate::i18n::{Msg, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Marks a key that cannot be used now.
const UNAVAILABLE: &str = "×";

/// The narrowest column of help worth drawing two of.
const COLUMN: u16 = 38;

pub fn draw(frame: &mut Frame<'_>, body: Rect, dialog: &HelpDialog, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let entries: Vec<(String, &str, bool)> = dialog
        .entries
        .iter()
        .map(|e| {
            let keys: Vec<String> = e.keys.iter().map(|k| k.name(lang)).collect();
            (keys.join("/"), e.does.get(lang), e.available)
        })
        .collect();
    let columns: usize = if body.width >= 2 * COLUMN + 4 { 2 } else { 1 };
    let w = if columns == 2 {
        (2 * COLUMN + 4).min(body.width)
    } else {
        COLUMN.max(40).min(body.width)
    };
    let per_column = entries.len().div_ceil(columns);
    // Rows inside the border, less the closing line and the blank above it.
    let room = usize::from(body.height.saturating_sub(4)).max(1);
    let rows = per_column.min(room);
    let scroll = dialog.scroll.min(per_column.saturating_sub(rows));
    let area = centered(body, w, cols(rows + 4));
    let inner_w = usize::from(w.saturating_sub(2));
    let col_w = if columns == 2 { inner_w / 2 } else { inner_w };
    let key_cols = entries
        .iter()
        .map(|(k, _, _)| width(k))
        .max()
        .unwrap_or(4)
        .min(col_w / 2)
        + 1;
    let cell = |i: usize| -> Vec<Span<'_>> {
        let Some((k, does, available)) = entries.get(i) else {
            return vec![Span::raw(" ".repeat(col_w))];
        };
        let (key_style, text_style) = if *available {
            (theme.title(), Style::default())
        } else {
            (theme.dim(), theme.dim())
        };
        // Unavailable keys are dim and marked, so the mark carries it without colour too.
        let mark = if *available { " " } else { UNAVAILABLE };
        vec![
            Span::styled(format!("{mark}{}", pad(k, key_cols)), key_style),
            Span::styled(pad(does, col_w.saturating_sub(key_cols + 1)), text_style),
        ]
    };
    let mut lines: Vec<Line<'_>> = (scroll..scroll + rows)
        .map(|row| {
            let mut spans = cell(row);
            if columns == 2 {
                spans.extend(cell(row + per_column));
            }
            Line::from(spans)
        })
        .collect();
    lines.push(Line::from(""));
    let more = if per_column > rows {
        let keys = format!(
            "{}/{}",
            key_for(Command::Help(HelpCommand::ScrollUp), lang),
            key_for(Command::Help(HelpCommand::ScrollDown), lang)
        );
        format!("  {}", Msg::HelpMore { keys }.text(lang))
    } else {
        String::new()
    };
    lines.push(Line::from(Span::styled(
        fit(
            &format!(
                "{}  {UNAVAILABLE}{}{more}",
                Text::HelpClose.get(lang),
                Text::NotAvailableNow.get(lang)
            ),
            inner_w,
        ),
        theme.dim(),
    )));
    super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {} ", Text::HelpTitle.get(lang)),
            theme.title(),
        ))),
        area,
    );
}
