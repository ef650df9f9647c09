//! The roster (值班): this week's duty slots, who is on duty now, and their waiting visitors.

use super::Theme;
use super::widgets::pad;
use crate::app::App;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

const WEEKDAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let title = match (lang, app.roster.week_start) {
        (Lang::Zh, Some(d)) => format!(" 本周接访安排（{} 起） ", d),
        (Lang::En, Some(d)) => format!(" Duty roster, week of {} ", d),
        _ => String::new(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let header = format!(
        "  {}{}{}{}{}{}",
        pad(lang.pick("日期", "Date"), 16),
        pad(lang.pick("时段", "Half"), 6),
        pad(lang.pick("专家", "Expert"), 10),
        pad(lang.pick("房间", "Room"), 10),
        pad(lang.pick("候谈", "Waiting"), 8),
        lang.pick("擅长类别", "Specialties")
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            pad(&header, usize::from(inner.width)),
            theme.title(),
        )),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if app.roster.slots.is_empty() {
        frame.render_widget(
            Paragraph::new(lang.pick("本周没有排班。", "Nobody is on the roster this week.")),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
        return;
    }
    let visible = usize::from(inner.height - 1);
    let first = app
        .roster
        .selected
        .saturating_sub(visible.saturating_sub(1));
    for (i, slot) in app
        .roster
        .slots
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
    {
        let now = app.slot_is_now(slot);
        let weekday = chrono::Datelike::weekday(&slot.day).num_days_from_monday() as usize;
        let day = match lang {
            Lang::Zh => format!("{} {}", slot.day.format("%m-%d"), WEEKDAYS_ZH[weekday]),
            Lang::En => slot.day.format("%m-%d %a").to_string(),
        };
        let half = if slot.afternoon {
            lang.pick("下午", "pm")
        } else {
            lang.pick("上午", "am")
        };
        let line = format!(
            "{}{}{}{}{}{}{}",
            if now { "▶ " } else { "  " },
            pad(&day, 16),
            pad(half, 6),
            pad(&clean_line(&slot.staff_name), 10),
            pad(&clean_line(&slot.room), 10),
            pad(&slot.waiting.to_string(), 8),
            clean_line(&slot.specialties.join("、"))
        );
        let style = if i == app.roster.selected {
            theme.selected()
        } else if now {
            theme.title()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&line, usize::from(inner.width)), style)),
            Rect::new(inner.x, inner.y + 1 + (i - first) as u16, inner.width, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::{Action, Pane};
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};

    #[test]
    fn roster_lists_this_weeks_experts() {
        let (_d, mut app) = app(Lang::Zh);
        app.apply(Action::ShowPane(Pane::Roster));
        let (lines, _) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains("本周接访安排"), "{screen}");
        assert!(screen.contains("王建国"), "{screen}");
        assert!(screen.contains("接访室"), "{screen}");
        app.lang = Lang::En;
        for (w, h) in [(80, 24), (120, 40)] {
            let (lines, _) = render(&mut app, w, h);
            let screen = lines.join("\n");
            assert!(screen.contains("Duty roster"), "{screen}");
            assert!(
                screen.contains("Expert") && screen.contains("王建国"),
                "{screen}"
            );
        }
    }
}
