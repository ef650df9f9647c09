//! A demo case's life: the steps that brought it to its state, in order and in time, with the
//! clocks they started and stopped. The domain's own rules decide (`workflow::applies`,
//! `target_state`, `clock_changes`), so the records are the ones the app would have written
//! had staff taken each step by hand, and every dialog has cases to be tried on.

use super::people::pick_weighted;
use crate::domain::calendar::{Calendar, ClockSpec, Counting, Period, Rule, count};
use crate::domain::workflow::{
    self, CaseFacts, ClockChange, FeedbackWay, Handling, LegalChannel, Rating, Step,
};
use crate::domain::{CaseState, MatterKind};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use rand::Rng;
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use std::collections::HashMap;

/// Which way a case goes once its opinion is approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Route {
    #[default]
    Transfer,
    Here,
    NotAccepted,
}

/// One step as it is to be recorded.
pub struct StepAt {
    pub step: Step,
    pub round: u8,
    pub from: CaseState,
    pub to: Option<CaseState>,
    pub at: NaiveDateTime,
    pub staff_id: i64,
}

/// A clock as it stands at the end of the demo case's life.
pub struct ClockAt {
    pub rule: String,
    pub started: NaiveDate,
    pub period: Period,
    pub extension_days: u32,
    pub due: NaiveDate,
    pub stopped: Option<NaiveDate>,
}

/// Everything a case's life leaves in the database besides the case and its contacts.
pub struct Life {
    /// The state the steps reached (the one asked for, unless the rules stopped earlier).
    pub state: CaseState,
    pub steps: Vec<StepAt>,
    pub clocks: Vec<ClockAt>,
    pub unit_id: Option<i64>,
    pub leader_id: Option<i64>,
    /// The supervisor following the case (督办), if it was put under supervision.
    pub supervisor_id: Option<i64>,
    /// When a notice (通报) named the case after a talk with its unit's head, and who issued
    /// it.
    pub notice: Option<(NaiveDateTime, i64)>,
    /// The earliest due date of a running clock.
    pub due: Option<NaiveDate>,
}

/// Who takes the steps: the account loading the demo (which holds every role) for the
/// office's own steps, the duty experts for opinions.
pub struct Cast<'a> {
    pub me: i64,
    pub experts: &'a [i64],
    pub units: &'a [i64],
}

/// Due dates by (rule, start day), counted once: a million cases share about a thousand days.
pub struct Counter<'a> {
    calendar: &'a Calendar,
    counting: Counting,
    rules: HashMap<String, Rule>,
    memo: HashMap<(String, NaiveDate), NaiveDate>,
}

impl<'a> Counter<'a> {
    pub fn new(calendar: &'a Calendar, counting: Counting, rules: Vec<Rule>) -> Self {
        Self {
            calendar,
            counting,
            rules: rules.into_iter().map(|r| (r.name.clone(), r)).collect(),
            memo: HashMap::new(),
        }
    }

    /// The rule's period and the due date of its clock started on `from`; None for a rule
    /// the database does not have.
    pub fn due(&mut self, rule: &str, from: NaiveDate) -> Option<(Period, NaiveDate)> {
        let period = self.rules.get(rule)?.period;
        let (calendar, counting) = (self.calendar, self.counting);
        let due = *self
            .memo
            .entry((rule.to_string(), from))
            .or_insert_with(|| count(calendar, counting, &ClockSpec::new(from, period)).due);
        Some((period, due))
    }

    fn extended(&self, clock: &ClockAt) -> NaiveDate {
        let spec = ClockSpec {
            extension_days: clock.extension_days,
            ..ClockSpec::new(clock.started, clock.period)
        };
        count(self.calendar, self.counting, &spec).due
    }
}

/// The clocks a case starts with at registration.
const AT_REGISTRATION: &[&str] = &["register", "accept"];

/// Live a case received at `received` until it reaches `state` (or as far as the rules let
/// it), with every step dated between `received` and `now`.
#[allow(clippy::too_many_arguments)]
pub fn live(
    rng: &mut SmallRng,
    side: &mut SmallRng,
    counter: &mut Counter<'_>,
    cast: &Cast<'_>,
    state: CaseState,
    kind: MatterKind,
    expert_routed: bool,
    received: NaiveDateTime,
    now: NaiveDateTime,
) -> Life {
    let mut clocks: Vec<ClockAt> = Vec::new();
    for rule in AT_REGISTRATION {
        start(counter, &mut clocks, rule, received.date());
    }
    let mut facts = CaseFacts::new(
        if expert_routed {
            CaseState::WithExpert
        } else {
            CaseState::Registered
        },
        kind,
    );
    facts.expert_routed = expert_routed;
    let planned = plan(rng, side, cast, state, received, now);
    let mut life = Life {
        state: facts.state,
        steps: Vec::with_capacity(planned.len()),
        clocks: Vec::new(),
        unit_id: None,
        leader_id: None,
        supervisor_id: None,
        notice: None,
        due: None,
    };
    for (step, at, staff_id) in planned {
        let step_kind = step.kind();
        if !workflow::applies(step_kind, &facts) {
            break;
        }
        let to = workflow::target_state(step_kind, &facts);
        let day = at.date();
        for change in workflow::clock_changes(&step, &facts, day) {
            match change {
                ClockChange::Start { rule, from } => start(counter, &mut clocks, rule, from),
                ClockChange::Stop { rule } => {
                    for c in clocks.iter_mut().filter(|c| c.rule == rule) {
                        c.stopped.get_or_insert(day);
                    }
                }
                ClockChange::StopAll => {
                    for c in &mut clocks {
                        c.stopped.get_or_insert(day);
                    }
                }
            }
        }
        match &step {
            Step::Propose { handling, .. } => facts.proposed_handling = Some(handling.kind()),
            Step::Approve { .. } => facts.approved_handling = facts.proposed_handling,
            Step::Transfer { lead_unit, .. } => {
                facts.transferred = true;
                life.unit_id = Some(*lead_unit);
            }
            Step::Feedback { on, .. } => facts.reply_on = Some(*on),
            Step::FollowUp { .. } => facts.followed_up = true,
            Step::TakeCharge { .. } => {
                facts.leader_id = Some(staff_id);
                life.leader_id = Some(staff_id);
            }
            Step::Supervise { supervisor, .. } => {
                facts.supervisor_id = Some(*supervisor);
                life.supervisor_id = Some(*supervisor);
            }
            Step::Urge { .. } => facts.ladder.urged += 1,
            Step::SupervisionOrder { .. } => facts.ladder.ordered = true,
            Step::ExtensionRequest { .. } => facts.extension_requested = true,
            Step::Talk { .. } => {
                facts.ladder.talked = true;
                // Half the talks end in a notice to the unit a few days on.
                let on = at + Duration::days(3);
                if side.random_bool(0.5) && on < now {
                    life.notice = Some((on, staff_id));
                }
            }
            Step::Extend { days, .. } => {
                facts.extended = true;
                if let Some(c) = clocks
                    .iter_mut()
                    .find(|c| c.rule == "handle" && c.stopped.is_none())
                {
                    c.extension_days = *days;
                    c.due = counter.extended(c);
                }
            }
            _ => {}
        }
        life.steps.push(StepAt {
            step,
            round: facts.round,
            from: facts.state,
            to,
            at,
            staff_id,
        });
        if let Some(to) = to {
            facts.state = to;
        }
        facts.handle_running = clocks
            .iter()
            .any(|c| c.rule == "handle" && c.stopped.is_none());
        facts.any_running = clocks.iter().any(|c| c.stopped.is_none());
    }
    life.state = facts.state;
    life.due = clocks
        .iter()
        .filter(|c| c.stopped.is_none() && workflow::is_deadline(&c.rule))
        .map(|c| c.due)
        .min();
    life.clocks = clocks;
    life
}

fn start(counter: &mut Counter<'_>, clocks: &mut Vec<ClockAt>, rule: &str, from: NaiveDate) {
    // A clock already started keeps its start (see ClockChange::Start).
    if clocks.iter().any(|c| c.rule == rule) {
        return;
    }
    if let Some((period, due)) = counter.due(rule, from) {
        clocks.push(ClockAt {
            rule: rule.to_string(),
            started: from,
            period,
            extension_days: 0,
            due,
            stopped: None,
        });
    }
}

/// The steps towards `state`, with who takes each, dated: nominal gaps between steps, squeezed
/// to fit between receipt and now for a young case.
fn plan(
    rng: &mut SmallRng,
    side: &mut SmallRng,
    cast: &Cast<'_>,
    state: CaseState,
    received: NaiveDateTime,
    now: NaiveDateTime,
) -> Vec<(Step, NaiveDateTime, i64)> {
    use CaseState::*;
    let route = match state {
        Registered | WithExpert => return Vec::new(),
        Transferred | Replied | Reviewed => Route::Transfer,
        HandledHere => Route::Here,
        NotAccepted => Route::NotAccepted,
        FeedbackGiven => pick_weighted(rng, &[(Route::Transfer, 75), (Route::Here, 25)]),
        Proposed | Approved | Closed => pick_weighted(
            rng,
            &[
                (Route::Transfer, 65),
                (Route::Here, 25),
                (Route::NotAccepted, 10),
            ],
        ),
    };
    let unit = cast.units.choose(rng).copied().unwrap_or_default();
    let expert = cast.experts.choose(rng).copied().unwrap_or(cast.me);
    let me = cast.me;
    let minutes = |rng: &mut SmallRng, hours: std::ops::Range<i64>| {
        rng.random_range(hours.start * 60..hours.end * 60)
    };
    // (step, minutes after the one before, who)
    let mut steps: Vec<(Step, i64, i64)> = Vec::new();
    let handling = match route {
        Route::Transfer => Handling::Transfer { unit_id: unit },
        Route::Here => Handling::HandleHere,
        Route::NotAccepted => Handling::NotAccepted {
            reason: "所反映事项属于应当通过诉讼程序解决的民事纠纷".into(),
            channel: LegalChannel::Litigation,
        },
    };
    let opinion = match route {
        Route::Transfer => "建议转有关单位依法调查处理，并书面答复信访人",
        Route::Here => "建议由本局直接办理，约请有关方面当面协调",
        Route::NotAccepted => "建议不予受理，告知信访人依法向人民法院提起诉讼",
    };
    steps.push((
        Step::Propose {
            handling,
            opinion: opinion.into(),
        },
        minutes(rng, 1..30),
        expert,
    ));
    // Most acceptances come within days; a few run past the 15-day notice clock.
    let approve_after = if rng.random_bool(0.04) {
        minutes(rng, 16 * 24..24 * 24)
    } else {
        minutes(rng, 2..72)
    };
    steps.push((
        Step::Approve {
            note: "同意".into(),
        },
        approve_after,
        me,
    ));
    if rng.random_bool(0.01) {
        steps.push((
            Step::TakeCharge {
                note: "涉及群体利益，由分管领导包案".into(),
            },
            minutes(rng, 1..24),
            me,
        ));
    }
    match route {
        Route::Transfer => {
            let co_units = if rng.random_bool(0.1) {
                cast.units
                    .choose(rng)
                    .copied()
                    .filter(|&u| u != unit)
                    .into_iter()
                    .collect()
            } else {
                Vec::new()
            };
            steps.push((
                Step::Transfer {
                    lead_unit: unit,
                    co_units,
                    assign: false,
                    report_by: None,
                },
                minutes(rng, 1..48),
                me,
            ));
            if side.random_bool(0.06) {
                supervision(side, me, &mut steps);
            }
            if rng.random_bool(0.03) {
                if side.random_bool(0.7) {
                    steps.push((
                        Step::ExtensionRequest {
                            days: 30,
                            reason: "案情复杂，承办单位申请延期".into(),
                        },
                        minutes(side, 18 * 24..40 * 24),
                        me,
                    ));
                }
                steps.push((
                    Step::Extend {
                        days: 30,
                        reason: "案情复杂，需进一步调查核实".into(),
                    },
                    minutes(rng, 20 * 24..45 * 24),
                    me,
                ));
            }
            steps.push((
                Step::Reply {
                    findings: "经调查核实，信访人反映的情况基本属实".into(),
                    resolution: "已责成有关方面限期解决，并向信访人说明".into(),
                },
                minutes(rng, 7 * 24..45 * 24),
                me,
            ));
            steps.push((
                Step::Review {
                    accept: true,
                    reason: String::new(),
                },
                minutes(rng, 4..96),
                me,
            ));
        }
        Route::Here => steps.push((
            Step::HandleHere {
                note: "已约请双方当面协调，达成一致意见".into(),
            },
            minutes(rng, 24..20 * 24),
            expert,
        )),
        Route::NotAccepted => steps.push((
            Step::Reject {
                note: "已书面告知信访人不予受理及依法解决的途径".into(),
            },
            minutes(rng, 1..48),
            me,
        )),
    }
    if route != Route::NotAccepted {
        steps.push((feedback(rng), minutes(rng, 4..7 * 24), me));
    }
    steps.push((
        Step::Close {
            note: String::new(),
        },
        minutes(rng, 4..5 * 24),
        me,
    ));
    // Offices follow up nearly every closed case; the few left show as late in the check.
    let followed = if rng.random_bool(0.6) {
        Some((rng.random_bool(0.85), minutes(rng, 7 * 24..30 * 24)))
    } else if side.random_bool(0.99) {
        Some((side.random_bool(0.85), minutes(side, 7 * 24..30 * 24)))
    } else {
        None
    };
    if let Some((settled, gap)) = followed {
        let note = if settled {
            "电话回访，信访人表示问题已解决"
        } else {
            "回访时信访人仍有异议，已做解释"
        };
        steps.push((
            Step::FollowUp {
                settled,
                note: note.into(),
            },
            gap,
            me,
        ));
    }
    // Keep the steps up to the one that reaches `state` (and the follow-up of a closed case).
    let reached = steps.iter().position(|(s, _, _)| reaches(s, state));
    if let Some(last) = reached {
        // Supervision that followed the step goes on while the case waits where it is.
        let keep = if state == Closed {
            steps.len()
        } else {
            last + 1
                + steps
                    .iter()
                    .skip(last + 1)
                    .take_while(|(s, _, _)| s.kind().is_supervision())
                    .count()
        };
        steps.truncate(keep);
    }
    // Date them; squeeze the gaps of a case too young for them.
    let room = (now - received).num_minutes().saturating_sub(10).max(0);
    let total: i64 = steps.iter().map(|(_, gap, _)| gap).sum();
    let scale = if total > room && total > 0 {
        room as f64 / total as f64
    } else {
        1.0
    };
    let mut at = received;
    steps
        .into_iter()
        .map(|(step, gap, who)| {
            at += Duration::minutes(((gap as f64) * scale) as i64);
            let on = at.date();
            let step = match step {
                Step::Feedback {
                    way, rating, note, ..
                } => Step::Feedback {
                    way,
                    on,
                    rating,
                    note,
                },
                Step::SupervisionOrder { requirement, .. } => Step::SupervisionOrder {
                    requirement,
                    report_by: on + Duration::days(7),
                },
                Step::Talk { with, notes, .. } => Step::Talk {
                    held_on: on,
                    with,
                    notes,
                },
                other => other,
            };
            (step, at, who)
        })
        .collect()
}

/// Supervision while the unit handles the case: put under supervision and urged; some get a
/// 督办单 and a few a talk with the unit's head (dated when the steps are).
fn supervision(rng: &mut SmallRng, me: i64, steps: &mut Vec<(Step, i64, i64)>) {
    let gap = |rng: &mut SmallRng, days: std::ops::Range<i64>| {
        rng.random_range(days.start * 24 * 60..days.end * 24 * 60)
    };
    let first = gap(rng, 10..25);
    steps.push((
        Step::Supervise {
            supervisor: me,
            note: "群众反映强烈，列入督办".into(),
        },
        first,
        me,
    ));
    let urge = gap(rng, 1..4);
    steps.push((
        Step::Urge {
            note: "电话催办，要求承办单位加快办理并于三日内报告进展".into(),
        },
        urge,
        me,
    ));
    if rng.random_bool(0.3) {
        let later = gap(rng, 4..10);
        steps.push((
            Step::SupervisionOrder {
                requirement: "限期查明情况，提出处理意见，书面答复信访人".into(),
                report_by: NaiveDate::default(),
            },
            later,
            me,
        ));
        if rng.random_bool(0.3) {
            let later = gap(rng, 5..10);
            steps.push((
                Step::Talk {
                    held_on: NaiveDate::default(),
                    with: "承办单位分管负责人".into(),
                    notes: "说明逾期原因，承诺十日内办结".into(),
                },
                later,
                me,
            ));
        }
    }
}

/// Whether taking `step` brings the case to `state`.
fn reaches(step: &Step, state: CaseState) -> bool {
    use CaseState::*;
    matches!(
        (step, state),
        (Step::Propose { .. }, Proposed)
            | (Step::Approve { .. }, Approved)
            | (Step::Transfer { .. }, Transferred)
            | (Step::HandleHere { .. }, HandledHere)
            | (Step::Reject { .. }, NotAccepted)
            | (Step::Reply { .. }, Replied)
            | (Step::Review { .. }, Reviewed)
            | (Step::Feedback { .. }, FeedbackGiven)
            | (Step::Close { .. }, Closed)
    )
}

/// How the reply reached the person and what they made of it (dated when the steps are).
fn feedback(rng: &mut SmallRng) -> Step {
    let way = pick_weighted(
        rng,
        &[
            (FeedbackWay::InPerson, 30),
            (FeedbackWay::Phone, 40),
            (FeedbackWay::Letter, 20),
            (FeedbackWay::Online, 5),
            (FeedbackWay::Sms, 5),
        ],
    );
    let rating = pick_weighted(
        rng,
        &[
            (Rating::Satisfied, 62),
            (Rating::BasicallySatisfied, 24),
            (Rating::Unsatisfied, 8),
            (Rating::NotGiven, 6),
        ],
    );
    Step::Feedback {
        way,
        on: NaiveDate::default(),
        rating,
        note: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn counter(calendar: &Calendar) -> Counter<'_> {
        let rule = |name: &str, days: u32, working: bool| Rule {
            name: name.into(),
            event: String::new(),
            period: Period { days, working },
            article: String::new(),
        };
        Counter::new(
            calendar,
            Counting::default(),
            vec![
                rule("register", 15, false),
                rule("accept", 15, false),
                rule("handle", 60, false),
                rule("objection", 5, true),
                rule("review-request", 30, false),
                rule("follow-up", 30, false),
            ],
        )
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn every_state_is_reached_with_its_steps_in_order_and_in_time() {
        let calendar = Calendar::new();
        let mut counter = counter(&calendar);
        let cast = Cast {
            me: 1,
            experts: &[2, 3],
            units: &[10, 11, 12],
        };
        let mut rng = SmallRng::seed_from_u64(7);
        let mut side = SmallRng::seed_from_u64(8);
        let received = at("2026-01-05 09:30");
        let now = at("2026-11-25 10:00");
        for state in [
            CaseState::Proposed,
            CaseState::Approved,
            CaseState::Transferred,
            CaseState::HandledHere,
            CaseState::NotAccepted,
            CaseState::Replied,
            CaseState::Reviewed,
            CaseState::FeedbackGiven,
            CaseState::Closed,
        ] {
            for _ in 0..20 {
                let life = live(
                    &mut rng,
                    &mut side,
                    &mut counter,
                    &cast,
                    state,
                    MatterKind::Request,
                    false,
                    received,
                    now,
                );
                assert_eq!(life.state, state);
                assert!(life.steps.windows(2).all(|w| w[0].at <= w[1].at));
                assert!(life.steps.iter().all(|s| s.at > received && s.at < now));
                // Each step starts where the one before ended.
                for w in life.steps.windows(2) {
                    assert_eq!(w[1].from, w[0].to.unwrap_or(w[0].from));
                }
                assert_eq!(
                    life.unit_id.is_some(),
                    life.steps
                        .iter()
                        .any(|s| matches!(s.step, Step::Transfer { .. }))
                );
                if state == CaseState::Closed {
                    // Only the follow-up clock may still run after closing.
                    assert!(
                        life.clocks
                            .iter()
                            .filter(|c| c.stopped.is_none())
                            .all(|c| c.rule == "follow-up")
                    );
                } else if !matches!(state, CaseState::NotAccepted | CaseState::FeedbackGiven) {
                    // A refusal stops every clock, and so does the reply reaching the person
                    // (only the person's window to ask for a review runs): each waits only
                    // to be closed.
                    assert!(life.due.is_some(), "{state:?} has a running clock");
                }
            }
        }
    }

    #[test]
    fn a_case_received_minutes_ago_has_its_steps_squeezed_before_now() {
        let calendar = Calendar::new();
        let mut counter = counter(&calendar);
        let cast = Cast {
            me: 1,
            experts: &[],
            units: &[10],
        };
        let mut rng = SmallRng::seed_from_u64(1);
        let mut side = SmallRng::seed_from_u64(2);
        let received = at("2026-11-25 09:00");
        let now = at("2026-11-25 10:00");
        let life = live(
            &mut rng,
            &mut side,
            &mut counter,
            &cast,
            CaseState::Closed,
            MatterKind::Request,
            false,
            received,
            now,
        );
        assert_eq!(life.state, CaseState::Closed);
        assert!(life.steps.iter().all(|s| s.at <= now));
        // Without experts the office's own account proposes.
        assert_eq!(life.steps[0].staff_id, 1);
    }
}
