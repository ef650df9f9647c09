//! `xfdesk check` as cron runs it: exit codes, the JSON scripts read, the text cron mails,
//! once a day, a WAL checkpoint at the end, the missing calendar said.

use super::common::{stderr, stdout, xfdesk};
use super::office::office;
use chrono::{Datelike, Duration};
use serde_json::Value;
use xfdesk::domain::workflow::{Handling, Step};

fn count(db: &std::path::Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn nothing_late_exits_0_something_late_exits_1() {
    let mut o = office();
    let today = o.store.today();
    let out = xfdesk(&o.db, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["late"], false);
    assert_eq!(v["counts"]["total"], 0);
    assert_eq!(v["date"], today.to_string());
    assert_eq!(v["recorded"], true);
    // A case received on 2026-03-02: its acceptance was due 03-17, so the check of 03-25
    // finds it late.
    o.at("2026-03-02 09:00").intake("张三", "拖欠工资三个月");
    let out = xfdesk(
        &o.db,
        &["check", "--date", "2026-03-25", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["late"], true);
    assert_eq!(v["counts"]["overdue"], 1);
    assert_eq!(v["findings"][0]["due"], "2026-03-17");
    assert_eq!(v["findings"][0]["days_late"], 8);
}

#[test]
fn a_day_still_to_come_is_looked_at_and_not_recorded() {
    let mut o = office();
    let today = o.store.today();
    o.intake("张三", "拖欠工资三个月");
    // A month on, today's case will be late.
    let later = (today + Duration::days(40)).to_string();
    let out = xfdesk(&o.db, &["check", "--date", &later, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["recorded"], false);
    assert!(v["recorded_at"].is_null());
    assert_eq!(count(&o.db, "SELECT count(*) FROM check_runs"), 0);
    let text = stdout(&xfdesk(&o.db, &["check", "--date", &later]));
    assert!(text.contains("has not come yet"), "{text}");
}

#[test]
fn the_json_names_every_kind_groups_and_finding() {
    let mut o = office();
    let unit = o.unit("rsj");
    o.at("2026-03-02 09:00");
    let (case, number) = o.intake("李四", "征地补偿款未到位");
    o.step(
        case,
        Step::Propose {
            handling: Handling::Transfer { unit_id: unit },
            opinion: "转县人社局".into(),
        },
    );
    o.step(
        case,
        Step::Approve {
            note: String::new(),
        },
    );
    o.step(
        case,
        Step::Transfer {
            lead_unit: unit,
            co_units: vec![],
            assign: false,
            report_by: None,
        },
    );
    // 05-20: the handling deadline (60 days from 03-02, 05-06 after the May holiday) has
    // passed, the unit has not replied, and nobody has touched the case for 79 days.
    let later = "2026-05-20".to_string();
    let out = xfdesk(&o.db, &["check", "--date", &later, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    for key in [
        "date",
        "due_soon_until",
        "late",
        "counts",
        "by_unit",
        "by_first_handler",
        "findings",
        "missing_calendars",
        "recorded",
        "recorded_at",
        "recorded_by",
    ] {
        assert!(v.get(key).is_some(), "{key} missing: {v}");
    }
    assert_eq!(v["date"], later);
    for kind in [
        "overdue",
        "due-soon",
        "transfer-no-reply",
        "reply-not-reviewed",
        "feedback-not-given",
        "follow-up-due",
        "share-past-due",
        "inactive",
        "total",
        "late",
    ] {
        assert!(v["counts"][kind].is_u64(), "{kind}: {}", v["counts"]);
    }
    assert_eq!(v["counts"]["overdue"], 1);
    assert_eq!(v["counts"]["transfer-no-reply"], 1);
    assert_eq!(v["counts"]["inactive"], 1, "nobody touched it since 03-02");
    let units = v["by_unit"].as_array().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0]["unit"], "县人力资源和社会保障局");
    assert_eq!(units[0]["counts"]["total"], 3);
    let handlers = v["by_first_handler"].as_array().unwrap();
    assert_eq!(handlers[0]["login"], xfdesk::os::current_login().unwrap());
    let f = &v["findings"][0];
    for key in [
        "kind",
        "number",
        "unit",
        "first_handler",
        "first_handler_name",
        "due",
        "days_late",
        "late",
        "summary",
    ] {
        assert!(f.get(key).is_some(), "{key} missing: {f}");
    }
    assert_eq!(f["number"], number);
    assert_eq!(f["summary"], "征地补偿款未到位");
    assert_eq!(v["recorded"], true);
}

#[test]
fn a_second_run_the_same_day_records_nothing_more() {
    let mut o = office();
    o.at("2026-03-02 09:00").intake("王五", "噪音扰民");
    let later = "2026-03-25".to_string();
    let first = xfdesk(&o.db, &["check", "--date", &later, "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&first)).unwrap();
    assert_eq!(v["recorded"], true);
    let runs = count(&o.db, "SELECT count(*) FROM check_runs");
    let findings = count(&o.db, "SELECT count(*) FROM check_findings");
    let audit = count(&o.db, "SELECT count(*) FROM audit");
    let digest = std::fs::read_to_string(o.db.with_extension("db.audit-digest")).unwrap();
    let second = xfdesk(&o.db, &["check", "--date", &later, "--format", "json"]);
    assert_eq!(
        second.status.code(),
        Some(1),
        "the same finding, the same exit"
    );
    let v: Value = serde_json::from_str(&stdout(&second)).unwrap();
    assert_eq!(v["recorded"], false);
    assert_eq!(
        v["recorded_at"],
        serde_json::json!(serde_json::from_str::<Value>(&stdout(&first)).unwrap()["recorded_at"])
    );
    assert_eq!(count(&o.db, "SELECT count(*) FROM check_runs"), runs);
    assert_eq!(
        count(&o.db, "SELECT count(*) FROM check_findings"),
        findings
    );
    assert_eq!(count(&o.db, "SELECT count(*) FROM audit"), audit);
    assert_eq!(
        std::fs::read_to_string(o.db.with_extension("db.audit-digest")).unwrap(),
        digest,
        "no second checkpoint"
    );
    let text = stdout(&xfdesk(&o.db, &["check", "--date", &later]));
    assert!(text.contains("recorded nothing more"), "{text}");
    assert!(xfdesk(&o.db, &["audit", "verify"]).status.success());
}

#[test]
fn the_text_cron_mails_groups_by_unit_and_handler_and_says_the_calendar_is_missing() {
    let mut o = office();
    o.at("2026-03-02 09:00").intake("赵六", "工资拖欠");
    // 2027 has no official calendar (2024–2026 ship).
    let day = "2026-04-01".to_string();
    let out = xfdesk(&o.db, &["check", "--date", &day]);
    let text = stdout(&out);
    assert!(text.contains("supervision check"), "{text}");
    assert!(
        text.contains("By unit") && text.contains("By first handler"),
        "{text}"
    );
    assert!(text.contains("handled by the office"), "{text}");
    assert!(text.contains("no official holiday calendar for"), "{text}");
    assert!(text.contains("Recorded"), "{text}");
    let v: Value = serde_json::from_str(&stdout(&xfdesk(
        &o.db,
        &["check", "--date", &day, "--format", "json"],
    )))
    .unwrap();
    let year = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .unwrap()
        .year();
    assert!(
        v["missing_calendars"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(year + 1)),
        "{}",
        v["missing_calendars"]
    );
}

#[test]
fn it_ends_with_a_wal_checkpoint_and_writes_only_a_new_file() {
    let mut o = office();
    o.intake("钱七", "低保");
    let out_file = o.dir.path().join("night.txt");
    let out = xfdesk(&o.db, &["check", "--out", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).is_empty(), "the result went to the file");
    assert!(
        std::fs::read_to_string(&out_file)
            .unwrap()
            .contains("supervision check")
    );
    let wal = o.db.with_extension("db-wal");
    assert_eq!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0),
        0,
        "the log was checkpointed and truncated"
    );
    // Another night into the same file: refused in words before anything is recorded.
    let runs = count(&o.db, "SELECT count(*) FROM check_runs");
    let yesterday = (o.store.today() - Duration::days(1)).to_string();
    let again = xfdesk(
        &o.db,
        &[
            "check",
            "--date",
            &yesterday,
            "--out",
            out_file.to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(2), "never over a file");
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(count(&o.db, "SELECT count(*) FROM check_runs"), runs);
    // A night long before any office, or far ahead, is refused too.
    for day in ["0001-01-01", "9999-12-31"] {
        let out = xfdesk(&o.db, &["check", "--date", day]);
        assert_eq!(out.status.code(), Some(2), "{day}");
        assert!(stderr(&out).contains("must be from"), "{}", stderr(&out));
    }
    assert_eq!(count(&o.db, "SELECT count(*) FROM check_runs"), runs);
}

#[test]
fn bad_input_is_an_error_and_a_receptionist_is_refused() {
    let o = office();
    let bad = xfdesk(&o.db, &["check", "--date", "2026-13-40"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("YYYY-MM-DD"), "{}", stderr(&bad));
    let not_db = o.dir.path().join("nothing.db");
    std::fs::write(&not_db, b"not a database at all").unwrap();
    let out = xfdesk(&not_db, &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let login = xfdesk::os::current_login().unwrap();
    let out = xfdesk(
        &o.db,
        &[
            "staff",
            "add",
            &login,
            "--name",
            "测试",
            "--role",
            "admin,reception",
        ],
    );
    assert!(out.status.success());
    let refused = xfdesk(&o.db, &["check"]);
    assert_eq!(refused.status.code(), Some(3), "{}", stderr(&refused));
    assert_eq!(count(&o.db, "SELECT count(*) FROM check_runs"), 0);
}
