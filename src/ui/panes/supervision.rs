//! Supervision (督办): open cases by urgency, soonest due first, under the counts.

use super::super::Theme;
use super::super::widgets::list::{self, PagedList};
use super::super::widgets::pad;
use crate::app::App;
use crate::domain::calendar::Urgency;
use crate::domain::text::clean_line;
use crate::i18n::{Label, Msg, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let pane = &app.panes().supervision;
    let c = pane.counts;
    let counts = Line::from(vec![
        Span::raw(format!("{}  ", Msg::OpenCount { n: c.open }.text(lang))),
        Span::styled(
            Msg::OverdueCount { n: c.overdue }.text(lang),
            theme.urgency(Urgency::Overdue),
        ),
        Span::raw("  "),
        Span::styled(
            Msg::DueSoonCount {
                days: session.due_soon_days,
                n: c.due_soon,
            }
            .text(lang),
            theme.urgency(Urgency::DueSoon),
        ),
    ]);
    let header = format!(
        "  {}{}{}{}{}",
        pad(Text::ColDue.get(lang), 12),
        pad(Text::ColNumber.get(lang), 15),
        pad(Text::ColPetitioner.get(lang), 9),
        pad(Text::ColState.get(lang), 13),
        Text::ColSummary.get(lang)
    );
    let rows = pane
        .rows
        .iter()
        .map(|(row, u)| {
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
            (line, theme.urgency(*u))
        })
        .collect();
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(
                format!(" {} ", Text::SupervisionTitle.get(lang)),
                theme.title(),
            )),
            above: vec![counts],
            header,
            rows,
            selected: Some(pane.selected),
            empty: Text::NothingOpen.get(lang).to_string(),
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
    fn supervision_shows_counts_in_both_languages() {
        let (_d, mut app) = app(Lang::Zh);
        app.run(Command::Global(GlobalCommand::ShowPane(Pane::Supervision)));
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[2].contains("在办 0"), "{}", lines[2]);
        assert!(lines[2].contains("超期 0"), "{}", lines[2]);
        app.set_lang(Lang::En);
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[2].contains("overdue 0"), "{}", lines[2]);
    }
}
