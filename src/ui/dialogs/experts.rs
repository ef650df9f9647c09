//! The duty-expert picker: each expert on duty now with room, waiting visitors and whether
//! their specialties cover the category; ★ marks the one the visitor is routed to.

use super::super::Theme;
use super::super::widgets::{centered, cols, pad};
use crate::app::App;
use crate::app::dialogs::experts::ExpertPicker;
use crate::app::dialogs::experts::ExpertsCommand;
use crate::app::keymap::{Command, key_for};
use crate::domain::text::clean_line;
use crate::i18n::{Msg, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame<'_>, body: Rect, picker: &ExpertPicker, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let inner = super::super::panes::intake::inner_area(body);
    let w = 60.min(inner.width);
    let area = centered(inner, w, cols(picker.experts.len() + 3).min(inner.height));
    let title = Msg::ExpertsTitle {
        key: key_for(Command::Experts(ExpertsCommand::Choose), lang),
    }
    .text(lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    let list = block.inner(area);
    super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    for (i, e) in picker
        .experts
        .iter()
        .enumerate()
        .take(usize::from(list.height))
    {
        let chosen = picker.chosen == Some(e.staff_id);
        let covers = if e.covers {
            Text::CoversCategory.get(lang)
        } else {
            ""
        };
        let line = format!(
            "{}{} {} {} {}",
            if chosen { "★" } else { " " },
            pad(&clean_line(&e.name), 8),
            pad(&clean_line(&e.room), 10),
            pad(&Msg::Waiting { n: e.waiting }.text(lang), 10),
            covers
        );
        let style = if i == picker.pick {
            theme.selected()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&line, usize::from(list.width)), style)),
            Rect::new(list.x, list.y + cols(i), list.width, 1),
        );
    }
}
