//! What is around every pane: the tab bar with the pane keys, the status line, and the legend
//! of the keys available now (drawn from the keymap).

use super::Theme;
use super::widgets::{fit, width};
use crate::app::App;
use crate::app::keymap;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::domain::text::clean_line;
use crate::i18n::{Label, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw_tabs(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let mut spans = vec![Span::styled(
        format!(" {} ", Text::AppTitle.get(lang)),
        theme.title(),
    )];
    for pane in Pane::ALL {
        let label = format!(
            " {} {} ",
            keymap::pane_key_name(pane),
            pane.name().get(lang)
        );
        let style = if pane == app.pane() {
            theme.selected()
        } else {
            Style::default()
        };
        spans.push(Span::styled(label, style));
    }
    let unread = app.session().unread;
    if unread > 0 {
        // Unread notifications, a key away: the count, with the key that lists them.
        let key = keymap::key_for(
            keymap::Command::Global(keymap::GlobalCommand::Notifications),
            lang,
        );
        spans.push(Span::styled(
            format!(
                " {key} {} {unread} ",
                crate::i18n::notifications::NoticeText::Title.get(lang)
            ),
            theme.error(),
        ));
    }
    let me = &app.session().me;
    let roles: Vec<&str> = me.roles.iter().map(|r| r.label(lang)).collect();
    let user = format!("{} ({}) ", clean_line(&me.name), roles.join(","));
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(used);
    let user = fit(&user, room);
    let pad = room.saturating_sub(width(&user));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(user, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn draw_status(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let session = app.session();
    let (text, style) = match &session.status {
        Some(s) => (
            clean_line(&s.text),
            match s.kind {
                StatusKind::Error => theme.error(),
                StatusKind::Success => theme.success(),
                StatusKind::Info => Style::default(),
            },
        ),
        None => (String::new(), Style::default()),
    };
    // The message matters more than the database's name: a long one takes the whole line.
    let mut right = format!(
        " {} {}",
        Text::Database.get(session.lang),
        clean_line(&session.db_name)
    );
    if width(&text) + width(&right) > usize::from(area.width) {
        right.clear();
    }
    let room = usize::from(area.width).saturating_sub(width(&right));
    let text = fit(&text, room);
    let pad = room.saturating_sub(width(&text));
    let line = Line::from(vec![
        Span::styled(text, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The keys of what has the keys now, as many as fit; the rest are in help (F12).
pub fn draw_legend(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let mut spans = Vec::new();
    let mut used = 0usize;
    for b in app.legend() {
        let key = b.keys.name(lang);
        let does = b.does.get(lang);
        let w = width(&key) + width(does) + 2;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(key, theme.selected()));
        spans.push(Span::raw(format!(" {does} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
