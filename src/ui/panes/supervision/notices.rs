//! Accountability notices (通报), newest first: number, day, whom it names, how many cases,
//! the failure.

use super::super::super::Theme;
use super::super::super::widgets::list::{self, PagedList};
use super::cell as pad;
use crate::app::App;
use crate::domain::text::clean_line;
use crate::i18n::supervision::Sv;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let n = &app.panes().supervision.notices;
    let target_w = if super::wide(area) { 20 } else { 14 };
    let t = |s: Sv, w: usize| pad(&s.text(lang), w);
    let header = format!(
        "  {}{}{}{}{}",
        t(Sv::ColNumber, 13),
        t(Sv::ColDate, 11),
        t(Sv::ColTarget, target_w),
        t(Sv::ColCases, 6),
        Sv::ColFailure.text(lang)
    );
    let rows = n
        .rows
        .iter()
        .map(|notice| {
            let line = format!(
                "  {}{}{}{}{}",
                pad(&clean_line(&notice.number), 13),
                pad(&notice.at.format("%Y-%m-%d").to_string(), 11),
                pad(&clean_line(&notice.target()), target_w),
                pad(&notice.cases.len().to_string(), 6),
                clean_line(&notice.failure)
            );
            (line, Style::default())
        })
        .collect();
    list::draw(
        frame,
        area,
        PagedList {
            title: Line::from(Span::styled(
                format!(" {} ", Sv::NoticesTitle { n: n.total }.text(lang)),
                theme.title(),
            )),
            above: vec![],
            header,
            rows,
            selected: Some(n.selected),
            empty: Sv::NoNotices.text(lang),
        },
        theme,
    );
}
