//! The roster (值班): this week's duty slots, who is on duty now, and their waiting visitors.

use super::super::Theme;
use super::super::widgets::list::{self, PagedList};
use super::super::widgets::pad;
use crate::app::App;
use crate::domain::text::clean_line;
use crate::i18n::{Msg, Text};
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

const WEEKDAYS: [Text; 7] = [
    Text::Monday,
    Text::Tuesday,
    Text::Wednesday,
    Text::Thursday,
    Text::Friday,
    Text::Saturday,
    Text::Sunday,
];

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let roster = &app.panes().roster;
    let title = roster
        .week_start
        .map(|d| {
            Msg::RosterTitle {
                week: d.to_string(),
            }
            .text(lang)
        })
        .unwrap_or_default();
    let header = format!(
        "  {}{}{}{}{}{}",
        pad(Text::ColDate.get(lang), 16),
        pad(Text::ColHalfDay.get(lang), 6),
        pad(Text::ColExpert.get(lang), 10),
        pad(Text::ColRoom.get(lang), 10),
        pad(Text::ColWaiting.get(lang), 8),
        Text::ColSpecialties.get(lang)
    );
    let rows = roster
        .slots
        .iter()
        .map(|slot| {
            let now = slot.is_at(session.now);
            let weekday = WEEKDAYS
                .get(slot.day.weekday().num_days_from_monday() as usize)
                .map_or("", |t| t.get(lang));
            let day = format!("{} {weekday}", slot.day.format("%m-%d"));
            let half = if slot.afternoon {
                Text::Afternoon
            } else {
                Text::Morning
            };
            let line = format!(
                "{}{}{}{}{}{}{}",
                if now { "▶ " } else { "  " },
                pad(&day, 16),
                pad(half.get(lang), 6),
                pad(&clean_line(&slot.staff_name), 10),
                pad(&clean_line(&slot.room), 10),
                pad(&slot.waiting.to_string(), 8),
                clean_line(&slot.specialties.join("、"))
            );
            (line, if now { theme.title() } else { Style::default() })
        })
        .collect();
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(format!(" {title} "), theme.title())),
            above: vec![],
            header,
            rows,
            selected: Some(roster.selected),
            empty: Text::RosterEmpty.get(lang).to_string(),
        },
        theme,
    );
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::{Command, GlobalCommand};
    use crate::app::panes::Pane;
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};

    #[test]
    fn roster_lists_this_weeks_experts() {
        let (_d, mut app) = app(Lang::Zh);
        app.run(Command::Global(GlobalCommand::ShowPane(Pane::Roster)));
        let (lines, _) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains("本周接访安排"), "{screen}");
        assert!(screen.contains("王建国"), "{screen}");
        assert!(screen.contains("接访室"), "{screen}");
        app.set_lang(Lang::En);
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
