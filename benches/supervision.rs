//! The nightly check and the yearly report on a large database, as whole processes of the
//! real binary (what cron and a manager wait for) and, for the report, in the process too.
//!
//!     cargo bench --bench supervision                  # builds target/bench-1m.db first if missing
//!     XFDESK_BENCH_DB=/path/to.db cargo bench --bench supervision
//!
//! `check` is timed recording (each run a day not recorded yet, so each records its findings,
//! anchors the audit chain and checkpoints the WAL, as the night's run does) and as a second
//! run of today (which finds and prints the same, and records nothing). Figures go in the
//! README.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use chrono::{Datelike, Duration};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use xfdesk::domain::Role;
use xfdesk::domain::report::Period;
use xfdesk::store::{Actor, ReferenceData, Store};

const CASES: u64 = 1_000_000;
const RUNS: usize = 15;

fn stats(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<44} median {:>8.1} ms   min {:>8.1} ms   max {:>8.1} ms   ({} runs)",
        at(0.5),
        ms[0],
        ms[ms.len() - 1],
        ms.len()
    );
}

fn xfdesk(db: &Path, args: &[&str]) -> f64 {
    let t = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_xfdesk"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env("XFDESK_LANG", "en")
        .env_remove("XFDESK_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run xfdesk");
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "xfdesk {args:?} failed: {status}"
    );
    ms
}

fn main() {
    let path = std::env::var_os("XFDESK_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/bench-1m.db"));
    let login = xfdesk::os::current_login().expect("passwd entry");
    if !path.exists() {
        eprintln!("building {} with {CASES} demo cases…", path.display());
        let mut store = Store::open(&path).expect("open");
        let me = store
            .bootstrap_admin(&login, "bench", &[Role::Reception])
            .expect("admin");
        let today = store.today();
        store
            .load_reference(&Actor::from(&me), &ReferenceData::builtin(), today, 8)
            .expect("reference data");
        xfdesk::cli::demo::fill(&mut store, CASES, 42).expect("demo data");
    }
    // The account runs the check as a supervisor and reads the statistics (and the first
    // open brings an older file's schema up to date before anything is timed).
    let out = Command::new(env!("CARGO_BIN_EXE_xfdesk"))
        .args(["staff", "add", &login, "--name", "bench", "--role"])
        .arg("admin,reception,supervisor,manager")
        .arg("--db")
        .arg(&path)
        .env_remove("XFDESK_DB")
        .output()
        .expect("staff add");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open(&path).expect("open");
    let today = store.today();
    println!(
        "database {} with {} cases, {} open",
        path.display(),
        store.case_count().unwrap(),
        store
            .supervision_counts(&xfdesk::domain::query::CaseQuery::all(
                0,
                xfdesk::domain::query::DueWindow {
                    today,
                    soon_until: today
                }
            ))
            .unwrap()
            .open
    );
    let rules = store.check_rules(today).unwrap();
    let t = Instant::now();
    let findings = store.check_findings(&rules).unwrap();
    println!(
        "check_findings in the process: {} findings in {:.1} ms",
        findings.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    drop(store);
    // Whole processes: nights not recorded yet (each run records, as the night's does), the
    // ones before the first recorded; then the same day again.
    let first_recorded: Option<String> = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT min(day) FROM check_runs", [], |r| r.get(0))
        .unwrap();
    let before = first_recorded
        .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").unwrap())
        .unwrap_or(today + Duration::days(1))
        .min(today + Duration::days(1));
    let recording: Vec<f64> = (1..=RUNS)
        .map(|i| {
            let day = (before - Duration::days(i as i64)).to_string();
            xfdesk(&path, &["check", "--date", &day])
        })
        .collect();
    stats("xfdesk check (recording, text)", recording);
    let day = today.to_string();
    let again: Vec<f64> = (0..RUNS)
        .map(|_| xfdesk(&path, &["check", "--date", &day]))
        .collect();
    stats("xfdesk check (same day again, text)", again);
    let json: Vec<f64> = (0..RUNS)
        .map(|_| xfdesk(&path, &["check", "--date", &day, "--format", "json"]))
        .collect();
    stats("xfdesk check (same day again, json)", json);
    // The yearly report: the last whole year, and this year so far.
    let year = today.year() - 1;
    let store = Store::open(&path).expect("open");
    let in_process: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let r = store.report(Period::year(year).unwrap(), today).unwrap();
            std::hint::black_box(r);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let cases = store
        .report(Period::year(year).unwrap(), today)
        .unwrap()
        .overall
        .cases;
    stats(&format!("store.report {year} ({cases} cases)"), in_process);
    let month: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let r = store.report(Period::month_of(today), today).unwrap();
            std::hint::black_box(r);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    stats("store.report this month", month);
    let view: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            let period = Period::month_of(today);
            let r = store.report(period, today).unwrap();
            let trend = store
                .repeat_trend(Period {
                    from: period.shifted(-11).from,
                    to: today,
                })
                .unwrap();
            std::hint::black_box((r, trend));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    stats("the statistics view: a month and its trend", view);
    drop(store);
    let y = year.to_string();
    for format in ["text", "json", "csv"] {
        let runs: Vec<f64> = (0..5)
            .map(|_| xfdesk(&path, &["report", "--year", &y, "--format", format]))
            .collect();
        stats(&format!("xfdesk report --year {y} --format {format}"), runs);
    }
}
