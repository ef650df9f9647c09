//! The statistics view's charts: contacts by category and by channel as bars, the trend of
//! repeat contacts as a sparkline, each with its numbers beside or beneath.

use super::super::super::Theme;
use crate::app::panes::supervision::StatsView;
use crate::domain::Channel;
use crate::domain::report::Tally;
use crate::domain::text::clean_line;
use crate::i18n::report::Rp;
use crate::i18n::{Label, Lang};
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline};

/// Contacts by category, the most first: a bar each, the number beside it.
pub(super) fn categories(
    frame: &mut Frame<'_>,
    area: Rect,
    lang: Lang,
    view: &StatsView,
    t: &Tally,
    theme: &Theme,
) {
    frame.render_widget(
        Paragraph::new(Span::styled(Rp::ByCategory.text(lang), theme.title())),
        Rect { height: 1, ..area },
    );
    let mut counts: Vec<(String, u64)> = t
        .contacts_by_category
        .iter()
        .map(|(id, n)| {
            let name = view.names.categories.get(id).map_or_else(
                || id.to_string(),
                |c| clean_line(if lang.is_zh() { &c.name_zh } else { &c.name_en }),
            );
            (name, *n)
        })
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.truncate(usize::from(area.height.saturating_sub(1)));
    let numbers_w = counts
        .iter()
        .map(|(_, n)| n.to_string().len())
        .max()
        .unwrap_or(1) as u16
        + 1;
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        width: area.width.min(70),
        ..area
    };
    let [bars_area, numbers_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(numbers_w)]).areas(body);
    let bars: Vec<Bar<'_>> = counts
        .iter()
        .map(|(name, n)| {
            Bar::default()
                .label(Line::from(name.clone()))
                .value(*n)
                .text_value(String::new())
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
            .data(BarGroup::default().bars(&bars)),
        bars_area,
    );
    let lines: Vec<Line<'_>> = counts
        .iter()
        .map(|(_, n)| Line::from(format!(" {n}")))
        .collect();
    frame.render_widget(Paragraph::new(lines), numbers_area);
}

/// Contacts by channel: a bar each, the numbers beneath.
pub(super) fn channels(frame: &mut Frame<'_>, area: Rect, lang: Lang, t: &Tally, theme: &Theme) {
    if area.width < 8 || area.height < 4 {
        return;
    }
    let count = |c: Channel| t.contacts_by_channel.get(c.code()).copied().unwrap_or(0);
    frame.render_widget(
        Paragraph::new(Span::styled(Rp::ByChannel.text(lang), theme.title())),
        Rect { height: 1, ..area },
    );
    let bar_w = (area.width.saturating_sub(3) / 4).clamp(2, 5);
    let bars: Vec<Bar<'_>> = Channel::ALL
        .iter()
        .map(|c| {
            Bar::default()
                .label(Line::from(c.label(lang)))
                .value(count(*c))
                .text_value(String::new())
        })
        .collect();
    let chart_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    frame.render_widget(
        BarChart::default()
            .bar_width(bar_w)
            .bar_gap(1)
            .data(BarGroup::default().bars(&bars)),
        chart_area,
    );
    let numbers: String = Channel::ALL
        .iter()
        .map(|c| format!("{:<w$}", count(*c), w = usize::from(bar_w + 1)))
        .collect();
    frame.render_widget(
        Paragraph::new(numbers),
        Rect {
            y: area.y + area.height.saturating_sub(1),
            height: 1,
            ..area
        },
    );
}

/// Repeat contacts over the twelve months to the period's end, with the figures.
pub(super) fn repeat_trend(
    frame: &mut Frame<'_>,
    area: Rect,
    lang: Lang,
    view: &StatsView,
    theme: &Theme,
) {
    let Some(end) = view.trend_end else {
        return;
    };
    let mut months: Vec<(String, u64)> = vec![];
    let mut month = crate::domain::report::Period::month_of(end).shifted(-11);
    for _ in 0..12 {
        let key = month.from.format("%Y-%m").to_string();
        let n = view.trend.repeat_by_month.get(&key).copied().unwrap_or(0);
        months.push((month.from.format("%m").to_string(), n));
        month = month.shifted(1);
    }
    let last = months.last().map_or(0, |m| m.1);
    let (peak_month, peak) = months
        .iter()
        .max_by_key(|m| m.1)
        .map_or((String::new(), 0), |m| (m.0.clone(), m.1));
    let total: u64 = months.iter().map(|m| m.1).sum();
    let label = Rp::Trend {
        total,
        peak,
        month: peak_month,
        last,
    }
    .text(lang);
    frame.render_widget(
        Paragraph::new(Span::styled(label, theme.title())),
        Rect { height: 1, ..area },
    );
    let data: Vec<u64> = months.iter().map(|m| m.1).collect();
    let spark_w = (data.len() as u16 * 3).min(area.width);
    frame.render_widget(
        Sparkline::default().data(data.iter().flat_map(|n| [*n, *n, 0]).collect::<Vec<u64>>()),
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(2).max(1),
            width: spark_w,
            ..area
        },
    );
    let axis: String = months.iter().map(|m| format!("{:<3}", m.0)).collect();
    frame.render_widget(
        Paragraph::new(Span::styled(axis, Style::default())),
        Rect {
            y: area.y + area.height.saturating_sub(1),
            height: 1,
            ..area
        },
    );
}
