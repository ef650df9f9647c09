//! The statistics view: the rates as bars with their figures beside them, contacts by channel
//! as bars, the trend of repeat contacts as a sparkline with its numbers, supervision and
//! notices; or the figures by unit or by first handler as a table.

use super::super::super::Theme;
use super::super::super::widgets::{pad, width};
use crate::app::App;
use crate::app::panes::supervision::{StatsPage, StatsView};
use crate::domain::report::{Rate, Report, Tally};
use crate::domain::text::clean_line;
use crate::domain::workflow::StepKind;
use crate::i18n::report::Rp;
use crate::i18n::{Label, Lang};
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph};

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let view = &app.panes().supervision.stats;
    let title = match view.period {
        Some(p) => Rp::StatsTitle {
            from: p.from.to_string(),
            to: p.to.to_string(),
        }
        .text(lang),
        None => Rp::Overall.text(lang),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(report) = &view.report else {
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(head_line(lang, view, report, theme)), head);
    if report.overall.cases == 0 && view.page == StatsPage::Overview {
        frame.render_widget(
            Paragraph::new(Rp::NothingInPeriod.text(lang)),
            Rect { height: 1, ..body },
        );
        return;
    }
    match view.page {
        StatsPage::Overview => overview(frame, body, lang, view, report, theme),
        StatsPage::Units => {
            let rows: Vec<(String, &Tally)> = report
                .units_by_size()
                .into_iter()
                .map(|(id, t)| {
                    let name = view
                        .names
                        .unit(id)
                        .map_or_else(|| Rp::OwnOffice.text(lang), |(_, n)| clean_line(n));
                    (name, t)
                })
                .collect();
            table(frame, body, lang, &rows, view.scroll, theme);
        }
        StatsPage::Handlers => {
            let rows: Vec<(String, &Tally)> = report
                .handlers_by_size()
                .into_iter()
                .map(|(id, t)| {
                    let name = view
                        .names
                        .staff(id)
                        .map_or_else(|| Rp::NoHandler.text(lang), |(_, n)| clean_line(n));
                    (name, t)
                })
                .collect();
            table(frame, body, lang, &rows, view.scroll, theme);
        }
    }
}

/// When it was counted and how many matters; which page is shown.
fn head_line<'a>(lang: Lang, view: &StatsView, report: &Report, theme: &Theme) -> Line<'a> {
    let at = view
        .counted_at
        .map(|t| t.format("%m-%d %H:%M").to_string())
        .unwrap_or_default();
    let mut spans = vec![Span::raw(format!(
        "{}    ",
        Rp::StatsCounted {
            at,
            cases: report.overall.cases
        }
        .text(lang)
    ))];
    for (page, name) in [
        (StatsPage::Overview, Rp::PageOverview),
        (StatsPage::Units, Rp::PageUnits),
        (StatsPage::Handlers, Rp::PageHandlers),
    ] {
        let text = format!(" {} ", name.text(lang));
        spans.push(if page == view.page {
            Span::styled(format!("[{}]", text.trim()), theme.selected())
        } else {
            Span::raw(text)
        });
    }
    Line::from(spans)
}

/// The rates in the order the report gives them, with their names.
fn rates(t: &Tally) -> [(Rp, Rate); 7] {
    let r = t.rates();
    [
        (Rp::Timely, r.timely_acceptance),
        (Rp::OnTime, r.on_time_closing),
        (Rp::Evaluation, r.evaluation_rate),
        (Rp::Satisfaction, r.satisfaction_rate),
        (Rp::OneTime, r.one_time_resolution),
        (Rp::LeaderCases, r.leader_case_resolution),
        (Rp::FirstShare, r.first_contact_share),
    ]
}

fn overview(
    frame: &mut Frame<'_>,
    area: Rect,
    lang: Lang,
    view: &StatsView,
    report: &Report,
    theme: &Theme,
) {
    let t = &report.overall;
    // With room to spare (a tall terminal), contacts by category too.
    let categories_h = area.height.saturating_sub(17).min(18);
    let [top, trend, rest, by_category] = Layout::vertical([
        Constraint::Length(8),
        Constraint::Length(4),
        Constraint::Length(4),
        Constraint::Length(categories_h),
    ])
    .areas(area);
    if categories_h >= 4 {
        super::charts::categories(frame, by_category, lang, view, t, theme);
    }
    let channel_w = 26u16.min(area.width / 3);
    let [rates_area, channels_area] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(channel_w)]).areas(top);
    // The rates: a bar each (percent of 100), the figures beside.
    let figures: Vec<String> = rates(t)
        .iter()
        .map(|(_, r)| format!("{:>7} {}/{}", r.percent(), r.num, r.den))
        .collect();
    let figures_w = figures.iter().map(|f| width(f)).max().unwrap_or(0) as u16 + 1;
    let [bars_area, numbers_area] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(figures_w)]).areas(Rect {
            y: rates_area.y + 1,
            height: rates_area.height.saturating_sub(1),
            ..rates_area
        });
    frame.render_widget(
        Paragraph::new(Span::styled(Rp::RatesHeading.text(lang), theme.title())),
        Rect {
            height: 1,
            ..rates_area
        },
    );
    let bars: Vec<Bar<'_>> = rates(t)
        .iter()
        .map(|(name, r)| {
            Bar::default()
                .label(Line::from(name.text(lang)))
                .value(r.rate().map_or(0, |x| (x * 1000.0).round() as u64))
                .text_value(String::new())
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .direction(Direction::Horizontal)
            .bar_width(1)
            .bar_gap(0)
            .max(1000)
            .data(BarGroup::default().bars(&bars)),
        bars_area,
    );
    let lines: Vec<Line<'_>> = figures.into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(lines), numbers_area);
    super::charts::channels(frame, channels_area, lang, t, theme);
    super::charts::repeat_trend(frame, trend, lang, view, theme);
    // Leapfrogging, supervision and notices, in words and numbers.
    let steps: Vec<String> = StepKind::SUPERVISION
        .iter()
        .map(|k| {
            format!(
                "{} {}",
                k.label(lang),
                t.supervision.get(k.code()).copied().unwrap_or(0)
            )
        })
        .collect();
    let lines = vec![
        Line::from(format!(
            "{} {}    {} {}    {} {}",
            Rp::Contacts.text(lang),
            t.contacts,
            Rp::Repeat.text(lang),
            t.repeat_contacts,
            Rp::Leapfrog.text(lang),
            t.leapfrog_contacts
        )),
        Line::from(format!(
            "{}：{}",
            Rp::Supervision.text(lang),
            steps.join(" · ")
        )),
        Line::from(format!("{}：{}", Rp::Notices.text(lang), t.notices)),
    ];
    frame.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        rest,
    );
}

/// Groups one line each: matters, contacts, four rates, supervision steps, notices.
fn table(
    frame: &mut Frame<'_>,
    area: Rect,
    lang: Lang,
    rows: &[(String, &Tally)],
    scroll: usize,
    theme: &Theme,
) {
    let narrow = area.width < 100;
    let mut heads = vec![Rp::ShortCases];
    if !narrow {
        heads.push(Rp::ShortContacts);
    }
    heads.extend([
        Rp::ShortTimely,
        Rp::ShortOnTime,
        Rp::ShortSatisfied,
        Rp::ShortOneTime,
        Rp::ShortSupervision,
        Rp::ShortNotices,
    ]);
    let cell = if narrow { 9 } else { 10 };
    let name_w = if narrow { 14 } else { 24 };
    let right = |s: &str| format!("{}{s}", " ".repeat(cell - width(s).min(cell)));
    let mut header = pad(&Rp::ColName.text(lang), name_w);
    for h in &heads {
        header.push_str(&right(&h.text(lang)));
    }
    let mut lines = vec![Line::from(Span::styled(header, theme.title()))];
    for (name, t) in rows.iter().skip(scroll) {
        let r = t.rates();
        let steps: u64 = t.supervision.values().sum();
        let mut cells = vec![t.cases.to_string()];
        if !narrow {
            cells.push(t.contacts.to_string());
        }
        cells.extend([
            r.timely_acceptance.percent(),
            r.on_time_closing.percent(),
            r.satisfaction_rate.percent(),
            r.one_time_resolution.percent(),
            steps.to_string(),
            t.notices.to_string(),
        ]);
        let mut line = pad(name, name_w);
        for c in cells {
            line.push_str(&right(&c));
        }
        lines.push(Line::from(line));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
