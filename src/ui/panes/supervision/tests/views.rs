//! What the nightly check found and the statistics view, on screen.

use super::*;

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
