//! The intake form (登记): every field in a fixed order, the pickers, the history panel of a
//! returning petitioner, the representatives dialog and the duty-expert picker.

use super::Theme;
use super::widgets::{centered, fit, pad};
use crate::app::App;
use crate::domain::intake::IntakeField;
use crate::domain::lookup::{ContactKind, LookupKey};
use crate::domain::text::clean_line;
use crate::domain::{Channel, Leapfrog, MatterKind};
use crate::i18n::Label;
use crate::i18n::{Lang, field_label};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::TextArea;

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
fn slots(w: u16) -> Vec<Slot> {
    let rest = |x: u16, label: u16| w.saturating_sub(x + label);
    let s = |field, row, x, label, width| Slot {
        field,
        row,
        x,
        label,
        width,
    };
    use IntakeField as F;
    vec![
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

const ACCOUNT_ROW: u16 = 10;
/// Inner width from which the history panel goes beside the form instead of over the account.
const SIDE_PANEL_FROM: u16 = 110;
const SIDE_PANEL_WIDTH: u16 = 44;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let form = &app.intake;
    let mut title = vec![Span::styled(
        lang.pick(" 登记来信来访 ", " Register a letter or visit "),
        theme.title(),
    )];
    if let (ContactKind::RepeatOf(_), Some(n)) = (form.contact, &form.repeat_number) {
        title.push(Span::styled(
            match lang {
                Lang::Zh => format!(" 重复信访：{n} "),
                Lang::En => format!(" repeat on {n} "),
            },
            theme.selected(),
        ));
    }
    if let Some(e) = &form.expert {
        title.push(Span::styled(
            match lang {
                Lang::Zh => format!(" 分派：{} {} ", clean_line(&e.name), clean_line(&e.room)),
                Lang::En => format!(" routed: {} {} ", clean_line(&e.name), clean_line(&e.room)),
            },
            theme.title(),
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < 40 {
        return;
    }
    let side = !app.history.is_empty() && inner.width >= SIDE_PANEL_FROM;
    let form_area = if side {
        Rect {
            width: inner.width - SIDE_PANEL_WIDTH - 1,
            ..inner
        }
    } else {
        inner
    };
    let hint_y = inner.y + inner.height - 1;
    let mut cursor: Option<Position> = None;

    for slot in slots(form_area.width) {
        let y = form_area.y + slot.row;
        if y >= hint_y {
            break;
        }
        let focused = form.focus == slot.field && !app.history_focus && form.rep_focus.is_none();
        let enabled = match slot.field {
            IntakeField::HeadCount | IntakeField::Representatives => form.collective,
            _ => true,
        };
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
        let x = form_area.x + slot.x;
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(&label_text, usize::from(slot.label)),
                label_style,
            )),
            Rect::new(
                x,
                y,
                slot.label.min(form_area.width.saturating_sub(slot.x)),
                1,
            ),
        );
        let fx = x + slot.label;
        let fw = slot
            .width
            .min((form_area.x + form_area.width).saturating_sub(fx));
        if fw == 0 {
            continue;
        }
        let farea = Rect::new(fx, y, fw, 1);
        if let Some((names, selected)) = choice_of(app, slot.field) {
            draw_choice(frame, farea, names.into_iter(), selected, focused, theme);
            continue;
        }
        match slot.field {
            IntakeField::Representatives => {
                let n = (0..form.reps.len())
                    .filter(|r| !app.rep_texts(*r).iter().all(|t| t.trim().is_empty()))
                    .count();
                let text = if form.collective {
                    match lang {
                        Lang::Zh => format!("{n}人 F6"),
                        Lang::En => format!("{n} F6"),
                    }
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
                    farea,
                );
            }
            field => {
                let Some(text) = form.line(field) else {
                    continue;
                };
                let pos = draw_text(
                    frame,
                    farea,
                    text,
                    if enabled { theme.field() } else { theme.dim() },
                );
                if focused {
                    cursor = Some(pos);
                }
                if field == IntakeField::Units && !form.units.is_empty() {
                    let names: Vec<String> =
                        form.units.iter().map(|u| clean_line(&u.name)).collect();
                    let cx = fx + fw + 1;
                    let cw = (form_area.x + form_area.width).saturating_sub(cx);
                    frame.render_widget(
                        Paragraph::new(fit(&names.join("、"), usize::from(cw))),
                        Rect::new(cx, y, cw, 1),
                    );
                }
                if field == IntakeField::Category
                    && !focused
                    && lang == Lang::En
                    && let Some(c) = &form.category
                {
                    let cx = fx + fw + 1;
                    let cw = (form_area.x + 28).saturating_sub(cx);
                    frame.render_widget(
                        Paragraph::new(Span::styled(fit(&c.name_en, usize::from(cw)), theme.dim())),
                        Rect::new(cx, y, cw, 1),
                    );
                }
            }
        }
    }

    // The account, or (on a narrow screen) the history panel in its place.
    let lower = Rect::new(
        form_area.x,
        form_area.y + ACCOUNT_ROW,
        form_area.width,
        hint_y.saturating_sub(form_area.y + ACCOUNT_ROW),
    );
    let panel_over_account = !side
        && !app.history.is_empty()
        && (app.history_focus || form.focus != IntakeField::Account);
    if lower.height >= 2 {
        if panel_over_account {
            draw_history(frame, lower, app, theme);
        } else {
            let focused = form.focus == IntakeField::Account
                && !app.history_focus
                && form.rep_focus.is_none();
            let label = format!(
                "{}{}",
                if focused { "▶" } else { " " },
                field_label(lang, IntakeField::Account)
            );
            frame.render_widget(
                Paragraph::new(Span::styled(
                    label,
                    if focused {
                        theme.title()
                    } else {
                        Style::default()
                    },
                )),
                Rect::new(lower.x, lower.y, lower.width, 1),
            );
            let text_area = Rect::new(
                lower.x + 1,
                lower.y + 1,
                lower.width.saturating_sub(1),
                lower.height - 1,
            );
            let pos = draw_text(frame, text_area, &form.account, Style::default());
            if focused {
                cursor = Some(pos);
            }
        }
    }
    if side {
        let panel = Rect::new(
            inner.x + inner.width - SIDE_PANEL_WIDTH,
            inner.y,
            SIDE_PANEL_WIDTH,
            inner.height - 1,
        );
        draw_history(frame, panel, app, theme);
    }

    // The hint line: validation's message, or what the focused field wants.
    let (text, style) = match &form.error {
        Some((_, msg)) => (msg.clone(), theme.error()),
        None => (hint(lang, form.focus).to_string(), theme.dim()),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&text, usize::from(inner.width)), style)),
        Rect::new(inner.x, hint_y, inner.width, 1),
    );

    if !app.history_focus && form.rep_focus.is_none() && app.expert_choices.is_none() {
        match form.focus {
            IntakeField::Category => {
                let items: Vec<(usize, String)> = app
                    .category_matches()
                    .iter()
                    .map(|c| {
                        let n = app
                            .categories
                            .iter()
                            .position(|k| k.id == c.id)
                            .unwrap_or(0)
                            + 1;
                        (
                            n,
                            format!("{} {}", lang.pick(&c.name_zh, &c.name_en), c.initials),
                        )
                    })
                    .collect();
                draw_picker(
                    frame,
                    form_area,
                    6,
                    lang.pick(" 问题类别 ", " Categories "),
                    &items,
                    form.pick,
                    theme,
                );
            }
            IntakeField::Units => {
                let items: Vec<(usize, String)> = app
                    .unit_matches()
                    .iter()
                    .map(|u| {
                        let n = app.units.iter().position(|k| k.id == u.id).unwrap_or(0) + 1;
                        (n, format!("{} {}", u.name, u.initials))
                    })
                    .collect();
                draw_picker(
                    frame,
                    form_area,
                    7,
                    lang.pick(" 涉及单位 ", " Units "),
                    &items,
                    form.pick,
                    theme,
                );
            }
            _ => {}
        }
    }
    if form.rep_focus.is_some() {
        cursor = draw_representatives(frame, inner, app, theme);
    }
    if app.expert_choices.is_some() {
        draw_experts(frame, inner, app, theme);
        cursor = None;
    }
    if let Some(pos) = cursor
        && app.question.is_none()
        && !app.help
        && !app.history_focus
    {
        frame.set_cursor_position(pos);
    }
}

/// The options of a choice field, in the language of the screen, and which one is chosen.
fn choice_of(app: &App, field: IntakeField) -> Option<(Vec<&'static str>, usize)> {
    let lang = app.lang;
    let form = &app.intake;
    let yes_no = || vec![lang.pick("否", "no"), lang.pick("是", "yes")];
    Some(match field {
        IntakeField::Sex => (
            vec![
                lang.pick("未填", "n/a"),
                lang.pick("男", "male"),
                lang.pick("女", "female"),
            ],
            match form.sex {
                None => 0,
                Some(crate::domain::Sex::Male) => 1,
                Some(crate::domain::Sex::Female) => 2,
            },
        ),
        IntakeField::Channel => (
            Channel::ALL.iter().map(|c| c.label(lang)).collect(),
            Channel::ALL
                .iter()
                .position(|c| *c == form.channel)
                .unwrap_or(0),
        ),
        IntakeField::Urgent => (yes_no(), usize::from(form.urgent)),
        IntakeField::Collective => (yes_no(), usize::from(form.collective)),
        IntakeField::Kind => (
            MatterKind::ALL.iter().map(|k| k.label(lang)).collect(),
            MatterKind::ALL
                .iter()
                .position(|k| *k == form.kind)
                .unwrap_or(0),
        ),
        IntakeField::Leapfrog => (
            std::iter::once(lang.pick("否", "no"))
                .chain(Leapfrog::ALL.iter().map(|l| l.label(lang)))
                .collect(),
            form.leapfrog
                .and_then(|l| Leapfrog::ALL.iter().position(|x| *x == l))
                .map_or(0, |i| i + 1),
        ),
        _ => return None,
    })
}

fn hint(lang: Lang, field: IntakeField) -> &'static str {
    match field {
        IntakeField::IdNumber => lang.pick(
            "刷身份证或输入18位号码，回车查找并进入下一项；匿名来信可留空",
            "Swipe the ID card or type the number; Enter looks it up and moves on",
        ),
        IntakeField::Name => lang.pick(
            "姓名；输入拼音首字母（如 zs）也可查找",
            "Name; pinyin initials (zs) also look the person up",
        ),
        IntakeField::Phone => lang.pick(
            "手机或固定电话（区号-号码）",
            "Mobile, or landline as area-number",
        ),
        IntakeField::Address | IntakeField::WorkUnit => lang.pick("可留空", "May be left empty"),
        IntakeField::ReceivedAt => lang.pick(
            "默认为现在；来信按收信时间填写，格式 2026-11-25 09:30",
            "Now by default; for a letter, when it arrived",
        ),
        IntakeField::HeadCount => lang.pick(
            "集体访人数（5人以上）",
            "People in the collective visit (5 or more)",
        ),
        IntakeField::Representatives => lang.pick(
            "回车或 F6 填写1至5名代表",
            "Enter or F6 to enter 1 to 5 representatives",
        ),
        IntakeField::Urgent => lang.pick(
            "重大、紧急事项（条例第二十五条）：保存时立即通知领导",
            "A major or urgent matter (Art. 25): managers are told on saving",
        ),
        IntakeField::Sex
        | IntakeField::Channel
        | IntakeField::Collective
        | IntakeField::Kind
        | IntakeField::Leapfrog => lang.pick(
            "←/→ 或空格切换，数字键直接选择",
            "←/→ or Space to change, a digit to choose",
        ),
        IntakeField::Category => lang.pick(
            "输入编号、名称或拼音首字母（zd→征地拆迁），↑/↓ 选择，回车确定；F7 分派专家",
            "A number, a name or pinyin initials (zd); ↑/↓, Enter; F7 routes to an expert",
        ),
        IntakeField::Units => lang.pick(
            "输入单位名称或拼音首字母，回车加入；空时回车进入下一项，退格删去最后一个",
            "Type a unit, Enter adds it; Enter on empty moves on, Backspace removes the last",
        ),
        IntakeField::Summary => lang.pick(
            "一句话事由摘要；Ctrl-S 保存",
            "A one-line summary; Ctrl-S saves",
        ),
        IntakeField::Account => lang.pick(
            "诉求及事实经过，可多行、可粘贴；Tab 离开，Ctrl-S 保存",
            "The request and the facts, several lines, paste welcome; Ctrl-S saves",
        ),
    }
}

/// Draw a text field and return where the terminal cursor belongs in it.
fn draw_text(
    frame: &mut Frame<'_>,
    area: Rect,
    text: &TextArea<'static>,
    style: Style,
) -> Position {
    // The field's style is laid down first; the text area patches its text over it. Drawing
    // the text area by reference (no clone) keeps a 100 KB account cheap to redraw.
    frame.render_widget(Paragraph::new("").style(style), area);
    frame.render_widget(text, area);
    let sc = text.screen_cursor();
    let (top, left) = text.scroll_offset();
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

/// A list of matches to the right of a picker field.
fn draw_picker(
    frame: &mut Frame<'_>,
    form: Rect,
    row: u16,
    title: &str,
    items: &[(usize, String)],
    pick: usize,
    theme: &Theme,
) {
    let x = form.x + 28;
    if x + 16 > form.x + form.width {
        return;
    }
    let w = (form.x + form.width - x).min(46);
    let y = form.y + row + 1;
    let max_h = (form.y + form.height).saturating_sub(y).saturating_sub(1);
    let h = (items.len() as u16 + 2).clamp(3, max_h.max(3));
    let area = Rect::new(x, y, w, h.min(form.height));
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    let list = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if items.is_empty() {
        frame.render_widget(Paragraph::new("—"), list);
        return;
    }
    let visible = usize::from(list.height);
    let pick = pick.min(items.len() - 1);
    let first = pick.saturating_sub(visible.saturating_sub(1));
    for (i, (n, text)) in items.iter().enumerate().skip(first).take(visible) {
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
            Rect::new(list.x, list.y + (i - first) as u16, list.width, 1),
        );
    }
}

/// The person found and their earlier cases, newest first, with state and deadline.
fn draw_history(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let title = if app.history_focus {
        lang.pick(
            " 既往记录：↑↓ 选择，回车作为重复信访，F8 带入 ",
            " History: ↑↓, Enter = repeat, F8 = fill in ",
        )
    } else {
        lang.pick(" 既往记录（F5） ", " History (F5) ")
    };
    let style = if app.history_focus {
        theme.title()
    } else {
        Style::default()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, style));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines: Vec<(Line<'_>, Option<usize>)> = vec![];
    let mut flat = 0usize;
    for p in &app.history {
        let by = match (&p.matched_by, lang) {
            (LookupKey::IdNumber(_), Lang::Zh) => "身份证号相同",
            (LookupKey::Phone(_), Lang::Zh) => "电话相同",
            (LookupKey::Name(_), Lang::Zh) => "同名",
            (LookupKey::Initials(_), Lang::Zh) => "拼音首字母",
            (LookupKey::IdNumber(_), Lang::En) => "same ID number",
            (LookupKey::Phone(_), Lang::En) => "same phone",
            (LookupKey::Name(_), Lang::En) => "same name",
            (LookupKey::Initials(_), Lang::En) => "initials",
        };
        let id = p
            .id_number
            .as_deref()
            .map(crate::domain::id_number::mask)
            .unwrap_or_default();
        let head = format!(
            "{} {} {} · {}",
            clean_line(&p.name),
            id,
            clean_line(p.phone.as_deref().unwrap_or("")),
            by
        );
        lines.push((Line::from(Span::styled(fit(&head, w), theme.title())), None));
        if p.cases.is_empty() {
            lines.push((Line::from(lang.pick("  （无案件）", "  (no cases)")), None));
        }
        for c in &p.cases {
            let open = c.state.is_open();
            let due = match (c.due, open) {
                (Some(d), true) => {
                    let u = app.urgency_of(d);
                    format!("{}{}", u.marker(), d.format("%m-%d"))
                }
                _ => String::new(),
            };
            let attached = app.intake.contact == ContactKind::RepeatOf(c.case_id);
            let text = format!(
                "{}{} {} {} {} {}",
                if attached { "★" } else { " " },
                c.number,
                c.received_at.format("%y-%m-%d"),
                c.state.label(lang),
                due,
                clean_line(&c.summary)
            );
            let style = if app.history_focus && flat == app.history_pick {
                theme.selected()
            } else if !open {
                theme.dim()
            } else {
                Style::default()
            };
            lines.push((Line::from(Span::styled(pad(&text, w), style)), Some(flat)));
            flat += 1;
        }
    }
    // Keep the highlighted case in view.
    let visible = usize::from(inner.height);
    let pick_line = lines
        .iter()
        .position(|(_, i)| *i == Some(app.history_pick))
        .unwrap_or(0);
    let first = pick_line.saturating_sub(visible.saturating_sub(1));
    for (row, (line, _)) in lines.into_iter().skip(first).take(visible).enumerate() {
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
        );
    }
}

/// The representatives dialog; returns where the cursor belongs.
fn draw_representatives(
    frame: &mut Frame<'_>,
    inner: Rect,
    app: &App,
    theme: &Theme,
) -> Option<Position> {
    let lang = app.lang;
    let cols: [(u16, &str, &str); 3] = [
        (12, "姓名", "Name"),
        (20, "身份证号", "ID number"),
        (15, "电话", "Phone"),
    ];
    let w = (4 + cols.iter().map(|c| c.0 + 1).sum::<u16>() + 2).min(inner.width);
    let area = centered(inner, w, 5 + 4);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        lang.pick(
            " 集体访代表（1至5名）F6 完成 ",
            " Representatives (1–5), F6 done ",
        ),
        theme.title(),
    ));
    let body = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let mut x = body.x + 4;
    for (cw, zh, en) in cols {
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(lang.pick(zh, en), usize::from(cw)),
                theme.title(),
            )),
            Rect::new(x, body.y, cw, 1),
        );
        x += cw + 1;
    }
    let mut cursor = None;
    for row in 0..app.intake.reps.len() {
        let y = body.y + 1 + row as u16;
        frame.render_widget(
            Paragraph::new(format!("{:>2}.", row + 1)),
            Rect::new(body.x, y, 4, 1),
        );
        let mut x = body.x + 4;
        for (col, (cw, _, _)) in cols.iter().enumerate() {
            let cell = Rect::new(x, y, (*cw).min((body.x + body.width).saturating_sub(x)), 1);
            let pos = draw_text(frame, cell, &app.intake.reps[row][col], theme.field());
            if app.intake.rep_focus == Some((row, col)) {
                cursor = Some(pos);
            }
            x += cw + 1;
        }
    }
    let hint = lang.pick(
        "Tab 下一格  ↑/↓ 换人  F6/Esc 完成",
        "Tab next cell  ↑/↓ row  F6/Esc done",
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(hint, usize::from(body.width)),
            theme.dim(),
        )),
        Rect::new(body.x, body.y + body.height - 1, body.width, 1),
    );
    cursor
}

fn draw_experts(frame: &mut Frame<'_>, inner: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let Some(list) = &app.expert_choices else {
        return;
    };
    let w = 60.min(inner.width);
    let area = centered(inner, w, (list.len() as u16 + 3).min(inner.height));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        lang.pick(" 值班专家：回车分派 ", " Experts on duty: Enter routes "),
        theme.title(),
    ));
    let body = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    for (i, e) in list.iter().enumerate().take(usize::from(body.height)) {
        let chosen = app
            .intake
            .expert
            .as_ref()
            .is_some_and(|x| x.staff_id == e.staff_id);
        let covers = if e.covers {
            lang.pick("对口", "covers")
        } else {
            ""
        };
        let waiting = match lang {
            Lang::Zh => format!("候谈 {}", e.waiting),
            Lang::En => format!("{} waiting", e.waiting),
        };
        let line = format!(
            "{}{} {} {} {}",
            if chosen { "★" } else { " " },
            pad(&clean_line(&e.name), 8),
            pad(&clean_line(&e.room), 10),
            pad(&waiting, 10),
            covers
        );
        let style = if i == app.expert_pick {
            theme.selected()
        } else {
            Style::default()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&line, usize::from(body.width)), style)),
            Rect::new(body.x, body.y + i as u16, body.width, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::Action;
    use crate::domain::intake::IntakeField;
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn type_str(app: &mut crate::app::App, s: &str) {
        for c in s.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    fn key(app: &mut crate::app::App, code: KeyCode) {
        app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    /// A receptionist's first visit from 张三, saved, so that the next form finds history.
    fn with_prior_case(lang: Lang) -> (tempfile::TempDir, crate::app::App) {
        let (d, mut app) = app(lang);
        type_str(&mut app, "11010519491231002X");
        key(&mut app, KeyCode::Enter);
        type_str(&mut app, "张三");
        app.intake.focus = IntakeField::Category;
        type_str(&mut app, "zd");
        key(&mut app, KeyCode::Enter);
        app.intake.focus = IntakeField::Summary;
        type_str(&mut app, "征地补偿款未到位");
        app.apply(Action::Save);
        assert!(app.last_saved.is_some(), "{:?}", app.message);
        (d, app)
    }

    #[test]
    fn empty_form_in_chinese_at_80x24_has_every_field_and_the_cursor_in_the_id_field() {
        let (_d, mut app) = app(Lang::Zh);
        let (lines, cursor) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(lines[0].contains("F1 登记"), "{}", lines[0]);
        assert!(lines[2].contains("▶身份证号"), "{}", lines[2]);
        for label in [
            "性别",
            "姓名",
            "电话",
            "住址",
            "工作单位",
            "渠道",
            "紧急",
            "收到时间",
            "集体访",
            "人数",
            "代表",
            "问题类别",
            "性质",
            "涉及单位",
            "越级",
            "事由摘要",
            "诉求及事实",
        ] {
            assert!(screen.contains(label), "missing {label}:\n{screen}");
        }
        assert!(lines[23].contains("^S 保存"), "{}", lines[23]);
        let received = app.intake.text(IntakeField::ReceivedAt);
        assert!(
            lines[7].contains(&format!(" {received} ")),
            "the whole time shows: {}",
            lines[7]
        );
        // Row 2 (border, then the first field), column 1 (border) + 10 (label).
        assert_eq!(cursor, Some((11, 2)));
    }

    #[test]
    fn cursor_follows_wide_characters_in_a_line_and_in_the_account() {
        let (_d, mut app) = app(Lang::Zh);
        key(&mut app, KeyCode::Enter);
        type_str(&mut app, "张三丰");
        let (lines, cursor) = render(&mut app, 80, 24);
        assert!(lines[3].contains("张三丰"), "{}", lines[3]);
        assert_eq!(
            cursor,
            Some((11 + 6, 3)),
            "three wide characters take six columns"
        );
        app.intake.focus = IntakeField::Account;
        // 40 Chinese characters wrap in a 77-column area: the cursor lands on the second row.
        type_str(&mut app, &"征".repeat(40));
        let (lines, cursor) = render(&mut app, 80, 24);
        let (x, y) = cursor.unwrap();
        assert_eq!(y, 14, "{}", lines[10..16].join("\n"));
        assert_eq!(x, 2 + 2 * (40 - 38), "{}", lines[14]);
    }

    #[test]
    fn english_form_and_category_picker_at_120x40() {
        let (_d, mut app) = app(Lang::En);
        app.intake.focus = IntakeField::Category;
        type_str(&mut app, "zd");
        let (lines, _) = render(&mut app, 120, 40);
        let screen = lines.join("\n");
        assert!(screen.contains("Category"), "{screen}");
        assert!(screen.contains("Land requisition"), "{screen}");
        assert!(lines[39].contains("^S save"), "{}", lines[39]);
    }

    #[test]
    fn the_history_panel_shows_prior_cases_at_80x24_and_beside_the_form_at_120x40() {
        let (_d, mut app) = with_prior_case(Lang::Zh);
        type_str(&mut app, "11010519491231002X");
        assert_eq!(app.history.len(), 1);
        let (lines, _) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains("既往记录（F5）"), "{screen}");
        assert!(screen.contains("身份证号相同"), "{screen}");
        assert!(screen.contains("XF-"), "{screen}");
        assert!(screen.contains("征地补偿款未到位"), "{screen}");
        let (lines, _) = render(&mut app, 120, 40);
        // Beside the form: the history's border starts right of the form's fields.
        let row = lines.iter().find(|l| l.contains("既往记录")).unwrap();
        assert!(row.contains("身份证号"), "panel beside the ID row: {row}");
        assert!(
            lines.iter().any(|l| l.contains("诉求及事实")),
            "the account stays visible"
        );
    }

    #[test]
    fn attaching_a_repeat_and_saving_adds_a_contact_not_a_case() {
        let (_d, mut app) = with_prior_case(Lang::En);
        let before = app.store.case_count().unwrap();
        type_str(&mut app, "11010519491231002X");
        app.apply(Action::History);
        app.apply(Action::Confirm);
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[1].contains("repeat on XF-"), "{}", lines[1]);
        app.apply(Action::Fill);
        app.intake
            .set_text(IntakeField::Summary, "再次来访催问进度");
        app.apply(Action::Save);
        assert_eq!(app.store.case_count().unwrap(), before, "{:?}", app.message);
        let saved = app.last_saved.clone().unwrap();
        assert!(saved.repeat);
        let d = app.store.case_detail(saved.case_id).unwrap().unwrap();
        assert_eq!(d.contacts.len(), 2);
        assert!(d.contacts[1].is_repeat);
        assert_eq!(
            d.contacts[1].summary.as_deref(),
            Some("再次来访催问进度"),
            "the repeat's words are kept"
        );
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

    #[test]
    fn a_routed_visitor_s_room_is_on_the_status_line_at_80_columns() {
        let (_d, mut app) = app(Lang::Zh);
        app.intake.focus = IntakeField::Name;
        type_str(&mut app, "张三");
        app.intake.focus = IntakeField::Category;
        type_str(&mut app, "zd");
        key(&mut app, KeyCode::Enter);
        app.intake.focus = IntakeField::Summary;
        type_str(&mut app, "征地补偿款未到位");
        // Route to whichever expert the roster has; on a day with nobody on duty, pick one.
        let expert = app.store.staff_by_login("wangjg").unwrap().unwrap();
        app.intake.expert = Some(crate::domain::ExpertOnDuty {
            staff_id: expert.id,
            name: expert.name.clone(),
            room: String::new(),
            waiting: 0,
            covers: true,
        });
        app.apply(Action::Save);
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[22].starts_with("请引导至 "), "{}", lines[22]);
        assert!(lines[22].contains("王建国"), "{}", lines[22]);
    }

    #[test]
    fn chinese_typed_into_the_id_field_is_refused_in_words_not_a_crash() {
        let (_d, mut app) = app(Lang::Zh);
        // Eighteen characters, the length of an ID number, each three bytes of UTF-8.
        type_str(&mut app, "张三李四王五赵六钱七孙八周九吴十郑冯");
        app.apply(Action::Save);
        let (lines, _) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains("身份证号：只能是数字"), "{screen}");
    }

    #[test]
    fn a_collective_visit_opens_the_representatives_dialog() {
        let (_d, mut app) = app(Lang::Zh);
        app.intake.focus = IntakeField::Collective;
        type_str(&mut app, "2");
        app.apply(Action::NextField);
        type_str(&mut app, "30");
        app.apply(Action::Representatives);
        type_str(&mut app, "李四");
        let (lines, cursor) = render(&mut app, 80, 24);
        let screen = lines.join("\n");
        assert!(screen.contains("集体访代表"), "{screen}");
        assert!(screen.contains("李四"), "{screen}");
        assert!(cursor.is_some(), "the cursor sits in the dialog's cell");
    }
}
