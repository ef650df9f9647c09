//! A yes/no question, in words, in a box over the pane until it is answered.

use super::super::Theme;
use super::super::widgets::{centered, cols, width};
use super::key_hint;
use crate::app::App;
use crate::app::dialogs::question::QuestionDialog;
use crate::app::keymap::Scope;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn draw(frame: &mut Frame<'_>, body: Rect, dialog: &QuestionDialog, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let text = dialog.question.text(lang);
    let text = text.as_str();
    let keys = key_hint(Scope::Question, app);
    let w = cols(width(text).max(width(&keys)) + 4).min(body.width);
    // A narrow terminal wraps the question rather than cutting it.
    let inner_w = usize::from(w.saturating_sub(2)).max(1);
    let rows = width(text).div_ceil(inner_w) + 1;
    let area = centered(body, w, cols(rows + 2));
    super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(
        Paragraph::new(vec![Line::from(text), Line::styled(keys, theme.dim())])
            .wrap(Wrap { trim: false })
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.title()),
            ),
        area,
    );
}
