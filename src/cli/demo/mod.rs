//! `xfdesk demo`: realistic synthetic data — Chinese names, valid ID numbers, phones,
//! categories, units, repeat contacts and collective visits, cases at every step with the
//! records of the steps that brought them there.

mod life;
mod people;

use super::{Cli, CliResult, Failure, current_staff, db_path, lang_of};
use crate::domain::permission::{Act, require};
use crate::domain::{CaseState, Channel, MatterKind, Role};
use crate::store::bulk::{BATCH_CASES, BulkCase, BulkClock, BulkSink};
use crate::store::{OpenRefusal, Store, StoreError};
use chrono::{Datelike, Duration, NaiveDateTime, NaiveTime};
use people::{pick_weighted, random_id_number, random_mobile, random_name, summary_for};
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// How many cases to create, 1 to 1,000,000.
    #[arg(long, default_value_t = 20_000, value_parser = clap::value_parser!(u64).range(1..=MAX_CASES))]
    pub cases: u64,
    /// Seed of the generator: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// The most cases one `demo` run adds: the size DESIGN §9 measures against.
pub const MAX_CASES: u64 = 1_000_000;

pub fn run(cli: &Cli, args: &DemoArgs) -> CliResult {
    let lang = lang_of(cli);
    let path = db_path(cli, "xfdesk.db")?;
    // An existing xfdesk database is filled; where there is none, one is made first, as
    // `init` would (DESIGN §6: demo fills "a database"). Anything else is refused unchanged.
    let existing = match Store::open_existing(&path) {
        Ok(store) if store.is_initialised()? => Some(store),
        Ok(_) => None,
        Err(StoreError::Refused {
            why: OpenRefusal::Missing | OpenRefusal::Empty,
            ..
        }) => None,
        Err(e) => return Err(super::store_failure(lang, e)),
    };
    // Synthetic cases never go into the office's own database, which is the only one a
    // confined process may open; nor is a new one made there.
    if crate::os::boundary().confined {
        return Err(Failure::denied(crate::i18n::cli::no_demo_here(lang)));
    }
    let mut store = if let Some(store) = existing {
        let lang = super::lang_for(cli, &store);
        super::writable(&store, lang)?;
        let me = current_staff(&store, lang)?;
        require(&me, Act::LoadDemoData).map_err(|e| Failure::denied(e.to_string()))?;
        store
    } else {
        super::init::initialise(
            &path,
            None,
            None,
            &[
                Role::Reception,
                Role::Expert,
                Role::Supervisor,
                Role::Manager,
            ],
            lang,
        )?
    };
    let lang = super::lang_for(cli, &store);
    let started = Instant::now();
    fill(&mut store, args.cases, args.seed)?;
    crate::say!(
        "{}",
        crate::i18n::cli::demo_done(
            lang,
            args.cases,
            &crate::domain::text::clean_line(&store.path().display().to_string()),
            started.elapsed().as_secs_f64()
        )
    );
    Ok(0)
}

/// The state a case of this age is likely in, so that the open cases look like an office's:
/// most within their clocks, a few percent overdue by days or weeks, none for years.
///
/// A case's acceptance notice is due 15 days after receipt and its handling 60 days after
/// acceptance, which most offices decide within a few days, so handling is due about 62 days
/// after receipt. Up to then cases move along the workflow; after it nearly all are closed, and the few still open (stuck with a unit, awaiting a review or
/// feedback) are at most a few weeks late; older ones are all closed.
fn state_for_age(rng: &mut SmallRng, age_days: i64) -> CaseState {
    use CaseState::*;
    match age_days {
        ..=2 => pick_weighted(rng, &[(Registered, 50), (WithExpert, 30), (Proposed, 20)]),
        3..=14 => pick_weighted(
            rng,
            &[
                (Registered, 5),
                (WithExpert, 5),
                (Proposed, 15),
                (Approved, 15),
                (Transferred, 30),
                (HandledHere, 10),
                (NotAccepted, 5),
                (Closed, 15),
            ],
        ),
        15..=58 => pick_weighted(
            rng,
            &[
                (Transferred, 25),
                (Replied, 15),
                (Reviewed, 10),
                (HandledHere, 5),
                (FeedbackGiven, 10),
                (Closed, 35),
            ],
        ),
        // Past the handling clock: a few stragglers, late by days or weeks.
        59..=100 => pick_weighted(
            rng,
            &[
                (Transferred, 2),
                (Replied, 1),
                (Reviewed, 1),
                (FeedbackGiven, 1),
                (Closed, 95),
            ],
        ),
        _ => Closed,
    }
}

/// Returning petitioners a new user is likely to try first: the valid example ID numbers of
/// the README and GB 11643. Each has an old closed case and an open one within its clocks.
const FEATURED: &[(&str, &str, &str)] = &[
    ("11010519491231002X", "王秀英", "13911112222"),
    ("440524188001010014", "陈德明", "13822223333"),
];

/// Where the featured people's cases go: (age in days, state, featured person).
const FEATURED_CASES: &[(i64, CaseState, usize)] = &[
    (400, CaseState::Closed, 0),
    (30, CaseState::Transferred, 0),
    (250, CaseState::Closed, 1),
    (20, CaseState::Replied, 1),
];

/// Add `cases` synthetic cases to an initialised database, in batches of [`BATCH_CASES`], each
/// its own short transaction with its audit entry, so other sessions keep saving meanwhile.
pub fn fill(store: &mut Store, cases: u64, seed: u64) -> Result<(), Failure> {
    let login = crate::os::current_login().unwrap_or_default();
    let me = store
        .staff_by_login(&login)?
        .ok_or_else(|| Failure::denied(format!("{login} is not staff")))?;
    let categories = store.categories()?;
    let units = store.ids("units")?;
    let experts = store.ids("experts")?;
    let calendar = store.calendar()?;
    let counting = store.counting()?;
    let mut counter = life::Counter::new(&calendar, counting, store.rules()?);
    let cast = life::Cast {
        me: me.id,
        experts: &experts,
        units: &units,
    };
    if categories.is_empty() || units.is_empty() {
        return Err(Failure::error(
            "the reference data is missing: run `xfdesk init` first",
        ));
    }
    let mut rng = SmallRng::seed_from_u64(seed);
    // Supervision, extension requests and the later follow-ups draw from their own dice, so
    // the cases a seed gives are the ones it gave before they were added.
    let mut side = SmallRng::seed_from_u64(seed.wrapping_add(0x5eed));
    let now = store.now();
    // A county office's years: spread over three years.
    let span_days: i64 = 365 * 3;
    let start = now.date() - Duration::days(span_days);
    let mut offsets: Vec<i64> = (0..cases)
        .map(|_| rng.random_range(0..span_days * 24 * 60))
        .collect();
    offsets.sort_unstable();
    // The featured people's cases take the places of cases of about the right age (case
    // numbers and ids follow receipt order, so they cannot simply be added at the end).
    let mut featured_at: HashMap<usize, (CaseState, usize)> = HashMap::new();
    if cases >= 100 {
        for &(age, state, who) in FEATURED_CASES {
            let minute = (span_days - age) * 24 * 60;
            let i = offsets
                .partition_point(|&m| m < minute)
                .min(offsets.len() - 1);
            featured_at.insert(i, (state, who));
        }
    }
    let mut featured_ids: Vec<Option<i64>> = vec![None; FEATURED.len()];
    // Most matters come from people new to the office; about a quarter from people who came
    // before (and a new person's id is the next one, which keeps the indexes on the person
    // appending rather than scattering).
    let mut people: Vec<i64> = Vec::new();
    let mut used_ids: std::collections::HashSet<String> =
        FEATURED.iter().map(|f| f.0.to_string()).collect();
    // Notices found while the cases are lived: (issued, by, unit, case).
    let mut notices: Vec<(NaiveDateTime, i64, i64, i64)> = Vec::new();
    store.bulk_mode(true)?;
    for (batch, chunk) in offsets.chunks(BATCH_CASES).enumerate() {
        let first = batch * BATCH_CASES;
        let detail = format!(
            "demo data: cases {} to {} of {cases}, seed {seed}",
            first + 1,
            first + chunk.len()
        );
        store.bulk_load(&me, "demo.load", |sink: &mut BulkSink<'_>| {
            for (k, &minutes) in chunk.iter().enumerate() {
                let featured = featured_at.get(&(first + k)).copied();
                let day = start + Duration::days(minutes / (24 * 60));
                // Offices receive between 08:30 and 17:30.
                let within = 8 * 60 + 30 + (minutes % (24 * 60)) * 9 / 24;
                let received = NaiveDateTime::new(
                    day,
                    NaiveTime::from_hms_opt((within / 60) as u32, (within % 60) as u32, 0)
                        .unwrap_or_default(),
                );
                let age = (now.date() - day).num_days();
                let channel = if featured.is_some() {
                    Channel::Visit
                } else {
                    pick_weighted(
                        &mut rng,
                        &[
                            (Channel::Visit, 45),
                            (Channel::Letter, 25),
                            (Channel::Online, 20),
                            (Channel::Phone, 10),
                        ],
                    )
                };
                let kind = if featured.is_some() {
                    MatterKind::Request
                } else {
                    pick_weighted(
                        &mut rng,
                        &[
                            (MatterKind::Request, 80),
                            (MatterKind::Suggestion, 12),
                            (MatterKind::Accusation, 8),
                        ],
                    )
                };
                let anonymous = channel == Channel::Letter
                    && kind == MatterKind::Accusation
                    && rng.random_bool(0.5);
                let petitioner_id = if let Some((_, who)) = featured {
                    let (id_number, name, phone) = FEATURED.get(who).copied().unwrap_or_default();
                    let known = featured_ids.get(who).copied().flatten();
                    let id = match known {
                        Some(id) => id,
                        // Upserted by ID number: a second run meets the same person again.
                        None => sink.petitioner(Some(id_number), name, Some(phone), received)?,
                    };
                    if let Some(slot) = featured_ids.get_mut(who) {
                        *slot = Some(id);
                    }
                    Some(id)
                } else if anonymous {
                    None
                } else if let Some(&known) = rng
                    .random_bool(0.25)
                    .then(|| people.choose(&mut rng))
                    .flatten()
                {
                    Some(known)
                } else {
                    let with_id = rng.random_bool(0.9);
                    // ID numbers are unique per person: draw again on the rare collision.
                    let id_number = with_id.then(|| {
                        loop {
                            let id = random_id_number(&mut rng);
                            if used_ids.insert(id.clone()) {
                                break id;
                            }
                        }
                    });
                    let phone = rng.random_bool(0.85).then(|| random_mobile(&mut rng));
                    let id = sink.petitioner(
                        id_number.as_deref(),
                        &random_name(&mut rng),
                        phone.as_deref(),
                        received,
                    )?;
                    people.push(id);
                    Some(id)
                };
                let Some(category) = categories.choose(&mut rng) else {
                    break;
                };
                let (summary, account) = summary_for(&mut rng, &category.code);
                let state = match featured {
                    Some((state, _)) => state,
                    None => state_for_age(&mut rng, age),
                };
                let expert_id = (state == CaseState::WithExpert)
                    .then(|| experts.choose(&mut rng).copied())
                    .flatten();
                let life = life::live(
                    &mut rng,
                    &mut side,
                    &mut counter,
                    &cast,
                    state,
                    kind,
                    expert_id.is_some(),
                    received,
                    now,
                );
                let clock_due =
                    |rule: &str| life.clocks.iter().find(|c| c.rule == rule).map(|c| c.due);
                let number = sink.next_case_number(day.year())?;
                let case_id = sink.case(&BulkCase {
                    number: &number,
                    petitioner_id,
                    kind,
                    category_id: category.id,
                    unit_id: life.unit_id,
                    expert_id,
                    state: life.state,
                    channel,
                    summary: &summary,
                    account: &account,
                    received_at: received,
                    updated_at: life
                        .steps
                        .iter()
                        .filter(|s| !s.step.kind().is_supervision())
                        .map(|s| s.at)
                        .max()
                        .unwrap_or(received),
                    accept_due: clock_due("accept").unwrap_or(day),
                    handle_due: clock_due("handle"),
                    due: life.due,
                    staff_id: me.id,
                    leader_id: life.leader_id,
                    supervisor_id: life.supervisor_id,
                })?;
                if let (Some((at, by)), Some(unit)) = (life.notice, life.unit_id) {
                    notices.push((at, by, unit, case_id));
                }
                for c in &life.clocks {
                    sink.clock(
                        case_id,
                        &BulkClock {
                            rule: &c.rule,
                            started: c.started,
                            period: c.period,
                            extension_days: c.extension_days,
                            due: c.due,
                            stopped: c.stopped,
                        },
                    )?;
                }
                for s in &life.steps {
                    sink.step(case_id, &s.step, s.round, s.from, s.to, s.at, s.staff_id)?;
                }
                let head_count = if channel == Channel::Visit && rng.random_bool(0.03) {
                    rng.random_range(5..40)
                } else {
                    1
                };
                sink.contact(
                    case_id,
                    petitioner_id,
                    channel,
                    received,
                    false,
                    head_count,
                    me.id,
                )?;
                // About a quarter of matters bring the person back (重复信访); every featured
                // one does.
                if age > 2 && (featured.is_some() || rng.random_bool(0.25)) {
                    let repeats = rng.random_range(1..=3);
                    for _ in 0..repeats {
                        let later = received
                            + Duration::minutes(rng.random_range(60 * 24..(age.max(2) * 24 * 60)));
                        if later < now {
                            let ch = pick_weighted(
                                &mut rng,
                                &[
                                    (Channel::Visit, 6),
                                    (Channel::Phone, 3),
                                    (Channel::Letter, 1),
                                ],
                            );
                            sink.contact(case_id, petitioner_id, ch, later, true, 1, me.id)?;
                        }
                    }
                }
            }
            Ok(((), detail))
        })?;
        // Let a writer waiting for the lock (a receptionist's save) go first.
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // Notices are numbered in the order they were issued, whichever case came first.
    notices.sort();
    let count = notices.len();
    store.bulk_load(&me, "demo.notices", |sink: &mut BulkSink<'_>| {
        for (at, by, unit, case_id) in notices {
            sink.notice(
                at,
                by,
                unit,
                case_id,
                "逾期未办结，经督办、约谈仍未按期报告办理情况",
            )?;
        }
        Ok(((), format!("demo data: {count} accountability notices")))
    })?;
    store.bulk_mode(false)?;
    store.audit_checkpoint(&me, "demo.load")?;
    // The night's check, so the supervision pane has findings to show (an account that may
    // not run it leaves that to the office's cron).
    if crate::domain::permission::allows(&me, Act::RunCheck) {
        super::check::record(store, &me, store.today())?;
    }
    store.checkpoint()?;
    Ok(())
}
