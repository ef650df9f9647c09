//! The queue and a case's detail on a test terminal.

use crate::app::App;
use crate::app::keymap::{Command, GlobalCommand};
use crate::app::panes::Pane;
use crate::app::panes::queue::QueueCommand;
use crate::domain::Role;
use crate::domain::intake::IntakeField;
use crate::i18n::Lang;
use crate::ui::test_support::{app, app_recording, render};
use crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

fn register(app: &mut App, name: &str, summary: &str) {
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Intake)));
    app.panes_mut().intake.form.focus = IntakeField::Name;
    app.type_str(name);
    app.panes_mut().intake.form.focus = IntakeField::Category;
    app.type_str("1");
    app.press(KeyCode::Enter);
    app.panes_mut().intake.form.focus = IntakeField::Summary;
    app.type_str(summary);
    app.press_ctrl('s');
    assert!(!app.panes().intake.form.has_text(), "{}", app.status_text());
}

fn show_queue(app: &mut App) {
    app.run(Command::Global(GlobalCommand::ShowPane(Pane::Queue)));
}

#[test]
fn empty_queue_says_so() {
    let (_d, mut app) = app(Lang::Zh);
    show_queue(&mut app);
    let (lines, cursor) = render(&mut app, 80, 24);
    assert!(lines.join("\n").contains("还没有案件。按 F1 登记。"));
    assert_eq!(cursor, None, "no text field, no cursor");
}

#[test]
fn saved_cases_list_newest_first_with_chinese_aligned() {
    let (_d, mut app) = app(Lang::Zh);
    register(&mut app, "张三", "征地补偿款未到位");
    register(&mut app, "欧阳娜娜", "工资拖欠三个月");
    show_queue(&mut app);
    let (lines, _) = render(&mut app, 80, 24);
    assert!(lines[5].contains("欧阳娜娜"), "{}", lines[5]);
    assert!(lines[6].contains("张三"), "{}", lines[6]);
    // The state column starts at the same display column on both rows.
    let col = |l: &str| {
        let i = l.find("登记").unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..i])
    };
    assert_eq!(col(&lines[5][..]), col(&lines[6][..]));
}

#[test]
fn english_queue_at_80x24() {
    let (_d, mut app) = app(Lang::En);
    register(&mut app, "张三", "征地补偿款未到位");
    show_queue(&mut app);
    let (lines, _) = render(&mut app, 80, 24);
    assert!(
        lines[1].contains("Cases (1 in all, newest first)"),
        "{}",
        lines[1]
    );
    assert!(
        lines[4].contains("Number") && lines[4].contains("Summary"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].contains("张三") && lines[5].contains("registe"),
        "{}",
        lines[5]
    );
    assert!(lines[23].contains("Enter details"), "{}", lines[23]);
}

#[test]
fn detail_view_in_english_at_120x40() {
    let (_d, mut app) = app(Lang::En);
    register(&mut app, "张三", "征地补偿款未到位");
    show_queue(&mut app);
    app.press(KeyCode::Enter);
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
    app.press(KeyCode::Esc);
    assert!(app.panes().queue.detail.is_none());
}

/// PgDn shows the next page and PgUp the one before, by keyset; ↓ at the last row of a page
/// goes on to the next.
#[test]
fn page_down_and_up_walk_the_queue_by_pages() {
    let (_d, mut app) = app(Lang::Zh);
    for i in 0..7 {
        register(&mut app, &format!("信访人{i}"), &format!("事由{i}"));
    }
    show_queue(&mut app);
    // 12 rows of terminal leave 4 rows for cases under the search and filter lines.
    let (lines, _) = render(&mut app, 80, 12);
    assert!(lines[5].contains("信访人6"), "{}", lines.join("\n"));
    app.press(KeyCode::PageDown);
    let (lines, _) = render(&mut app, 80, 12);
    assert!(lines[5].contains("信访人2"), "{}", lines.join("\n"));
    assert!(lines[7].contains("信访人0"), "{}", lines.join("\n"));
    app.press(KeyCode::PageDown);
    let (lines, _) = render(&mut app, 80, 12);
    assert!(
        lines[5].contains("信访人2"),
        "no page after the last: {}",
        lines.join("\n")
    );
    app.press(KeyCode::PageUp);
    let (lines, _) = render(&mut app, 80, 12);
    assert!(lines[5].contains("信访人6"), "{}", lines.join("\n"));
    for _ in 0..4 {
        app.press(KeyCode::Down);
    }
    assert_eq!(app.panes().queue.rows[0].row.petitioner_name, "信访人2");
    app.run(Command::Queue(QueueCommand::Newest));
    assert_eq!(app.panes().queue.rows[0].row.petitioner_name, "信访人6");
}

fn cols(n: usize) -> u16 {
    u16::try_from(n).unwrap()
}

mod bulk;
mod search;
