//! One workflow step saved, on a large database: the whole `Store::take_step` as a dialog or
//! `xfdesk case …` calls it — the actor's account read afresh, the case's facts, the domain's
//! checks, the step's record, the clocks, the case's next deadline, the audit entry, and the
//! commit (the WAL write and its sync).
//!
//!     cargo bench --bench workflow                    # uses (or builds) target/bench-1m.db
//!     XFDESK_BENCH_DB=/path/to.db cargo bench --bench workflow
//!
//! It takes the next step of 300 open cases drawn across the database (a proposal, an
//! approval, a transfer, a reply, a review, feedback or closing, whichever the case is at) and
//! prints the median, p90, p99 and maximum. Each run moves those cases one step on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use chrono::NaiveDate;
use std::time::{Duration, Instant};
use xfdesk::domain::workflow::{FeedbackWay, Handling, Rating, Step};
use xfdesk::domain::{CaseState, Role};
use xfdesk::store::{Actor, ReferenceData, Store};

const CASES: u64 = 1_000_000;
const SAMPLES: usize = 300;

fn main() {
    let path = std::env::var_os("XFDESK_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("target/bench-1m.db"));
    if !path.exists() {
        eprintln!("building {} with {CASES} demo cases…", path.display());
        let mut store = Store::open(&path).expect("open");
        let login = xfdesk::os::current_login().expect("passwd entry");
        let me = store
            .bootstrap_admin(&login, "bench", &[Role::Reception])
            .expect("admin");
        let today = store.today();
        store
            .load_reference(&Actor::from(&me), &ReferenceData::builtin(), today, 8)
            .expect("reference data");
        xfdesk::cli::demo::fill(&mut store, CASES, 42).expect("demo data");
    }
    let mut store = Store::open(&path).expect("open");
    let login = xfdesk::os::current_login().expect("passwd entry");
    let admin = store.staff_by_login(&login).unwrap().expect("admin");
    // One account that may take every step, as the office's leader would in a small office.
    let lead = match store.staff_by_login("benchlead").unwrap() {
        Some(s) => s,
        None => store
            .add_staff(
                &admin,
                "benchlead",
                "基准测试",
                &[
                    Role::Reception,
                    Role::Expert,
                    Role::Supervisor,
                    Role::Manager,
                ],
            )
            .expect("bench account"),
    };
    let units = store.ids("units").unwrap();
    let open = store.open_case_ids(SAMPLES * 4).expect("open cases");
    println!(
        "database {} with {} cases; {} open cases drawn",
        path.display(),
        store.case_count().unwrap(),
        open.len()
    );
    let mut times: Vec<Duration> = Vec::new();
    for (i, &case_id) in open.iter().enumerate() {
        if times.len() == SAMPLES {
            break;
        }
        let detail = store.case_detail(case_id).unwrap().expect("case");
        let on = store.today();
        let Some(step) = next_step(detail.row.state, units[i % units.len()], on) else {
            continue;
        };
        let t = Instant::now();
        let done = store.take_step(&lead, case_id, detail.version, step);
        let took = t.elapsed();
        if done.is_ok() {
            times.push(took);
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{:<28} median {:>8.2} ms   p90 {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms   ({} steps)",
        "one workflow step saved",
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3,
        times.len()
    );
}

/// The step a case at `state` takes next on the plainest path.
fn next_step(state: CaseState, unit: i64, on: NaiveDate) -> Option<Step> {
    use CaseState::*;
    Some(match state {
        Registered | WithExpert => Step::Propose {
            handling: Handling::Transfer { unit_id: unit },
            opinion: "建议转有关单位依法办理".into(),
        },
        Proposed => Step::Approve {
            note: "同意".into(),
        },
        Approved => Step::Transfer {
            lead_unit: unit,
            co_units: vec![],
            assign: false,
            report_by: None,
        },
        Transferred => Step::Reply {
            findings: "经查属实".into(),
            resolution: "已责成限期解决".into(),
        },
        Replied => Step::Review {
            accept: true,
            reason: String::new(),
        },
        Reviewed | HandledHere => Step::Feedback {
            way: FeedbackWay::Phone,
            on,
            rating: Rating::Satisfied,
            note: String::new(),
        },
        FeedbackGiven | NotAccepted => Step::Close {
            note: String::new(),
        },
        Closed => return None,
    })
}
