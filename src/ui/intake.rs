//! The intake form (登记).

use super::Theme;
use super::widgets::{fit, pad};
use crate::app::App;
use crate::domain::intake::IntakeField;
use crate::domain::{Channel, MatterKind};
use crate::i18n::{Lang, field_name};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;

const LABEL_COLS: u16 = 11;

fn field_row(field: IntakeField) -> u16 {
    IntakeField::ORDER
        .iter()
        .position(|f| *f == field)
        .unwrap_or(0) as u16
}

fn field_width(field: IntakeField, inner: Rect) -> u16 {
    let rest = inner.width.saturating_sub(LABEL_COLS + 1);
    match field {
        IntakeField::IdNumber => 20.min(rest),
        IntakeField::Name | IntakeField::Phone | IntakeField::Category => 20.min(rest),
        _ => rest,
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let form = &app.intake;
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        lang.pick(" 登记来信来访 ", " Register a letter or visit "),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width <= LABEL_COLS {
        return;
    }

    let mut cursor: Option<Position> = None;
    for field in IntakeField::ORDER {
        let row = field_row(field);
        if row >= inner.height {
            break;
        }
        let y = inner.y + row;
        let focused = form.focus == field;
        let marker = if focused { "▶" } else { " " };
        let label = format!(
            "{marker}{}",
            pad(field_name(lang, field), usize::from(LABEL_COLS) - 1)
        );
        let label_style = if focused {
            theme.title()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(label, label_style)),
            Rect::new(inner.x, y, LABEL_COLS, 1),
        );
        let fx = inner.x + LABEL_COLS + 1;
        let fw = field_width(field, inner);
        let farea = Rect::new(fx, y, fw, 1);
        match field {
            IntakeField::Channel => draw_choice(
                frame,
                farea,
                Channel::ALL
                    .iter()
                    .map(|c| lang.pick(c.name_zh(), c.name_en())),
                Channel::ALL
                    .iter()
                    .position(|c| *c == form.channel)
                    .unwrap_or(0),
                focused,
                theme,
            ),
            IntakeField::Kind => draw_choice(
                frame,
                farea,
                MatterKind::ALL
                    .iter()
                    .map(|k| lang.pick(k.name_zh(), k.name_en())),
                MatterKind::ALL
                    .iter()
                    .position(|k| *k == form.kind)
                    .unwrap_or(0),
                focused,
                theme,
            ),
            _ => {
                let text = match field {
                    IntakeField::IdNumber => &form.id_number,
                    IntakeField::Name => &form.name,
                    IntakeField::Phone => &form.phone,
                    IntakeField::Category => &form.category_query,
                    _ => &form.summary,
                };
                let pos = draw_text(frame, farea, text, theme);
                if focused {
                    cursor = Some(pos);
                }
            }
        }
    }

    // Under the fields: the message of the field validation refused, or a hint for the focus.
    let hint_y = inner.y + IntakeField::ORDER.len() as u16 + 1;
    if hint_y < inner.y + inner.height {
        let (text, style) = match &form.error {
            Some((_, msg)) => (msg.clone(), theme.error()),
            None => (hint(lang, form.focus).to_string(), theme.dim()),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(fit(&text, usize::from(inner.width)), style)),
            Rect::new(inner.x, hint_y, inner.width, 1),
        );
    }

    if form.focus == IntakeField::Category {
        draw_category_picker(frame, inner, app, theme);
    } else if let Some(c) = &form.category {
        // Show the picked category's English name beside the field in the English UI.
        if lang == Lang::En {
            let y = inner.y + field_row(IntakeField::Category);
            let x = inner.x + LABEL_COLS + 1 + field_width(IntakeField::Category, inner) + 1;
            if x < inner.x + inner.width {
                let w = inner.x + inner.width - x;
                frame.render_widget(
                    Paragraph::new(Span::styled(fit(&c.name_en, usize::from(w)), theme.dim())),
                    Rect::new(x, y, w, 1),
                );
            }
        }
    }

    if let Some(pos) = cursor
        && app.question.is_none()
        && !app.help
    {
        frame.set_cursor_position(pos);
    }
}

fn hint(lang: Lang, field: IntakeField) -> &'static str {
    match field {
        IntakeField::IdNumber => lang.pick(
            "刷身份证或输入18位号码，回车下一项；匿名来信可留空",
            "Swipe the ID card or type the 18-character number; Enter for the next field",
        ),
        IntakeField::Name => lang.pick("信访人姓名", "The petitioner's name"),
        IntakeField::Phone => lang.pick(
            "手机或固定电话（区号-号码）",
            "Mobile, or landline as area-number",
        ),
        IntakeField::Channel | IntakeField::Kind => lang.pick(
            "←/→ 或 空格切换，数字键直接选择",
            "←/→ or Space to change, a digit to choose",
        ),
        IntakeField::Category => lang.pick(
            "输入编号、名称或拼音首字母（zd→征地拆迁），↑/↓ 选择，回车确定",
            "Type a number, a name or pinyin initials (zd), ↑/↓ to choose, Enter to pick",
        ),
        IntakeField::Summary => lang.pick(
            "一句话事由摘要；Ctrl-S 保存",
            "A one-line summary of the matter; Ctrl-S saves",
        ),
    }
}

/// Draw a one-line text field and return where the terminal cursor belongs.
fn draw_text(
    frame: &mut Frame<'_>,
    area: Rect,
    text: &TextArea<'static>,
    theme: &Theme,
) -> Position {
    // The underline shows the field's extent, with or without colour.
    frame.render_widget(Paragraph::new("").style(theme.field()), area);
    let mut t = text.clone();
    t.set_style(theme.field());
    frame.render_widget(&t, area);
    let sc = t.screen_cursor();
    let (top, left) = t.scroll_offset();
    let col = (sc.col as u16)
        .saturating_sub(left)
        .min(area.width.saturating_sub(1));
    let row = (sc.row as u16)
        .saturating_sub(top)
        .min(area.height.saturating_sub(1));
    Position::new(area.x + col, area.y + row)
}

fn draw_choice<'a>(
    frame: &mut Frame<'_>,
    area: Rect,
    names: impl Iterator<Item = &'a str>,
    selected: usize,
    focused: bool,
    theme: &Theme,
) {
    let mut spans = vec![];
    for (i, name) in names.enumerate() {
        let text = if i == selected {
            format!("[{}.{name}]", i + 1)
        } else {
            format!(" {}.{name} ", i + 1)
        };
        let style = if i == selected && focused {
            theme.selected()
        } else if i == selected {
            theme.title()
        } else {
            Style::default()
        };
        spans.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_category_picker(frame: &mut Frame<'_>, inner: Rect, app: &App, theme: &Theme) {
    let x = inner.x + LABEL_COLS + 1 + field_width(IntakeField::Category, inner) + 2;
    if x + 12 > inner.x + inner.width {
        return;
    }
    let w = inner.x + inner.width - x;
    let matches = app.category_matches();
    let h = (inner.height).min(matches.len() as u16 + 2).max(3);
    let area = Rect::new(x, inner.y, w, h);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(app.lang.pick(" 问题类别 ", " Categories "));
    let list_area = block.inner(area);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    if matches.is_empty() {
        frame.render_widget(
            Paragraph::new(app.lang.pick("无匹配", "no match")),
            list_area,
        );
        return;
    }
    let visible = usize::from(list_area.height);
    let pick = app.intake.category_pick.min(matches.len() - 1);
    let first = pick.saturating_sub(visible.saturating_sub(1));
    for (i, c) in matches.iter().enumerate().skip(first).take(visible) {
        let number = app
            .categories
            .iter()
            .position(|k| k.id == c.id)
            .unwrap_or(0)
            + 1;
        let name = app.lang.pick(&c.name_zh, &c.name_en);
        let line = format!("{number:>2} {name} {}", c.initials);
        let style = if i == pick {
            theme.selected()
        } else {
            Style::default()
        };
        let line = pad(&line, usize::from(list_area.width));
        frame.render_widget(
            Paragraph::new(Span::styled(line, style)),
            Rect::new(
                list_area.x,
                list_area.y + (i - first) as u16,
                list_area.width,
                1,
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::Action;
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn type_str(app: &mut crate::app::App, s: &str) {
        for c in s.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn empty_form_in_chinese_at_80x24_has_cursor_in_the_id_field() {
        let (_d, mut app) = app(Lang::Zh);
        let (lines, cursor) = render(&mut app, 80, 24);
        assert!(lines[0].contains("F1 登记"), "{}", lines[0]);
        assert!(lines[2].contains("▶身份证号"), "{}", lines[2]);
        assert!(lines.iter().any(|l| l.contains("问题类别")));
        assert!(lines[23].contains("^S 保存"), "{}", lines[23]);
        // Row 2 (border, then the first field), column 1 (border) + 11 (label) + 1 (gap).
        assert_eq!(cursor, Some((13, 2)));
    }

    #[test]
    fn cursor_follows_wide_characters() {
        let (_d, mut app) = app(Lang::Zh);
        app.apply(Action::NextField);
        type_str(&mut app, "张三丰");
        let (lines, cursor) = render(&mut app, 80, 24);
        assert!(lines[3].contains("张三丰"), "{}", lines[3]);
        // Three wide characters take six columns.
        assert_eq!(cursor, Some((13 + 6, 3)));
    }

    #[test]
    fn english_form_and_category_picker() {
        let (_d, mut app) = app(Lang::En);
        for _ in 0..5 {
            app.apply(Action::NextField);
        }
        type_str(&mut app, "zd");
        let (lines, _) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains("Category"), "{screen}");
        assert!(screen.contains("Land requisition"), "{screen}");
        assert!(lines[23].contains("^S save"), "{}", lines[23]);
    }

    #[test]
    fn wrong_check_digit_is_shown_under_the_form_and_focus_goes_there() {
        let (_d, mut app) = app(Lang::Zh);
        type_str(&mut app, "110105194912310021");
        app.apply(Action::Save);
        let (lines, cursor) = render(&mut app, 120, 40);
        let screen = lines.join("\n");
        assert!(
            screen.contains("身份证号：校验码错误：末位应为 X"),
            "{screen}"
        );
        assert_eq!(cursor.map(|c| c.1), Some(2));
    }
}
