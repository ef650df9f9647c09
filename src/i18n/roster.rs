//! The roster's words (值班安排, 专家门诊式接访) in zh-CN and en: the pane, its keys and
//! dialogs, what a change did, and why one was refused.

use super::Lang;
use super::messages::messages;
use super::text::texts;
use crate::domain::roster::import::{ImportError, ImportProblem};
use crate::domain::roster::week::WeekError;
use crate::domain::roster::{HalfDay, Rank, RosterError};
use chrono::{Datelike, Weekday};

texts! {
    RosterText;
    // The pane.
    PatternsTitle => "每周固定安排", "Weekly patterns";
    ThisWeek => "本周", "this week";
    ColMark => "标记", "Mark";
    ColTitle => "职务", "Title";
    ColWeekday => "星期", "Day";
    ColSpan => "有效期", "Valid";
    ColNote => "说明", "Note";
    MarkLeader => "领导", "leader";
    MarkSubstitute => "替班", "stand-in";
    MarkWeekly => "固定", "weekly";
    MarkDated => "临时", "dated";
    NowMark => "▶ 正在值班", "▶ on duty now";
    LeaderDays => "领导接访日：", "Leaders' reception days: ";
    NoLeaderDay => "本周无领导接访日", "no leaders' reception day this week";
    NobodyWaiting => "无人等候", "nobody waiting";
    PatternsEmpty => "尚无每周固定安排。", "No weekly patterns yet.";
    OpenEnded => "长期", "open-ended";
    Cadre => "业务骨干", "cadre";
    Leader => "领导", "leader";

    // Keys.
    KeyPrevWeek => "上周", "prev";
    KeyNextWeek => "下周", "next";
    KeyThisWeek => "回到本周", "this week";
    KeyAddSlot => "增加", "add";
    KeyMoveSlot => "调整", "move";
    KeySwapSlot => "对调", "swap";
    KeyRemoveSlot => "取消", "remove";
    KeySubstitute => "替班", "stand-in";
    KeySpecialties => "专家信息", "expert details";
    KeyPatterns => "固定安排", "weekly";
    KeyWeekView => "按周", "by week";
    KeyAddPattern => "增加固定安排", "add a pattern";
    KeyEndPattern => "停止固定安排", "end a pattern";

    // The dialogs.
    TitleAddSlot => "增加值班", "Add a duty slot";
    TitleSwap => "对调值班", "Swap two slots";
    TitleRemove => "取消值班", "Remove a slot";
    TitleSubstitute => "安排替班", "A stand-in for an absent expert";
    TitleAddPattern => "增加每周固定安排", "Add a weekly pattern";
    TitleEndPattern => "停止每周固定安排", "End a weekly pattern";
    FieldExpert => "专家", "Expert";
    FieldDay => "日期", "Date";
    FieldHalf => "时段", "Half-day";
    FieldRoom => "接访室", "Room";
    FieldSwapWith => "与之对调", "Swap with";
    FieldReasonOptional => "原因（可不填）", "Reason (optional)";
    FieldStandIn => "替班人", "Stand-in";
    FieldRank => "身份", "Rank";
    FieldTitle => "职务", "Title";
    FieldSince => "从事信访工作起（可空）", "In petition work since (optional)";
    FieldSpecialties => "擅长类别", "Specialties";
    FieldWeekday => "星期", "Weekday";
    FieldFrom => "起始日期", "From";
    FieldUntil => "截止日期（可空）", "Until (optional)";
    FieldLastDay => "最后一天", "Last day";
    HintDates => "日期写成 年-月-日，如 2026-11-30", "Dates are YYYY-MM-DD, e.g. 2026-11-30";
    HintSwap => "输入姓名或拼音首字母找到另一个班次，回车选定", "Type a name or its initials to find the other slot; Enter picks it";
    HintPattern => "每周此时此地由此人接访，直到截止日期；某日另有安排时以该日为准",
        "This person receives here at this time every week until the last day; a dated change wins on its day";
    HintSubstitute => "替班人在原接访室接访，原专家当天此时段不再值班",
        "The stand-in receives in the absent expert's room; the absent expert is off that half-day";
    NoSlotSelected => "请先选中一个班次", "Select a slot first";
    NoPatternSelected => "请先选中一项固定安排", "Select a pattern first";
    NoExpertsToPick => "尚无在岗的接访专家或领导", "There is no active expert or leader";
}

messages! {
    RosterMsg;
    WeekTitle { week: String, from: String, to: String } => "值班安排 {week}（{from} 至 {to}）", "Duty roster {week} ({from} to {to})";
    WaitingFor { name: String, room: String, n: usize } => "等候 {name}（{room}）的来访人：{n} 人", "Waiting for {name} ({room}): {n}";
    MoveTitle { slot: String } => "调整值班：{slot}", "Move a slot: {slot}";
    ProfileTitle { name: String } => "专家信息：{name}", "Expert: {name}";
    SlotLine { when: String, name: String, room: String } => "{when} {name}（{room}）", "{when} {name} ({room})";
    PatternLine { weekday: String, half: String, name: String, room: String } => "每{weekday}{half} {name}（{room}）", "{weekday} {half}: {name} ({room})";
    SlotAdded { name: String, when: String, room: String } => "已安排 {name} 于 {when} 在 {room} 值班", "{name} is on duty {when} in {room}";
    SlotMoved { name: String, when: String, room: String } => "已调整：{name} 改于 {when} 在 {room} 值班", "moved: {name} is on duty {when} in {room}";
    SlotsSwapped { first: String, second: String } => "已对调：{first} ⇄ {second}", "swapped: {first} and {second}";
    SlotRemoved { name: String, when: String } => "已取消 {name} 于 {when} 的值班", "{name} is off duty {when}";
    StoodIn { by: String, absent: String, when: String } => "已安排 {by} 于 {when} 替 {absent} 值班", "{by} stands in for {absent} {when}";
    ProfileSaved { name: String } => "已保存 {name} 的专家信息", "saved {name}'s details";
    PatternAdded { name: String, weekday: String, half: String, room: String } => "已设每{weekday}{half} {name} 在 {room} 值班", "{name} is on duty every {weekday} {half} in {room}";
    PatternEnded { name: String, last: String } => "{name} 的固定安排到 {last} 为止", "{name}'s pattern ends after {last}";
    PatternDeleted { name: String } => "已删除 {name} 尚未开始的固定安排", "{name}'s pattern, not yet begun, is deleted";
    LeaderDay { day: String, half: String, names: String } => "{day}{half}（{names}）", "{day} {half} ({names})";
    // The command line.
    NoticeWritten { path: String } => "已写入 {path}", "written to {path}";
    CannotRead { file: String, why: String } => "不能读取 {file}：{why}", "cannot read {file}: {why}";
    Imported { file: String, slots: usize, half_days: usize } => "已导入 {file}：{slots} 个班次，{half_days} 个半天的值班安排以此文件为准",
        "imported {file}: {slots} slots; the roster of {half_days} half-days is now the file's";
}

/// A weekday's name.
pub fn weekday(lang: Lang, day: Weekday) -> &'static str {
    let (zh, en) = match day {
        Weekday::Mon => ("周一", "Mon"),
        Weekday::Tue => ("周二", "Tue"),
        Weekday::Wed => ("周三", "Wed"),
        Weekday::Thu => ("周四", "Thu"),
        Weekday::Fri => ("周五", "Fri"),
        Weekday::Sat => ("周六", "Sat"),
        Weekday::Sun => ("周日", "Sun"),
    };
    lang.pick(zh, en)
}

/// 上午 / 下午.
pub fn half(lang: Lang, afternoon: bool) -> &'static str {
    if afternoon {
        lang.pick("下午", "pm")
    } else {
        lang.pick("上午", "am")
    }
}

/// A half-day in full: `2026-11-30 周一 上午`, `Mon 2026-11-30 am`.
pub fn when_text(lang: Lang, when: HalfDay) -> String {
    let day = when.day.format("%Y-%m-%d");
    let wd = weekday(lang, when.day.weekday());
    let h = half(lang, when.afternoon);
    match lang {
        Lang::Zh => format!("{day} {wd} {h}"),
        Lang::En => format!("{wd} {day} {h}"),
    }
}

/// A half-day in short, for lists: `11-30 周一 上午`.
pub fn when_short(lang: Lang, when: HalfDay) -> String {
    let day = when.day.format("%m-%d");
    let wd = weekday(lang, when.day.weekday());
    let h = half(lang, when.afternoon);
    format!("{day} {wd} {h}")
}

pub fn rank(lang: Lang, r: Rank) -> &'static str {
    match r {
        Rank::Leader => RosterText::Leader.get(lang),
        Rank::Cadre => RosterText::Cadre.get(lang),
    }
}

/// Why a change to the roster was refused.
pub fn roster_error(lang: Lang, e: &RosterError) -> String {
    let w = |when: &HalfDay| when_text(lang, *when);
    match (lang, e) {
        (Lang::Zh, RosterError::NoExpert) => "值班须有专家：请选择一位接访专家或领导".into(),
        (Lang::En, RosterError::NoExpert) => {
            "a slot needs an expert: choose an expert or a leader".into()
        }
        (Lang::Zh, RosterError::NotAnExpert { name }) => {
            format!("{name} 不是在岗的接访专家或领导，不能值班")
        }
        (Lang::En, RosterError::NotAnExpert { name }) => {
            format!("{name} is not an active expert or leader, so cannot be on duty")
        }
        (Lang::Zh, RosterError::NoRoom { when }) => format!("{} 的值班须写明接访室", w(when)),
        (Lang::En, RosterError::NoRoom { when }) => format!("the slot {} needs a room", w(when)),
        (Lang::Zh, RosterError::RoomTooLong { max, has }) => {
            format!("接访室名称最多{max}字，现为{has}字")
        }
        (Lang::En, RosterError::RoomTooLong { max, has }) => {
            format!("a room name has at most {max} characters, not {has}")
        }
        (Lang::Zh, RosterError::NoteTooLong { max, has }) => {
            format!("原因最多{max}字，现为{has}字")
        }
        (Lang::En, RosterError::NoteTooLong { max, has }) => {
            format!("a reason has at most {max} characters, not {has}")
        }
        (Lang::Zh, RosterError::TitleTooLong { max, has }) => {
            format!("职务最多{max}字，现为{has}字")
        }
        (Lang::En, RosterError::TitleTooLong { max, has }) => {
            format!("a title has at most {max} characters, not {has}")
        }
        (Lang::Zh, RosterError::PersonTwice { name, when, rooms }) => format!(
            "{name} 在 {} 不能同时在{}和{}两处接访",
            w(when),
            rooms.0,
            rooms.1
        ),
        (Lang::En, RosterError::PersonTwice { name, when, rooms }) => format!(
            "{name} cannot be in two rooms at once: {} and {} {}",
            rooms.0,
            rooms.1,
            w(when)
        ),
        (Lang::Zh, RosterError::RoomTwice { room, when, names }) => format!(
            "{room} 在 {} 已由 {} 接访，不能再安排 {}：一间接访室同时只能有一位专家",
            w(when),
            names.0,
            names.1
        ),
        (Lang::En, RosterError::RoomTwice { room, when, names }) => format!(
            "{room} is {}'s {}: two experts cannot share one room at once ({} too)",
            names.0,
            w(when),
            names.1
        ),
        (Lang::Zh, RosterError::NotOnDuty { name, when }) => {
            format!("{name} 在 {} 没有值班（排班可能刚被修改，请刷新）", w(when))
        }
        (Lang::En, RosterError::NotOnDuty { name, when }) => format!(
            "{name} is not on duty {} (the roster may have just changed; reload)",
            w(when)
        ),
        (Lang::Zh, RosterError::AlreadyThere { name, when, room }) => {
            format!("{name} 在 {} 已在{room}值班，无需改动", w(when))
        }
        (Lang::En, RosterError::AlreadyThere { name, when, room }) => {
            format!("{name} is on duty in {room} {} already", w(when))
        }
        (Lang::Zh, RosterError::SameSlot) => "请选择另一个班次对调".into(),
        (Lang::En, RosterError::SameSlot) => "choose another slot to swap with".into(),
        (Lang::Zh, RosterError::SubstituteIsAbsent { name }) => {
            format!("替班人不能是 {name} 本人")
        }
        (Lang::En, RosterError::SubstituteIsAbsent { name }) => {
            format!("{name} cannot stand in for themselves")
        }
        (Lang::Zh, RosterError::Past { day }) => {
            format!("{day} 已经过去：以往的值班是记录，不能再改")
        }
        (Lang::En, RosterError::Past { day }) => {
            format!("{day} has gone by: the roster of past days is a record and does not change")
        }
        (Lang::Zh, RosterError::PatternEndsBeforeStart) => "截止日期早于起始日期".into(),
        (Lang::En, RosterError::PatternEndsBeforeStart) => {
            "the last day is before the first".into()
        }
        (Lang::Zh, RosterError::NoSuchPattern) => "该固定安排已不存在，请刷新".into(),
        (Lang::En, RosterError::NoSuchPattern) => "that pattern is no longer there; reload".into(),
        (Lang::Zh, RosterError::PatternAlreadyEnds { until }) => {
            format!("该固定安排已于 {until} 截止")
        }
        (Lang::En, RosterError::PatternAlreadyEnds { until }) => {
            format!("that pattern already ends after {until}")
        }
        (Lang::Zh, RosterError::SinceInFuture) => "从事信访工作的日期不能晚于今天".into(),
        (Lang::En, RosterError::SinceInFuture) => {
            "the date since which they do petition work cannot be in the future".into()
        }
        (Lang::Zh, RosterError::NoSuchCategory) => "所选的问题类别不存在".into(),
        (Lang::En, RosterError::NoSuchCategory) => "a chosen category does not exist".into(),
    }
}

fn import_problem(lang: Lang, p: &ImportProblem) -> String {
    use crate::domain::csv::CsvProblem;
    match (lang, p) {
        (Lang::Zh, ImportProblem::NotUtf8) => "不是 UTF-8 文本（请另存为 UTF-8 编码的 CSV）".into(),
        (Lang::En, ImportProblem::NotUtf8) => "not UTF-8 text (save the file as UTF-8 CSV)".into(),
        (Lang::Zh, ImportProblem::TooBig { max_bytes }) => {
            format!("文件太大（最多 {max_bytes} 字节）")
        }
        (Lang::En, ImportProblem::TooBig { max_bytes }) => {
            format!("too big (at most {max_bytes} bytes)")
        }
        (Lang::Zh, ImportProblem::TooManyRows { max }) => format!("最多 {max} 行"),
        (Lang::En, ImportProblem::TooManyRows { max }) => format!("at most {max} rows"),
        (Lang::Zh, ImportProblem::Empty) => "没有值班行（首行为列名：date,half,login,room）".into(),
        (Lang::En, ImportProblem::Empty) => {
            "no slots (the first line names the columns: date,half,login,room)".into()
        }
        (Lang::Zh, ImportProblem::Csv(CsvProblem::UnclosedQuote)) => "引号没有结束".into(),
        (Lang::En, ImportProblem::Csv(CsvProblem::UnclosedQuote)) => {
            "a quoted field never ends".into()
        }
        (Lang::Zh, ImportProblem::Csv(CsvProblem::TextAfterQuote)) => "引号结束后还有文字".into(),
        (Lang::En, ImportProblem::Csv(CsvProblem::TextAfterQuote)) => {
            "text after a closing quote".into()
        }
        (Lang::Zh, ImportProblem::MissingColumn(c)) => format!("缺少 {c} 列"),
        (Lang::En, ImportProblem::MissingColumn(c)) => format!("there is no {c} column"),
        (Lang::Zh, ImportProblem::UnknownColumn(c)) => format!(
            "不认识的列“{c}”（可用：date 日期、half 时段、login 账号、room 接访室、name 姓名、note 备注）"
        ),
        (Lang::En, ImportProblem::UnknownColumn(c)) => {
            format!("unknown column '{c}' (columns: date, half, login, room, name, note)")
        }
        (Lang::Zh, ImportProblem::MissingValue(c)) => format!("{c} 不能为空"),
        (Lang::En, ImportProblem::MissingValue(c)) => format!("{c} is empty"),
        (Lang::Zh, ImportProblem::BadDate(t)) => {
            format!("日期“{t}”不对，应写成 年-月-日，如 2026-11-30")
        }
        (Lang::En, ImportProblem::BadDate(t)) => {
            format!("'{t}' is not a date: write YYYY-MM-DD, e.g. 2026-11-30")
        }
        (Lang::Zh, ImportProblem::BadHalf(t)) => format!("时段“{t}”不对，应为 am/pm 或 上午/下午"),
        (Lang::En, ImportProblem::BadHalf(t)) => {
            format!("'{t}' is not a half-day: write am or pm (上午 or 下午)")
        }
        (Lang::Zh, ImportProblem::UnknownLogin(l)) => format!("账号 {l} 不是本系统的工作人员"),
        (Lang::En, ImportProblem::UnknownLogin(l)) => format!("the account {l} is not staff here"),
        (
            Lang::Zh,
            ImportProblem::NameMismatch {
                login,
                given,
                actual,
            },
        ) => {
            format!("账号 {login} 是 {actual}，不是 {given}")
        }
        (
            Lang::En,
            ImportProblem::NameMismatch {
                login,
                given,
                actual,
            },
        ) => {
            format!("the account {login} is {actual}, not {given}")
        }
        (Lang::Zh, ImportProblem::NoteTooLong { max, has }) => {
            format!("备注最多{max}字，现为{has}字")
        }
        (Lang::En, ImportProblem::NoteTooLong { max, has }) => {
            format!("a note has at most {max} characters, not {has}")
        }
        (Lang::Zh, ImportProblem::Past(day)) => {
            format!("{day} 已经过去：以往的值班是记录，不能再改")
        }
        (Lang::En, ImportProblem::Past(day)) => {
            format!("{day} has gone by: the roster of past days does not change")
        }
        (Lang::Zh, ImportProblem::PersonTwice { name, other_line }) => {
            format!("{name} 在同一时段已排在第{other_line}行：一人不能同时在两处接访")
        }
        (Lang::En, ImportProblem::PersonTwice { name, other_line }) => format!(
            "{name} is on line {other_line} for the same half-day: nobody can be in two rooms at once"
        ),
        (
            Lang::Zh,
            ImportProblem::RoomTwice {
                room,
                other_line,
                other_name,
            },
        ) => format!(
            "{room} 在同一时段已由第{other_line}行的 {other_name} 使用：一间接访室同时只能有一位专家"
        ),
        (
            Lang::En,
            ImportProblem::RoomTwice {
                room,
                other_line,
                other_name,
            },
        ) => format!(
            "{room} is {other_name}'s on line {other_line} for the same half-day: two experts cannot share one room"
        ),
        (_, ImportProblem::Roster(e)) => roster_error(lang, e),
    }
}

/// Why a roster file was refused, naming the line.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    let problem = import_problem(lang, &e.problem);
    match (lang, e.line) {
        (Lang::Zh, 0) => format!("文件不能导入：{problem}；未作任何改动"),
        (Lang::En, 0) => format!("the file cannot be imported: {problem}; nothing was changed"),
        (Lang::Zh, line) => format!("第{line}行：{problem}；整个文件未导入，未作任何改动"),
        (Lang::En, line) => {
            format!("line {line}: {problem}; the file was not imported and nothing was changed")
        }
    }
}

/// Why a week was not understood.
pub fn week_error(lang: Lang, e: &WeekError) -> String {
    match (lang, e) {
        (Lang::Zh, WeekError::Format(t)) => {
            format!("“{t}”不是周次：应写成 YYYY-Www，如 2026-W48")
        }
        (Lang::En, WeekError::Format(t)) => {
            format!("'{t}' is not a week: write YYYY-Www, e.g. 2026-W48")
        }
        (Lang::Zh, WeekError::NoSuchWeek { year, week }) => format!("{year} 年没有第 {week} 周"),
        (Lang::En, WeekError::NoSuchWeek { year, week }) => format!("{year} has no week {week}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for (name, zh, en) in RosterText::TEMPLATES.iter().chain(RosterMsg::TEMPLATES) {
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{name}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)),
                "{name}: {zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: {en}"
            );
        }
    }

    #[test]
    fn half_days_read_naturally() {
        let when = HalfDay::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), true);
        assert_eq!(when_text(Lang::Zh, when), "2026-11-30 周一 下午");
        assert_eq!(when_text(Lang::En, when), "Mon 2026-11-30 pm");
        assert_eq!(when_short(Lang::Zh, when), "11-30 周一 下午");
    }
}
