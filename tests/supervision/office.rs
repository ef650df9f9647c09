//! A hand-made office: the database made by the real `init`, the calling account with every
//! role, and cases received and moved at chosen moments.

use super::common::initialised_db;
use chrono::NaiveDateTime;
use std::path::PathBuf;
use xfdesk::domain::Channel;
use xfdesk::domain::contact::Leapfrog;
use xfdesk::domain::intake::{IntakeInput, validate_intake};
use xfdesk::domain::lookup::ContactKind;
use xfdesk::domain::workflow::Step;
use xfdesk::domain::{CaseDetail, Staff};
use xfdesk::store::{StepDone, Store};

pub struct Office {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub store: Store,
    pub me: Staff,
}

pub fn ts(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

pub fn office() -> Office {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let store = Store::open(&db).unwrap();
    let me = store
        .staff_by_login(&xfdesk::os::current_login().unwrap())
        .unwrap()
        .unwrap();
    Office { dir, db, store, me }
}

impl Office {
    /// From now on, it is `at` (office time).
    pub fn at(&mut self, at: &str) -> &mut Self {
        self.store.pin_now(ts(at));
        self
    }

    fn input(&self, name: &str, summary: &str) -> IntakeInput {
        let now = self.store.now();
        let cat = self.store.categories().unwrap()[0].id;
        IntakeInput {
            name: name.into(),
            category_id: Some(cat),
            summary: summary.into(),
            ..IntakeInput::blank(now)
        }
    }

    /// A new case received now; its id and number.
    pub fn intake(&mut self, name: &str, summary: &str) -> (i64, String) {
        let input = self.input(name, summary);
        self.save(input)
    }

    /// A new case received now from someone who skipped a level (越级).
    pub fn leapfrog_intake(&mut self, name: &str, summary: &str) -> (i64, String) {
        let input = IntakeInput {
            leapfrog: Some(Leapfrog::County),
            ..self.input(name, summary)
        };
        self.save(input)
    }

    /// A repeat contact on an open case, by phone.
    pub fn repeat(&mut self, case_id: i64, name: &str) {
        let input = IntakeInput {
            channel: Channel::Phone,
            contact: ContactKind::RepeatOf(case_id),
            ..self.input(name, "再次来电询问进展")
        };
        self.save(input);
    }

    fn save(&mut self, input: IntakeInput) -> (i64, String) {
        let now = self.store.now();
        let saved = self
            .store
            .save_intake(&self.me, &validate_intake(&input, now).unwrap())
            .unwrap();
        (saved.case_id, saved.number)
    }

    pub fn case(&self, case_id: i64) -> CaseDetail {
        self.store.case_detail(case_id).unwrap().unwrap()
    }

    /// Take a step as the office's account, as the case is now.
    pub fn step(&mut self, case_id: i64, step: Step) -> StepDone {
        let version = self.case(case_id).version;
        let me = self.me.clone();
        self.store
            .take_step(&me, case_id, version, step)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn unit(&self, code: &str) -> i64 {
        self.store
            .units()
            .unwrap()
            .into_iter()
            .find(|u| u.code == code)
            .unwrap()
            .id
    }
}
