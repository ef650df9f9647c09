//! A roster file an office imports (`xfdesk roster import FILE.csv`): read, checked line by
//! line with the same checks as the pane, and turned into changes. A bad file is refused as a
//! whole, in words naming the line; nothing of it is kept.
//!
//! Columns (a header line first, in any order; English or Chinese names):
//! `date` (日期, YYYY-MM-DD), `half` (时段: am/pm, 上午/下午), `login` (账号: the expert's
//! account), `room` (接访室); optional `name` (姓名: checked against the account's name) and
//! `note` (备注). For every half-day the file lists, its rows become that half-day's roster.

use super::edit::{RowChange, check_eligible, check_room};
use super::effective::at;
use super::{DutyRow, Expert, HalfDay, MAX_NOTE_CHARS, RosterError, RosterState, RowKind};
use crate::domain::csv::{self, CsvProblem};
use crate::domain::text::clean_line;
use chrono::NaiveDate;

/// The largest file read.
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// The most rows one file may hold.
pub const MAX_ROWS: usize = 5_000;

/// One row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub when: HalfDay,
    pub login: String,
    pub room: String,
    pub name: Option<String>,
    pub note: String,
}

/// What is wrong with a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    NotUtf8,
    TooBig {
        max_bytes: usize,
    },
    TooManyRows {
        max: usize,
    },
    /// No header, or a header and nothing under it.
    Empty,
    Csv(CsvProblem),
    MissingColumn(&'static str),
    UnknownColumn(String),
    MissingValue(&'static str),
    BadDate(String),
    BadHalf(String),
    UnknownLogin(String),
    NameMismatch {
        login: String,
        given: String,
        actual: String,
    },
    NoteTooLong {
        max: usize,
        has: usize,
    },
    Past(NaiveDate),
    /// The same person twice at one half-day (the other line named).
    PersonTwice {
        name: String,
        other_line: usize,
    },
    /// One room twice at one half-day.
    RoomTwice {
        room: String,
        other_line: usize,
        other_name: String,
    },
    Roster(RosterError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The line of the file (1 is the header); 0 for the file as a whole.
    pub line: usize,
    pub problem: ImportProblem,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::roster::import_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for ImportError {}

fn at_line(line: usize, problem: ImportProblem) -> ImportError {
    ImportError { line, problem }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Half,
    Login,
    Room,
    Name,
    Note,
}

fn column(name: &str) -> Option<Column> {
    match name.trim().to_ascii_lowercase().as_str() {
        "date" | "日期" => Some(Column::Date),
        "half" | "时段" => Some(Column::Half),
        "login" | "账号" => Some(Column::Login),
        "room" | "接访室" | "房间" => Some(Column::Room),
        "name" | "姓名" | "专家" => Some(Column::Name),
        "note" | "备注" => Some(Column::Note),
        _ => None,
    }
}

/// Read a roster file: UTF-8 (a byte-order mark is allowed), a header naming the columns,
/// then one slot per line. Values are cleaned of control and escape characters.
pub fn read(bytes: &[u8]) -> Result<Vec<ImportRow>, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(at_line(
            0,
            ImportProblem::TooBig {
                max_bytes: MAX_FILE_BYTES,
            },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes
            .iter()
            .take(e.valid_up_to())
            .filter(|b| **b == b'\n')
            .count();
        at_line(line, ImportProblem::NotUtf8)
    })?;
    let records = csv::parse(text).map_err(|e| at_line(e.line, ImportProblem::Csv(e.problem)))?;
    let mut records = records.into_iter();
    let header = records.next().ok_or(at_line(0, ImportProblem::Empty))?;
    let mut columns = vec![];
    for name in &header.fields {
        let c = column(name).ok_or_else(|| {
            at_line(
                header.line,
                ImportProblem::UnknownColumn(clean_line(name).trim().to_string()),
            )
        })?;
        columns.push(c);
    }
    for (needed, name) in [
        (Column::Date, "date"),
        (Column::Half, "half"),
        (Column::Login, "login"),
        (Column::Room, "room"),
    ] {
        if !columns.contains(&needed) {
            return Err(at_line(header.line, ImportProblem::MissingColumn(name)));
        }
    }
    let mut rows = vec![];
    for record in records {
        if rows.len() >= MAX_ROWS {
            return Err(at_line(
                record.line,
                ImportProblem::TooManyRows { max: MAX_ROWS },
            ));
        }
        let value = |c: Column| -> String {
            columns
                .iter()
                .position(|x| *x == c)
                .and_then(|i| record.fields.get(i))
                .map(|v| clean_line(v).trim().to_string())
                .unwrap_or_default()
        };
        let line = record.line;
        let required = |c: Column, name: &'static str| -> Result<String, ImportError> {
            let v = value(c);
            if v.is_empty() {
                Err(at_line(line, ImportProblem::MissingValue(name)))
            } else {
                Ok(v)
            }
        };
        let date_text = required(Column::Date, "date")?;
        let day = NaiveDate::parse_from_str(&date_text, "%Y-%m-%d")
            .map_err(|_| at_line(line, ImportProblem::BadDate(date_text.clone())))?;
        let half_text = required(Column::Half, "half")?;
        let afternoon = super::parse_half(&half_text)
            .ok_or_else(|| at_line(line, ImportProblem::BadHalf(half_text.clone())))?;
        let login = required(Column::Login, "login")?;
        let room = value(Column::Room);
        let name = Some(value(Column::Name)).filter(|n| !n.is_empty());
        let note = value(Column::Note);
        let has = note.chars().count();
        if has > MAX_NOTE_CHARS {
            return Err(at_line(
                line,
                ImportProblem::NoteTooLong {
                    max: MAX_NOTE_CHARS,
                    has,
                },
            ));
        }
        rows.push(ImportRow {
            line,
            when: HalfDay::new(day, afternoon),
            login,
            room,
            name,
            note,
        });
    }
    if rows.is_empty() {
        return Err(at_line(header.line, ImportProblem::Empty));
    }
    Ok(rows)
}

/// What an import does: the half-days whose explicit rows it clears, then the rows it puts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    pub half_days: Vec<HalfDay>,
    pub changes: Vec<RowChange>,
}

/// Check the rows against the staff and each other (the same checks as the pane: an active
/// expert or leader in every slot, a room, nobody twice and no room twice at one half-day,
/// nothing before `today`) and plan the change. `state` holds the patterns reaching the
/// file's days.
pub fn plan_import(
    rows: &[ImportRow],
    experts: &[Expert],
    state: &RosterState,
    today: NaiveDate,
) -> Result<ImportPlan, ImportError> {
    let mut placed: Vec<(&ImportRow, &Expert)> = vec![];
    for row in rows {
        let fail = |p: ImportProblem| at_line(row.line, p);
        if row.when.day < today {
            return Err(fail(ImportProblem::Past(row.when.day)));
        }
        let expert = experts
            .iter()
            .find(|e| e.login == row.login)
            .ok_or_else(|| fail(ImportProblem::UnknownLogin(row.login.clone())))?;
        if let Some(given) = &row.name
            && *given != expert.name
        {
            return Err(fail(ImportProblem::NameMismatch {
                login: row.login.clone(),
                given: given.clone(),
                actual: clean_line(&expert.name),
            }));
        }
        check_eligible(experts, expert.staff_id).map_err(|e| fail(ImportProblem::Roster(e)))?;
        check_room(&row.room, row.when).map_err(|e| fail(ImportProblem::Roster(e)))?;
        for (other, other_expert) in placed.iter().filter(|(o, _)| o.when == row.when) {
            if other_expert.staff_id == expert.staff_id {
                return Err(fail(ImportProblem::PersonTwice {
                    name: clean_line(&expert.name),
                    other_line: other.line,
                }));
            }
            if other.room == row.room {
                return Err(fail(ImportProblem::RoomTwice {
                    room: row.room.clone(),
                    other_line: other.line,
                    other_name: clean_line(&other_expert.name),
                }));
            }
        }
        placed.push((row, expert));
    }
    let mut half_days: Vec<HalfDay> = rows.iter().map(|r| r.when).collect();
    half_days.sort();
    half_days.dedup();
    let mut changes = vec![];
    // Whoever a pattern puts on duty in a half-day of the file, and the file leaves out, is
    // taken off that half-day.
    let cleared = RosterState {
        patterns: state.patterns.clone(),
        rows: vec![],
    };
    for when in &half_days {
        for a in at(&cleared, *when) {
            let listed = placed
                .iter()
                .any(|(r, e)| r.when == *when && e.staff_id == a.staff_id);
            if !listed {
                changes.push(RowChange::Put(DutyRow {
                    when: *when,
                    staff_id: a.staff_id,
                    kind: RowKind::Off,
                    room: String::new(),
                    substitute_for: None,
                    note: String::new(),
                }));
            }
        }
    }
    for (row, expert) in &placed {
        changes.push(RowChange::Put(DutyRow {
            when: row.when,
            staff_id: expert.staff_id,
            kind: RowKind::On,
            room: row.room.clone(),
            substitute_for: None,
            note: row.note.clone(),
        }));
    }
    Ok(ImportPlan { half_days, changes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roster::{Pattern, Rank};
    use chrono::Weekday;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn experts() -> Vec<Expert> {
        let e = |id, login: &str, name: &str, eligible| Expert {
            staff_id: id,
            login: login.into(),
            name: name.into(),
            eligible,
            rank: Rank::Cadre,
            title: String::new(),
            since: None,
            specialties: vec![],
        };
        vec![
            e(1, "wangjg", "王建国", true),
            e(2, "liuxm", "刘秀梅", true),
            e(3, "lina", "李娜", false),
        ]
    }

    const HEADER: &str = "date,half,login,room,name\n";

    fn check(body: &str) -> Result<ImportPlan, ImportError> {
        let rows = read(format!("{HEADER}{body}").as_bytes())?;
        plan_import(&rows, &experts(), &RosterState::default(), d("2026-11-23"))
    }

    #[test]
    fn a_good_file_becomes_the_roster_of_its_half_days() {
        let state = RosterState {
            patterns: vec![Pattern {
                id: 1,
                staff_id: 2,
                weekday: Weekday::Mon,
                afternoon: false,
                room: "接访室二".into(),
                from: d("2026-11-02"),
                until: None,
            }],
            rows: vec![],
        };
        let rows =
            read("\u{feff}日期,时段,账号,接访室\r\n2026-11-30,上午,wangjg,接访室一\r\n".as_bytes())
                .unwrap();
        let plan = plan_import(&rows, &experts(), &state, d("2026-11-23")).unwrap();
        assert_eq!(plan.half_days, [HalfDay::new(d("2026-11-30"), false)]);
        // 刘秀梅's Monday pattern gives way to the file; 王建国 is on.
        assert!(
            matches!(&plan.changes[0], RowChange::Put(r) if r.staff_id == 2 && r.kind == RowKind::Off)
        );
        assert!(
            matches!(&plan.changes[1], RowChange::Put(r) if r.staff_id == 1 && r.kind == RowKind::On)
        );
    }

    #[test]
    fn a_bad_line_is_named() {
        type Case<'a> = (&'a str, usize, fn(&ImportProblem) -> bool);
        let cases: &[Case<'_>] = &[
            (
                "2026-11-30,am,wangjg,接访室一,王建国\n2026-13-01,am,liuxm,接访室二,\n",
                3,
                |p| matches!(p, ImportProblem::BadDate(_)),
            ),
            ("2026-11-30,noon,wangjg,接访室一,\n", 2, |p| {
                matches!(p, ImportProblem::BadHalf(_))
            }),
            ("2026-11-30,am,nobody,接访室一,\n", 2, |p| {
                matches!(p, ImportProblem::UnknownLogin(_))
            }),
            ("2026-11-30,am,lina,接访室一,\n", 2, |p| {
                matches!(p, ImportProblem::Roster(RosterError::NotAnExpert { .. }))
            }),
            ("2026-11-30,am,wangjg,,\n", 2, |p| {
                matches!(p, ImportProblem::Roster(RosterError::NoRoom { .. }))
            }),
            ("2026-11-30,am,wangjg,接访室一,刘秀梅\n", 2, |p| {
                matches!(p, ImportProblem::NameMismatch { .. })
            }),
            (
                "2026-11-30,am,wangjg,接访室一,\n2026-11-30,am,wangjg,接访室二,\n",
                3,
                |p| matches!(p, ImportProblem::PersonTwice { other_line: 2, .. }),
            ),
            (
                "2026-11-30,am,wangjg,接访室一,\n2026-11-30,am,liuxm,接访室一,\n",
                3,
                |p| matches!(p, ImportProblem::RoomTwice { other_line: 2, .. }),
            ),
            ("2026-11-16,am,wangjg,接访室一,\n", 2, |p| {
                matches!(p, ImportProblem::Past(_))
            }),
            ("2026-11-30,am,\"wangjg,接访室一\n", 2, |p| {
                matches!(p, ImportProblem::Csv(CsvProblem::UnclosedQuote))
            }),
            (",am,wangjg,接访室一,\n", 2, |p| {
                matches!(p, ImportProblem::MissingValue("date"))
            }),
        ];
        for (body, line, is) in cases {
            let e = check(body).unwrap_err();
            assert_eq!(e.line, *line, "{body}: {e:?}");
            assert!(is(&e.problem), "{body}: {e:?}");
            assert!(e.to_string().contains(&format!("line {line}")), "{e}");
        }
    }

    #[test]
    fn a_file_that_is_not_a_roster_is_refused_whole() {
        assert_eq!(read(b"").unwrap_err().problem, ImportProblem::Empty);
        assert_eq!(
            read(HEADER.as_bytes()).unwrap_err().problem,
            ImportProblem::Empty
        );
        assert_eq!(
            read(b"date,half,room\n").unwrap_err().problem,
            ImportProblem::MissingColumn("login")
        );
        assert!(matches!(
            read(b"date,half,login,room,colour\n").unwrap_err().problem,
            ImportProblem::UnknownColumn(_)
        ));
        let e = read(b"date,half,login,room\n2026-11-30,am,w\xffang,x\n").unwrap_err();
        assert_eq!((e.line, e.problem), (2, ImportProblem::NotUtf8));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(matches!(
            read(&big).unwrap_err().problem,
            ImportProblem::TooBig { .. }
        ));
    }

    #[test]
    fn escape_sequences_in_a_file_are_cleaned() {
        let rows = read(
            "date,half,login,room,note\n2026-11-30,am,wangjg,接访室\u{1b}[31m一,换\u{202e}班\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(rows[0].room, "接访室一");
        assert_eq!(rows[0].note, "换班");
    }
}
