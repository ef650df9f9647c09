//! `xfdesk cases` as scripts use it: the same search and filters as the queue, text aligned
//! at Chinese widths, JSON with the total, masked ID numbers, clean text, exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use std::path::Path;
use unicode_width::UnicodeWidthStr;
use xfdesk::domain::lookup::ContactKind;
use xfdesk::domain::{Channel, MatterKind, NewIntake};
use xfdesk::store::Store;

/// Three cases registered by the calling account; one has an ID number on record and a
/// summary carrying an escape sequence, as an import might.
fn office(dir: &Path) -> std::path::PathBuf {
    let db = initialised_db(dir);
    let mut store = Store::open(&db).unwrap();
    let me = store
        .staff_by_login(&xfdesk::os::current_login().unwrap())
        .unwrap()
        .unwrap();
    let categories = store.categories().unwrap();
    for (name, id, summary, channel) in [
        ("张三", None, "反映征地补偿款未到位", Channel::Visit),
        (
            "欧阳娜娜",
            Some("11010519491231002X"),
            "工资拖欠三个月\u{1b}[31m，老板失联",
            Channel::Letter,
        ),
        ("李四", None, "子女入学问题", Channel::Visit),
    ] {
        let intake = NewIntake {
            id_number: id.map(str::to_string),
            name: name.into(),
            sex: None,
            phone: None,
            address: String::new(),
            work_unit: String::new(),
            channel,
            urgent: false,
            kind: MatterKind::Request,
            category_id: Some(categories[0].id),
            summary: summary.into(),
            account: String::new(),
            received_at: store.now(),
            collective: None,
            unit_ids: vec![],
            leapfrog: None,
            contact: ContactKind::FirstContact,
            expert_id: None,
            known_petitioner: None,
            materials: vec![],
        };
        store.save_intake(&me, &intake).unwrap();
    }
    db
}

#[test]
fn json_lists_what_the_search_finds_with_the_total_and_masked_ids() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let out = xfdesk(&db, &["cases", "--search", "工资", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 1);
    let case = &v["cases"][0];
    assert!(case["number"].as_str().unwrap().starts_with("XF-"));
    assert_eq!(case["petitioner"]["name"], "欧阳娜娜");
    assert_eq!(case["petitioner"]["id_number"], "110105********002X");
    assert_eq!(case["state"], "registered");
    assert_eq!(case["days_left"], 15);
    assert!(case["due"].as_str().is_some() && case["received"].as_str().is_some());
    let summary = case["summary"].as_str().unwrap();
    assert!(summary.starts_with("工资拖欠三个月"), "{summary}");
    assert!(
        !stdout(&out).contains('\u{1b}'),
        "no escape reaches the output"
    );
    // A one-character word, a filter, a limit.
    let all = xfdesk(&db, &["cases", "--search", "问", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(v["total"], 1, "{}", stdout(&all));
    let letters = xfdesk(&db, &["cases", "--channel", "letter", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&letters.stdout).unwrap();
    assert_eq!(v["total"], 1);
    let one = xfdesk(&db, &["cases", "--limit", "1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(
        (v["total"].as_u64(), v["cases"].as_array().unwrap().len()),
        (Some(3), 1)
    );
    assert_eq!(v["cases"][0]["petitioner"]["name"], "李四", "newest first");
}

#[test]
fn text_is_aligned_at_chinese_widths_and_says_how_many() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let out = std::process::Command::new(bin())
        .args(["cases", "--state", "open", "--mine", "--lang", "zh", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    // The state column starts at the same display column on the heading and every row.
    let col = |l: &str, word: &str| l[..l.find(word).unwrap()].width();
    let at = col(lines[0], "状态");
    for row in &lines[1..4] {
        assert_eq!(col(row, "登记"), at, "{text}");
    }
    assert!(lines[4].contains("共找到 3 件"), "{text}");
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn bad_input_exits_2_in_words_and_a_stranger_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    for (args, says) in [
        (vec!["--unit", "nosuch"], "no such Unit: nosuch"),
        (vec!["--category", "x"], "no such Category: x"),
        (vec!["--state", "done"], "no such State: done"),
        (vec!["--channel", "fax"], "no such Channel: fax"),
        (vec!["--search", "，。"], "nothing to search for"),
        (vec!["--limit", "0"], "0 is not in 1..=100000"),
        (vec!["--format", "xml"], "invalid value 'xml'"),
    ] {
        let mut all = vec!["cases"];
        all.extend(args.iter().copied());
        let out = xfdesk(&db, &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
    // Units and categories by code or exact name.
    let by_name = xfdesk(
        &db,
        &["cases", "--unit", "县自然资源局", "--category", "征地拆迁"],
    );
    assert!(by_name.status.success(), "{}", stderr(&by_name));
    // Another office's database: this account is not staff there.
    let other = dir.path().join("other.db");
    let mut store = Store::open(&other).unwrap();
    store.bootstrap_admin("somebody_else", "别人", &[]).unwrap();
    drop(store);
    let out = xfdesk(&other, &["cases"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}
