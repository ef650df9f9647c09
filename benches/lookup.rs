//! The lookup of a returning petitioner as the receptionist types, on a large database.
//!
//!     cargo bench --bench lookup                       # builds target/bench-1m.db first (≈25 s)
//!     XFDESK_BENCH_DB=/path/to.db cargo bench --bench lookup
//!
//! For each kind of key (exact ID number, exact phone, same name, pinyin initials) it times
//! `Store::find_history` for 2,000 people drawn from the database and prints the median, p90,
//! p99 and maximum. Also the first queue page. Figures go in the README.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use std::time::{Duration, Instant};
use xfdesk::domain::Role;
use xfdesk::domain::lookup::LookupKey;
use xfdesk::store::{Actor, ReferenceData, Store};

const CASES: u64 = 1_000_000;
const SAMPLES: usize = 2_000;

fn stats(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{name:<28} median {:>8.1} µs   p90 {:>8.1} µs   p99 {:>8.1} µs   max {:>8.1} µs   ({} runs)",
        at(0.5).as_secs_f64() * 1e6,
        at(0.9).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        times.last().unwrap().as_secs_f64() * 1e6,
        times.len()
    );
}

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
    let store = Store::open(&path).expect("open");
    println!(
        "database {} with {} cases",
        path.display(),
        store.case_count().unwrap()
    );
    let people = store.sample_petitioners(SAMPLES).expect("sample");
    let mut by_kind: [(&str, Vec<Duration>); 4] = [
        ("exact ID number", vec![]),
        ("exact phone", vec![]),
        ("same name", vec![]),
        ("pinyin initials", vec![]),
    ];
    for person in &people {
        let keys = [
            person.id_number.clone().map(LookupKey::IdNumber),
            person.phone.clone().map(LookupKey::Phone),
            Some(LookupKey::Name(person.name.clone())),
            Some(LookupKey::Initials(person.initials.clone())),
        ];
        for (i, key) in keys.into_iter().enumerate() {
            let Some(key) = key else { continue };
            let t = Instant::now();
            let found = store
                .find_history(std::slice::from_ref(&key))
                .expect("lookup");
            by_kind[i].1.push(t.elapsed());
            std::hint::black_box(found);
        }
    }
    for (name, times) in by_kind {
        stats(&format!("find_history: {name}"), times);
    }
    let mut pages = vec![];
    for _ in 0..200 {
        let t = Instant::now();
        std::hint::black_box(store.queue_page(None, 22).expect("page"));
        pages.push(t.elapsed());
    }
    stats("queue: first page of 22", pages);
}
