//! `xfdesk report` on a hand-made office: five cases received in March 2026 (and one in
//! April), each figure counted by hand in the comments.

use super::common::{stdout, xfdesk};
use super::office::{Office, office};
use serde_json::Value;
use xfdesk::domain::supervision::notice::{NewNotice, NoticeTarget};
use xfdesk::domain::workflow::{FeedbackWay, Handling, Rating, Step};

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn handle_here(o: &mut Office, case: i64, approve: &str, handled: &str) {
    o.step(
        case,
        Step::Propose {
            handling: Handling::HandleHere,
            opinion: "本局直接办理".into(),
        },
    );
    o.at(approve).step(
        case,
        Step::Approve {
            note: String::new(),
        },
    );
    o.at(handled).step(
        case,
        Step::HandleHere {
            note: "已当面答复".into(),
        },
    );
}

fn answer(o: &mut Office, case: i64, on: &str, rating: Rating) {
    o.at(&format!("{on} 15:00")).step(
        case,
        Step::Feedback {
            way: FeedbackWay::Phone,
            on: d(on),
            rating,
            note: String::new(),
        },
    );
    o.step(
        case,
        Step::Close {
            note: String::new(),
        },
    );
}

/// The office of March 2026; returns it and the unit B went to.
pub fn march() -> (Office, i64) {
    let mut o = office();
    let unit = o.unit("rsj");
    // A: accepted on time (03-03, due 03-17), handled, satisfied, closed, settled.
    o.at("2026-03-02 09:00");
    let (a, _) = o.intake("甲", "拖欠工资");
    handle_here(&mut o, a, "2026-03-03 10:00", "2026-03-05 10:00");
    answer(&mut o, a, "2026-03-06", Rating::Satisfied);
    o.at("2026-03-20 10:00").step(
        a,
        Step::FollowUp {
            settled: true,
            note: "已解决".into(),
        },
    );
    // B: accepted late (03-20, due 03-17), sent to the unit, replied, unsatisfied, closed.
    o.at("2026-03-02 09:30");
    let (b, _) = o.intake("乙", "征地补偿");
    o.step(
        b,
        Step::Propose {
            handling: Handling::Transfer { unit_id: unit },
            opinion: "转县人社局".into(),
        },
    );
    o.at("2026-03-20 09:00").step(
        b,
        Step::Approve {
            note: String::new(),
        },
    );
    o.step(
        b,
        Step::Transfer {
            lead_unit: unit,
            co_units: vec![],
            assign: false,
            report_by: None,
        },
    );
    o.at("2026-03-25 09:00").step(
        b,
        Step::Reply {
            findings: "情况属实".into(),
            resolution: "已补发".into(),
        },
    );
    o.at("2026-03-26 09:00").step(
        b,
        Step::Review {
            accept: true,
            reason: String::new(),
        },
    );
    answer(&mut o, b, "2026-03-27", Rating::Unsatisfied);
    // C: never accepted (its clock ran out on 03-18); urged.
    o.at("2026-03-03 09:00");
    let (c, _) = o.intake("丙", "噪音扰民");
    o.at("2026-03-25 11:00").step(
        c,
        Step::Urge {
            note: "请三日内受理".into(),
        },
    );
    // D: came back by phone (two contacts), accepted on time, no evaluation given.
    o.at("2026-03-04 09:00");
    let (dd, _) = o.intake("丁", "低保申请");
    o.at("2026-03-10 09:00").repeat(dd, "丁");
    handle_here(&mut o, dd, "2026-03-11 09:00", "2026-03-12 09:00");
    answer(&mut o, dd, "2026-03-13", Rating::NotGiven);
    // E: leapfrogged; a leader's charge; basically satisfied; the follow-up found it unsettled.
    o.at("2026-03-05 09:00");
    let (e, _) = o.leapfrog_intake("戊", "宅基地纠纷");
    o.step(
        e,
        Step::TakeCharge {
            note: "分管领导包案".into(),
        },
    );
    handle_here(&mut o, e, "2026-03-06 09:00", "2026-03-07 09:00");
    answer(&mut o, e, "2026-03-08", Rating::BasicallySatisfied);
    o.at("2026-03-25 10:00").step(
        e,
        Step::FollowUp {
            settled: false,
            note: "仍有异议".into(),
        },
    );
    // A notice naming the unit, for B.
    o.at("2026-03-26 16:00");
    let me = o.me.clone();
    o.store
        .record_notice(
            &me,
            &NewNotice {
                target: NoticeTarget::Unit(unit),
                case_ids: vec![b],
                failure: "受理迟延".into(),
                measures: String::new(),
            },
        )
        .unwrap();
    // F: April, outside the period.
    o.at("2026-04-01 09:00");
    o.intake("己", "四月来信");
    (o, unit)
}

fn rate(v: &Value, key: &str) -> (u64, u64) {
    let r = &v[key];
    (r["num"].as_u64().unwrap(), r["den"].as_u64().unwrap())
}

#[test]
fn every_figure_of_march_counted_by_hand() {
    let (o, _) = march();
    let out = xfdesk(
        &o.db,
        &[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        super::common::stderr(&out)
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["from"], "2026-03-01");
    assert_eq!(v["to"], "2026-03-31");
    let all = &v["overall"];
    assert_eq!(all["cases"], 5, "A to E; F came in April");
    // A, B, C, E one contact each, D two.
    assert_eq!(all["contacts"], 6);
    assert_eq!(all["contacts_by_channel"]["visit"], 5);
    assert_eq!(all["contacts_by_channel"]["phone"], 1);
    assert_eq!(all["repeat_contacts"], 1);
    assert_eq!(all["repeat_contacts_by_month"]["2026-03"], 1);
    assert_eq!(all["leapfrog_contacts"], 1);
    assert_eq!(rate(all, "first_contact_share"), (5, 6));
    // Accept clocks ended: all five (C's ran out); on time: A, D, E.
    assert_eq!(rate(all, "timely_acceptance"), (3, 5));
    // Handling clocks ended: A, B, D, E (C was never accepted); all met.
    assert_eq!(rate(all, "on_time_closing"), (4, 4));
    // Feedback: A satisfied, B unsatisfied, D none, E basic.
    assert_eq!(rate(all, "evaluation_rate"), (3, 4));
    assert_eq!(rate(all, "satisfaction_rate"), (2, 3));
    // Closed: A, B, D, E; first time: A and B (D came back, E unsettled).
    assert_eq!(rate(all, "one_time_resolution"), (2, 4));
    // A leader's charge: E, unsettled.
    assert_eq!(rate(all, "leader_case_resolution"), (0, 1));
    assert!(all["leader_case_resolution"]["rate"].as_f64() == Some(0.0));
    assert_eq!(all["supervision_steps"]["urge"], 1);
    assert_eq!(all["notices"], 1);
    // The unit: B alone.
    let unit = v["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_code"] == "rsj")
        .unwrap();
    assert_eq!(unit["cases"], 1);
    assert_eq!(rate(unit, "timely_acceptance"), (0, 1));
    assert_eq!(rate(unit, "on_time_closing"), (1, 1));
    assert_eq!(rate(unit, "satisfaction_rate"), (0, 1));
    assert_eq!(rate(unit, "one_time_resolution"), (1, 1));
    assert_eq!(unit["notices"], 1);
    let own = v["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"].is_null())
        .unwrap();
    assert_eq!(own["cases"], 4, "A, C, D, E were handled by the office");
    assert_eq!(own["supervision_steps"]["urge"], 1);
    // One first handler registered them all.
    let handlers = v["by_first_handler"].as_array().unwrap();
    assert_eq!(handlers.len(), 1);
    assert_eq!(handlers[0]["login"], xfdesk::os::current_login().unwrap());
    assert_eq!(rate(&handlers[0], "leader_case_resolution"), (0, 1));
    // A rate with nothing to divide by has no rate.
    let empty = xfdesk(
        &o.db,
        &[
            "report",
            "--from",
            "2025-03-01",
            "--to",
            "2025-03-31",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&empty)).unwrap();
    assert_eq!(v["overall"]["timely_acceptance"]["den"], 0);
    assert!(v["overall"]["timely_acceptance"]["rate"].is_null());
}

#[test]
fn the_printable_report_and_the_csv_say_the_same() {
    let (o, _) = march();
    let text = stdout(&xfdesk(
        &o.db,
        &["report", "--from", "2026-03-01", "--to", "2026-03-31"],
    ));
    assert!(text.contains("Timely acceptance"), "{text}");
    assert!(text.contains("60.0% (3/5)"), "{text}");
    assert!(
        text.contains("By unit") && text.contains("By first handler"),
        "{text}"
    );
    let zh = super::common::stdout(
        &std::process::Command::new(super::common::bin())
            .args(["report", "--year", "2026", "--lang", "zh", "--db"])
            .arg(&o.db)
            .output()
            .unwrap(),
    );
    assert!(zh.contains("2026年度信访工作情况报告"), "{zh}");
    assert!(zh.contains("第四十一条"), "{zh}");
    assert!(
        zh.contains("一、总体") && zh.contains("二、按责任单位"),
        "{zh}"
    );
    let csv = stdout(&xfdesk(
        &o.db,
        &[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--format",
            "csv",
        ],
    ));
    let mut lines = csv.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let overall: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).unwrap();
    assert_eq!(overall[col("group")], "overall");
    assert_eq!(overall[col("cases")], "5");
    assert_eq!(overall[col("timely_acceptance_num")], "3");
    assert_eq!(overall[col("timely_acceptance_den")], "5");
    assert_eq!(overall[col("timely_acceptance_rate")], "0.6000");
    assert_eq!(overall[col("steps_urge")], "1");
}

#[test]
fn a_name_a_spreadsheet_would_run_is_neutralised_in_the_csv() {
    let (mut o, _) = march();
    let out = xfdesk(
        &o.db,
        &[
            "staff",
            "add",
            "formula",
            "--name",
            "=HYPERLINK(\"x\")",
            "--role",
            "reception",
        ],
    );
    assert!(out.status.success(), "{}", super::common::stderr(&out));
    let formula = o.store.staff_by_login("formula").unwrap().unwrap();
    o.at("2026-03-30 09:00");
    let (f, _) = o.intake("庚", "月末来访");
    o.step(
        f,
        Step::Assign {
            to_staff: formula.id,
            reason: "换人".into(),
        },
    );
    let csv = stdout(&xfdesk(
        &o.db,
        &[
            "report",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--format",
            "csv",
        ],
    ));
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
}

#[test]
fn a_receptionist_may_not_read_the_statistics_and_a_bad_period_is_refused() {
    let (o, _) = march();
    let bad = xfdesk(
        &o.db,
        &["report", "--from", "2026-04-01", "--to", "2026-03-01"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        super::common::stderr(&bad).contains("runs backwards"),
        "{}",
        super::common::stderr(&bad)
    );
    let both = xfdesk(&o.db, &["report", "--to", "2026-03-01", "--year", "2026"]);
    assert_eq!(both.status.code(), Some(2), "--to and --year conflict");
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
    let refused = xfdesk(&o.db, &["report", "--year", "2026"]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(
        super::common::stderr(&refused).contains("supervisor or manager"),
        "{}",
        super::common::stderr(&refused)
    );
}
