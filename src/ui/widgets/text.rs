//! A text field drawn from its text area, returning where the terminal cursor belongs: input
//! methods open their candidate window at the terminal's cursor, so it must sit at the
//! insertion point, after any wide characters and scrolling.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;

pub fn draw_text(
    frame: &mut Frame<'_>,
    area: Rect,
    text: &TextArea<'static>,
    style: Style,
) -> Position {
    // The field's style is laid down first; the text area patches its text over it. Drawing
    // the text area by reference (no clone) keeps a 100 KB account cheap to redraw.
    frame.render_widget(Paragraph::new("").style(style), area);
    frame.render_widget(text, area);
    let sc = text.screen_cursor();
    let (top, left) = text.scroll_offset();
    // A line scrolled sideways (a long name) says so at its left edge: without a mark, a
    // Chinese character cut in half there shows as a blank, as if it were not typed.
    if left > 0
        && area.height == 1
        && let Some(cell) = frame.buffer_mut().cell_mut((area.x, area.y))
    {
        cell.set_symbol("‹");
    }
    let col = u16::try_from(sc.col)
        .unwrap_or(u16::MAX)
        .saturating_sub(left)
        .min(area.width.saturating_sub(1));
    let row = u16::try_from(sc.row)
        .unwrap_or(u16::MAX)
        .saturating_sub(top)
        .min(area.height.saturating_sub(1));
    Position::new(area.x + col, area.y + row)
}
