//! The paged list every list pane uses: a bordered frame with a title, lines above the header
//! (counts), a header row, one row per item with the highlighted one reversed and kept in
//! view, and a line in words when there is nothing to list.

use super::super::Theme;
use super::pad;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub struct PagedList<'a> {
    pub title: Line<'a>,
    /// Lines between the title and the header (counts, a search).
    pub above: Vec<Line<'a>>,
    pub header: String,
    /// Each row's text and style (the style of a normal row: urgency colour, dim for closed).
    pub rows: Vec<(String, Style)>,
    pub selected: Option<usize>,
    /// Shown in place of rows when there are none.
    pub empty: String,
}

/// Rows a list shows in a pane of the terminal's height (tabs, status, legend, border, header).
pub fn rows_for_height(height: u16) -> usize {
    usize::from(height.saturating_sub(6)).max(1)
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, list: PagedList<'_>, theme: &Theme) {
    let block = Block::default().borders(Borders::ALL).title(list.title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    for line in list.above {
        if y >= bottom {
            return;
        }
        frame.render_widget(Paragraph::new(line), Rect::new(inner.x, y, inner.width, 1));
        y += 1;
    }
    if y >= bottom {
        return;
    }
    frame.render_widget(
        Paragraph::new(Span::styled(pad(&list.header, width), theme.title())),
        Rect::new(inner.x, y, inner.width, 1),
    );
    y += 1;
    if list.rows.is_empty() {
        if y < bottom {
            frame.render_widget(
                Paragraph::new(list.empty),
                Rect::new(inner.x, y, inner.width, 1),
            );
        }
        return;
    }
    let visible = usize::from(bottom.saturating_sub(y));
    let selected = list.selected.unwrap_or(0);
    let first = selected.saturating_sub(visible.saturating_sub(1));
    for (i, (text, style)) in list.rows.into_iter().enumerate().skip(first).take(visible) {
        let style = if list.selected == Some(i) {
            theme.selected()
        } else {
            style
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&text, width), style)),
            Rect::new(inner.x, y, inner.width, 1),
        );
        y += 1;
    }
}
