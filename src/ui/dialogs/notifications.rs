//! The notifications list: newest first, each with when, what, the case and the words; the
//! unread marked (the word at the start of the row, beside the emphasis).

use super::super::Theme;
use super::super::widgets::{centered, clear_for_dialog, cols, fit, pad};
use super::key_hint;
use crate::app::App;
use crate::app::dialogs::notifications::NotificationsDialog;
use crate::app::keymap::Scope;
use crate::i18n::notifications::{self as words, NoticeMsg, NoticeText};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame<'_>, body: Rect, d: &NotificationsDialog, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let w = body.width.min(110);
    let h = body.height;
    let area = centered(body, w, h);
    let title = NoticeMsg::ListTitle { unread: d.unread }.text(lang);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title())
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let header = format!(
        "{}{}{}{}{}",
        pad("", 5),
        pad(NoticeText::ColWhen.get(lang), 12),
        pad(NoticeText::ColKind.get(lang), 9),
        pad(NoticeText::ColCase.get(lang), 15),
        NoticeText::ColText.get(lang)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(pad(&header, width), theme.title())),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let list_rows = usize::from(inner.height.saturating_sub(2));
    if d.items.is_empty() {
        frame.render_widget(
            Paragraph::new(NoticeText::Empty.get(lang)),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
    }
    let first = d.pick.saturating_sub(list_rows.saturating_sub(1));
    for (row, (i, n)) in d
        .items
        .iter()
        .enumerate()
        .skip(first)
        .take(list_rows)
        .enumerate()
    {
        // Unread is said in a word at the start of the row, beside any emphasis.
        let marker = if n.read {
            pad("", 5)
        } else {
            pad(NoticeText::UnreadMark.get(lang), 5)
        };
        let line = format!(
            "{marker}{}{}{}{}",
            pad(&n.at.format("%m-%d %H:%M").to_string(), 12),
            pad(words::kind(lang, n.kind), 9),
            pad(n.case_number.as_deref().unwrap_or("—"), 15),
            words::describe(lang, n)
        );
        let style = if i == d.pick {
            theme.selected()
        } else if n.read {
            theme.dim()
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&fit(&line, width), width), style)),
            Rect::new(inner.x, inner.y + 1 + cols(row), inner.width, 1),
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&key_hint(Scope::Notifications, app), width),
            theme.dim(),
        )),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        ),
    );
}
