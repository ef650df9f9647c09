//! The supervision ladder through the store: each rung a record with who, when and why, in
//! order; refusals in words that change nothing; notices; the 督办单 from the command line.

use super::common::{stderr, stdout, xfdesk};
use super::office::office;
use xfdesk::domain::Role;
use xfdesk::domain::query::{CaseQuery, DueWindow, StateFilter};
use xfdesk::domain::supervision::notice::{NewNotice, NoticeTarget};
use xfdesk::domain::timeline::TimelineItem;
use xfdesk::domain::workflow::{Step, StepError, StepKind};
use xfdesk::store::StoreError;

fn d(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn kinds(o: &super::office::Office, case: i64) -> Vec<StepKind> {
    o.case(case)
        .timeline
        .iter()
        .filter_map(|e| match &e.item {
            TimelineItem::Step(s) => s.kind,
            _ => None,
        })
        .collect()
}

#[test]
fn the_ladder_is_climbed_a_rung_at_a_time_each_a_record_that_leaves_the_version_alone() {
    let mut o = office();
    o.at("2026-03-02 09:00");
    let (case, number) = o.intake("张三", "拖欠工资");
    let version = o.case(case).version;
    let me = o.me.clone();
    // A 督办单 before any urging is refused in words, and nothing changes.
    let refused = o.store.take_step(
        &me,
        case,
        version,
        Step::SupervisionOrder {
            requirement: "限期报告".into(),
            report_by: d("2026-03-20"),
        },
    );
    match refused {
        Err(StoreError::Step(StepError::LadderOrder { needs })) => {
            assert_eq!(needs, StepKind::Urge);
        }
        other => panic!("{other:?}"),
    }
    let err = xfdesk::i18n::store_error(
        xfdesk::i18n::Lang::Zh,
        &StoreError::Step(StepError::LadderOrder {
            needs: StepKind::Urge,
        }),
    );
    assert!(err.contains("请先催办"), "{err}");
    assert!(kinds(&o, case).is_empty());
    // Put under supervision, urged, ordered, talked to, listed, accountability proposed.
    o.at("2026-03-05 09:00").step(
        case,
        Step::Supervise {
            supervisor: me.id,
            note: "群众反映强烈".into(),
        },
    );
    o.at("2026-03-06 09:00").step(
        case,
        Step::Urge {
            note: "请三日内报告".into(),
        },
    );
    o.at("2026-03-10 09:00").step(
        case,
        Step::SupervisionOrder {
            requirement: "限期查明并答复".into(),
            report_by: d("2026-03-17"),
        },
    );
    o.at("2026-03-18 09:00").step(
        case,
        Step::Talk {
            held_on: d("2026-03-18"),
            with: "县人社局 王局长".into(),
            notes: "承诺十日内办结".into(),
        },
    );
    o.step(
        case,
        Step::ListSupervision {
            reason: "逾期未办结".into(),
            report_by: d("2026-04-10"),
        },
    );
    let done = o.step(
        case,
        Step::Accountability {
            target: "县人社局".into(),
            proposal: "建议通报批评".into(),
        },
    );
    assert_eq!(
        done.version, version,
        "supervision never makes a handler's view stale"
    );
    let detail = o.case(case);
    assert_eq!(detail.version, version);
    assert_eq!(detail.facts.supervisor_id, Some(me.id));
    assert_eq!(detail.facts.ladder.urged, 1);
    assert!(detail.facts.ladder.listed && detail.facts.ladder.accountability);
    assert_eq!(
        kinds(&o, case),
        [
            StepKind::Supervise,
            StepKind::Urge,
            StepKind::SupervisionOrder,
            StepKind::Talk,
            StepKind::ListSupervision,
            StepKind::Accountability
        ]
    );
    // Each in the timeline with who and when, in words.
    let words: Vec<String> = detail
        .timeline
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.at.format("%m-%d"),
                e.who,
                xfdesk::i18n::timeline::describe(xfdesk::i18n::Lang::Zh, &e.item)
            )
        })
        .collect();
    let all = words.join("\n");
    assert!(all.contains("03-06 测试管理员 催办：请三日内报告"), "{all}");
    assert!(
        all.contains("督办单：限期查明并答复，限 2026-03-17 前"),
        "{all}"
    );
    assert!(
        all.contains("约谈：2026-03-18 约谈 县人社局 王局长，承诺十日内办结"),
        "{all}"
    );
    // The 督办单 itself, from the command line.
    let out = xfdesk(&o.db, &["doc", &number, "supervise"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("信访事项督办单"), "{text}");
    assert!(text.contains("督办要求：限期查明并答复"), "{text}");
    assert!(
        text.contains("已经催办：2026年03月06日（共 1 次）"),
        "{text}"
    );
    assert!(text.contains("请于2026年03月17日前"), "{text}");
    // The queue's filter finds it as supervised.
    let q = CaseQuery {
        filters: xfdesk::domain::query::Filters {
            state: StateFilter::Open,
            supervised: true,
            ..Default::default()
        },
        ..CaseQuery::all(
            me.id,
            DueWindow {
                today: d("2026-03-18"),
                soon_until: d("2026-03-23"),
            },
        )
    };
    assert_eq!(o.store.count_cases(&q).unwrap(), 1);
    let page = o.store.supervision_page(&q, None, 10).unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].listed.row.number, number);
    assert!(page[0].ladder.listed);
}

#[test]
fn a_receptionist_may_not_urge_and_a_supervisor_must_be_one() {
    let mut o = office();
    let (case, _) = o.intake("李四", "征地");
    let version = o.case(case).version;
    let me = o.me.clone();
    let clerk = o
        .store
        .add_staff(&me, "clerk2", "王接待", &[Role::Reception])
        .unwrap();
    let refused = o
        .store
        .take_step(&clerk, case, version, Step::Urge { note: "催".into() })
        .unwrap_err();
    let words = xfdesk::i18n::store_error(xfdesk::i18n::Lang::Zh, &refused);
    assert!(words.contains("督办员或领导"), "{words}");
    let refused = o
        .store
        .take_step(
            &me,
            case,
            version,
            Step::Supervise {
                supervisor: clerk.id,
                note: "交其督办".into(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::Step(StepError::NotSupervisor)),
        "{refused:?}"
    );
    assert!(
        o.case(case).facts.supervisor_id.is_none(),
        "nothing changed"
    );
    assert!(kinds(&o, case).is_empty());
    // An urging says what was urged.
    let empty = o
        .store
        .take_step(&me, case, version, Step::Urge { note: "  ".into() })
        .unwrap_err();
    assert!(matches!(empty, StoreError::Step(StepError::TextRequired)));
}

#[test]
fn an_extension_is_asked_once_and_granted_by_a_manager() {
    let mut o = office();
    let (case, _) = o.intake("王五", "住房");
    o.step(
        case,
        Step::Propose {
            handling: xfdesk::domain::workflow::Handling::HandleHere,
            opinion: "直接办理".into(),
        },
    );
    o.step(
        case,
        Step::Approve {
            note: String::new(),
        },
    );
    // More than a manager may grant is refused in the screen's language.
    let me = o.me.clone();
    let version = o.case(case).version;
    let too_long = o
        .store
        .take_step(
            &me,
            case,
            version,
            Step::ExtensionRequest {
                days: 31,
                reason: "需现场勘查".into(),
            },
        )
        .unwrap_err();
    let said = xfdesk::i18n::store_error(xfdesk::i18n::Lang::Zh, &too_long);
    assert!(said.contains("延期最多 30 日"), "{said}");
    o.step(
        case,
        Step::ExtensionRequest {
            days: 20,
            reason: "需现场勘查".into(),
        },
    );
    let version = o.case(case).version;
    let again = o
        .store
        .take_step(
            &me,
            case,
            version,
            Step::ExtensionRequest {
                days: 20,
                reason: "再次申请".into(),
            },
        )
        .unwrap_err();
    assert!(
        matches!(again, StoreError::Step(StepError::AlreadyDone)),
        "{again:?}"
    );
    let too_long = {
        let (other, _) = o.intake("赵六", "工资");
        o.step(
            other,
            Step::Propose {
                handling: xfdesk::domain::workflow::Handling::HandleHere,
                opinion: "直接办理".into(),
            },
        );
        o.step(
            other,
            Step::Approve {
                note: String::new(),
            },
        );
        let v = o.case(other).version;
        o.store
            .take_step(
                &me,
                other,
                v,
                Step::ExtensionRequest {
                    days: 45,
                    reason: "太长".into(),
                },
            )
            .unwrap_err()
    };
    assert!(too_long.to_string().contains("30"), "{too_long}");
    assert!(o.case(case).facts.extension_requested);
    o.step(
        case,
        Step::Extend {
            days: 20,
            reason: "需现场勘查".into(),
        },
    );
    assert!(o.case(case).facts.extended);
}

#[test]
fn a_notice_names_a_unit_and_its_cases_and_shows_on_each() {
    let mut o = office();
    o.at("2026-03-02 09:00");
    let (a, na) = o.intake("甲", "拖欠");
    let (b, nb) = o.intake("乙", "征地");
    let unit = o.unit("rsj");
    let me = o.me.clone();
    let ids = o
        .store
        .case_ids_by_number(&[na.clone(), nb.to_lowercase()])
        .unwrap();
    assert_eq!(ids, vec![a, b]);
    let unknown = o
        .store
        .case_ids_by_number(&["XF-2099-000001".into()])
        .unwrap_err();
    assert!(xfdesk::i18n::store_error(xfdesk::i18n::Lang::Zh, &unknown).contains("XF-2099-000001"));
    let notice = o
        .store
        .record_notice(
            &me,
            &NewNotice {
                target: NoticeTarget::Unit(unit),
                case_ids: ids,
                failure: "逾期未回复\u{1b}[2J".into(),
                measures: "十日内整改".into(),
            },
        )
        .unwrap();
    assert_eq!(notice.number, "TB-2026-001");
    assert_eq!(notice.cases, vec![na.clone(), nb.clone()]);
    assert_eq!(notice.failure, "逾期未回复", "stored cleaned");
    for case in [a, b] {
        let detail = o.case(case);
        assert!(detail.facts.ladder.noticed);
        assert!(detail.timeline.iter().any(|e| matches!(
            &e.item,
            TimelineItem::Notice(n) if n.number == "TB-2026-001" && n.target == "县人力资源和社会保障局"
        )));
    }
    let second = o
        .store
        .record_notice(
            &me,
            &NewNotice {
                target: NoticeTarget::Staff(me.id),
                case_ids: vec![a],
                failure: "答复不及时".into(),
                measures: String::new(),
            },
        )
        .unwrap();
    assert_eq!(second.number, "TB-2026-002");
    let page = o.store.notices_page(None, 10).unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].number, "TB-2026-002", "newest first");
    // A supervisor may not issue one.
    let sup = o
        .store
        .add_staff(&me, "sup2", "李督办", &[Role::Supervisor])
        .unwrap();
    let refused = o
        .store
        .record_notice(
            &sup,
            &NewNotice {
                target: NoticeTarget::Unit(unit),
                case_ids: vec![a],
                failure: "x".into(),
                measures: String::new(),
            },
        )
        .unwrap_err();
    assert!(
        xfdesk::i18n::store_error(xfdesk::i18n::Lang::Zh, &refused).contains("领导"),
        "{refused}"
    );
    assert_eq!(o.store.notice_count().unwrap(), 2);
}

#[test]
fn the_first_handler_hears_of_an_urging_and_the_supervisor_named_of_the_supervision() {
    use xfdesk::domain::notification::NotificationKind;
    let mut o = office();
    o.at("2026-03-02 09:00");
    // The case is registered by this account: its first handler.
    let (case, _) = o.intake("张三", "拖欠工资");
    let me = o.me.clone();
    let sup = o
        .store
        .add_staff(&me, "sup9", "赵督办", &[Role::Supervisor])
        .unwrap();
    let boss = o
        .store
        .add_staff(&me, "mgr9", "钱主任", &[Role::Manager])
        .unwrap();
    let version = o.case(case).version;
    o.at("2026-03-05 09:00");
    o.store
        .take_step(
            &boss,
            case,
            version,
            Step::Supervise {
                supervisor: sup.id,
                note: "群众反映强烈".into(),
            },
        )
        .unwrap();
    o.store
        .take_step(
            &sup,
            case,
            version,
            Step::Urge {
                note: "请三日内报告".into(),
            },
        )
        .unwrap();
    let mine = o.store.notifications_for(me.id, 10).unwrap();
    let kinds: Vec<NotificationKind> = mine.iter().map(|n| n.kind).collect();
    assert_eq!(
        kinds,
        [NotificationKind::Urge, NotificationKind::Supervise],
        "newest first: {mine:?}"
    );
    assert!(mine[0].note.contains("请三日内报告"), "{mine:?}");
    assert!(mine.iter().all(|n| n.case_id == Some(case)));
    // The supervisor named hears of being named; nobody hears of their own step.
    let theirs = o.store.notifications_for(sup.id, 10).unwrap();
    assert_eq!(
        theirs.iter().map(|n| n.kind).collect::<Vec<_>>(),
        [NotificationKind::Supervise]
    );
    assert!(o.store.notifications_for(boss.id, 10).unwrap().is_empty());
    assert_eq!(o.store.unread_notifications(me.id).unwrap().count, 2);
    // A further rung is told as supervision stepped up, in the rung's own words.
    o.store
        .take_step(
            &sup,
            case,
            version,
            Step::SupervisionOrder {
                requirement: "限期查明并答复".into(),
                report_by: d("2026-03-20"),
            },
        )
        .unwrap();
    let newest = &o.store.notifications_for(me.id, 1).unwrap()[0];
    assert_eq!(newest.kind, NotificationKind::Escalated);
    assert!(newest.note.contains("限期查明并答复"), "{newest:?}");
    let said = xfdesk::i18n::notifications::describe(xfdesk::i18n::Lang::Zh, newest);
    assert!(!said.contains("列入督办"), "{said}");
}
