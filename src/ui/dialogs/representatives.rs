//! The representatives of a collective visit: five rows of name, ID number and phone, the
//! terminal cursor in the focused cell, the dialog's keys on its last line.

use super::super::Theme;
use super::super::widgets::text::draw_text;
use super::super::widgets::{centered, cols, fit, pad};
use super::key_hint;
use crate::app::App;
use crate::app::dialogs::representatives::{RepresentativesCommand, RepresentativesDialog};
use crate::app::keymap::{Command, Scope, key_for};
use crate::i18n::{Msg, Text};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Column widths and headings: name, ID number, phone.
const COLUMNS: [(u16, Text); 3] = [
    (12, Text::RepName),
    (20, Text::RepIdNumber),
    (15, Text::RepPhone),
];

pub fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    dialog: &RepresentativesDialog,
    app: &App,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.session().lang;
    let inner = super::super::panes::intake::inner_area(body);
    let w = (4 + COLUMNS.iter().map(|c| c.0 + 1).sum::<u16>() + 2).min(inner.width);
    let area = centered(inner, w, cols(dialog.cells.len() + 4));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(
            " {} ",
            Msg::RepresentativesTitle {
                done: key_for(Command::Representatives(RepresentativesCommand::Done), lang)
            }
            .text(lang)
        ),
        theme.title(),
    ));
    let body = block.inner(area);
    super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    let mut x = body.x + 4;
    for (w, heading) in COLUMNS {
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(heading.get(lang), usize::from(w)),
                theme.title(),
            )),
            Rect::new(x, body.y, w, 1),
        );
        x += w + 1;
    }
    let mut cursor = None;
    for (row, cells) in dialog.cells.iter().enumerate() {
        let y = body.y + 1 + cols(row);
        frame.render_widget(
            Paragraph::new(format!("{:>2}.", row + 1)),
            Rect::new(body.x, y, 4, 1),
        );
        let mut x = body.x + 4;
        for (col, ((w, _), cell)) in COLUMNS.iter().zip(cells).enumerate() {
            let cell_area = Rect::new(x, y, (*w).min((body.x + body.width).saturating_sub(x)), 1);
            let pos = draw_text(frame, cell_area, cell, theme.field());
            if dialog.focus == (row, col) {
                cursor = Some(pos);
            }
            x += w + 1;
        }
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(
                &key_hint(Scope::Representatives, app),
                usize::from(body.width),
            ),
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
