//! The form's fields on their grid: labels, text fields, choice fields, and what a field shows
//! beside itself (units picked, a category's English name).

use super::super::super::Theme;
use super::super::super::widgets::text::draw_text;
use super::super::super::widgets::{fit, pad};
use crate::app::App;
use crate::app::keymap::{Command, key_for};
use crate::app::panes::intake::IntakeCommand;
use crate::app::panes::intake::choices::{Choice, choice};
use crate::domain::intake::IntakeField;
use crate::domain::text::clean_line;
use crate::i18n::{Lang, Msg, field_label};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Where one field sits: its row, the column its label starts, label and field widths.
#[derive(Debug, Clone, Copy)]
struct Slot {
    field: IntakeField,
    row: u16,
    x: u16,
    label: u16,
    width: u16,
}

/// The form's grid within `w` columns. Fields share rows where they are short.
fn slots(w: u16) -> [Slot; 17] {
    let rest = |x: u16, label: u16| w.saturating_sub(x + label);
    let s = |field, row, x, label, width| Slot {
        field,
        row,
        x,
        label,
        width,
    };
    use IntakeField as F;
    [
        s(F::IdNumber, 0, 0, 10, 20),
        s(F::Sex, 0, 32, 6, rest(32, 6)),
        s(F::Name, 1, 0, 10, 14),
        s(F::Phone, 1, 26, 6, 16),
        s(F::Address, 2, 0, 10, rest(0, 10)),
        s(F::WorkUnit, 3, 0, 10, rest(0, 10)),
        s(F::Channel, 4, 0, 10, 38),
        s(F::Urgent, 4, 50, 6, rest(50, 6)),
        s(F::ReceivedAt, 5, 0, 10, 17),
        s(F::Collective, 5, 28, 8, 12),
        s(F::HeadCount, 5, 49, 7, 5),
        s(F::Representatives, 5, 62, 6, rest(62, 6)),
        s(F::Category, 6, 0, 10, 16),
        s(F::Kind, 6, 28, 6, rest(28, 6)),
        s(F::Units, 7, 0, 10, 16),
        s(F::Leapfrog, 8, 0, 10, rest(0, 10)),
        s(F::Summary, 9, 0, 10, rest(0, 10)),
    ]
}

/// Draw every field above `hint_y`; returns where the cursor belongs if a text field has focus.
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    hint_y: u16,
    app: &App,
    form_has_keys: bool,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.session().lang;
    let form = &app.panes().intake.form;
    let mut cursor = None;
    for slot in slots(area.width) {
        let y = area.y + slot.row;
        if y >= hint_y {
            break;
        }
        let focused = form.focus == slot.field && form_has_keys;
        let enabled = form.enabled(slot.field);
        let label_text = format!(
            "{}{}",
            if focused { "▶" } else { " " },
            field_label(lang, slot.field)
        );
        let label_style = if focused {
            theme.title()
        } else if enabled {
            Style::default()
        } else {
            theme.dim()
        };
        let x = area.x + slot.x;
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(&label_text, usize::from(slot.label)),
                label_style,
            )),
            Rect::new(x, y, slot.label.min(area.width.saturating_sub(slot.x)), 1),
        );
        let fx = x + slot.label;
        let fw = slot.width.min((area.x + area.width).saturating_sub(fx));
        if fw == 0 {
            continue;
        }
        let field_area = Rect::new(fx, y, fw, 1);
        if let Some(c) = choice(form, slot.field, lang) {
            draw_choice(frame, field_area, &c, focused, theme);
            continue;
        }
        if slot.field == IntakeField::Representatives {
            let text = if form.collective {
                Msg::RepresentativesCount {
                    n: form.representatives_named(),
                    key: key_for(Command::Intake(IntakeCommand::OpenRepresentatives), lang),
                }
                .text(lang)
            } else {
                String::new()
            };
            let style = if focused {
                theme.selected()
            } else {
                Style::default()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&text, usize::from(fw)), style)),
                field_area,
            );
            continue;
        }
        let Some(text) = form.line(slot.field) else {
            continue;
        };
        let pos = draw_text(
            frame,
            field_area,
            text,
            if enabled { theme.field() } else { theme.dim() },
        );
        if focused {
            cursor = Some(pos);
        }
        // Filled from a record this role may not see whole: the number, masked, in its place.
        if slot.field == IntakeField::IdNumber
            && text.is_empty()
            && let Some(masked) = form.known.as_ref().and_then(|k| k.masked_id.as_ref())
        {
            frame.render_widget(
                Paragraph::new(Span::styled(fit(masked, usize::from(fw)), theme.dim())),
                field_area,
            );
        }
        // Beside the field: the units picked, or a category's English name.
        let beside_x = fx + fw + 1;
        if slot.field == IntakeField::Units && !form.units.is_empty() {
            let names: Vec<String> = form.units.iter().map(|u| clean_line(&u.name)).collect();
            let w = (area.x + area.width).saturating_sub(beside_x);
            frame.render_widget(
                Paragraph::new(fit(&names.join("、"), usize::from(w))),
                Rect::new(beside_x, y, w, 1),
            );
        }
        if slot.field == IntakeField::Category
            && !focused
            && lang == Lang::En
            && let Some(c) = &form.category
        {
            let w = (area.x + 28).saturating_sub(beside_x);
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&c.name_en, usize::from(w)), theme.dim())),
                Rect::new(beside_x, y, w, 1),
            );
        }
    }
    cursor
}

fn draw_choice(frame: &mut Frame<'_>, area: Rect, choice: &Choice, focused: bool, theme: &Theme) {
    let mut spans = vec![];
    for (i, name) in choice.options.iter().enumerate() {
        let chosen = i == choice.chosen;
        let text = if chosen {
            format!("[{}.{name}]", i + 1)
        } else {
            format!(" {}.{name} ", i + 1)
        };
        let style = match (chosen, focused) {
            (true, true) => theme.selected(),
            (true, false) => theme.title(),
            (false, _) => Style::default(),
        };
        spans.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
