//! Every figure on a hand-made set of cases, each answer counted by hand in the comments.

use super::*;
use crate::domain::contact::Channel;
use crate::domain::workflow::{Rating, StepKind};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn clock(due: &str, stopped: Option<&str>) -> Option<ClockEnd> {
    Some(ClockEnd {
        due: d(due),
        stopped: stopped.map(d),
    })
}

const AS_OF: &str = "2026-06-30";

/// Eight cases of June 2026, counted as of 06-30. Units 1 and 2; handlers 10 and 11.
fn cases() -> Vec<(Option<i64>, Option<i64>, ReportCase)> {
    let base = ReportCase {
        contacts: 1,
        ..ReportCase::default()
    };
    vec![
        // A: accepted on time, handled on time, closed, one contact, settled. Unit 1, h10.
        (
            Some(1),
            Some(10),
            ReportCase {
                closed: true,
                accept: clock("2026-06-16", Some("2026-06-03")),
                handle: clock("2026-08-03", Some("2026-06-20")),
                ..base
            },
        ),
        // B: accepted late (stopped after due), handling ran late, closed, two contacts.
        // Unit 1, h10.
        (
            Some(1),
            Some(10),
            ReportCase {
                closed: true,
                contacts: 2,
                accept: clock("2026-06-16", Some("2026-06-18")),
                handle: clock("2026-06-25", Some("2026-06-28")),
                ..base
            },
        ),
        // C: accept clock not stopped and past due (ended, late); no handling clock. Open.
        // Unit 2, h11.
        (
            Some(2),
            Some(11),
            ReportCase {
                accept: clock("2026-06-20", None),
                ..base
            },
        ),
        // D: accept clock running, due after as-of (not ended); open. Unit 2, h11.
        (
            Some(2),
            Some(11),
            ReportCase {
                accept: clock("2026-07-10", None),
                ..base
            },
        ),
        // E: accepted on time; handling (extended to 07-15) still running, due after as-of
        // (not ended). Open, in a leader's charge. No unit, h10.
        (
            None,
            Some(10),
            ReportCase {
                leader_charge: true,
                accept: clock("2026-06-15", Some("2026-06-15")),
                handle: clock("2026-07-15", None),
                ..base
            },
        ),
        // F: closed after a 复查 request: not resolved first time. Handling met. Leader's
        // charge, settled. Unit 1, h11.
        (
            Some(1),
            Some(11),
            ReportCase {
                closed: true,
                round: 1,
                contacts: 2,
                leader_charge: true,
                accept: clock("2026-06-16", Some("2026-06-02")),
                handle: clock("2026-07-31", Some("2026-06-10")),
                ..base
            },
        ),
        // G: closed, one contact, but the follow-up found it unsettled. Leader's charge,
        // unsettled. Handling clock running past due (ended, late). Unit 2, h10.
        (
            Some(2),
            Some(10),
            ReportCase {
                closed: true,
                leader_charge: true,
                unsettled: true,
                accept: clock("2026-06-16", Some("2026-06-16")),
                handle: clock("2026-06-29", None),
                ..base
            },
        ),
        // H: closed, one contact, round 0, settled, no clocks at all (an old import). No
        // first handler, unit 2.
        (
            Some(2),
            None,
            ReportCase {
                closed: true,
                ..base
            },
        ),
    ]
}

fn contact(
    channel: Channel,
    repeat: bool,
    review: bool,
    leapfrog: bool,
    month: &str,
    n: u64,
) -> ContactGroup {
    ContactGroup {
        channel,
        category_id: if channel == Channel::Letter { 2 } else { 1 },
        repeat,
        review_request: review,
        leapfrog,
        month: month.into(),
        count: n,
    }
}

fn report() -> Report {
    let mut r = Report::new(Period::month_of(d("2026-06-15")), d(AS_OF));
    for (unit, handler, c) in cases() {
        r.add_case(unit, handler, &c);
    }
    // Contacts of unit 1 / h10: 4 first visits (1 leapfrog), 2 repeat phone calls in June,
    // 1 in July; unit 2 / h11: 3 first letters, 1 review request by letter.
    r.add_contacts(
        Some(1),
        Some(10),
        &contact(Channel::Visit, false, false, false, "2026-06", 3),
    );
    r.add_contacts(
        Some(1),
        Some(10),
        &contact(Channel::Visit, false, false, true, "2026-06", 1),
    );
    r.add_contacts(
        Some(1),
        Some(10),
        &contact(Channel::Phone, true, false, false, "2026-06", 2),
    );
    r.add_contacts(
        Some(1),
        Some(10),
        &contact(Channel::Phone, true, false, false, "2026-07", 1),
    );
    r.add_contacts(
        Some(2),
        Some(11),
        &contact(Channel::Letter, false, false, false, "2026-06", 3),
    );
    r.add_contacts(
        Some(2),
        Some(11),
        &contact(Channel::Letter, true, true, false, "2026-07", 1),
    );
    // Feedback: unit 1 / h10: 2 satisfied, 1 unsatisfied; unit 2 / h11: 1 basic, 2 none.
    r.add_feedback(Some(1), Some(10), Rating::Satisfied, 2);
    r.add_feedback(Some(1), Some(10), Rating::Unsatisfied, 1);
    r.add_feedback(Some(2), Some(11), Rating::BasicallySatisfied, 1);
    r.add_feedback(Some(2), Some(11), Rating::NotGiven, 2);
    r.add_supervision(Some(2), Some(11), StepKind::Urge, 3);
    r.add_supervision(Some(2), Some(11), StepKind::Talk, 1);
    r.add_supervision(Some(2), Some(11), StepKind::Close, 5);
    r.add_notices(GroupKey::Unit(Some(2)), 1);
    r.add_notices(GroupKey::FirstHandler(Some(10)), 1);
    r
}

#[test]
fn every_rate_overall_counted_by_hand() {
    let r = report();
    let t = &r.overall;
    assert_eq!(t.cases, 8);
    let rates = t.rates();
    // Accept clocks ended: A, B, C (past due), E, F, G = 6 (D runs, H has none); on time:
    // A, E, F, G = 4 (B late, C undecided).
    assert_eq!(rates.timely_acceptance, Rate::new(4, 6));
    // Handling clocks ended: A, B, F (stopped), G (running past due) = 4 (E runs); met: A, F.
    assert_eq!(rates.on_time_closing, Rate::new(2, 4));
    // Feedback 6; evaluated 2 + 1 + 1 = 4; satisfied 2 + 1 = 3.
    assert_eq!(rates.evaluation_rate, Rate::new(4, 6));
    assert_eq!(rates.satisfaction_rate, Rate::new(3, 4));
    // Closed: A, B, F, G, H = 5; first time: A, H (B two contacts, F round 1, G unsettled).
    assert_eq!(rates.one_time_resolution, Rate::new(2, 5));
    // Leader's charge: E, F, G = 3; closed and not unsettled: F.
    assert_eq!(rates.leader_case_resolution, Rate::new(1, 3));
    // Contacts 3 + 1 + 2 + 1 + 3 + 1 = 11; first 3 + 1 + 3 = 7.
    assert_eq!(rates.first_contact_share, Rate::new(7, 11));
    assert_eq!(t.contacts, 11);
    assert_eq!(t.repeat_contacts, 3, "the review request is not a repeat");
    assert_eq!(t.repeat_by_month.get("2026-06"), Some(&2));
    assert_eq!(t.repeat_by_month.get("2026-07"), Some(&1));
    assert_eq!(t.leapfrog_contacts, 1);
    assert_eq!(t.contacts_by_channel.get("visit"), Some(&4));
    assert_eq!(t.contacts_by_channel.get("phone"), Some(&3));
    assert_eq!(t.contacts_by_channel.get("letter"), Some(&4));
    assert_eq!(t.contacts_by_category.get(&1), Some(&7));
    assert_eq!(t.contacts_by_category.get(&2), Some(&4));
    assert_eq!(t.supervision.get("urge"), Some(&3));
    assert_eq!(t.supervision.get("talk"), Some(&1));
    assert_eq!(t.supervision.get("close"), None, "not a supervision step");
    assert_eq!(t.notices, 2);
}

#[test]
fn every_rate_by_unit_and_by_first_handler_counted_by_hand() {
    let r = report();
    let unit1 = &r.by_unit[&Some(1)];
    // Unit 1: A, B, F. Accept ended 3, on time A, F. Handling ended 3, met A, F. Closed 3,
    // first time A. Leader F, resolved.
    assert_eq!(unit1.rates().timely_acceptance, Rate::new(2, 3));
    assert_eq!(unit1.rates().on_time_closing, Rate::new(2, 3));
    assert_eq!(unit1.rates().one_time_resolution, Rate::new(1, 3));
    assert_eq!(unit1.rates().leader_case_resolution, Rate::new(1, 1));
    assert_eq!(unit1.rates().satisfaction_rate, Rate::new(2, 3));
    assert_eq!(unit1.notices, 0);
    // Unit 2: C, D, G, H. Accept ended C, G; on time G. Handling ended G, not met. Closed
    // G, H; first time H. Leader G, unresolved. Evaluated 1 of 3 feedback, satisfied 1.
    let unit2 = &r.by_unit[&Some(2)];
    assert_eq!(unit2.rates().timely_acceptance, Rate::new(1, 2));
    assert_eq!(unit2.rates().on_time_closing, Rate::new(0, 1));
    assert_eq!(unit2.rates().one_time_resolution, Rate::new(1, 2));
    assert_eq!(unit2.rates().leader_case_resolution, Rate::new(0, 1));
    assert_eq!(unit2.rates().evaluation_rate, Rate::new(1, 3));
    assert_eq!(unit2.rates().satisfaction_rate, Rate::new(1, 1));
    assert_eq!(unit2.notices, 1);
    assert_eq!(unit2.supervision.get("urge"), Some(&3));
    // No unit: E alone. Accept ended and met; handling still running; leader, not closed.
    let none = &r.by_unit[&None];
    assert_eq!(none.rates().timely_acceptance, Rate::new(1, 1));
    assert_eq!(none.rates().on_time_closing, Rate::new(0, 0));
    assert_eq!(none.rates().on_time_closing.rate(), None);
    assert_eq!(none.rates().leader_case_resolution, Rate::new(0, 1));
    // Handler 10: A, B, E, G. Accept ended A, B, E, G; on time A, E, G. Closed A, B, G;
    // first time A.
    let h10 = &r.by_first_handler[&Some(10)];
    assert_eq!(h10.rates().timely_acceptance, Rate::new(3, 4));
    assert_eq!(h10.rates().one_time_resolution, Rate::new(1, 3));
    assert_eq!(h10.notices, 1);
    // Handler 11: C, D, F. Accept ended C, F; on time F.
    let h11 = &r.by_first_handler[&Some(11)];
    assert_eq!(h11.rates().timely_acceptance, Rate::new(1, 2));
    assert_eq!(h11.cases, 3);
    assert_eq!(r.by_first_handler[&None].cases, 1, "H");
}

#[test]
fn a_rate_with_nothing_to_divide_by_has_no_rate() {
    assert_eq!(Rate::new(0, 0).rate(), None);
    assert_eq!(Rate::new(0, 0).percent(), "—");
    assert_eq!(Rate::new(2, 3).percent(), "66.7%");
    assert_eq!(Rate::new(1, 1).rate(), Some(1.0));
}

#[test]
fn periods_of_a_month_a_year_and_their_neighbours() {
    let june = Period::month_of(d("2026-06-15"));
    assert_eq!((june.from, june.to), (d("2026-06-01"), d("2026-06-30")));
    assert_eq!(june.shifted(-1), Period::month_of(d("2026-05-01")));
    assert_eq!(june.shifted(-11), Period::month_of(d("2025-07-01")));
    assert_eq!(june.shifted(7), Period::month_of(d("2027-01-01")));
    assert_eq!(
        Period::month_of(d("2026-12-31")).shifted(1),
        Period::month_of(d("2027-01-01"))
    );
    let y = Period::year(2026).unwrap();
    assert!(y.is_year() && !june.is_year());
    assert_eq!(y.shifted(-1), Period::year(2025).unwrap());
    assert_eq!(
        Period::new(d("2026-06-10"), d("2026-06-01")),
        Err(PeriodError::Backwards)
    );
    assert_eq!(Period::year(99999), Err(PeriodError::BadYear));
    let ten = Period::new(d("2026-06-01"), d("2026-06-10")).unwrap();
    assert_eq!(ten.shifted(1).from, d("2026-06-11"));
}
