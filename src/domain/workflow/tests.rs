//! Each step's role check and state check, and the rules of the 条例 the workflow keeps.

use super::*;
use crate::domain::Role;
use crate::domain::case::MatterKind;
use CaseState::*;

fn staff(roles: &[Role]) -> Staff {
    Staff {
        id: 7,
        login: "li".into(),
        name: "李".into(),
        roles: roles.to_vec(),
        active: true,
    }
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-25")
}

fn facts(state: CaseState) -> CaseFacts {
    CaseFacts::new(state, MatterKind::Request)
}

fn propose() -> Step {
    Step::Propose {
        handling: Handling::HandleHere,
        opinion: "建议由本局直接办理".into(),
    }
}

fn take(roles: &[Role], step: &Step, f: &CaseFacts) -> Result<Plan, StepError> {
    check(&staff(roles), step, f, today(), None)
}

/// One sample step of each kind of the state machine, with the state it starts from.
fn every_state_step() -> Vec<(CaseState, Step)> {
    vec![
        (Registered, propose()),
        (
            Proposed,
            Step::Approve {
                note: String::new(),
            },
        ),
        (
            Approved,
            Step::Transfer {
                lead_unit: 1,
                co_units: vec![],
                assign: false,
                report_by: None,
            },
        ),
        (
            Approved,
            Step::HandleHere {
                note: "已当面解释政策".into(),
            },
        ),
        (
            Approved,
            Step::Reject {
                note: String::new(),
            },
        ),
        (
            Transferred,
            Step::Reply {
                findings: "经查属实".into(),
                resolution: "补发工资".into(),
            },
        ),
        (
            Replied,
            Step::Review {
                accept: true,
                reason: String::new(),
            },
        ),
        (
            Reviewed,
            Step::Feedback {
                way: FeedbackWay::Phone,
                on: today(),
                rating: Rating::Satisfied,
                note: String::new(),
            },
        ),
        (
            FeedbackGiven,
            Step::Close {
                note: String::new(),
            },
        ),
    ]
}

/// Every step of the path, by every single role: allowed exactly when the state machine's
/// roles for that move include the role.
#[test]
fn each_step_is_refused_to_a_role_that_may_not_take_it() {
    for (state, step) in every_state_step() {
        let mut f = facts(state);
        // The approval decides which step follows it.
        f.approved_handling = match &step {
            Step::Transfer { .. } => Some(HandlingKind::Transfer),
            Step::HandleHere { .. } => Some(HandlingKind::HandleHere),
            Step::Reject { .. } => Some(HandlingKind::NotAccepted),
            _ => None,
        };
        f.transferred = state == Reviewed;
        let to = target_state(step.kind(), &f).unwrap();
        let needs = crate::domain::case::roles_for_step(state, to).unwrap();
        for role in Role::ALL {
            let result = take(&[role], &step, &f);
            assert_eq!(
                result.is_ok(),
                needs.contains(&role),
                "{role} {:?} from {state}: {result:?}",
                step.kind()
            );
        }
    }
}

#[test]
fn a_step_out_of_its_state_is_refused_in_words() {
    let e = take(
        &[Role::Manager],
        &Step::Approve {
            note: String::new(),
        },
        &facts(Registered),
    );
    assert!(
        matches!(
            e,
            Err(StepError::NotNow { .. }) | Err(StepError::Transition(_))
        ),
        "{e:?}"
    );
    let e = take(
        &[Role::Manager],
        &Step::Close {
            note: String::new(),
        },
        &facts(Transferred),
    );
    assert!(e.is_err());
}

#[test]
fn reception_may_propose_only_when_no_expert_was_routed() {
    let mut f = facts(Registered);
    assert!(take(&[Role::Reception], &propose(), &f).is_ok());
    f.state = WithExpert;
    f.expert_routed = true;
    assert!(take(&[Role::Reception], &propose(), &f).is_err());
    assert!(take(&[Role::Expert], &propose(), &f).is_ok());
}

#[test]
fn an_opinion_and_a_refusal_need_words() {
    let f = facts(Registered);
    let empty = Step::Propose {
        handling: Handling::HandleHere,
        opinion: "  ".into(),
    };
    assert_eq!(
        take(&[Role::Expert], &empty, &f),
        Err(StepError::TextRequired)
    );
    let no_reason = Step::Propose {
        handling: Handling::NotAccepted {
            reason: String::new(),
            channel: LegalChannel::Litigation,
        },
        opinion: "属于诉讼事项".into(),
    };
    assert_eq!(
        take(&[Role::Expert], &no_reason, &f),
        Err(StepError::TextRequired)
    );
}

/// A manager returns a case to the step before it on the path it took, with a reason.
#[test]
fn a_return_goes_to_the_step_before_on_the_path_taken() {
    let back = |state, expert, transferred| {
        let mut f = facts(state);
        f.expert_routed = expert;
        f.transferred = transferred;
        take(
            &[Role::Manager],
            &Step::Return {
                reason: "材料不全".into(),
            },
            &f,
        )
        .map(|p| p.to)
    };
    assert_eq!(back(Proposed, true, false), Ok(Some(WithExpert)));
    assert_eq!(back(Proposed, false, false), Ok(Some(Registered)));
    assert_eq!(back(FeedbackGiven, false, true), Ok(Some(Reviewed)));
    assert_eq!(back(FeedbackGiven, false, false), Ok(Some(HandledHere)));
    let mut f = facts(Approved);
    assert!(
        take(&[Role::Manager], &Step::Return { reason: " ".into() }, &f).is_err(),
        "a reason is required"
    );
    f.state = Approved;
    assert!(
        take(
            &[Role::Supervisor],
            &Step::Return { reason: "x".into() },
            &f
        )
        .is_err(),
        "a manager's"
    );
}

#[test]
fn reviewing_a_reply_accepts_it_or_returns_it_to_the_unit_with_a_reason() {
    let f = facts(Replied);
    let accept = Step::Review {
        accept: true,
        reason: String::new(),
    };
    assert_eq!(
        take(&[Role::Manager], &accept, &f).unwrap().to,
        Some(Reviewed)
    );
    let back = Step::Review {
        accept: false,
        reason: "调查不充分".into(),
    };
    assert_eq!(
        take(&[Role::Manager], &back, &f).unwrap().to,
        Some(Transferred)
    );
    let no_reason = Step::Review {
        accept: false,
        reason: String::new(),
    };
    assert!(take(&[Role::Manager], &no_reason, &f).is_err());
    assert!(take(&[Role::Supervisor], &accept, &f).is_err());
}

/// After approval, the next step follows the approved opinion.
#[test]
fn the_step_after_approval_follows_the_approved_opinion() {
    let mut f = facts(Approved);
    f.approved_handling = Some(HandlingKind::HandleHere);
    let transfer = Step::Transfer {
        lead_unit: 3,
        co_units: vec![],
        assign: false,
        report_by: None,
    };
    assert!(matches!(
        take(&[Role::Manager], &transfer, &f),
        Err(StepError::AgainstOpinion { .. })
    ));
    assert!(
        take(
            &[Role::Manager],
            &Step::HandleHere {
                note: "已办".into()
            },
            &f
        )
        .is_ok()
    );
}

/// 条例 Art. 30: an accusation never goes to the unit accused.
#[test]
fn an_accusation_is_never_transferred_to_the_accused_unit() {
    let mut f = CaseFacts::new(Approved, MatterKind::Accusation);
    f.accused_units = vec![4];
    f.approved_handling = Some(HandlingKind::Transfer);
    let to = |unit, co: Vec<i64>| Step::Transfer {
        lead_unit: unit,
        co_units: co,
        assign: false,
        report_by: None,
    };
    assert_eq!(
        take(&[Role::Supervisor], &to(4, vec![]), &f),
        Err(StepError::AccusedUnit { unit: 4 })
    );
    assert_eq!(
        take(&[Role::Supervisor], &to(2, vec![4]), &f),
        Err(StepError::AccusedUnit { unit: 4 })
    );
    assert!(take(&[Role::Supervisor], &to(2, vec![5]), &f).is_ok());
    assert_eq!(
        take(&[Role::Supervisor], &to(2, vec![2]), &f),
        Err(StepError::Units)
    );
    let mut proposal = CaseFacts::new(Registered, MatterKind::Accusation);
    proposal.accused_units = vec![4];
    let propose_to_accused = Step::Propose {
        handling: Handling::Transfer { unit_id: 4 },
        opinion: "转被举报单位".into(),
    };
    assert!(take(&[Role::Expert], &propose_to_accused, &proposal).is_err());
}

#[test]
fn an_assignment_asks_for_a_report_date_in_the_future() {
    let mut f = facts(Approved);
    f.approved_handling = Some(HandlingKind::Transfer);
    let assign = |by: Option<&str>| Step::Transfer {
        lead_unit: 1,
        co_units: vec![],
        assign: true,
        report_by: by.map(d),
    };
    assert!(take(&[Role::Manager], &assign(Some("2026-12-10")), &f).is_ok());
    assert_eq!(
        take(&[Role::Manager], &assign(None), &f),
        Err(StepError::Date)
    );
    assert_eq!(
        take(&[Role::Manager], &assign(Some("2026-11-20")), &f),
        Err(StepError::Date)
    );
}

/// 复查 within 30 days of the reply, 复核 after 复查, and after 复核 only a manager's
/// override with a reason (Art. 35–36).
#[test]
fn review_requests_keep_their_windows_and_order() {
    let mut f = facts(Closed);
    f.reply_on = Some(d("2026-10-30"));
    let request = |level, on: &str, reason: Option<&str>| Step::Reopen {
        level,
        received_on: d(on),
        request: "对处理意见不服".into(),
        override_reason: reason.map(String::from),
    };
    let clerk = staff(&[Role::Reception]);
    let last = Some(d("2026-11-30"));
    let on_time = check(
        &clerk,
        &request(ReviewLevel::Review, "2026-11-20", None),
        &f,
        today(),
        last,
    );
    assert_eq!(on_time.unwrap().to, Some(Registered));
    let late = check(
        &clerk,
        &request(ReviewLevel::Review, "2026-11-25", None),
        &f,
        today(),
        Some(d("2026-11-24")),
    );
    assert_eq!(
        late,
        Err(StepError::ReopenLate {
            last_day: d("2026-11-24")
        })
    );
    assert_eq!(
        check(
            &clerk,
            &request(ReviewLevel::ReReview, "2026-11-20", None),
            &f,
            today(),
            last
        ),
        Err(StepError::ReopenLevel)
    );
    f.round = 2;
    assert_eq!(
        check(
            &clerk,
            &request(ReviewLevel::ReReview, "2026-11-20", None),
            &f,
            today(),
            last
        ),
        Err(StepError::AfterReReview)
    );
    let manager = staff(&[Role::Manager]);
    assert!(
        check(
            &manager,
            &request(
                ReviewLevel::ReReview,
                "2026-11-20",
                Some("有新的事实：补充了鉴定结论")
            ),
            &f,
            today(),
            last
        )
        .is_ok()
    );
    assert!(matches!(
        check(
            &clerk,
            &request(ReviewLevel::ReReview, "2026-11-20", Some("新事实")),
            &f,
            today(),
            last
        ),
        Err(StepError::Denied(_))
    ));
}

#[test]
fn the_clocks_follow_the_steps() {
    let mut f = facts(Proposed);
    f.proposed_handling = Some(HandlingKind::HandleHere);
    let plan = take(
        &[Role::Manager],
        &Step::Approve {
            note: String::new(),
        },
        &f,
    )
    .unwrap();
    assert_eq!(
        plan.clocks,
        vec![
            ClockChange::Stop { rule: "accept" },
            ClockChange::Start {
                rule: "handle",
                from: today()
            }
        ]
    );
    f.proposed_handling = Some(HandlingKind::NotAccepted);
    let plan = take(
        &[Role::Manager],
        &Step::Approve {
            note: String::new(),
        },
        &f,
    )
    .unwrap();
    assert!(
        plan.clocks.is_empty(),
        "a refusal is decided by the refusal"
    );
    let mut f = facts(Reviewed);
    f.transferred = true;
    let feedback = Step::Feedback {
        way: FeedbackWay::Letter,
        on: d("2026-11-20"),
        rating: Rating::NotGiven,
        note: String::new(),
    };
    let plan = take(&[Role::Supervisor], &feedback, &f).unwrap();
    assert!(plan.clocks.contains(&ClockChange::Start {
        rule: "review-request",
        from: d("2026-11-20")
    }));
    let future = Step::Feedback {
        way: FeedbackWay::Letter,
        on: d("2026-11-26"),
        rating: Rating::NotGiven,
        note: String::new(),
    };
    assert_eq!(take(&[Role::Supervisor], &future, &f), Err(StepError::Date));
}

#[test]
fn a_recused_person_is_never_given_the_case_and_recuses_once() {
    let mut f = facts(Transferred);
    f.recused = vec![9];
    let assign = Step::Assign {
        to_staff: 9,
        reason: "工作调整".into(),
    };
    assert_eq!(take(&[Role::Manager], &assign, &f), Err(StepError::Recused));
    f.recused = vec![7];
    let recuse = Step::Recuse {
        reason: "与信访人系亲属".into(),
    };
    assert_eq!(
        take(&[Role::Expert], &recuse, &f),
        Err(StepError::AlreadyDone)
    );
    f.recused.clear();
    assert!(take(&[Role::Expert], &recuse, &f).is_ok());
    assert!(
        take(&[Role::Admin], &recuse, &f).is_err(),
        "admin works no cases"
    );
}

#[test]
fn an_extension_is_a_managers_once() {
    let mut f = facts(Transferred);
    f.handle_running = true;
    let extend = Step::Extend {
        days: 30,
        reason: "需补充调查".into(),
    };
    assert!(take(&[Role::Manager], &extend, &f).is_ok());
    assert!(take(&[Role::Supervisor], &extend, &f).is_err());
    f.extended = true;
    assert!(take(&[Role::Manager], &extend, &f).is_err());
}

#[test]
fn a_joint_review_brings_two_units_and_dates_each_share() {
    let f = facts(Transferred);
    let share = |unit, due: &str| JointShare {
        unit,
        share: "负责核查".into(),
        due: d(due),
    };
    let review = |shares| Step::JointReview {
        held_on: d("2026-11-20"),
        lead_unit: 1,
        shares,
        solution: "由住建局牵头，人社局配合".into(),
    };
    assert!(
        take(
            &[Role::Supervisor],
            &review(vec![share(1, "2026-12-10"), share(2, "2026-12-15")]),
            &f
        )
        .is_ok()
    );
    assert_eq!(
        take(
            &[Role::Supervisor],
            &review(vec![share(1, "2026-12-10")]),
            &f
        ),
        Err(StepError::Units)
    );
    assert_eq!(
        take(
            &[Role::Supervisor],
            &review(vec![share(2, "2026-11-19")]),
            &f
        ),
        Err(StepError::Date)
    );
}

#[test]
fn step_codes_read_back() {
    for k in StepKind::ALL {
        assert_eq!(StepKind::from_code(k.code()), Some(k));
    }
}
