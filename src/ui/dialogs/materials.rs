//! The materials received: a row per item — title, pages, original or copy, returned or kept —
//! the cursor in the focused text cell, the dialog's keys on its last line.

use super::super::Theme;
use super::super::widgets::text::draw_text;
use super::super::widgets::{centered, clear_for_dialog, cols, fit, pad};
use super::key_hint;
use crate::app::App;
use crate::app::dialogs::materials::{COLUMNS, Column, MaterialsCommand, MaterialsDialog};
use crate::app::keymap::{Command, Scope, key_for};
use crate::i18n::{Msg, Text};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

fn width_of(column: Column) -> u16 {
    match column {
        Column::Title => 30,
        Column::Pages => 6,
        Column::Original => 10,
        Column::Returned => 10,
    }
}

fn heading(column: Column) -> Text {
    match column {
        Column::Title => Text::FieldTitle,
        Column::Pages => Text::FieldPages,
        Column::Original => Text::FieldOriginal,
        Column::Returned => Text::FieldReturned,
    }
}

pub fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    dialog: &MaterialsDialog,
    app: &App,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.session().lang;
    let inner = super::super::panes::intake::inner_area(body);
    let w = (4 + COLUMNS.iter().map(|c| width_of(*c) + 1).sum::<u16>() + 2).min(inner.width);
    let area = centered(inner, w, cols(dialog.rows.len() + 4));
    let title = Msg::MaterialsDialogTitle {
        done: key_for(Command::Materials(MaterialsCommand::Done), lang),
    }
    .text(lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    let body = block.inner(area);
    clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    let mut x = body.x + 4;
    for column in COLUMNS {
        let w = width_of(column);
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(heading(column).get(lang), usize::from(w)),
                theme.title(),
            )),
            Rect::new(x, body.y, w.min((body.x + body.width).saturating_sub(x)), 1),
        );
        x += w + 1;
    }
    let mut cursor = None;
    for (r, row) in dialog.rows.iter().enumerate() {
        let y = body.y + 1 + cols(r);
        frame.render_widget(
            Paragraph::new(format!("{:>2}.", r + 1)),
            Rect::new(body.x, y, 4, 1),
        );
        let mut x = body.x + 4;
        for (c, column) in COLUMNS.iter().enumerate() {
            let w = width_of(*column).min((body.x + body.width).saturating_sub(x));
            let cell = Rect::new(x, y, w, 1);
            let focused = dialog.focus == (r, c);
            let toggle = |on: bool, yes: Text, no: Text| {
                let text = if on { yes.get(lang) } else { no.get(lang) };
                let style = if focused {
                    theme.selected()
                } else {
                    Style::default()
                };
                Paragraph::new(Span::styled(pad(text, usize::from(w)), style))
            };
            match column {
                Column::Title | Column::Pages => {
                    let text = if *column == Column::Title {
                        &row.title
                    } else {
                        &row.pages
                    };
                    let pos = draw_text(frame, cell, text, theme.field());
                    if focused {
                        cursor = Some(pos);
                    }
                }
                Column::Original => {
                    frame.render_widget(toggle(row.original, Text::Original, Text::Copy), cell)
                }
                Column::Returned => {
                    frame.render_widget(toggle(row.returned, Text::Returned, Text::Kept), cell)
                }
            }
            x += width_of(*column) + 1;
        }
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&key_hint(Scope::Materials, app), usize::from(body.width)),
            theme.dim(),
        )),
        Rect::new(
            body.x,
            body.y + body.height.saturating_sub(1),
            body.width,
            1,
        ),
    );
    cursor
}
