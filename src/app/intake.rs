//! The intake form's state: fields, focus, pickers, representatives, the repeat link, routing,
//! and its draft form for saving as it is typed.

use crate::domain::ExpertOnDuty;
use crate::domain::intake::{IntakeField, IntakeInput, RepresentativeInput, format_received};
use crate::domain::lookup::ContactKind;
use crate::domain::text::clean_text;
use crate::domain::{Category, Channel, Leapfrog, MatterKind, Sex, Unit};
use chrono::NaiveDateTime;
use ratatui::style::Style;
use ratatui_textarea::{Input, Key, TextArea, WrapMode};
use serde::{Deserialize, Serialize};

/// The one-line text fields, in form order.
pub const LINE_FIELDS: [IntakeField; 10] = [
    IntakeField::IdNumber,
    IntakeField::Name,
    IntakeField::Phone,
    IntakeField::Address,
    IntakeField::WorkUnit,
    IntakeField::ReceivedAt,
    IntakeField::HeadCount,
    IntakeField::Category,
    IntakeField::Units,
    IntakeField::Summary,
];

pub const REPRESENTATIVES: usize = 5;

pub struct IntakeForm {
    pub focus: IntakeField,
    lines: Vec<TextArea<'static>>,
    /// 诉求及事实: the multi-line account.
    pub account: TextArea<'static>,
    pub sex: Option<Sex>,
    pub channel: Channel,
    pub urgent: bool,
    pub collective: bool,
    pub kind: MatterKind,
    pub leapfrog: Option<Leapfrog>,
    pub category: Option<Category>,
    /// The highlighted match while a picker is open.
    pub pick: usize,
    pub units: Vec<Unit>,
    /// Representatives of a collective visit: name, ID number, phone for each of 5 rows.
    pub reps: Vec<[TextArea<'static>; 3]>,
    /// The cell of the representatives dialog with focus, while it is open.
    pub rep_focus: Option<(usize, usize)>,
    pub contact: ContactKind,
    /// The number of the case a repeat is attached to, for the screen.
    pub repeat_number: Option<String>,
    pub expert: Option<ExpertOnDuty>,
    /// The field validation complained about, and the message.
    pub error: Option<(IntakeField, String)>,
}

pub fn line_field() -> TextArea<'static> {
    let mut t = TextArea::default();
    // The terminal's own cursor marks the insertion point (input methods anchor there), so
    // the widget draws no cursor and no cursor-line highlight of its own.
    t.set_cursor_style(Style::default());
    t.set_cursor_line_style(Style::default());
    t.set_wrap_mode(WrapMode::None);
    t.set_max_histories(50);
    t
}

fn account_field() -> TextArea<'static> {
    let mut t = line_field();
    // Chinese has no spaces between words: wrap at any glyph, at word ends where there are some.
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t
}

fn text_with(s: &str) -> TextArea<'static> {
    let mut t = line_field();
    t.insert_str(s);
    t
}

pub fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join("")
}

impl IntakeForm {
    pub fn new(now: NaiveDateTime) -> Self {
        let mut lines: Vec<TextArea<'static>> = LINE_FIELDS.iter().map(|_| line_field()).collect();
        lines[5] = text_with(&format_received(now));
        Self {
            focus: IntakeField::IdNumber,
            lines,
            account: account_field(),
            sex: None,
            channel: Channel::Visit,
            urgent: false,
            collective: false,
            kind: MatterKind::Request,
            leapfrog: None,
            category: None,
            pick: 0,
            units: vec![],
            reps: (0..REPRESENTATIVES)
                .map(|_| [line_field(), line_field(), line_field()])
                .collect(),
            rep_focus: None,
            contact: ContactKind::FirstContact,
            repeat_number: None,
            expert: None,
            error: None,
        }
    }

    pub fn line(&self, field: IntakeField) -> Option<&TextArea<'static>> {
        LINE_FIELDS
            .iter()
            .position(|f| *f == field)
            .map(|i| &self.lines[i])
    }

    fn line_mut(&mut self, field: IntakeField) -> Option<&mut TextArea<'static>> {
        LINE_FIELDS
            .iter()
            .position(|f| *f == field)
            .map(move |i| &mut self.lines[i])
    }

    pub fn text(&self, field: IntakeField) -> String {
        self.line(field).map(text_of).unwrap_or_default()
    }

    pub fn set_text(&mut self, field: IntakeField, value: &str) {
        if let Some(t) = self.line_mut(field) {
            *t = text_with(value);
        }
    }

    /// The text area that has focus: a cell of the open representatives dialog, the account,
    /// or a one-line field.
    pub fn focused_text(&mut self) -> Option<&mut TextArea<'static>> {
        if let Some((r, c)) = self.rep_focus {
            return Some(&mut self.reps[r][c]);
        }
        if self.focus == IntakeField::Account {
            return Some(&mut self.account);
        }
        let f = self.focus;
        self.line_mut(f)
    }

    pub fn focus_is_text(&self) -> bool {
        self.rep_focus.is_some()
            || self.focus == IntakeField::Account
            || LINE_FIELDS.contains(&self.focus)
    }

    /// Anything typed that would be lost by clearing the form (the default time aside).
    pub fn has_text(&self) -> bool {
        LINE_FIELDS
            .iter()
            .zip(&self.lines)
            .any(|(f, t)| *f != IntakeField::ReceivedAt && !t.is_empty())
            || !self.account.is_empty()
            || self.reps.iter().flatten().any(|t| !t.is_empty())
    }

    /// Fields a Tab visits: head-count and representatives only for a collective visit.
    fn visits(&self, field: IntakeField) -> bool {
        match field {
            IntakeField::HeadCount | IntakeField::Representatives => self.collective,
            _ => true,
        }
    }

    pub fn move_focus(&mut self, forward: bool) {
        let order = IntakeField::ORDER;
        let n = order.len();
        let mut i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        for _ in 0..n {
            i = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            if self.visits(order[i]) {
                break;
            }
        }
        self.focus = order[i];
        self.pick = 0;
    }

    /// Feed a key to the focused text. Returns true if the text changed.
    pub fn type_key(&mut self, input: Input) -> bool {
        let picker = matches!(self.focus, IntakeField::Category | IntakeField::Units)
            && self.rep_focus.is_none();
        // Backspace in an empty units query removes the last unit picked.
        if self.focus == IntakeField::Units
            && self.rep_focus.is_none()
            && input.key == Key::Backspace
            && self.text(IntakeField::Units).is_empty()
        {
            return self.units.pop().is_some();
        }
        let Some(field) = self.focused_text() else {
            return false;
        };
        let changed = field.input_without_shortcuts(input);
        if changed && picker {
            if self.focus == IntakeField::Category {
                self.category = None;
            }
            self.pick = 0;
        }
        changed
    }

    /// A paste goes into the focused field whole, control characters removed; only the
    /// account keeps line breaks.
    pub fn paste(&mut self, text: &str) -> bool {
        let multi_line = self.focus == IntakeField::Account && self.rep_focus.is_none();
        let clean = clean_text(text, multi_line);
        let is_category = self.focus == IntakeField::Category;
        let Some(field) = self.focused_text() else {
            return false;
        };
        let changed = field.insert_str(clean);
        if changed && is_category {
            self.category = None;
        }
        changed
    }

    pub fn cycle_choice(&mut self, forward: bool) {
        fn step<T: Copy + PartialEq>(all: &[T], cur: T, forward: bool) -> T {
            let i = all.iter().position(|x| *x == cur).unwrap_or(0);
            let n = all.len();
            all[if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            }]
        }
        match self.focus {
            IntakeField::Sex => {
                self.sex = step(
                    &[None, Some(Sex::Male), Some(Sex::Female)],
                    self.sex,
                    forward,
                )
            }
            IntakeField::Channel => self.channel = step(&Channel::ALL, self.channel, forward),
            IntakeField::Collective => self.collective = !self.collective,
            IntakeField::Urgent => self.urgent = !self.urgent,
            IntakeField::Kind => self.kind = step(&MatterKind::ALL, self.kind, forward),
            IntakeField::Leapfrog => {
                let all = [
                    None,
                    Some(Leapfrog::Village),
                    Some(Leapfrog::Township),
                    Some(Leapfrog::County),
                    Some(Leapfrog::City),
                ];
                self.leapfrog = step(&all, self.leapfrog, forward);
            }
            _ => {}
        }
    }

    /// A digit picks a choice directly (1 = first).
    pub fn pick_choice(&mut self, digit: usize) -> bool {
        let d = digit;
        match self.focus {
            IntakeField::Sex if (1..=3).contains(&d) => {
                self.sex = [None, Some(Sex::Male), Some(Sex::Female)][d - 1];
            }
            IntakeField::Channel if (1..=Channel::ALL.len()).contains(&d) => {
                self.channel = Channel::ALL[d - 1];
            }
            IntakeField::Collective if (1..=2).contains(&d) => self.collective = d == 2,
            IntakeField::Urgent if (1..=2).contains(&d) => self.urgent = d == 2,
            IntakeField::Kind if (1..=MatterKind::ALL.len()).contains(&d) => {
                self.kind = MatterKind::ALL[d - 1];
            }
            IntakeField::Leapfrog if (1..=5).contains(&d) => {
                self.leapfrog = if d == 1 {
                    None
                } else {
                    Some(Leapfrog::ALL[d - 2])
                };
            }
            _ => return false,
        }
        true
    }

    pub fn input(&self) -> IntakeInput {
        IntakeInput {
            id_number: self.text(IntakeField::IdNumber),
            name: self.text(IntakeField::Name),
            sex: self.sex,
            phone: self.text(IntakeField::Phone),
            address: self.text(IntakeField::Address),
            work_unit: self.text(IntakeField::WorkUnit),
            channel: self.channel,
            urgent: self.urgent,
            received_at: self.text(IntakeField::ReceivedAt),
            collective: self.collective,
            head_count: self.text(IntakeField::HeadCount),
            representatives: self.rep_inputs(),
            category_id: self.category.as_ref().map(|c| c.id),
            kind: self.kind,
            unit_ids: self.units.iter().map(|u| u.id).collect(),
            leapfrog: self.leapfrog,
            summary: self.text(IntakeField::Summary),
            account: self.account.lines().join("\n"),
            contact: self.contact,
            expert_id: self.expert.as_ref().map(|e| e.staff_id),
        }
    }

    fn rep_inputs(&self) -> Vec<RepresentativeInput> {
        self.reps
            .iter()
            .map(|[n, i, p]| RepresentativeInput {
                name: text_of(n),
                id_number: text_of(i),
                phone: text_of(p),
            })
            .collect()
    }

    pub fn set_category(&mut self, category: Category) {
        self.set_text(IntakeField::Category, &category.name_zh);
        self.category = Some(category);
        self.pick = 0;
    }

    pub fn add_unit(&mut self, unit: Unit) {
        if !self.units.iter().any(|u| u.id == unit.id) {
            self.units.push(unit);
        }
        self.set_text(IntakeField::Units, "");
        self.pick = 0;
    }

    /// Move within the representatives dialog: Tab goes name → ID → phone → next row.
    pub fn rep_move(&mut self, forward: bool) {
        if let Some((r, c)) = self.rep_focus {
            let i = r * 3 + c;
            let n = REPRESENTATIVES * 3;
            let j = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            self.rep_focus = Some((j / 3, j % 3));
        }
    }

    /// The form as a draft, to be saved while it is typed.
    pub fn to_draft(&self) -> IntakeDraft {
        IntakeDraft {
            focus: IntakeField::ORDER
                .iter()
                .position(|f| *f == self.focus)
                .unwrap_or(0),
            lines: self.lines.iter().map(text_of).collect(),
            account: self.account.lines().join("\n"),
            sex: self.sex,
            channel: self.channel.code().to_string(),
            urgent: self.urgent,
            collective: self.collective,
            kind: self.kind.code().to_string(),
            leapfrog: self.leapfrog,
            category_id: self.category.as_ref().map(|c| c.id),
            unit_ids: self.units.iter().map(|u| u.id).collect(),
            representatives: self.rep_inputs(),
            repeat_of: match self.contact {
                ContactKind::RepeatOf(id) => Some(id),
                ContactKind::FirstContact => None,
            },
            repeat_number: self.repeat_number.clone(),
        }
    }

    /// Rebuild a form from a draft, with the reference lists to resolve ids.
    pub fn from_draft(
        d: &IntakeDraft,
        now: NaiveDateTime,
        categories: &[Category],
        units: &[Unit],
    ) -> Self {
        let mut f = Self::new(now);
        for (i, text) in d.lines.iter().enumerate().take(LINE_FIELDS.len()) {
            f.lines[i] = text_with(text);
        }
        let mut account = account_field();
        account.insert_str(&d.account);
        f.account = account;
        f.sex = d.sex;
        f.channel = d.channel.parse().unwrap_or(Channel::Visit);
        f.urgent = d.urgent;
        f.collective = d.collective;
        f.kind = d.kind.parse().unwrap_or(MatterKind::Request);
        f.leapfrog = d.leapfrog;
        f.category = d
            .category_id
            .and_then(|id| categories.iter().find(|c| c.id == id).cloned());
        f.units = d
            .unit_ids
            .iter()
            .filter_map(|id| units.iter().find(|u| u.id == *id).cloned())
            .collect();
        for (row, r) in d.representatives.iter().enumerate().take(REPRESENTATIVES) {
            f.reps[row] = [
                text_with(&r.name),
                text_with(&r.id_number),
                text_with(&r.phone),
            ];
        }
        if let Some(id) = d.repeat_of {
            f.contact = ContactKind::RepeatOf(id);
            f.repeat_number = d.repeat_number.clone();
        }
        f.focus = IntakeField::ORDER
            .get(d.focus)
            .copied()
            .unwrap_or(IntakeField::IdNumber);
        f
    }
}

/// A half-typed form, as saved in the drafts table (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntakeDraft {
    pub focus: usize,
    pub lines: Vec<String>,
    pub account: String,
    pub sex: Option<Sex>,
    pub channel: String,
    #[serde(default)]
    pub urgent: bool,
    pub collective: bool,
    pub kind: String,
    /// Drafts written before the field had its DESIGN name call it `skipped_level`.
    #[serde(alias = "skipped_level")]
    pub leapfrog: Option<Leapfrog>,
    pub category_id: Option<i64>,
    pub unit_ids: Vec<i64>,
    pub representatives: Vec<RepresentativeInput>,
    pub repeat_of: Option<i64>,
    pub repeat_number: Option<String>,
}

/// Items matching what was typed: its number (1-based, as listed), part of its name, its
/// pinyin initials (`zd` → 征地拆迁) or its code.
pub fn match_items<'a, T>(all: &'a [T], query: &str, name: impl Fn(&T) -> [&str; 3]) -> Vec<&'a T> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return all.iter().collect();
    }
    if let Ok(n) = q.parse::<usize>() {
        return all.get(n.wrapping_sub(1)).into_iter().collect();
    }
    let mut prefix: Vec<&T> = Vec::new();
    let mut rest: Vec<&T> = Vec::new();
    for item in all {
        let [zh, initials, other] = name(item);
        let other = other.to_lowercase();
        if initials.starts_with(&q) || zh.starts_with(&q) || other.starts_with(&q) {
            prefix.push(item);
        } else if zh.contains(&q) || initials.contains(&q) || other.contains(&q) {
            rest.push(item);
        }
    }
    prefix.extend(rest);
    prefix
}

pub fn match_categories<'a>(all: &'a [Category], query: &str) -> Vec<&'a Category> {
    match_items(all, query, |c| [&c.name_zh, &c.initials, &c.name_en])
}

pub fn match_units<'a>(all: &'a [Unit], query: &str) -> Vec<&'a Unit> {
    match_items(all, query, |u| [&u.name, &u.initials, &u.code])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats() -> Vec<Category> {
        [
            ("land", "征地拆迁", "zdcq"),
            ("wages", "拖欠工资", "tqgz"),
            ("housing", "城乡建设与住房", "cxjsyzf"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (code, zh, ini))| Category {
            id: i as i64 + 1,
            code: code.to_string(),
            name_zh: zh.to_string(),
            name_en: code.to_string(),
            initials: ini.to_string(),
        })
        .collect()
    }

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn picker_finds_by_initials_name_and_number() {
        let all = cats();
        assert_eq!(match_categories(&all, "zd")[0].name_zh, "征地拆迁");
        assert_eq!(match_categories(&all, "工资")[0].name_zh, "拖欠工资");
        assert_eq!(match_categories(&all, "3")[0].name_zh, "城乡建设与住房");
        assert!(match_categories(&all, "9").is_empty());
        assert_eq!(match_categories(&all, "").len(), 3);
    }

    #[test]
    fn pasted_escape_sequences_are_removed_and_only_the_account_keeps_lines() {
        let mut f = IntakeForm::new(now());
        f.focus = IntakeField::Summary;
        f.paste("工资\u{1b}[31m拖欠\n三个月");
        assert_eq!(f.text(IntakeField::Summary), "工资拖欠三个月");
        f.focus = IntakeField::Account;
        f.paste("第一行\u{1b}]0;title\u{7}\n第二行");
        assert_eq!(f.account.lines(), ["第一行", "第二行"]);
    }

    #[test]
    fn tab_skips_head_count_and_representatives_unless_collective() {
        let mut f = IntakeForm::new(now());
        f.focus = IntakeField::Collective;
        f.move_focus(true);
        assert_eq!(f.focus, IntakeField::Category);
        f.focus = IntakeField::Collective;
        f.collective = true;
        f.move_focus(true);
        assert_eq!(f.focus, IntakeField::HeadCount);
    }

    #[test]
    fn a_draft_brings_the_form_back_whole() {
        let mut f = IntakeForm::new(now());
        f.set_text(IntakeField::Name, "张三");
        f.account.insert_str("第一行\n第二行");
        f.collective = true;
        f.reps[1] = [text_with("李四"), text_with(""), text_with("13912345678")];
        f.category = Some(cats()[1].clone());
        f.focus = IntakeField::Account;
        let json = serde_json::to_string(&f.to_draft()).unwrap();
        let back: IntakeDraft = serde_json::from_str(&json).unwrap();
        let g = IntakeForm::from_draft(&back, now(), &cats(), &[]);
        assert_eq!(g.text(IntakeField::Name), "张三");
        assert_eq!(g.account.lines(), ["第一行", "第二行"]);
        assert!(g.collective);
        assert_eq!(text_of(&g.reps[1][0]), "李四");
        assert_eq!(g.category.as_ref().map(|c| c.id), Some(2));
        assert_eq!(g.focus, IntakeField::Account);
        assert_eq!(g.to_draft(), f.to_draft());
    }
}
