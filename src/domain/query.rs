//! Finding cases (DESIGN §5, the queue; §6, `xfdesk cases`): what was searched for, the
//! filters, the order, and where a page of the list starts. The store answers a `CaseQuery`
//! a page at a time by keyset, never by OFFSET.

use super::case::{CaseRow, CaseState};
use super::contact::Channel;
use super::id_number::IdNumber;
use super::phone::normalize_phone;
use super::text::clean_line;
use super::words::{BARRIER, WordQuery, is_cjk, search_words};
use chrono::{NaiveDate, NaiveDateTime};

/// The longest search text taken (a paste of a whole page is cut, not refused).
pub const MAX_SEARCH_CHARS: usize = 100;

/// Which states a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StateFilter {
    #[default]
    All,
    /// Every state but closed.
    Open,
    Only(CaseState),
}

/// Open cases by how pressing their deadline is, as of a day (DESIGN §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueFilter {
    /// Due before today.
    Overdue,
    /// Due from today to the last day of the due-soon window.
    DueSoon,
}

/// First contacts only (初信初访), or matters that brought the person back (重复信访).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContactsFilter {
    #[default]
    Any,
    /// Cases with one contact: the first letter or visit, nothing since.
    FirstOnly,
    /// Cases with repeat contacts.
    Repeated,
}

/// The order of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first. Case ids are given in the order cases are registered, so this is id
    /// order, which the search index can also give without sorting its matches.
    #[default]
    Received,
    /// Open cases with a running deadline, soonest first; then the rest, newest first.
    Deadline,
    /// Most recently changed first.
    Updated,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Received, Sort::Deadline, Sort::Updated];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Received => "received",
            Sort::Deadline => "deadline",
            Sort::Updated => "updated",
        }
    }

    /// The next order, for a key that cycles through them.
    pub fn next(self) -> Sort {
        match self {
            Sort::Received => Sort::Deadline,
            Sort::Deadline => Sort::Updated,
            Sort::Updated => Sort::Received,
        }
    }
}

/// What the user chose to narrow a list to. Values that depend on who asks and on the day
/// (whose cases are "mine", what is overdue) come with the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filters {
    pub state: StateFilter,
    /// The unit responsible (责任单位).
    pub unit_id: Option<i64>,
    pub category_id: Option<i64>,
    /// The channel of the first contact.
    pub channel: Option<Channel>,
    /// Implies open cases.
    pub due: Option<DueFilter>,
    pub contacts: ContactsFilter,
    /// Cases whose first handler (首办责任人) or routed expert is the one asking.
    pub mine: bool,
    /// Cases under supervision (督办).
    pub supervised: bool,
}

impl Filters {
    /// True when nothing narrows the list.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// The day a list is looked at, and the last day of its due-soon window (the caller counts it
/// with the calendar: `Session::due_soon_until`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueWindow {
    pub today: NaiveDate,
    pub soon_until: NaiveDate,
}

/// A case number, or part of one, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberQuery {
    /// `XF-2026-000123`, or `2026-123` written short.
    Exact(String),
    /// The start of a number: `XF-2026-0001`, `xf2026`.
    Prefix(String),
    /// A sequence number alone (`123`, `000123`): that number in every year.
    Sequence(u32),
}

/// A search as typed, and each way it can find a case: by number, by the person (ID number,
/// phone, name, pinyin initials) or by words of the summary and account. A case matches if
/// any of them finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// What was typed, cleaned of control characters and cut to `MAX_SEARCH_CHARS`.
    pub text: String,
    pub number: Option<NumberQuery>,
    pub id_number: Option<String>,
    pub phone: Option<String>,
    /// The petitioner's name, exactly.
    pub name: Option<String>,
    /// The petitioner's name as pinyin initials (`zs` for 张三).
    pub initials: Option<String>,
    /// Words of the summary and account, every one to be found.
    pub words: Vec<WordQuery>,
}

impl Search {
    /// Read a search text; None when nothing is left to search for.
    pub fn parse(text: &str, today: NaiveDate) -> Option<Search> {
        let text: String = clean_line(text)
            .chars()
            .filter(|c| *c != BARRIER)
            .take(MAX_SEARCH_CHARS)
            .collect();
        let text = text.trim().to_string();
        if text.is_empty() {
            return None;
        }
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let number = number_query(&compact);
        let id_number = IdNumber::parse(&compact, today)
            .ok()
            .map(|id| id.as_str().to_string())
            .or_else(|| id_number_shape(&compact));
        let phone = normalize_phone(&compact).ok().map(|(p, _)| p);
        // Exact identifiers are not words of an account.
        let identifier = matches!(number, Some(NumberQuery::Exact(_) | NumberQuery::Prefix(_)))
            || id_number.is_some()
            || phone.is_some();
        let chars = compact.chars().count();
        let name = ((2..=6).contains(&chars) && compact.chars().all(|c| is_cjk(c) || c == '·'))
            .then(|| compact.clone());
        let initials = ((2..=8).contains(&chars)
            && compact.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| compact.to_ascii_lowercase());
        let words = if identifier {
            vec![]
        } else {
            search_words(&text)
        };
        let search = Search {
            text,
            number,
            id_number,
            phone,
            name,
            initials,
            words,
        };
        search.finds_anything().then_some(search)
    }

    fn finds_anything(&self) -> bool {
        self.number.is_some()
            || self.id_number.is_some()
            || self.phone.is_some()
            || self.name.is_some()
            || self.initials.is_some()
            || !self.words.is_empty()
    }
}

/// An ID number that has the shape of one (15 or 18 characters, digits, a final X) even if
/// its check digit is wrong: it is looked up as typed, upper-cased.
fn id_number_shape(s: &str) -> Option<String> {
    let upper = s.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    let digits_then_check = |n: usize| {
        bytes.len() == n
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| b.is_ascii_digit() || (*b == b'X' && i + 1 == n && n == 18))
    };
    (digits_then_check(18) || digits_then_check(15)).then_some(upper)
}

/// A case number or part of one: `XF-2026-000123`, `xf-2026-0001`, `XF2026`, `2026-123`,
/// `123`.
fn number_query(s: &str) -> Option<NumberQuery> {
    let upper = s.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("XF") {
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let (year, rest) = split_digits(rest, 4);
        if year.len() < 4 {
            return rest
                .is_empty()
                .then(|| NumberQuery::Prefix(format!("XF-{year}")));
        }
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let (seq, rest) = split_digits(rest, 6);
        if !rest.is_empty() {
            return None;
        }
        return Some(if seq.len() == 6 {
            NumberQuery::Exact(format!("XF-{year}-{seq}"))
        } else {
            NumberQuery::Prefix(format!("XF-{year}-{seq}"))
        });
    }
    if let Some((year, seq)) = upper.split_once('-') {
        let short = year.len() == 4
            && (1..=6).contains(&seq.len())
            && year.bytes().chain(seq.bytes()).all(|b| b.is_ascii_digit());
        let seq: u32 = seq.parse().ok()?;
        return short.then(|| NumberQuery::Exact(format!("XF-{year}-{seq:06}")));
    }
    if (1..=6).contains(&upper.len()) && upper.bytes().all(|b| b.is_ascii_digit()) {
        let seq: u32 = upper.parse().ok()?;
        return (seq > 0).then_some(NumberQuery::Sequence(seq));
    }
    None
}

/// The leading ASCII digits of `s`, at most `max`, and the rest.
fn split_digits(s: &str, max: usize) -> (&str, &str) {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    s.split_at(n)
}

/// Everything a list asks for: the search, the filters, the order, and who asks on which day
/// (for "mine" and for the due filters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseQuery {
    pub search: Option<Search>,
    pub filters: Filters,
    pub sort: Sort,
    /// The staff member asking: "mine" means their cases.
    pub me: i64,
    pub window: DueWindow,
}

impl CaseQuery {
    /// All cases, newest first.
    pub fn all(me: i64, window: DueWindow) -> Self {
        Self {
            search: None,
            filters: Filters::default(),
            sort: Sort::Received,
            me,
            window,
        }
    }
}

/// Where a list continues: the sort key of a row and its id (keyset pagination). A cursor
/// stays meaningful after its row changes or goes: the list goes on from the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    Received {
        id: i64,
    },
    /// `due` is None for a case listed after those with a running deadline (closed, or no
    /// clock running).
    Deadline {
        due: Option<NaiveDate>,
        id: i64,
    },
    Updated {
        at: NaiveDateTime,
        id: i64,
    },
}

impl Cursor {
    pub fn id(self) -> i64 {
        match self {
            Cursor::Received { id } | Cursor::Deadline { id, .. } | Cursor::Updated { id, .. } => {
                id
            }
        }
    }
}

/// One row of a list page, with where the list continues after it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedCase {
    pub row: CaseRow,
    pub cursor: Cursor,
    /// Letters and visits on the case; more than one means the person came back.
    pub contacts: u32,
    /// The petitioner's ID number as lists show it (`110101********123X`); the whole number
    /// never leaves the store in a list.
    pub id_number_masked: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn parse(s: &str) -> Search {
        Search::parse(s, today()).unwrap()
    }

    #[test]
    fn case_numbers_whole_short_or_in_part() {
        assert_eq!(
            parse("XF-2026-000123").number,
            Some(NumberQuery::Exact("XF-2026-000123".into()))
        );
        assert_eq!(
            parse("2026-123").number,
            Some(NumberQuery::Exact("XF-2026-000123".into()))
        );
        assert_eq!(
            parse("xf-2026-0001").number,
            Some(NumberQuery::Prefix("XF-2026-0001".into()))
        );
        assert_eq!(
            parse("xf2026").number,
            Some(NumberQuery::Prefix("XF-2026-".into()))
        );
        assert_eq!(parse("000123").number, Some(NumberQuery::Sequence(123)));
        assert!(parse("XF-2026-000123").words.is_empty());
        assert!(
            !parse("123").words.is_empty(),
            "a number may be in the text"
        );
    }

    #[test]
    fn people_by_id_number_phone_name_or_initials() {
        let s = parse("11010519491231002x");
        assert_eq!(s.id_number.as_deref(), Some("11010519491231002X"));
        assert!(s.words.is_empty());
        assert_eq!(parse("138 0013 8000").phone.as_deref(), Some("13800138000"));
        let s = parse("张三");
        assert_eq!(s.name.as_deref(), Some("张三"));
        assert_eq!(s.words.len(), 1, "a name may also be in the account");
        assert_eq!(parse("ZS").initials.as_deref(), Some("zs"));
        assert_eq!(parse("拖欠农民工工资问题").name, None);
    }

    #[test]
    fn nothing_to_search_for_is_no_search() {
        assert_eq!(Search::parse("  ，。 \u{1b}[31m", today()), None);
        assert_eq!(Search::parse("", today()), None);
    }

    #[test]
    fn a_long_paste_is_cut() {
        let long = "征地".repeat(500);
        assert_eq!(parse(&long).text.chars().count(), MAX_SEARCH_CHARS);
    }
}
