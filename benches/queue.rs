//! The queue and its search on a large database: pages by keyset, a filtered page, searches
//! for two- and four-character words (and one character), each page and each count.
//!
//!     cargo bench --bench queue                        # builds target/bench-1m.db first
//!     XFDESK_BENCH_DB=/path/to.db cargo bench --bench queue
//!
//! Prints the median, p90, p99 and maximum of each, warm cache. Figures go in the README
//! next to the floors in NOTES.md (a search page ≤ 1 ms, its count ≤ 20 ms).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use std::time::{Duration, Instant};
use xfdesk::domain::Role;
use xfdesk::domain::query::{CaseQuery, DueWindow, Filters, Search, Sort, StateFilter};
use xfdesk::store::{Actor, ReferenceData, Store};

const CASES: u64 = 1_000_000;
const PAGE: u32 = 22;

fn stats(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<44} median {:>8.3} ms   p90 {:>8.3} ms   p99 {:>8.3} ms   max {:>8.3} ms   ({} runs)",
        ms(at(0.5)),
        ms(at(0.9)),
        ms(at(0.99)),
        ms(*times.last().unwrap()),
        times.len()
    );
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    // One run first, not counted: the pages it reads are then in the cache, as for a user
    // who has the list open.
    std::hint::black_box(f());
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect()
}

fn open_or_build() -> Store {
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
    Store::open(&path).expect("open")
}

fn main() {
    let store = open_or_build();
    println!("database with {} cases", store.case_count().unwrap());
    let today = store.today();
    let window = DueWindow {
        today,
        soon_until: today + chrono::Duration::days(5),
    };
    let query = |search: &str, filters: Filters, sort: Sort| CaseQuery {
        search: Search::parse(search, today),
        filters,
        sort,
        me: 1,
        window,
    };
    // The unit with the most open cases.
    let busiest = store
        .units()
        .unwrap()
        .into_iter()
        .map(|u| {
            let q = query(
                "",
                Filters {
                    state: StateFilter::Open,
                    unit_id: Some(u.id),
                    ..Filters::default()
                },
                Sort::Deadline,
            );
            (store.count_cases(&q).unwrap(), u)
        })
        .max_by_key(|(n, _)| *n)
        .unwrap();
    println!("busiest unit: {} open cases", busiest.0);

    let all = query("", Filters::default(), Sort::Received);
    stats(
        "queue: first page of 22, newest",
        time(200, || store.cases_after(&all, None, PAGE).unwrap()),
    );
    let first = store.cases_after(&all, None, PAGE).unwrap();
    let after = first.last().map(|l| l.cursor);
    stats(
        "queue: next page by keyset",
        time(200, || store.cases_after(&all, after, PAGE).unwrap()),
    );
    let open = query(
        "",
        Filters {
            state: StateFilter::Open,
            ..Filters::default()
        },
        Sort::Deadline,
    );
    stats(
        "open cases by deadline: first page",
        time(200, || store.cases_after(&open, None, PAGE).unwrap()),
    );
    stats(
        "open cases: count",
        time(30, || store.count_cases(&open).unwrap()),
    );
    // A manager paging through every open case, a page at a time.
    let mut pages = vec![];
    let mut at = None;
    for _ in 0..500 {
        let t = Instant::now();
        let page = store.cases_after(&open, at, PAGE).unwrap();
        pages.push(t.elapsed());
        match page.last() {
            Some(last) => at = Some(last.cursor),
            None => break,
        }
    }
    stats("open cases by deadline: each of 500 pages", pages);
    let unit = query(
        "",
        Filters {
            state: StateFilter::Open,
            unit_id: Some(busiest.1.id),
            ..Filters::default()
        },
        Sort::Deadline,
    );
    stats(
        "one unit's open cases by deadline: page",
        time(200, || store.cases_after(&unit, None, PAGE).unwrap()),
    );
    stats(
        "one unit's open cases: count",
        time(30, || store.count_cases(&unit).unwrap()),
    );
    for word in ["征地", "工资", "拖欠工资", "医疗事故", "款"] {
        let q = query(word, Filters::default(), Sort::Received);
        let n = store.count_cases(&q).unwrap();
        let chars = word.chars().count();
        stats(
            &format!("search {word} ({chars} char, {n} found): newest {PAGE}"),
            time(200, || store.cases_after(&q, None, PAGE).unwrap()),
        );
        stats(
            &format!("search {word}: count"),
            time(30, || store.count_cases(&q).unwrap()),
        );
    }
    let q = query(
        "工资",
        Filters {
            state: StateFilter::Open,
            ..Filters::default()
        },
        Sort::Deadline,
    );
    stats(
        "search 工资 among open cases by deadline: page",
        time(100, || store.cases_after(&q, None, PAGE).unwrap()),
    );
    stats(
        "search 工资 among open cases: count",
        time(30, || store.count_cases(&q).unwrap()),
    );
}
