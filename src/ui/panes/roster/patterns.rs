//! The weekly patterns (每周固定安排): who is on duty every such weekday and half-day, where,
//! from when and until when.

use super::super::super::Theme;
use super::super::super::widgets::list::{self, PagedList};
use super::super::super::widgets::{fit, pad};
use crate::app::App;
use crate::domain::roster::Rank;
use crate::domain::text::clean_line;
use crate::i18n::Text;
use crate::i18n::roster::{self as words, RosterText};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let roster = &app.panes().roster;
    // The mark column as wide as its words need in this language, and a space.
    let mark_w = [
        RosterText::ColMark,
        RosterText::MarkLeader,
        RosterText::MarkWeekly,
    ]
    .iter()
    .map(|t| super::super::super::widgets::width(t.get(lang)))
    .max()
    .unwrap_or(4)
        + 1;
    let header = format!(
        "  {}{}{}{}{}{}",
        pad(RosterText::ColWeekday.get(lang), 7),
        pad(Text::ColHalfDay.get(lang), 5),
        pad(Text::ColExpert.get(lang), 9),
        pad(Text::ColRoom.get(lang), 11),
        pad(RosterText::ColMark.get(lang), mark_w),
        RosterText::ColSpan.get(lang)
    );
    let rows = roster
        .patterns
        .iter()
        .map(|v| {
            let p = &v.pattern;
            let until = p.until.map_or_else(
                || RosterText::OpenEnded.get(lang).to_string(),
                |u| u.format("%Y-%m-%d").to_string(),
            );
            let line = format!(
                "  {}{}{}{}{}{} — {}",
                pad(words::weekday(lang, p.weekday), 7),
                pad(words::half(lang, p.afternoon), 5),
                pad(&fit(&clean_line(&v.staff_name), 8), 9),
                pad(&fit(&clean_line(&p.room), 10), 11),
                pad(
                    if v.rank == Rank::Leader {
                        RosterText::MarkLeader.get(lang)
                    } else {
                        RosterText::MarkWeekly.get(lang)
                    },
                    mark_w
                ),
                p.from.format("%Y-%m-%d"),
                until
            );
            (line, Style::default())
        })
        .collect();
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(
                format!(" {} ", RosterText::PatternsTitle.get(lang)),
                theme.title(),
            )),
            above: vec![],
            header,
            rows,
            selected: Some(roster.selected),
            empty: RosterText::PatternsEmpty.get(lang).to_string(),
        },
        theme,
    );
}
