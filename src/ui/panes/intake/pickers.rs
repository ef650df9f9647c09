//! The category and units pickers: the matches of what was typed, by number, name or pinyin
//! initials, to the right of the field, the highlighted one reversed.

use super::super::super::Theme;
use super::super::super::widgets::pad;
use crate::app::App;
use crate::app::panes::intake::choices::{match_categories, match_units};
use crate::domain::intake::IntakeField;
use crate::domain::text::clean_line;
use crate::i18n::Text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

/// Draw the picker of the focused field, if it has one.
pub fn draw(frame: &mut Frame<'_>, form_area: Rect, app: &App, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let form = &app.panes().intake.form;
    let number_of = |position: Option<usize>| position.map_or(0, |i| i + 1);
    let (row, title, items): (u16, Text, Vec<(usize, String)>) = match form.focus {
        IntakeField::Category => (
            6,
            Text::CategoriesTitle,
            match_categories(&session.categories, &form.text(IntakeField::Category))
                .iter()
                .map(|c| {
                    let n = number_of(session.categories.iter().position(|k| k.id == c.id));
                    (
                        n,
                        format!("{} {}", lang.pick(&c.name_zh, &c.name_en), c.initials),
                    )
                })
                .collect(),
        ),
        IntakeField::Units => (
            7,
            Text::UnitsTitle,
            match_units(&session.units, &form.text(IntakeField::Units))
                .iter()
                .map(|u| {
                    let n = number_of(session.units.iter().position(|k| k.id == u.id));
                    (n, format!("{} {}", u.name, u.initials))
                })
                .collect(),
        ),
        _ => return,
    };
    let x = form_area.x + 28;
    if x + 16 > form_area.x + form_area.width {
        return;
    }
    let w = (form_area.x + form_area.width - x).min(46);
    let y = form_area.y + row + 1;
    let max_h = (form_area.y + form_area.height)
        .saturating_sub(y)
        .saturating_sub(1);
    let h = u16::try_from(items.len() + 2)
        .unwrap_or(u16::MAX)
        .clamp(3, max_h.max(3));
    let area = Rect::new(x, y, w, h.min(form_area.height));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", title.get(lang)));
    let list = block.inner(area);
    super::super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    if items.is_empty() {
        frame.render_widget(Paragraph::new("—"), list);
        return;
    }
    let visible = usize::from(list.height);
    let pick = form.pick.min(items.len() - 1);
    let first = pick.saturating_sub(visible.saturating_sub(1));
    for (row, (i, (n, text))) in items
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .enumerate()
    {
        let line = pad(
            &format!("{n:>2} {}", clean_line(text)),
            usize::from(list.width),
        );
        let style = if i == pick {
            theme.selected()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(line, style)),
            Rect::new(
                list.x,
                list.y + super::super::super::widgets::cols(row),
                list.width,
                1,
            ),
        );
    }
}
