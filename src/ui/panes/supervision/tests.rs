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

#[test]
fn urging_from_the_pane_is_recorded_and_the_ladder_shows_on_the_case() {
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('u'));
    let (screen, _) = o.screen(80, 24);
    assert!(
        screen.contains("催办：") && screen.contains("催办内容"),
        "{screen}"
    );
    assert!(
        screen.contains("未立项"),
        "the ladder above the fields: {screen}"
    );
    o.app.type_str("请县人社局三日内报告");
    o.app.press_ctrl('s');
    assert!(
        o.app.status_text().contains("催办已保存"),
        "{}",
        o.app.status_text()
    );
    assert_eq!(o.urged(0), 1);
    let (_, lines) = o.screen(80, 24);
    assert!(lines[5].contains("催办×1"), "{}", lines[5]);
    // Enter opens the case: the ladder and the urging in its timeline; Esc comes back.
    o.app.press(KeyCode::Enter);
    for (w, h) in [(80, 24), (120, 40)] {
        let (screen, _) = o.screen(w, h);
        assert!(screen.contains("督办        未立项，催办×1"), "{screen}");
        assert!(screen.contains("催办：请县人社局三日内报告"), "{screen}");
    }
    o.app.press(KeyCode::Esc);
    let (screen, _) = o.screen(80, 24);
    assert!(screen.contains("督办：在办案件按期限"), "{screen}");
}

#[test]
fn a_receptionist_is_refused_in_words_and_a_rung_waits_for_the_one_below() {
    let mut o = office(Lang::Zh, &[Role::Reception]);
    o.app.press(KeyCode::Char('u'));
    let (_, lines) = o.screen(80, 24);
    assert!(
        lines[22].contains("无权操作") && lines[22].contains("督办员"),
        "{}",
        lines[22]
    );
    assert_eq!(o.urged(0), 0);
    assert!(!lines[23].contains("催办"), "not offered: {}", lines[23]);
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('o'));
    let (_, lines) = o.screen(80, 24);
    assert!(
        lines[22].contains("“督办单”须在“催办”之后：请先催办"),
        "{}",
        lines[22]
    );
    assert!(
        o.app
            .dialogs()
            .top(crate::app::panes::Pane::Supervision)
            .is_none()
    );
}

#[test]
fn a_manager_records_a_notice_and_prints_it_from_the_list() {
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('n'));
    // Names a unit: pick one by its initials.
    o.app.press(KeyCode::Tab);
    o.app.type_str("rsj");
    o.app.press(KeyCode::Enter);
    // The highlighted case is there; the failure.
    o.app.press(KeyCode::Tab);
    o.app.type_str("逾期未受理");
    o.app.press_ctrl('s');
    let status = o.app.status_text();
    assert!(
        status.contains("通报 TB-2026-001 已记录（1 件案件）"),
        "{status}"
    );
    o.app.press(KeyCode::Char('b'));
    let (screen, lines) = o.screen(80, 24);
    assert!(lines[1].contains("通报（共 1 件"), "{screen}");
    assert!(
        lines[3].contains("TB-2026-001") && lines[3].contains("县人力资源"),
        "{}",
        lines[3]
    );
    o.app.press(KeyCode::Char('p'));
    let rec = o.effects.recording();
    let (path, text) = rec.files.last().expect("the notice written");
    assert!(
        path.to_string_lossy().ends_with("TB-2026-001.txt"),
        "{}",
        path.display()
    );
    assert!(
        text.contains("县人力资源和社会保障局") && text.contains("逾期未受理"),
        "{text}"
    );
    assert!(text.contains(&o.cases[0].1), "{text}");
    o.app.press(KeyCode::Esc);
    let (screen, _) = o.screen(80, 24);
    assert!(screen.contains("督办：在办案件按期限"), "{screen}");
}

#[test]
fn the_filter_keeps_the_overdue_and_says_so_in_the_title() {
    let mut o = office(Lang::Zh, WATCHER);
    o.app.press(KeyCode::Char('f'));
    let (screen, _) = o.screen(80, 24);
    // The queue's filters without the state: this list keeps to open cases.
    assert!(
        screen.contains("责任单位") && !screen.contains("状态"),
        "{screen}"
    );
    for _ in 0..3 {
        o.app.press(KeyCode::Down);
    }
    o.app.press(KeyCode::Right);
    o.app.press(KeyCode::Enter);
    let (screen, lines) = o.screen(80, 24);
    assert!(lines[1].contains("筛选：超期"), "{screen}");
    assert!(lines[5].contains(&o.cases[0].1), "{screen}");
    assert!(!screen.contains(&o.cases[1].1), "{screen}");
    assert!(
        lines[2].contains("在办 3"),
        "the counts stay whole: {}",
        lines[2]
    );
    o.app.press(KeyCode::Char('x'));
    let (screen, _) = o.screen(80, 24);
    assert!(screen.contains(&o.cases[1].1), "{screen}");
}

#[test]
fn the_night_s_findings_show_the_next_morning() {
    let mut o = office(Lang::Zh, WATCHER);
    let me = o.me.clone();
    let day = o.app.store_mut().today();
    crate::cli::check::record(o.app.store_mut(), &me, day).unwrap();
    o.app.press(KeyCode::F(4));
    let (_, lines) = o.screen(80, 24);
    assert!(
        lines[3].contains("夜间检查 09-30") && lines[3].contains("超期 1，临期 1"),
        "{}",
        lines[3]
    );
    o.app.press(KeyCode::Char('w'));
    for (w, h) in [(80, 24), (120, 40)] {
        let (screen, lines) = o.screen(w, h);
        assert!(lines[1].contains("夜间检查 2026-09-30"), "{screen}");
        assert!(lines[2].contains("超期 1 · 临期 1"), "{}", lines[2]);
        assert!(
            screen.contains("! 超期") && screen.contains(&o.cases[0].1),
            "{screen}"
        );
    }
}

#[test]
fn the_statistics_view_at_80x24_and_120x40() {
    for (lang, w, h) in [(Lang::Zh, 80, 24), (Lang::En, 120, 40), (Lang::Zh, 120, 40)] {
        let mut o = office(lang, WATCHER);
        o.app.press(KeyCode::Char('r'));
        let (screen, lines) = o.screen(w, h);
        let zh = lang.is_zh();
        assert!(
            lines[1].contains(lang.pick(
                "统计：2026-09-01 至 2026-09-30",
                "Statistics: 2026-09-01 to 2026-09-30"
            )),
            "{screen}"
        );
        assert!(
            lines[2].contains(lang.pick("信访事项 3 件", "3 matters")),
            "{}",
            lines[2]
        );
        for label in if zh {
            [
                "及时受理率",
                "按期办结率",
                "满意率",
                "一次性化解率",
                "包案化解率",
                "按渠道",
            ]
        } else {
            [
                "Timely acceptance",
                "On-time closing",
                "Satisfaction rate",
                "One-time resolution",
                "Leader-case resolution",
                "By channel",
            ]
        } {
            assert!(screen.contains(label), "{label}: {screen}");
        }
        // Nothing was decided yet by 09-30 except the first case's clock, which ran out:
        // 0 of 1, beside its (empty) bar; the channel bars with their numbers.
        assert!(screen.contains("0.0% 0/1"), "{screen}");
        assert!(screen.contains("█"), "bars: {screen}");
        assert!(
            screen.contains(lang.pick("重复信访（近12个月", "Repeat contacts, 12 months")),
            "{screen}"
        );
        assert!(
            lines[h as usize - 1].contains(lang.pick("← 上一期", "← earlier")),
            "{}",
            lines[h as usize - 1]
        );
        // Tab: by unit; Esc back.
        o.app.press(KeyCode::Tab);
        let (screen, _) = o.screen(w, h);
        assert!(
            screen.contains(lang.pick("[按单位]", "[by unit]")),
            "{screen}"
        );
        assert!(
            screen.contains(lang.pick("本机关直接办理", "handled by the office")),
            "{screen}"
        );
        o.app.press(KeyCode::Esc);
        let (screen, _) = o.screen(w, h);
        assert!(
            screen.contains(lang.pick("督办：在办案件按期限", "Supervision: open cases")),
            "{screen}"
        );
    }
}

#[test]
fn a_receptionist_may_not_open_the_statistics() {
    let mut o = office(Lang::Zh, &[Role::Reception]);
    o.app.press(KeyCode::Char('r'));
    let (screen, lines) = o.screen(80, 24);
    assert!(lines[22].contains("无权操作"), "{screen}");
    assert!(screen.contains("督办：在办案件按期限"), "{screen}");
}
