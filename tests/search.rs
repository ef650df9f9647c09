//! Finding cases in the store: search by words of any length, by number and by the person;
//! every filter; keyset pages in both directions that stay put while cases are added.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

use chrono::{Duration, NaiveDate};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use std::path::PathBuf;
use xfdesk::domain::lookup::ContactKind;
use xfdesk::domain::query::{
    CaseQuery, ContactsFilter, Cursor, DueFilter, DueWindow, Filters, ListedCase, Search, Sort,
    StateFilter,
};
use xfdesk::domain::{CaseState, Channel, MatterKind, NewIntake, Role, Staff};
use xfdesk::store::{Actor, ReferenceData, Store};

struct Desk {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
    me: Staff,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut store = Store::open(&path).unwrap();
    let me = store
        .bootstrap_admin("clerk", "李接待", &[Role::Reception, Role::Manager])
        .unwrap();
    let today = store.today();
    store
        .load_reference(&Actor::from(&me), &ReferenceData::builtin(), today, 1)
        .unwrap();
    Desk {
        _dir: dir,
        path,
        store,
        me,
    }
}

fn new_case(store: &Store, name: &str, summary: &str, account: &str) -> NewIntake {
    NewIntake {
        id_number: None,
        name: name.into(),
        sex: None,
        phone: None,
        address: String::new(),
        work_unit: String::new(),
        channel: Channel::Visit,
        urgent: false,
        kind: MatterKind::Request,
        category_id: Some(store.categories().unwrap()[0].id),
        summary: summary.into(),
        account: account.into(),
        received_at: store.now(),
        collective: None,
        unit_ids: vec![],
        leapfrog: None,
        contact: ContactKind::FirstContact,
        expert_id: None,
        known_petitioner: None,
        materials: vec![],
    }
}

impl Desk {
    fn save(&mut self, name: &str, summary: &str, account: &str) -> i64 {
        let intake = new_case(&self.store, name, summary, account);
        self.store.save_intake(&self.me, &intake).unwrap().case_id
    }

    fn window(&self) -> DueWindow {
        let today = self.store.today();
        DueWindow {
            today,
            soon_until: today + Duration::days(3),
        }
    }

    fn query(&self, search: &str, filters: Filters, sort: Sort) -> CaseQuery {
        CaseQuery {
            search: Search::parse(search, self.store.today()),
            filters,
            sort,
            me: self.me.id,
            window: self.window(),
        }
    }

    /// Every case the query lists, page by page forward, and its count.
    fn all(&self, q: &CaseQuery) -> (Vec<i64>, u64) {
        let mut ids = vec![];
        let mut after = None;
        loop {
            let page = self.store.cases_after(q, after, 3).unwrap();
            let Some(last) = page.last() else { break };
            after = Some(last.cursor);
            ids.extend(page.iter().map(|l| l.row.id));
        }
        (ids, self.store.count_cases(q).unwrap())
    }

    fn found(&self, search: &str) -> Vec<i64> {
        let q = self.query(search, Filters::default(), Sort::Received);
        let (ids, count) = self.all(&q);
        assert_eq!(ids.len() as u64, count, "count of {search}");
        ids
    }

    /// Change a case behind the store's back, as the workflow steps will.
    fn sql(&self, sql: &str) {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.execute_batch(sql).unwrap();
    }
}

#[test]
fn words_of_two_four_and_one_character_are_found() {
    let mut d = desk();
    let land = d.save("张三", "反映征地补偿款未到位", "村里的承包地被征收。");
    let wages = d.save("李四", "反映拖欠农民工工资", "工程完工，工资至今未付。");
    let other = d.save("王五", "子女入学问题", "学校以学位已满为由拒收");
    assert_eq!(d.found("征地"), [land]);
    assert_eq!(d.found("工资"), [wages]);
    assert_eq!(
        d.found("拖欠工资"),
        vec![] as Vec<i64>,
        "not written together"
    );
    assert_eq!(d.found("拖欠农民工"), [wages]);
    assert_eq!(d.found("补偿款"), [land]);
    // One character: looked for in the text itself.
    assert_eq!(d.found("校"), [other]);
    assert_eq!(d.found("未"), [wages, land]);
    // Several words: each must be found.
    assert_eq!(d.found("工资 完工"), [wages]);
    assert_eq!(d.found("工资 征地"), vec![] as Vec<i64>);
    // In the account as well as the summary.
    assert_eq!(d.found("承包地"), [land]);
}

#[test]
fn a_match_never_runs_across_punctuation_or_from_summary_into_account() {
    let mut d = desk();
    let id = d.save("张三", "征地，补偿", "款项未到位");
    assert_eq!(d.found("征地"), [id]);
    assert_eq!(d.found("补偿"), [id]);
    assert!(d.found("地补").is_empty(), "the comma stands between");
    assert!(d.found("征地补偿").is_empty());
    assert!(d.found("偿款").is_empty(), "summary and account are apart");
    // Punctuation typed into the search separates words the same way.
    assert_eq!(d.found("征地，补偿"), [id]);
}

#[test]
fn cases_are_found_by_number_person_and_initials() {
    let mut d = desk();
    let a = d.save("张三", "征地补偿", "");
    let b = d.save("欧阳娜娜", "工资拖欠", "");
    let number = |id: i64| {
        d.store
            .cases_after(&CaseQuery::all(d.me.id, d.window()), None, 10)
            .unwrap()
            .into_iter()
            .find(|l| l.row.id == id)
            .unwrap()
            .row
            .number
    };
    let nb = number(b);
    assert_eq!(d.found(&nb), [b]);
    assert_eq!(d.found(&nb.to_lowercase()), [b]);
    let seq = nb
        .rsplit('-')
        .next()
        .unwrap()
        .trim_start_matches('0')
        .to_string();
    assert!(d.found(&seq).contains(&b), "a sequence number alone");
    let year = &nb[3..7];
    assert_eq!(d.found(&format!("{year}-{seq}")), [b]);
    assert_eq!(d.found(&format!("XF-{year}")), [b, a], "a prefix");
    assert_eq!(d.found("欧阳娜娜"), [b]);
    assert_eq!(d.found("oynn"), [b]);
    assert_eq!(d.found("ZS"), [a]);
    // An ID number and a phone on record.
    let mut with_id = new_case(&d.store, "赵六", "医疗纠纷", "");
    with_id.id_number = Some("11010519491231002X".into());
    with_id.phone = Some("13800138000".into());
    let c = d.store.save_intake(&d.me, &with_id).unwrap().case_id;
    assert_eq!(d.found("11010519491231002x"), [c]);
    assert_eq!(d.found("138 0013 8000"), [c]);
}

/// Texts from a small vocabulary with punctuation between phrases; every two-, three- and
/// four-character stretch of them, and some one-character ones, counted by the index and by
/// reading the text.
#[test]
fn counts_agree_with_a_plain_scan_of_the_text() {
    let mut d = desk();
    let words = [
        "征地",
        "补偿",
        "拖欠",
        "工资",
        "农民工",
        "房屋",
        "质量",
        "漏水",
        "学校",
        "入学",
        "低保",
        "医院",
        "噪音",
        "执法",
        "宅基地",
        "承包地",
        "款",
        "未",
        "付",
        "已",
    ];
    let marks = ["，", "。", "；", "", "", ""];
    let mut rng = SmallRng::seed_from_u64(7);
    let text = |rng: &mut SmallRng| {
        let n = rng.random_range(2..9);
        (0..n)
            .map(|_| {
                format!(
                    "{}{}",
                    words[rng.random_range(0..words.len())],
                    marks[rng.random_range(0..marks.len())]
                )
            })
            .collect::<String>()
    };
    let mut cases = vec![];
    for i in 0..120 {
        let summary = text(&mut rng);
        let account = text(&mut rng);
        let id = d.save(&format!("人{i}"), &summary, &account);
        cases.push((id, summary, account));
    }
    let mut probes: std::collections::BTreeSet<String> = Default::default();
    for (_, s, a) in &cases {
        for t in [s, a] {
            let chars: Vec<char> = t.chars().collect();
            for len in 1..=4 {
                for w in chars.windows(len) {
                    if w.iter().all(|c| !"，。；".contains(*c)) {
                        probes.insert(w.iter().collect());
                    }
                }
            }
        }
    }
    assert!(probes.len() > 200, "{}", probes.len());
    for probe in &probes {
        let mut expected: Vec<i64> = cases
            .iter()
            .filter(|(_, s, a)| s.contains(probe.as_str()) || a.contains(probe.as_str()))
            .map(|(id, _, _)| *id)
            .collect();
        expected.reverse();
        assert_eq!(d.found(probe), expected, "{probe}");
    }
    // Across punctuation nothing is found that the text does not hold unbroken.
    for (_, s, _) in cases.iter().take(20) {
        for pair in s.chars().collect::<Vec<_>>().windows(3) {
            if "，。；".contains(pair[1]) {
                let across: String = [pair[0], pair[2]].iter().collect();
                let expected = cases
                    .iter()
                    .filter(|(_, s, a)| s.contains(&across) || a.contains(&across))
                    .count();
                assert_eq!(d.found(&across).len(), expected, "{across}");
            }
        }
    }
}

#[test]
fn keyset_pages_stay_put_while_cases_are_added_and_walk_back() {
    let mut d = desk();
    let mut first = vec![];
    for i in 0..10 {
        first.push(d.save(&format!("人{i}"), &format!("征地事项{i}"), ""));
    }
    first.reverse();
    for sort in Sort::ALL {
        for search in ["", "征地"] {
            let q = d.query(search, Filters::default(), sort);
            let mut seen: Vec<i64> = vec![];
            let mut pages: Vec<Vec<ListedCase>> = vec![];
            let mut after: Option<Cursor> = None;
            loop {
                let page = d.store.cases_after(&q, after, 3).unwrap();
                let Some(last) = page.last() else { break };
                after = Some(last.cursor);
                seen.extend(page.iter().map(|l| l.row.id));
                pages.push(page);
                // Someone registers a case between two pages (in the deadline order it
                // comes after the others, due the same day: stop adding to reach the end).
                if pages.len() < 3 {
                    d.save("新人", "征地新事项", "");
                }
            }
            let mut expected: Vec<i64> = seen.clone();
            expected.retain(|id| first.contains(id));
            assert_eq!(expected.len(), 10, "{sort:?} {search}: {seen:?}");
            let mut unique = seen.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), seen.len(), "{sort:?}: no case twice");
            // Back from the last page, page by page, to the first.
            let mut back = pages.pop().unwrap();
            while let Some(expected) = pages.pop() {
                let before = d.store.cases_before(&q, back[0].cursor, 3).unwrap();
                let ids = |p: &[ListedCase]| p.iter().map(|l| l.row.id).collect::<Vec<_>>();
                assert_eq!(ids(&before), ids(&expected), "{sort:?} {search}");
                back = before;
            }
            // Before the first page there is nothing but what was added since.
            let newer = d.store.cases_before(&q, back[0].cursor, 3).unwrap();
            assert!(
                newer.iter().all(|l| !first.contains(&l.row.id)),
                "{sort:?} {search}"
            );
        }
    }
}

#[test]
fn each_filter_narrows_the_list_and_its_count() {
    let mut d = desk();
    let cats = d.store.categories().unwrap();
    let units = d.store.units().unwrap();
    let other = d
        .store
        .add_staff(&d.me, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    let mut ids = vec![];
    for i in 0..12 {
        let mut intake = new_case(&d.store, &format!("人{i}"), &format!("事项{i}"), "");
        intake.channel = if i % 3 == 0 {
            Channel::Letter
        } else {
            Channel::Visit
        };
        intake.category_id = Some(cats[i % 2].id);
        let by = if i % 4 == 0 { &other } else { &d.me };
        ids.push(d.store.save_intake(by, &intake).unwrap().case_id);
    }
    // A repeat visit on the first case.
    let mut repeat = new_case(&d.store, "人0", "又来了", "");
    repeat.contact = ContactKind::RepeatOf(ids[0]);
    d.store.save_intake(&d.me, &repeat).unwrap();
    let today = d.store.today();
    let day = |n: i64| (today + Duration::days(n)).format("%Y-%m-%d").to_string();
    d.sql(&format!(
        "UPDATE cases SET state = 'closed', due = NULL WHERE id IN ({}, {});
         UPDATE cases SET state = 'transferred', unit_id = {} WHERE id IN ({}, {}, {});
         UPDATE cases SET due = '{}' WHERE id = {};
         UPDATE cases SET due = '{}' WHERE id = {};
         UPDATE cases SET due = '{}' WHERE id = {};
         UPDATE cases SET supervisor_id = {} WHERE id = {};
         UPDATE cases SET expert_id = {}, state = 'with_expert' WHERE id = {};",
        ids[10],
        ids[11],
        units[0].id,
        ids[1],
        ids[2],
        ids[3],
        day(-2),
        ids[4],
        day(1),
        ids[5],
        day(30),
        ids[6],
        d.me.id,
        ids[7],
        other.id,
        ids[9],
    ));
    let check = |filters: Filters, expect: Vec<i64>| {
        for sort in Sort::ALL {
            let q = d.query("", filters, sort);
            let (mut got, count) = d.all(&q);
            got.sort_unstable();
            let mut want = expect.clone();
            want.sort_unstable();
            assert_eq!(got, want, "{filters:?} {sort:?}");
            assert_eq!(count, want.len() as u64, "{filters:?}");
        }
    };
    let f = Filters::default;
    check(f(), ids.clone());
    let open: Vec<i64> = ids[..10].to_vec();
    check(
        Filters {
            state: StateFilter::Open,
            ..f()
        },
        open.clone(),
    );
    check(
        Filters {
            state: StateFilter::Only(CaseState::Transferred),
            ..f()
        },
        vec![ids[1], ids[2], ids[3]],
    );
    check(
        Filters {
            unit_id: Some(units[0].id),
            ..f()
        },
        vec![ids[1], ids[2], ids[3]],
    );
    check(
        Filters {
            category_id: Some(cats[1].id),
            ..f()
        },
        ids.iter().skip(1).step_by(2).copied().collect(),
    );
    check(
        Filters {
            channel: Some(Channel::Letter),
            ..f()
        },
        ids.iter().step_by(3).copied().collect(),
    );
    check(
        Filters {
            due: Some(DueFilter::Overdue),
            ..f()
        },
        vec![ids[4]],
    );
    check(
        Filters {
            due: Some(DueFilter::DueSoon),
            ..f()
        },
        // The other open cases are due in 15 days, at acceptance.
        vec![ids[5]],
    );
    check(
        Filters {
            contacts: ContactsFilter::Repeated,
            ..f()
        },
        vec![ids[0]],
    );
    check(
        Filters {
            contacts: ContactsFilter::FirstOnly,
            ..f()
        },
        ids[1..].to_vec(),
    );
    // Mine: the cases I registered first (I am their first handler) …
    check(
        Filters { mine: true, ..f() },
        ids.iter()
            .enumerate()
            .filter(|(i, _)| i % 4 != 0)
            .map(|(_, id)| *id)
            .collect(),
    );
    // … and, for the other member, theirs and the one routed to them.
    let q = CaseQuery {
        me: other.id,
        ..d.query("", Filters { mine: true, ..f() }, Sort::Received)
    };
    let (mut theirs, count) = d.all(&q);
    theirs.sort_unstable();
    assert_eq!(theirs, [ids[0], ids[4], ids[8], ids[9]]);
    assert_eq!(count, 4);
    check(
        Filters {
            supervised: true,
            ..f()
        },
        vec![ids[7]],
    );
    // Filters together, and with a search.
    check(
        Filters {
            state: StateFilter::Open,
            channel: Some(Channel::Visit),
            category_id: Some(cats[0].id),
            ..f()
        },
        vec![ids[2], ids[4], ids[8]],
    );
    let q = d.query(
        "事项",
        Filters {
            state: StateFilter::Open,
            ..f()
        },
        Sort::Deadline,
    );
    let (got, count) = d.all(&q);
    assert_eq!(count, 10);
    assert_eq!(got[0], ids[4], "the overdue case first");
    assert_eq!(got[1], ids[5]);
}

#[test]
fn the_deadline_order_lists_open_cases_by_due_then_the_rest_newest_first() {
    let mut d = desk();
    let a = d.save("甲", "一", "");
    let b = d.save("乙", "二", "");
    let c = d.save("丙", "三", "");
    let e = d.save("丁", "四", "");
    d.sql(&format!(
        "UPDATE cases SET due = '2030-01-05' WHERE id = {a};
         UPDATE cases SET due = '2030-01-01' WHERE id = {b};
         UPDATE cases SET state = 'closed', due = NULL WHERE id IN ({c}, {e});"
    ));
    let q = d.query("", Filters::default(), Sort::Deadline);
    assert_eq!(d.all(&q).0, [b, a, e, c]);
    let fresh = d.query("", Filters::default(), Sort::Updated);
    assert_eq!(d.all(&fresh).0.len(), 4);
}

#[test]
fn new_columns_follow_the_contacts() {
    let mut d = desk();
    let mut intake = new_case(&d.store, "张三", "征地", "");
    intake.channel = Channel::Letter;
    let id = d.store.save_intake(&d.me, &intake).unwrap().case_id;
    let mut again = new_case(&d.store, "张三", "又来", "");
    again.contact = ContactKind::RepeatOf(id);
    again.channel = Channel::Visit;
    d.store.save_intake(&d.me, &again).unwrap();
    let conn = rusqlite::Connection::open(&d.path).unwrap();
    let (channel, count, handler): (String, i64, i64) = conn
        .query_row(
            "SELECT channel, contact_count, first_handler_id FROM cases WHERE id = ?1",
            [id],
            |r| r.try_into(),
        )
        .unwrap();
    assert_eq!(channel, "letter", "the first contact's channel");
    assert_eq!(count, 2);
    assert_eq!(handler, d.me.id);
    let listed = d
        .store
        .cases_after(&CaseQuery::all(d.me.id, d.window()), None, 5)
        .unwrap();
    assert_eq!(listed[0].contacts, 2);
    let _ = NaiveDate::MIN;
}

/// Every mix of filters, searches and orders against a plain reading of the same cases: the
/// pages walked forward hold exactly the cases that match, in order, and the count agrees.
#[test]
fn every_mix_of_filters_search_and_order_agrees_with_a_plain_reading() {
    let mut d = desk();
    let units = d.store.units().unwrap();
    let other = d
        .store
        .add_staff(&d.me, "xiaoli", "小李", &[Role::Reception])
        .unwrap();
    let texts = [
        ("张三", "反映征地补偿款未到位"),
        ("李四", "拖欠工资，款项未付"),
        ("王五", "子女入学"),
        ("张三", "征地，补偿"),
    ];
    let mut ids = vec![];
    for i in 0..24 {
        let (name, summary) = texts[i % texts.len()];
        let mut intake = new_case(&d.store, name, summary, "");
        intake.channel = if i % 3 == 0 {
            Channel::Letter
        } else {
            Channel::Visit
        };
        let by = if i % 5 == 0 { &other } else { &d.me };
        ids.push(d.store.save_intake(by, &intake).unwrap().case_id);
    }
    for i in [1usize, 6, 7, 13] {
        let mut repeat = new_case(&d.store, "张三", "又来", "");
        repeat.contact = ContactKind::RepeatOf(ids[i]);
        d.store.save_intake(&d.me, &repeat).unwrap();
    }
    let today = d.store.today();
    let day = |n: i64| (today + Duration::days(n)).format("%Y-%m-%d").to_string();
    let mut sql = String::new();
    for (i, id) in ids.iter().enumerate() {
        let state = ["registered", "transferred", "closed", "replied"][i % 4];
        let due = match i % 4 {
            2 => "NULL".to_string(),
            _ => format!("'{}'", day([-3, 1, 0, 9, 30][i % 5])),
        };
        let unit = if i % 2 == 0 {
            units[0].id.to_string()
        } else {
            "NULL".into()
        };
        let supervisor = if i % 7 == 0 {
            d.me.id.to_string()
        } else {
            "NULL".into()
        };
        let expert = if i % 6 == 1 {
            other.id.to_string()
        } else {
            "NULL".into()
        };
        sql.push_str(&format!(
            "UPDATE cases SET state = '{state}', due = {due}, unit_id = {unit},
                supervisor_id = {supervisor}, expert_id = {expert},
                updated_at = '2026-01-{:02} 10:00:00' WHERE id = {id};",
            1 + (i * 7) % 28
        ));
    }
    d.sql(&sql);
    // The cases as they are, read plainly.
    let conn = rusqlite::Connection::open(&d.path).unwrap();
    type Plain = (
        i64,
        String,
        Option<String>,
        Option<i64>,
        String,
        i64,
        i64,
        Option<i64>,
        Option<i64>,
        String,
        String,
        String,
        String,
    );
    let plain: Vec<Plain> = conn
        .prepare(
            "SELECT c.id, c.state, c.due, c.unit_id, c.channel, c.contact_count, c.first_handler_id,
                c.expert_id, c.supervisor_id, c.summary, p.name, c.number, c.updated_at
             FROM cases c JOIN petitioners p ON p.id = c.petitioner_id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?,
                r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?, r.get(11)?, r.get(12)?,
            ))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let window = d.window();
    let (t, soon) = (window.today.to_string(), window.soon_until.to_string());
    let states = [
        StateFilter::All,
        StateFilter::Open,
        StateFilter::Only(CaseState::Transferred),
        StateFilter::Only(CaseState::Closed),
    ];
    let (mut checked, mut found_some) = (0, 0);
    for state in states {
        for unit_id in [None, Some(units[0].id)] {
            for channel in [None, Some(Channel::Letter)] {
                for due in [None, Some(DueFilter::Overdue), Some(DueFilter::DueSoon)] {
                    for contacts in [
                        ContactsFilter::Any,
                        ContactsFilter::FirstOnly,
                        ContactsFilter::Repeated,
                    ] {
                        for (mine, supervised) in [(false, false), (true, false), (false, true)] {
                            let filters = Filters {
                                state,
                                unit_id,
                                category_id: None,
                                channel,
                                due,
                                contacts,
                                mine,
                                supervised,
                            };
                            for search in ["", "征地", "张三", "款", "zs", "1"] {
                                let matches = |p: &Plain| {
                                    let (
                                        _,
                                        st,
                                        du,
                                        un,
                                        ch,
                                        cc,
                                        fh,
                                        ex,
                                        su,
                                        summary,
                                        name,
                                        number,
                                        _,
                                    ) = p;
                                    let open = st != "closed";
                                    let ok = match state {
                                        StateFilter::All => true,
                                        StateFilter::Open => open,
                                        StateFilter::Only(s) => st == s.code(),
                                    } && unit_id.is_none_or(|u| *un == Some(u))
                                        && channel.is_none_or(|c| ch == c.code())
                                        && match due {
                                            None => true,
                                            Some(DueFilter::Overdue) => {
                                                open && du.as_ref().is_some_and(|x| *x < t)
                                            }
                                            Some(DueFilter::DueSoon) => {
                                                open && du
                                                    .as_ref()
                                                    .is_some_and(|x| *x >= t && *x <= soon)
                                            }
                                        }
                                        && match contacts {
                                            ContactsFilter::Any => true,
                                            ContactsFilter::FirstOnly => *cc <= 1,
                                            ContactsFilter::Repeated => *cc > 1,
                                        }
                                        && (!mine || *fh == d.me.id || *ex == Some(d.me.id))
                                        && (!supervised || su.is_some());
                                    let found = match search {
                                        "" => true,
                                        "zs" => name == "张三",
                                        "1" => number.ends_with("-000001") || summary.contains('1'),
                                        "张三" => name == "张三" || summary.contains("张三"),
                                        w => summary.contains(w),
                                    };
                                    ok && found
                                };
                                let mut expected: Vec<i64> =
                                    plain.iter().filter(|p| matches(p)).map(|p| p.0).collect();
                                expected.sort_unstable();
                                found_some += usize::from(!expected.is_empty());
                                for sort in Sort::ALL {
                                    let q = d.query(search, filters, sort);
                                    let (got, count) = d.all(&q);
                                    let mut sorted = got.clone();
                                    sorted.sort_unstable();
                                    assert_eq!(sorted, expected, "{filters:?} {search} {sort:?}");
                                    assert_eq!(
                                        count,
                                        expected.len() as u64,
                                        "{filters:?} {search} {sort:?}"
                                    );
                                    // In the order asked for.
                                    let key = |id: &i64| plain.iter().find(|p| p.0 == *id).unwrap();
                                    for pair in got.windows(2) {
                                        let (a, b) = (key(&pair[0]), key(&pair[1]));
                                        let in_order = match sort {
                                            Sort::Received => a.0 > b.0,
                                            Sort::Updated => (&a.12, a.0) > (&b.12, b.0),
                                            Sort::Deadline => {
                                                let rank = |p: &Plain| match (&p.2, p.1 != "closed")
                                                {
                                                    (Some(due), true) => (0, due.clone(), p.0),
                                                    _ => (1, String::new(), -p.0),
                                                };
                                                rank(a) < rank(b)
                                            }
                                        };
                                        assert!(in_order, "{filters:?} {search} {sort:?}: {got:?}");
                                    }
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 4 * 2 * 2 * 3 * 3 * 3 * 6 * 3);
    assert!(found_some > 500, "many mixes find something: {found_some}");
}
