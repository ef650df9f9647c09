use super::*;
use crate::domain::roster::effective::at;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-23"; // a Monday

fn am(day: &str) -> HalfDay {
    HalfDay::new(d(day), false)
}

fn expert(id: i64, name: &str, eligible: bool) -> Expert {
    Expert {
        staff_id: id,
        login: format!("u{id}"),
        name: name.into(),
        eligible,
        rank: Rank::Cadre,
        title: String::new(),
        since: None,
        specialties: vec![],
    }
}

fn experts() -> Vec<Expert> {
    vec![
        expert(1, "王建国", true),
        expert(2, "刘秀梅", true),
        expert(3, "赵伟", true),
        expert(4, "李接待", false),
    ]
}

/// 王建国 in 接访室一 and 刘秀梅 in 接访室二 every Monday morning.
fn mondays() -> RosterState {
    let p = |id, staff, room: &str| Pattern {
        id,
        staff_id: staff,
        weekday: Weekday::Mon,
        afternoon: false,
        room: room.into(),
        from: d("2026-11-02"),
        until: None,
    };
    RosterState {
        patterns: vec![p(1, 1, "接访室一"), p(2, 2, "接访室二")],
        rows: vec![],
    }
}

fn who(state: &RosterState, when: HalfDay) -> Vec<(i64, String)> {
    at(state, when)
        .into_iter()
        .map(|a| (a.staff_id, a.room))
        .collect()
}

fn run(edit: RosterEdit, state: &RosterState) -> Result<RosterState, RosterError> {
    let changes = plan(&edit, state, &experts(), d(TODAY))?;
    Ok(apply(state, &changes))
}

#[test]
fn one_person_in_two_rooms_at_once_is_refused() {
    let e = run(
        RosterEdit::Add {
            staff_id: 1,
            when: am("2026-11-30"),
            room: "接访室三".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        RosterError::PersonTwice {
            name: "王建国".into(),
            when: am("2026-11-30"),
            rooms: ("接访室一".into(), "接访室三".into())
        }
    );
    assert!(e.to_string().contains("two rooms"), "{e}");
    // A pattern of the same person in another room on the same weekday, too.
    let e = check_pattern(
        &NewPattern {
            staff_id: 1,
            weekday: Weekday::Mon,
            afternoon: false,
            room: "接访室九".into(),
            from: d("2026-12-07"),
            until: None,
        },
        &mondays(),
        &experts(),
        d(TODAY),
    )
    .unwrap_err();
    assert!(
        matches!(&e, RosterError::PersonTwice { when, .. } if *when == am("2026-12-07")),
        "{e:?}"
    );
}

#[test]
fn two_experts_in_one_room_at_once_are_refused() {
    let e = run(
        RosterEdit::Add {
            staff_id: 3,
            when: am("2026-11-30"),
            room: "接访室一".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        RosterError::RoomTwice {
            room: "接访室一".into(),
            when: am("2026-11-30"),
            names: ("王建国".into(), "赵伟".into())
        }
    );
    // Moving someone into an occupied room is the same clash.
    let e = run(
        RosterEdit::Move {
            staff_id: 2,
            from: am("2026-11-30"),
            to: am("2026-11-30"),
            room: "接访室一".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert!(matches!(e, RosterError::RoomTwice { .. }), "{e:?}");
    // A weekly pattern into a room a dated slot already holds, on that date.
    let mut state = mondays();
    state.rows.push(DutyRow {
        when: HalfDay::new(d("2026-12-02"), true),
        staff_id: 2,
        kind: RowKind::On,
        room: "接访室五".into(),
        substitute_for: None,
        note: String::new(),
    });
    let e = check_pattern(
        &NewPattern {
            staff_id: 3,
            weekday: Weekday::Wed,
            afternoon: true,
            room: "接访室五".into(),
            from: d("2026-11-23"),
            until: None,
        },
        &state,
        &experts(),
        d(TODAY),
    )
    .unwrap_err();
    assert_eq!(
        e,
        RosterError::RoomTwice {
            room: "接访室五".into(),
            when: HalfDay::new(d("2026-12-02"), true),
            names: ("刘秀梅".into(), "赵伟".into())
        }
    );
}

#[test]
fn a_slot_without_an_expert_is_refused() {
    // Nobody named.
    let e = run(
        RosterEdit::Add {
            staff_id: 99,
            when: am("2026-11-30"),
            room: "接访室三".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert_eq!(e, RosterError::NoExpert);
    // Someone who is not an expert or leader (a receptionist).
    let e = run(
        RosterEdit::Add {
            staff_id: 4,
            when: am("2026-11-30"),
            room: "接访室三".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        RosterError::NotAnExpert {
            name: "李接待".into()
        }
    );
    // A slot with no room.
    let e = run(
        RosterEdit::Add {
            staff_id: 3,
            when: am("2026-11-30"),
            room: "  ".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert_eq!(
        e,
        RosterError::NoRoom {
            when: am("2026-11-30")
        }
    );
    // A substitute who is not an expert leaves the slot without one.
    let e = run(
        RosterEdit::Substitute {
            absent: 1,
            when: am("2026-11-30"),
            by: 4,
            reason: "病假".into(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert!(matches!(e, RosterError::NotAnExpert { .. }), "{e:?}");
}

#[test]
fn moving_a_pattern_slot_takes_it_off_that_date_only() {
    let after = run(
        RosterEdit::Move {
            staff_id: 1,
            from: am("2026-11-30"),
            to: HalfDay::new(d("2026-12-01"), true),
            room: "接访室三".into(),
        },
        &mondays(),
    )
    .unwrap();
    assert_eq!(who(&after, am("2026-11-30")), [(2, "接访室二".into())]);
    assert_eq!(
        who(&after, HalfDay::new(d("2026-12-01"), true)),
        [(1, "接访室三".into())]
    );
    // The next Monday the pattern holds again.
    assert_eq!(who(&after, am("2026-12-07")).len(), 2);
}

#[test]
fn swapping_exchanges_half_days_and_rooms() {
    let mut state = mondays();
    state.rows.push(DutyRow {
        when: HalfDay::new(d("2026-12-01"), true),
        staff_id: 3,
        kind: RowKind::On,
        room: "接访室三".into(),
        substitute_for: None,
        note: String::new(),
    });
    let after = run(
        RosterEdit::Swap {
            a: (1, am("2026-11-30")),
            b: (3, HalfDay::new(d("2026-12-01"), true)),
        },
        &state,
    )
    .unwrap();
    assert_eq!(
        who(&after, am("2026-11-30")),
        [(3, "接访室一".into()), (2, "接访室二".into())]
    );
    assert_eq!(
        who(&after, HalfDay::new(d("2026-12-01"), true)),
        [(1, "接访室三".into())]
    );
    // Two people of one half-day exchange rooms.
    let after = run(
        RosterEdit::Swap {
            a: (1, am("2026-11-30")),
            b: (2, am("2026-11-30")),
        },
        &mondays(),
    )
    .unwrap();
    assert_eq!(
        who(&after, am("2026-11-30")),
        [(2, "接访室一".into()), (1, "接访室二".into())]
    );
    assert_eq!(
        run(
            RosterEdit::Swap {
                a: (1, am("2026-11-30")),
                b: (1, am("2026-11-30")),
            },
            &mondays()
        )
        .unwrap_err(),
        RosterError::SameSlot
    );
}

#[test]
fn a_substitute_takes_the_absent_expert_s_room_and_says_for_whom() {
    let edit = RosterEdit::Substitute {
        absent: 1,
        when: am("2026-11-30"),
        by: 3,
        reason: "王建国出差".into(),
    };
    let changes = plan(&edit, &mondays(), &experts(), d(TODAY)).unwrap();
    let after = apply(&mondays(), &changes);
    let on = at(&after, am("2026-11-30"));
    let sub = on.iter().find(|a| a.staff_id == 3).unwrap();
    assert_eq!(sub.room, "接访室一");
    assert_eq!(sub.substitute_for, Some(1));
    assert!(on.iter().all(|a| a.staff_id != 1));
    // Someone already on duty then cannot stand in elsewhere at the same time.
    let e = run(
        RosterEdit::Substitute {
            absent: 1,
            when: am("2026-11-30"),
            by: 2,
            reason: String::new(),
        },
        &mondays(),
    )
    .unwrap_err();
    assert!(matches!(e, RosterError::PersonTwice { .. }), "{e:?}");
}

#[test]
fn removing_a_slot_keeps_the_pattern_for_other_weeks_and_the_past_is_not_changed() {
    let after = run(
        RosterEdit::Remove {
            staff_id: 2,
            when: am("2026-11-30"),
            reason: "会议".into(),
        },
        &mondays(),
    )
    .unwrap();
    assert_eq!(who(&after, am("2026-11-30")), [(1, "接访室一".into())]);
    assert_eq!(who(&after, am("2026-12-07")).len(), 2);
    // A removed explicit slot (no pattern under it) simply goes.
    let added = run(
        RosterEdit::Add {
            staff_id: 3,
            when: am("2026-11-24"),
            room: "接访室三".into(),
        },
        &mondays(),
    )
    .unwrap();
    let changes = plan(
        &RosterEdit::Remove {
            staff_id: 3,
            when: am("2026-11-24"),
            reason: String::new(),
        },
        &added,
        &experts(),
        d(TODAY),
    )
    .unwrap();
    assert!(matches!(changes.as_slice(), [RowChange::Delete { .. }]));
    assert_eq!(
        run(
            RosterEdit::Remove {
                staff_id: 1,
                when: am("2026-11-16"),
                reason: String::new(),
            },
            &mondays()
        )
        .unwrap_err(),
        RosterError::Past {
            day: d("2026-11-16")
        }
    );
    assert!(matches!(
        run(
            RosterEdit::Remove {
                staff_id: 3,
                when: am("2026-11-30"),
                reason: String::new(),
            },
            &mondays()
        )
        .unwrap_err(),
        RosterError::NotOnDuty { .. }
    ));
}

#[test]
fn a_clash_made_before_is_not_this_change_s_to_refuse() {
    // Two people already in one room (an old file): adding a third elsewhere still works.
    let mut state = mondays();
    state.rows.push(DutyRow {
        when: am("2026-11-30"),
        staff_id: 3,
        kind: RowKind::On,
        room: "接访室一".into(),
        substitute_for: None,
        note: String::new(),
    });
    let mut list = experts();
    list.push(expert(5, "孙强", true));
    let changes = plan(
        &RosterEdit::Add {
            staff_id: 5,
            when: am("2026-11-30"),
            room: "接访室五".into(),
        },
        &state,
        &list,
        d(TODAY),
    );
    assert!(changes.is_ok(), "{changes:?}");
}

#[test]
fn patterns_end_without_rewriting_the_past() {
    let p = &mondays().patterns[0];
    assert_eq!(
        end_pattern(p, d("2026-11-30"), d(TODAY)),
        Ok(PatternEnd::Until(d("2026-11-30")))
    );
    assert_eq!(
        end_pattern(p, d("2026-11-10"), d(TODAY)),
        Err(RosterError::Past {
            day: d("2026-11-10")
        })
    );
    let later = Pattern {
        from: d("2026-12-07"),
        ..p.clone()
    };
    assert_eq!(
        end_pattern(&later, d("2026-11-30"), d(TODAY)),
        Ok(PatternEnd::Delete)
    );
    let ended = Pattern {
        until: Some(d("2026-11-30")),
        ..p.clone()
    };
    assert!(matches!(
        end_pattern(&ended, d("2026-12-14"), d(TODAY)),
        Err(RosterError::PatternAlreadyEnds { .. })
    ));
    assert_eq!(
        first_on_or_after(d("2026-11-25"), Weekday::Mon),
        d("2026-11-30")
    );
    assert_eq!(
        first_on_or_after(d("2026-11-23"), Weekday::Mon),
        d("2026-11-23")
    );
}

#[test]
fn a_profile_is_checked_and_cleaned() {
    let edit = ProfileEdit {
        staff_id: 1,
        rank: Rank::Leader,
        title: " 副局长\u{1b}[2J ".into(),
        since: Some(d("2008-03-01")),
        specialties: vec![3, 1, 3],
    };
    let ok = check_profile(&edit, &experts(), &[1, 2, 3], d(TODAY)).unwrap();
    assert_eq!(ok.title, "副局长");
    assert_eq!(ok.specialties, [3, 1]);
    let future = ProfileEdit {
        since: Some(d("2027-01-01")),
        ..edit.clone()
    };
    assert_eq!(
        check_profile(&future, &experts(), &[1, 2, 3], d(TODAY)),
        Err(RosterError::SinceInFuture)
    );
    assert_eq!(
        check_profile(&edit, &experts(), &[1], d(TODAY)),
        Err(RosterError::NoSuchCategory)
    );
}
