//! The help overlay: every key of the current pane, from the same keymap that dispatches them.

use super::Theme;
use super::widgets::{centered, pad};
use crate::app::App;
use crate::app::keymap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn draw(frame: &mut Frame<'_>, body: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    // One line per action: keys that do the same thing share it ("F1/M-1").
    let mut entries: Vec<(String, &str)> = vec![];
    let mut actions: Vec<(keymap::Scope, keymap::Action)> = vec![];
    for b in keymap::bindings(&app.scopes()) {
        let desc = lang.pick(b.zh, b.en);
        if let Some(i) = actions.iter().position(|a| *a == (b.scope, b.action))
            && entries[i].1 == desc
        {
            entries[i].0.push('/');
            entries[i].0.push_str(b.key_label);
            continue;
        }
        actions.push((b.scope, b.action));
        entries.push((b.key_label.to_string(), desc));
    }
    let key_cols = entries.iter().map(|(k, _)| k.len()).max().unwrap_or(4) + 2;
    let mut lines: Vec<Line<'_>> = entries
        .into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(pad(&k, key_cols), theme.title()),
                Span::raw(d.to_string()),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        lang.pick("按任意键关闭", "Press any key to close"),
        theme.dim(),
    )));
    let h = (lines.len() as u16 + 2).min(body.height);
    let w = 56.min(body.width);
    let area = centered(body, w, h);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::ALL).title(Span::styled(
            lang.pick(" 按键帮助 ", " Keys "),
            theme.title(),
        ))),
        area,
    );
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::{Action, KEYMAP, Scope};
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};

    #[test]
    fn help_lists_the_keys_the_keymap_binds() {
        let (_d, mut app) = app(Lang::Zh);
        app.apply(Action::ToggleHelp);
        let (lines, _) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        for b in KEYMAP.iter().filter(|b| b.scope == Scope::Intake) {
            assert!(screen.contains(b.key_label), "help lacks {}", b.key_label);
        }
        assert!(screen.contains("按键帮助"));
    }
}
