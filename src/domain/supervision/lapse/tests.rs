//! Each kind of lapse, found and not found, on the official 2026 calendar.

use super::*;
use crate::domain::reference::ReferenceData;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn official() -> Calendar {
    let mut c = Calendar::new();
    for y in ReferenceData::builtin().calendars {
        c.add_calendar_year(&y);
    }
    c
}

/// The check of Wednesday 2026-09-30, the eve of the National Day holiday: three working days
/// on is Saturday 10-10 (an adjusted working day).
fn rules() -> CheckRules {
    CheckRules {
        window: DueWindow {
            today: d("2026-09-30"),
            soon_until: d("2026-10-10"),
        },
        review_wait: 5,
        feedback_wait: 5,
        inactivity_days: 30,
    }
}

fn case(n: u32, unit: Option<&str>, handler: Option<&str>) -> CaseRef {
    CaseRef {
        case_id: i64::from(n),
        number: format!("XF-2026-{n:06}"),
        unit_id: unit.map(|_| 1),
        unit: unit.map(str::to_string),
        first_handler_id: handler.map(|_| 1),
        first_handler_login: handler.map(|h| h.to_lowercase()),
        first_handler: handler.map(str::to_string),
        summary: "拖欠工资".into(),
    }
}

fn found(candidate: Candidate) -> Option<(LapseKind, NaiveDate, bool)> {
    assess(
        &official(),
        &rules(),
        case(1, Some("县人社局"), None),
        candidate,
    )
    .map(|f| (f.kind, f.due, f.overdue))
}

#[test]
fn deadlines_overdue_due_soon_or_nothing() {
    let due = |s| found(Candidate::Deadline { due: d(s) });
    assert_eq!(
        due("2026-09-29"),
        Some((LapseKind::Overdue, d("2026-09-29"), true))
    );
    assert_eq!(
        due("2026-10-09"),
        Some((LapseKind::DueSoon, d("2026-10-09"), false)),
        "nine days off, two working days"
    );
    assert_eq!(due("2026-10-12"), None);
}

#[test]
fn a_transfer_with_no_reply_is_a_lapse_once_its_reply_is_near_or_late() {
    let reply = |report_by: Option<&str>, handle_due: Option<&str>| {
        found(Candidate::AwaitingReply {
            report_by: report_by.map(d),
            handle_due: handle_due.map(d),
        })
    };
    assert_eq!(reply(None, Some("2026-11-20")), None, "plenty of time");
    assert_eq!(
        reply(Some("2026-09-25"), Some("2026-11-20")),
        Some((LapseKind::TransferNoReply, d("2026-09-25"), true)),
        "the 交办 report date passed"
    );
    assert_eq!(
        reply(None, Some("2026-10-08")),
        Some((LapseKind::TransferNoReply, d("2026-10-08"), false)),
        "the handling deadline is near"
    );
    assert_eq!(reply(None, None), None, "no date to judge by");
}

#[test]
fn a_reply_waits_for_review_five_working_days() {
    // From Thu 09-24 (Mid-Autumn 09-25..27 and National Day 10-01..07 skipped): 09-28,
    // 09-29, 09-30, 10-08, 10-09.
    assert_eq!(
        found(Candidate::AwaitingReview {
            since: d("2026-09-24")
        }),
        None,
        "its fifth working day is after the holiday"
    );
    assert_eq!(
        found(Candidate::AwaitingReview {
            since: d("2026-09-21")
        }),
        Some((LapseKind::ReplyNotReviewed, d("2026-09-29"), true))
    );
}

#[test]
fn feedback_waits_five_working_days_after_the_review() {
    // From Fri 09-18: Sun 09-20 is an adjusted working day, then 09-21..09-24.
    assert_eq!(
        found(Candidate::AwaitingFeedback {
            since: d("2026-09-18")
        }),
        Some((LapseKind::FeedbackNotGiven, d("2026-09-24"), true))
    );
    assert_eq!(
        found(Candidate::AwaitingFeedback {
            since: d("2026-09-29")
        }),
        None
    );
}

#[test]
fn follow_ups_due_within_the_window_or_late() {
    assert_eq!(
        found(Candidate::FollowUp {
            due: d("2026-10-10")
        }),
        Some((LapseKind::FollowUpDue, d("2026-10-10"), false))
    );
    assert_eq!(
        found(Candidate::FollowUp {
            due: d("2026-09-01")
        }),
        Some((LapseKind::FollowUpDue, d("2026-09-01"), true))
    );
    assert_eq!(
        found(Candidate::FollowUp {
            due: d("2026-10-11")
        }),
        None
    );
}

#[test]
fn a_share_past_due_is_owed_by_its_own_unit() {
    let f = assess(
        &official(),
        &rules(),
        case(1, Some("县人社局"), None),
        Candidate::Share {
            due: d("2026-09-29"),
            unit_id: 9,
            unit: "县住建局".into(),
        },
    )
    .unwrap();
    assert_eq!(f.kind, LapseKind::SharePastDue);
    assert_eq!(f.case.unit.as_deref(), Some("县住建局"));
    assert_eq!(f.case.unit_id, Some(9));
    assert!(f.overdue);
    assert_eq!(
        found(Candidate::Share {
            due: d("2026-09-30"),
            unit_id: 9,
            unit: "县住建局".into()
        }),
        None,
        "due today is not past due"
    );
}

#[test]
fn a_case_nobody_touched_for_thirty_days_is_inactive_but_not_late() {
    assert_eq!(
        found(Candidate::LastActivity {
            on: d("2026-08-30")
        }),
        Some((LapseKind::Inactive, d("2026-09-29"), false))
    );
    assert_eq!(
        found(Candidate::LastActivity {
            on: d("2026-08-31")
        }),
        None
    );
}

#[test]
fn findings_group_by_unit_and_first_handler_and_set_the_exit_code() {
    let cal = official();
    let r = rules();
    let f = |n, unit, handler, c| assess(&cal, &r, case(n, unit, handler), c).unwrap();
    let soon = |s| Candidate::Deadline { due: d(s) };
    let report = CheckReport::new(
        r.window,
        vec![
            f(3, None, Some("李四"), soon("2026-10-08")),
            f(1, Some("县人社局"), Some("张三"), soon("2026-09-01")),
            f(2, Some("县人社局"), Some("李四"), soon("2026-10-09")),
            f(4, Some("县住建局"), Some("张三"), soon("2026-10-09")),
        ],
        vec![2027],
    );
    assert_eq!(report.exit_code(), 1);
    let numbers: Vec<&str> = report
        .findings
        .iter()
        .map(|f| f.case.number.as_str())
        .collect();
    assert_eq!(
        numbers,
        [
            "XF-2026-000001",
            "XF-2026-000002",
            "XF-2026-000004",
            "XF-2026-000003"
        ],
        "by unit (none last), then handler"
    );
    let units = report.by_unit();
    assert_eq!(
        units[0].name.as_deref(),
        Some("县人社局"),
        "most late first"
    );
    assert_eq!(units[0].counts.of(LapseKind::Overdue), 1);
    assert_eq!(units[0].counts.of(LapseKind::DueSoon), 1);
    assert_eq!(units[2].name, None);
    let handlers = report.by_first_handler();
    assert_eq!(handlers[0].name.as_deref(), Some("张三"));
    assert_eq!(handlers[0].login.as_deref(), Some("张三"));
    assert_eq!(handlers[0].counts.total, 2);
    let totals = report.counts();
    assert_eq!((totals.total, totals.overdue), (4, 1));
    let calm = CheckReport::new(
        r.window,
        vec![f(2, Some("县人社局"), None, soon("2026-10-09"))],
        vec![],
    );
    assert_eq!(calm.exit_code(), 0, "due soon is not late");
}
