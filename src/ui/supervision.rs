//! Supervision (督办): open cases by urgency, soonest due first.

use super::Theme;
use super::widgets::pad;
use crate::app::App;
use crate::domain::calendar::Urgency;
use crate::domain::text::clean_line;
use crate::i18n::Label;
use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let c = app.supervision.counts;
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        lang.pick(" 督办：按期限 ", " Supervision: by deadline "),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let counts = Line::from(vec![
        Span::raw(match lang {
            Lang::Zh => format!("在办 {}  ", c.open),
            Lang::En => format!("open {}  ", c.open),
        }),
        Span::styled(
            match lang {
                Lang::Zh => format!("! 超期 {}", c.overdue),
                Lang::En => format!("! overdue {}", c.overdue),
            },
            theme.urgency(Urgency::Overdue),
        ),
        Span::raw("  "),
        Span::styled(
            match lang {
                Lang::Zh => format!("~ {}个工作日内到期 {}", app.due_soon_days, c.due_soon),
                Lang::En => format!(
                    "~ due within {} working days {}",
                    app.due_soon_days, c.due_soon
                ),
            },
            theme.urgency(Urgency::DueSoon),
        ),
    ]);
    frame.render_widget(
        Paragraph::new(counts),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let header = format!(
        "  {}{}{}{}{}",
        pad(lang.pick("期限", "Due"), 12),
        pad(lang.pick("编号", "Number"), 15),
        pad(lang.pick("信访人", "Name"), 9),
        pad(lang.pick("状态", "State"), 13),
        lang.pick("事由", "Summary")
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            pad(&header, usize::from(inner.width)),
            theme.title(),
        )),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
    let visible = usize::from(inner.height - 2);
    let first = app
        .supervision
        .selected
        .saturating_sub(visible.saturating_sub(1));
    for (i, (row, u)) in app
        .supervision
        .rows
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
    {
        let due = row.due.map(|d| d.to_string()).unwrap_or_default();
        let line = format!(
            "{} {}{}{}{}{}",
            u.marker(),
            pad(&due, 12),
            pad(&row.number, 15),
            pad(&clean_line(&row.petitioner_name), 9),
            pad(row.state.label(lang), 13),
            clean_line(&row.summary)
        );
        let style = if i == app.supervision.selected {
            theme.selected()
        } else {
            theme.urgency(*u)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&line, usize::from(inner.width)), style)),
            Rect::new(inner.x, inner.y + 2 + (i - first) as u16, inner.width, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::{Action, Pane};
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};

    #[test]
    fn supervision_shows_counts_in_both_languages() {
        let (_d, mut app) = app(Lang::Zh);
        app.apply(Action::ShowPane(Pane::Supervision));
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[2].contains("在办 0"), "{}", lines[2]);
        assert!(lines[2].contains("超期 0"), "{}", lines[2]);
        app.lang = Lang::En;
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[2].contains("overdue 0"), "{}", lines[2]);
    }
}
