//! Any form dialog (a step of a case, a material, an incident, a document): its context, its
//! fields in order with the real cursor in the focused one, a picker's matches under it, why
//! the last submission was refused, and its keys from the keymap.

use super::super::Theme;
use super::super::widgets::text::draw_text;
use super::super::widgets::{centered, cols, fit, pad, width};
use super::key_hint;
use crate::app::App;
use crate::app::dialogs::form::{Field, FieldKind, Form};
use crate::app::keymap::Scope;
use crate::domain::text::clean_line;
use crate::i18n::Text;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Rows a multi-line field takes.
const LINES_ROWS: u16 = 3;
/// Matches a picker shows under its field.
const MATCHES: usize = 5;
const WIDTH: u16 = 76;

fn rows_of(field: &Field) -> u16 {
    match field.kind {
        FieldKind::Lines => LINES_ROWS,
        _ => 1,
    }
}

pub fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    form: &Form,
    app: &App,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.session().lang;
    let shown: Vec<usize> = (0..form.fields.len()).filter(|i| form.shown(*i)).collect();
    let field_rows: u16 = shown
        .iter()
        .filter_map(|i| form.fields.get(*i))
        .map(rows_of)
        .sum();
    let w = WIDTH.min(body.width);
    let inner_w = usize::from(w.saturating_sub(2));
    let context_rows: u16 = form
        .context
        .iter()
        .map(|c| cols(width(c).div_ceil(inner_w.max(1))))
        .sum();
    // Why the last submission was refused takes as many lines as it needs (up to three).
    let error_rows: u16 = form.error.as_ref().map_or(1, |e| {
        cols(width(&clean_line(e)).div_ceil(inner_w.max(1))).clamp(1, 3)
    });
    let h = (context_rows + field_rows + 3 + error_rows).min(body.height);
    let area = centered(body, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.title())
        .title(Span::styled(
            format!(" {} ", clean_line(&form.title)),
            theme.title(),
        ));
    let inner = block.inner(area);
    super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    if !form.context.is_empty() {
        let lines: Vec<Line<'_>> = form
            .context
            .iter()
            .map(|c| Line::styled(clean_line(c), theme.dim()))
            .collect();
        let rows = context_rows.min(bottom.saturating_sub(y));
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }),
            Rect::new(inner.x, y, inner.width, rows),
        );
        y += rows;
    }
    let label_w = shown
        .iter()
        .filter_map(|i| form.fields.get(*i))
        .map(|f| width(&f.label))
        .max()
        .unwrap_or(8)
        .min(usize::from(inner.width) / 3)
        + 2;
    let mut cursor = None;
    let mut picker: Option<(Rect, &Field)> = None;
    for i in shown {
        let Some(field) = form.fields.get(i) else {
            continue;
        };
        let rows = rows_of(field);
        if y + rows > bottom.saturating_sub(1 + error_rows) {
            break;
        }
        let focused = i == form.focus;
        let label = format!("{}{}", if focused { "▶" } else { " " }, field.label);
        let label_style = if focused {
            theme.title()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&label, label_w), label_style)),
            Rect::new(inner.x, y, cols(label_w).min(inner.width), 1),
        );
        let fx = inner.x + cols(label_w).min(inner.width);
        let fw = (inner.x + inner.width).saturating_sub(fx);
        let area = Rect::new(fx, y, fw, rows);
        match &field.kind {
            FieldKind::Choice(options) => {
                let mut spans = vec![];
                for (n, option) in options.iter().enumerate() {
                    let chosen = n == field.choice;
                    let text = if chosen {
                        format!("[{}.{option}]", n + 1)
                    } else {
                        format!(" {}.{option} ", n + 1)
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
            FieldKind::Pick { items, .. } => {
                let names: Vec<String> = field
                    .picked
                    .iter()
                    .filter_map(|id| items.iter().find(|i| i.id == *id))
                    .map(|i| clean_line(&i.name))
                    .collect();
                let picked = if names.is_empty() {
                    Text::FormNothingPicked.get(lang).to_string()
                } else {
                    names.join("、")
                };
                let picked = fit(&picked, usize::from(fw) / 2);
                let pw = cols(width(&picked) + 1).min(fw);
                frame.render_widget(
                    Paragraph::new(Span::styled(picked, theme.title())),
                    Rect::new(fx, y, pw, 1),
                );
                let query = Rect::new(fx + pw, y, fw.saturating_sub(pw), 1);
                let pos = draw_text(frame, query, &field.text, theme.field());
                if focused {
                    cursor = Some(pos);
                    if !field.text.is_empty() {
                        picker = Some((query, field));
                    }
                }
            }
            _ => {
                let pos = draw_text(frame, area, &field.text, theme.field());
                if focused {
                    cursor = Some(pos);
                }
            }
        }
        y += rows;
    }
    if let Some(error) = &form.error {
        let rows = error_rows.min(bottom.saturating_sub(inner.y + 1));
        // Wrapped by display width, a character at a time: Chinese has no spaces to break at,
        // and a word-wrap would break after the one space there is ("2 件…").
        let lines: Vec<Line<'_>> =
            super::super::widgets::wrap_indented(&clean_line(error), usize::from(inner.width), 0)
                .into_iter()
                .map(|l| Line::styled(l, theme.error()))
                .collect();
        frame.render_widget(
            Paragraph::new(lines),
            Rect::new(inner.x, bottom.saturating_sub(1 + rows), inner.width, rows),
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&key_hint(Scope::Form, app), usize::from(inner.width)),
            theme.dim(),
        )),
        Rect::new(inner.x, bottom.saturating_sub(1), inner.width, 1),
    );
    if let Some((under, field)) = picker {
        draw_matches(frame, body, under, field, theme);
    }
    cursor
}

/// The matches of a picker's query, in a box under its field.
fn draw_matches(frame: &mut Frame<'_>, body: Rect, under: Rect, field: &Field, theme: &Theme) {
    let matches = field.matches();
    let rows = matches.len().clamp(1, MATCHES);
    let w = under.width.clamp(12, 40);
    let y = under.y + 1;
    let h = cols(rows + 2).min((body.y + body.height).saturating_sub(y));
    if h < 3 {
        return;
    }
    let area = Rect::new(
        under.x,
        y,
        w.min((body.x + body.width).saturating_sub(under.x)),
        h,
    );
    let block = Block::default().borders(Borders::ALL);
    let list = block.inner(area);
    super::super::widgets::clear_for_dialog(frame, area);
    frame.render_widget(block, area);
    if matches.is_empty() {
        frame.render_widget(Paragraph::new("—"), list);
        return;
    }
    let visible = usize::from(list.height);
    let pick = field.pick.min(matches.len() - 1);
    let first = pick.saturating_sub(visible.saturating_sub(1));
    for (row, (i, item)) in matches
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .enumerate()
    {
        let style = if i == pick {
            theme.selected()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(&clean_line(&item.name), usize::from(list.width)),
                style,
            )),
            Rect::new(list.x, list.y + cols(row), list.width, 1),
        );
    }
}
