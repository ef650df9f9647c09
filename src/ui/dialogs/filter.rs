//! The queue's filters: one line per filter with its value between ◀ ▶, the focused line
//! reversed, the keys on the last line. Also the words for a filter's value, which the queue
//! uses for the filters in force.

use super::super::Theme;
use super::super::widgets::{centered, cols, fit, pad, width};
use super::key_hint;
use crate::app::App;
use crate::app::dialogs::filter::{FilterCommand, FilterDialog, FilterLine};
use crate::app::keymap::{Command, Scope, key_for};
use crate::domain::calendar::Urgency;
use crate::domain::query::{ContactsFilter, DueFilter, Filters, StateFilter};
use crate::domain::text::clean_line;
use crate::domain::{Category, Unit};
use crate::i18n::{Label, Lang, Text};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The label column.
const LABEL: usize = 12;
/// The value column: the longest unit name fits.
const VALUE: usize = 28;

fn label(line: FilterLine) -> Text {
    match line {
        FilterLine::State => Text::FilterState,
        FilterLine::Unit => Text::FilterUnit,
        FilterLine::Category => Text::FilterCategory,
        FilterLine::Channel => Text::FilterChannel,
        FilterLine::Due => Text::FilterDue,
        FilterLine::Contacts => Text::FilterContacts,
        FilterLine::Mine => Text::FilterMine,
        FilterLine::Supervised => Text::FilterSupervised,
    }
}

/// A filter's value in words ("全部" when it lets everything through).
pub fn value_text(
    line: FilterLine,
    f: &Filters,
    lang: Lang,
    units: &[Unit],
    categories: &[Category],
) -> String {
    let all = || Text::FilterAll.get(lang).to_string();
    let yes_no = |b: bool| if b { Text::Yes } else { Text::No }.get(lang).to_string();
    match line {
        FilterLine::State => match f.state {
            StateFilter::All => all(),
            StateFilter::Open => Text::FilterOpen.get(lang).to_string(),
            StateFilter::Only(s) => s.label(lang).to_string(),
        },
        FilterLine::Unit => f
            .unit_id
            .map(|id| {
                units
                    .iter()
                    .find(|u| u.id == id)
                    .map(|u| clean_line(&u.name))
                    .unwrap_or_else(|| format!("#{id}"))
            })
            .unwrap_or_else(all),
        FilterLine::Category => f
            .category_id
            .map(|id| {
                categories
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| clean_line(lang.pick(&c.name_zh, &c.name_en)))
                    .unwrap_or_else(|| format!("#{id}"))
            })
            .unwrap_or_else(all),
        FilterLine::Channel => f
            .channel
            .map(|c| c.label(lang).to_string())
            .unwrap_or_else(all),
        FilterLine::Due => match f.due {
            None => all(),
            Some(DueFilter::Overdue) => Urgency::Overdue.label(lang).to_string(),
            Some(DueFilter::DueSoon) => Urgency::DueSoon.label(lang).to_string(),
        },
        FilterLine::Contacts => match f.contacts {
            ContactsFilter::Any => all(),
            ContactsFilter::FirstOnly => Text::FilterFirstOnly.get(lang).to_string(),
            ContactsFilter::Repeated => Text::FilterRepeated.get(lang).to_string(),
        },
        FilterLine::Mine => yes_no(f.mine),
        FilterLine::Supervised => yes_no(f.supervised),
    }
}

/// The filters in force, in words, joined ("在办 · 县自然资源局 · 超期"); empty when none.
pub fn summary(f: &Filters, lang: Lang, value: impl Fn(FilterLine, &Filters) -> String) -> String {
    let d = Filters::default();
    let parts: Vec<String> = FilterLine::ALL
        .into_iter()
        .filter(|line| match line {
            FilterLine::State => f.state != d.state,
            FilterLine::Unit => f.unit_id.is_some(),
            FilterLine::Category => f.category_id.is_some(),
            FilterLine::Channel => f.channel.is_some(),
            FilterLine::Due => f.due.is_some(),
            FilterLine::Contacts => f.contacts != d.contacts,
            FilterLine::Mine => f.mine,
            FilterLine::Supervised => f.supervised,
        })
        .map(|line| match line {
            FilterLine::Mine => Text::FilterMineOn.get(lang).to_string(),
            FilterLine::Supervised => Text::FilterSupervisedOn.get(lang).to_string(),
            other => value(other, f),
        })
        .collect();
    parts.join(" · ")
}

pub fn draw(frame: &mut Frame<'_>, body: Rect, dialog: &FilterDialog, app: &App, theme: &Theme) {
    let lang = app.session().lang;
    let keys = format!(
        "{} {}  {} {}  {}",
        key_for(Command::Filter(FilterCommand::Down), lang),
        Text::KeyNextFilter.get(lang),
        key_for(Command::Filter(FilterCommand::Next), lang),
        Text::KeyNextValue.get(lang),
        key_hint(Scope::Filter, app)
    );
    let w = cols((LABEL + VALUE + 6).max(width(&keys) + 2)).min(body.width);
    let area = centered(body, w, cols(dialog.lines.len() + 4));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        format!(" {} ", Text::FilterTitle.get(lang)),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let room = usize::from(inner.width);
    for (i, line) in dialog.lines.iter().copied().enumerate() {
        let y = inner.y + cols(i);
        if y >= inner.y + inner.height {
            break;
        }
        let focused = i == dialog.line;
        let value = value_text(
            line,
            &dialog.filters,
            lang,
            &dialog.units,
            &dialog.categories,
        );
        let value = fit(&value, room.saturating_sub(LABEL + 6));
        let text = if focused {
            format!(" {}◀ {value} ▶", pad(label(line).get(lang), LABEL))
        } else {
            format!(" {}  {value}", pad(label(line).get(lang), LABEL))
        };
        let style = if focused {
            theme.selected()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&text, room), style)),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&keys, room), theme.dim())),
        Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        ),
    );
}
