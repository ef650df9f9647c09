//! The supervision pane and the statistics view on a test terminal, at 80×24 and 120×40, in
//! both languages: three cases received in September 2026 and seen on the eve of the National
//! Day holiday (2026-09-30), one overdue, one due soon across the holiday, one not pressing.

use crate::app::App;
use crate::app::effects::RecordedEffects;
use crate::domain::intake::{IntakeInput, validate_intake};
use crate::domain::workflow::Step;
use crate::domain::{Role, Staff};
use crate::i18n::Lang;
use crate::ui::test_support::{app_recording, render};
use chrono::NaiveDateTime;
use crossterm::event::KeyCode;

fn ts(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

struct Office {
    _dir: tempfile::TempDir,
    app: App,
    effects: RecordedEffects,
    me: Staff,
    /// Overdue (accept due 09-16), due soon (10-08, the holiday skipped), normal (10-14).
    cases: [(i64, String); 3],
}

fn office(lang: Lang, roles: &[Role]) -> Office {
    let (dir, _, mut app, effects) = app_recording(lang, roles);
    let store = app.store_mut();
    let me = store.staff_by_login("clerk").unwrap().unwrap();
    let cat = store.categories().unwrap()[0].id;
    let mut save = |at: &str, name: &str, summary: &str| {
        store.pin_now(ts(at));
        let now = store.now();
        let input = IntakeInput {
            name: name.into(),
            category_id: Some(cat),
            summary: summary.into(),
            ..IntakeInput::blank(now)
        };
        let saved = store
            .save_intake(&me, &validate_intake(&input, now).unwrap())
            .unwrap();
        (saved.case_id, saved.number)
    };
    let cases = [
        save("2026-09-01 09:00", "张三", "拖欠工资三个月"),
        save("2026-09-17 09:00", "欧阳娜娜", "征地补偿款未到位"),
        save("2026-09-29 09:00", "李四", "噪音扰民"),
    ];
    store.pin_now(ts("2026-09-30 10:00"));
    // Pressing a key takes the time (the pinned one) and shows the pane.
    app.press(KeyCode::F(4));
    Office {
        _dir: dir,
        app,
        effects,
        me,
        cases,
    }
}

const WATCHER: &[Role] = &[Role::Reception, Role::Supervisor, Role::Manager];

impl Office {
    fn step(&mut self, case: usize, step: Step) {
        let id = self.cases[case].0;
        let me = self.me.clone();
        let store = self.app.store_mut();
        let version = store.case_detail(id).unwrap().unwrap().version;
        store.take_step(&me, id, version, step).unwrap();
    }

    fn screen(&mut self, w: u16, h: u16) -> (String, Vec<String>) {
        let (lines, _) = render(&mut self.app, w, h);
        (lines.join("\n"), lines)
    }

    fn urged(&mut self, case: usize) -> usize {
        let id = self.cases[case].0;
        self.app
            .store_mut()
            .timeline(id)
            .unwrap()
            .iter()
            .filter(|e| {
                matches!(&e.item, crate::domain::timeline::TimelineItem::Step(s)
                    if s.kind == Some(crate::domain::workflow::StepKind::Urge))
            })
            .count()
    }
}

#[test]
fn the_list_by_urgency_at_80x24_in_chinese() {
    let mut o = office(Lang::Zh, WATCHER);
    o.step(
        0,
        Step::Urge {
            note: "请三日内报告".into(),
        },
    );
    o.app.press(KeyCode::F(4));
    let (screen, lines) = o.screen(80, 24);
    assert!(lines[1].contains("督办：在办案件按期限"), "{screen}");
    assert!(
        lines[2].contains("在办 3")
            && lines[2].contains("! 超期 1")
            && lines[2].contains("~ 3个工作日内到期 1")
            && lines[2].contains("其余 1"),
        "{}",
        lines[2]
    );
    assert!(lines[3].contains("尚未运行夜间检查"), "{}", lines[3]);
    for col in ["期限", "编号", "责任单位", "首办", "督办人", "督办", "事由"] {
        assert!(lines[4].contains(col), "{col}: {}", lines[4]);
    }
    // Overdue first, then due soon across the holiday, then the rest: marker and words.
    assert!(lines[5].contains("! 超期14天"), "{}", lines[5]);
    assert!(lines[5].contains(&o.cases[0].1), "{}", lines[5]);
    assert!(
        lines[5].contains("本机关") && lines[5].contains("李接待") && lines[5].contains("催办×1"),
        "{}",
        lines[5]
    );
    assert!(lines[6].contains("~ 剩8天"), "{}", lines[6]);
    assert!(lines[7].starts_with("│  剩14天"), "{}", lines[7]);
    // The number column lines up on every row, whatever the widths before it.
    let col = |l: &str, n: &str| {
        let i = l.find(n).unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..i])
    };
    assert_eq!(col(&lines[5], &o.cases[0].1), col(&lines[6], &o.cases[1].1));
    assert_eq!(col(&lines[5], &o.cases[0].1), col(&lines[7], &o.cases[2].1));
    assert!(
        lines[23].contains("u 催办") && lines[23].contains("s 督办立项"),
        "{}",
        lines[23]
    );
    assert!(lines[23].contains("F12 帮助"), "{}", lines[23]);
}

#[test]
fn the_list_at_120x40_in_english_shows_due_dates_and_petitioners() {
    let mut o = office(Lang::En, WATCHER);
    let me = o.me.id;
    o.step(
        0,
        Step::Supervise {
            supervisor: me,
            note: "urgent matter".into(),
        },
    );
    o.app.press(KeyCode::F(4));
    let (screen, lines) = o.screen(120, 40);
    assert!(
        lines[2].contains("open 3") && lines[2].contains("! overdue 1"),
        "{screen}"
    );
    assert!(
        lines[4].contains("Due") && lines[4].contains("Petitioner"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].contains("14d late") && lines[5].contains("2026-09-16"),
        "{}",
        lines[5]
    );
    assert!(lines[5].contains("张三"), "{}", lines[5]);
    assert!(lines[6].contains("2026-10-08"), "{}", lines[6]);
    assert!(lines[39].contains("Enter open"), "{}", lines[39]);
}

mod ladder;
mod views;
