//! The queue (案件): a page of cases, newest first, and the read-only detail of one.

use super::Theme;
use super::widgets::{fit, pad};
use crate::app::App;
use crate::domain::calendar::Urgency;
use crate::domain::id_number::mask;
use crate::domain::text::{clean_line, clean_text};
use crate::domain::{CaseDetail, CaseRow};
use crate::i18n::Label;
use crate::i18n::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Column widths: number, received, petitioner, category, state, due; the summary takes the
/// rest. A wide terminal gives the state and category room for their full names.
fn cols(width: u16) -> [usize; 6] {
    if width >= 110 {
        [14, 11, 10, 12, 14, 6]
    } else {
        [14, 11, 8, 8, 8, 6]
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    if let Some(detail) = &app.queue.detail {
        draw_detail(frame, area, app, detail, theme);
        return;
    }
    let lang = app.lang;
    let title = match lang {
        Lang::Zh => format!(" 案件（共 {} 件，最新在前） ", app.queue.total),
        Lang::En => format!(" Cases ({} in all, newest first) ", app.queue.total),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let headers = if lang.is_zh() {
        ["编号", "收到", "信访人", "类别", "状态", "期限", "事由"]
    } else {
        [
            "Number", "Received", "Name", "Category", "State", "Due", "Summary",
        ]
    };
    let header = row_text(&headers.map(String::from), inner.width);
    frame.render_widget(
        Paragraph::new(Span::styled(header, theme.title())),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if app.queue.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(lang.pick(
                "还没有案件。按 F1 登记。",
                "No cases yet. Press F1 to register one.",
            )),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
        return;
    }
    for (i, row) in app.queue.rows.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let urgency = row
            .due
            .filter(|_| row.state.is_open())
            .map(|d| app.urgency_of(d));
        let cells = cells(app, row, urgency);
        let line = row_text(&cells, inner.width);
        let mut style = urgency.map_or(Style::default(), |u| theme.urgency(u));
        if i == app.queue.selected {
            style = theme.selected();
        }
        frame.render_widget(
            Paragraph::new(Span::styled(line, style)),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
}

fn cells(app: &App, row: &CaseRow, urgency: Option<Urgency>) -> [String; 7] {
    let due = match (row.due, urgency) {
        (Some(d), Some(u)) => format!("{}{}", u.marker(), d.format("%m-%d")),
        _ => String::new(),
    };
    [
        row.number.clone(),
        row.received_at.format("%m-%d %H:%M").to_string(),
        clean_line(&row.petitioner_name),
        clean_line(&row.category),
        row.state.label(app.lang).to_string(),
        due,
        clean_line(&row.summary),
    ]
}

fn row_text(cells: &[String; 7], width: u16) -> String {
    let cols = cols(width);
    let mut s = String::new();
    for (i, w) in cols.iter().enumerate() {
        s.push_str(&pad(&cells[i], *w));
        s.push(' ');
    }
    let used = cols.iter().sum::<usize>() + cols.len();
    let rest = usize::from(width).saturating_sub(used);
    s.push_str(&pad(&cells[6], rest));
    s
}

/// The names of the deadline rules as a clerk says them.
pub fn rule_names(rule: &str) -> (&'static str, &'static str) {
    match rule {
        "register" => ("登记转送", "Register by"),
        "accept" => ("受理告知", "Accept by"),
        "objection" => ("异议期限", "Objection by"),
        "handle" => ("办理期限", "Handle by"),
        "review-request" => ("复查申请", "Review request"),
        "review-decision" => ("复查决定", "Review decision"),
        "rereview-request" => ("复核申请", "Re-review request"),
        "rereview-decision" => ("复核决定", "Re-review decision"),
        "follow-up" => ("回访", "Follow-up"),
        _ => ("期限", "Deadline"),
    }
}

fn draw_detail(frame: &mut Frame<'_>, area: Rect, app: &App, d: &CaseDetail, theme: &Theme) {
    let lang = app.lang;
    let title = format!(" {} ", d.row.number);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, theme.title()));
    let label = |zh: &str, en: &str| Span::styled(pad(lang.pick(zh, en), 10), theme.title());
    let mut lines: Vec<Line<'_>> = Vec::new();
    let petitioner = match &d.petitioner {
        Some(p) => {
            let mut s = clean_line(&p.name);
            if let Some(id) = &p.id_number {
                let shown = app.queue.revealed_id.clone().unwrap_or_else(|| mask(id));
                s.push_str(&format!("  {}", clean_line(&shown)));
            }
            if let Some(ph) = &p.phone {
                s.push_str(&format!("  {}", clean_line(ph)));
            }
            s
        }
        None => lang.pick("匿名", "anonymous").to_string(),
    };
    lines.push(Line::from(vec![
        label("信访人", "Petitioner"),
        Span::raw(petitioner),
    ]));
    lines.push(Line::from(vec![
        label("收到", "Received"),
        Span::raw(d.row.received_at.format("%Y-%m-%d %H:%M").to_string()),
    ]));
    lines.push(Line::from(vec![
        label("类别/性质", "Category"),
        Span::raw(format!(
            "{} / {}",
            clean_line(&d.row.category),
            d.kind.label(lang)
        )),
    ]));
    let mut state = vec![
        label("状态", "State"),
        Span::raw(d.row.state.label(lang).to_string()),
    ];
    if d.urgent {
        state.push(Span::styled(
            lang.pick("  ！紧急事项", "  ! urgent"),
            theme.urgency(crate::domain::calendar::Urgency::Overdue),
        ));
    }
    lines.push(Line::from(state));
    if let Some(u) = &d.unit {
        lines.push(Line::from(vec![
            label("责任单位", "Unit"),
            Span::raw(clean_line(u)),
        ]));
    }
    for clock in &d.clocks {
        let running = clock.stopped.is_none() && d.row.state.is_open();
        let (zh, en) = rule_names(&clock.rule);
        let due = clock.due.due;
        let (text, style) = if running {
            let u = app.urgency_of(due);
            (
                format!("{due} {} {}", u.marker(), u.label(lang)),
                theme.urgency(u),
            )
        } else {
            let stopped = clock.stopped.map(|s| s.to_string()).unwrap_or_default();
            (
                format!("{due}  {} {stopped}", lang.pick("已停止", "stopped")),
                theme.dim(),
            )
        };
        lines.push(Line::from(vec![label(zh, en), Span::styled(text, style)]));
        lines.push(Line::from(Span::styled(
            format!("          {}", crate::i18n::explain_due(lang, &clock.due)),
            theme.dim(),
        )));
    }
    lines.push(Line::from(vec![
        label("事由", "Summary"),
        Span::raw(clean_line(&d.row.summary)),
    ]));
    if !d.account.is_empty() {
        lines.push(Line::from(label("经过", "Account")));
        for l in clean_text(&d.account, true).lines() {
            lines.push(Line::from(format!("  {l}")));
        }
    }
    lines.push(Line::from(Span::styled(
        lang.pick("来信来访记录", "Contacts"),
        theme.title(),
    )));
    for c in &d.contacts {
        let kind = if c.is_repeat {
            lang.pick("重复信访", "repeat")
        } else {
            lang.pick("初信初访", "first contact")
        };
        let mut s = format!(
            "  {}  {}  {}",
            c.received_at.format("%Y-%m-%d %H:%M"),
            c.channel.label(lang),
            kind
        );
        if c.head_count >= 5 {
            s.push_str(&match lang {
                Lang::Zh => format!("  集体访 {} 人", c.head_count),
                Lang::En => format!("  collective visit of {}", c.head_count),
            });
        }
        s.push_str(&format!(
            "  {}{}",
            lang.pick("登记人 ", "by "),
            clean_line(&c.recorded_by)
        ));
        lines.push(Line::from(fit(
            &s,
            usize::from(area.width.saturating_sub(2)),
        )));
        if let Some(summary) = &c.summary {
            lines.push(Line::from(format!("    {}", clean_line(summary))));
        }
        if let Some(account) = &c.account {
            for l in clean_text(account, true).lines() {
                lines.push(Line::from(Span::styled(format!("    {l}"), theme.dim())));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.queue.detail_scroll, 0)),
        area,
    );
}

#[cfg(test)]
mod tests {
    use crate::app::keymap::{Action, Pane};
    use crate::domain::intake::IntakeField;
    use crate::i18n::Lang;
    use crate::ui::test_support::{app, render};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn register(app: &mut crate::app::App, name: &str, summary: &str) {
        app.pane = Pane::Intake;
        app.intake = crate::app::intake::IntakeForm::new(app.store.now());
        app.intake.focus = IntakeField::Name;
        for c in name.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        let cat = app.categories[0].clone();
        app.intake.set_category(cat);
        app.intake.focus = IntakeField::Summary;
        for c in summary.chars() {
            app.on_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        app.apply(Action::Save);
        assert!(!app.intake.has_text(), "{:?}", app.message);
    }

    #[test]
    fn empty_queue_says_so() {
        let (_d, mut app) = app(Lang::Zh);
        app.apply(Action::ShowPane(Pane::Queue));
        let (lines, cursor) = render(&mut app, 80, 24);
        assert!(lines.join("\n").contains("还没有案件"));
        assert_eq!(cursor, None, "no text field, no cursor");
    }

    #[test]
    fn saved_cases_list_newest_first_with_chinese_aligned() {
        let (_d, mut app) = app(Lang::Zh);
        register(&mut app, "张三", "征地补偿款未到位");
        register(&mut app, "欧阳娜娜", "工资拖欠三个月");
        app.apply(Action::ShowPane(Pane::Queue));
        let (lines, _) = render(&mut app, 80, 24);
        assert!(lines[3].contains("欧阳娜娜"), "{}", lines[3]);
        assert!(lines[4].contains("张三"), "{}", lines[4]);
        // The state column starts at the same display column on both rows.
        let col = |l: &str| {
            let i = l.find("登记").unwrap();
            unicode_width::UnicodeWidthStr::width(&l[..i])
        };
        assert_eq!(col(&lines[3][..]), col(&lines[4][..]));
    }

    #[test]
    fn english_queue_at_80x24() {
        let (_d, mut app) = app(Lang::En);
        register(&mut app, "张三", "征地补偿款未到位");
        app.apply(Action::ShowPane(Pane::Queue));
        let (lines, _) = render(&mut app, 80, 24);
        assert!(
            lines[1].contains("Cases (1 in all, newest first)"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].contains("Number") && lines[2].contains("Summary"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].contains("张三") && lines[3].contains("registe"),
            "{}",
            lines[3]
        );
        assert!(lines[23].contains("Enter details"), "{}", lines[23]);
    }

    #[test]
    fn detail_view_in_english_at_120x40() {
        let (_d, mut app) = app(Lang::En);
        register(&mut app, "张三", "征地补偿款未到位");
        app.apply(Action::ShowPane(Pane::Queue));
        app.apply(Action::Confirm);
        let (lines, _) = render(&mut app, 120, 40);
        let screen = lines.join("\n");
        assert!(screen.contains("Petitioner"), "{screen}");
        assert!(screen.contains("first contact"), "{screen}");
        assert!(screen.contains("Accept by"), "{screen}");
        assert!(
            screen.contains("15 days from "),
            "each clock explains itself: {screen}"
        );
        assert!(lines[39].contains("Esc back"), "{}", lines[39]);
    }
}
