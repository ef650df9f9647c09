//! The intake form's state: fields, focus, the category picker and what validation said.

use crate::domain::intake::{IntakeField, IntakeInput};
use crate::domain::text::clean_text;
use crate::domain::{Category, Channel, MatterKind};
use chrono::NaiveDateTime;
use ratatui::style::Style;
use ratatui_textarea::{Input, TextArea, WrapMode};

pub struct IntakeForm {
    pub focus: IntakeField,
    pub id_number: TextArea<'static>,
    pub name: TextArea<'static>,
    pub phone: TextArea<'static>,
    pub channel: Channel,
    pub kind: MatterKind,
    /// What is typed in the category field: a number, part of a name, or pinyin initials.
    pub category_query: TextArea<'static>,
    pub category: Option<Category>,
    /// The highlighted match while the picker is open.
    pub category_pick: usize,
    pub summary: TextArea<'static>,
    /// The field validation complained about, and the message.
    pub error: Option<(IntakeField, String)>,
}

fn line_field() -> TextArea<'static> {
    let mut t = TextArea::default();
    // The terminal's own cursor marks the insertion point (input methods anchor there), so
    // the widget draws no cursor and no cursor-line highlight of its own.
    t.set_cursor_style(Style::default());
    t.set_cursor_line_style(Style::default());
    t.set_wrap_mode(WrapMode::None);
    t.set_max_histories(50);
    t
}

impl Default for IntakeForm {
    fn default() -> Self {
        Self {
            focus: IntakeField::IdNumber,
            id_number: line_field(),
            name: line_field(),
            phone: line_field(),
            channel: Channel::Visit,
            kind: MatterKind::Request,
            category_query: line_field(),
            category: None,
            category_pick: 0,
            summary: line_field(),
            error: None,
        }
    }
}

pub fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join("")
}

impl IntakeForm {
    /// The text field that has focus, if the focused field is a text field.
    pub fn focused_text(&mut self) -> Option<&mut TextArea<'static>> {
        match self.focus {
            IntakeField::IdNumber => Some(&mut self.id_number),
            IntakeField::Name => Some(&mut self.name),
            IntakeField::Phone => Some(&mut self.phone),
            IntakeField::Category => Some(&mut self.category_query),
            IntakeField::Summary => Some(&mut self.summary),
            IntakeField::Channel | IntakeField::Kind => None,
        }
    }

    pub fn focus_is_text(&self) -> bool {
        !matches!(self.focus, IntakeField::Channel | IntakeField::Kind)
    }

    /// Anything typed that would be lost by clearing the form.
    pub fn has_text(&self) -> bool {
        [
            &self.id_number,
            &self.name,
            &self.phone,
            &self.category_query,
            &self.summary,
        ]
        .iter()
        .any(|t| !t.is_empty())
    }

    pub fn move_focus(&mut self, forward: bool) {
        let order = IntakeField::ORDER;
        let i = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        let next = if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        };
        self.focus = order[next];
    }

    /// Feed a key to the focused text field. Returns true if the text changed.
    pub fn type_key(&mut self, input: Input) -> bool {
        let is_category = self.focus == IntakeField::Category;
        let Some(field) = self.focused_text() else {
            return false;
        };
        let changed = field.input_without_shortcuts(input);
        if changed && is_category {
            self.category = None;
            self.category_pick = 0;
        }
        changed
    }

    /// A paste goes into the focused field whole, on one line, with control characters removed.
    pub fn paste(&mut self, text: &str) -> bool {
        let clean = clean_text(text, false);
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
            IntakeField::Channel => self.channel = step(&Channel::ALL, self.channel, forward),
            IntakeField::Kind => self.kind = step(&MatterKind::ALL, self.kind, forward),
            _ => {}
        }
    }

    /// A digit picks a choice directly (1 = first).
    pub fn pick_choice(&mut self, digit: usize) -> bool {
        match self.focus {
            IntakeField::Channel if (1..=Channel::ALL.len()).contains(&digit) => {
                self.channel = Channel::ALL[digit - 1];
                true
            }
            IntakeField::Kind if (1..=MatterKind::ALL.len()).contains(&digit) => {
                self.kind = MatterKind::ALL[digit - 1];
                true
            }
            _ => false,
        }
    }

    pub fn input(&self, received_at: NaiveDateTime) -> IntakeInput {
        IntakeInput {
            id_number: text_of(&self.id_number),
            name: text_of(&self.name),
            phone: text_of(&self.phone),
            channel: self.channel,
            kind: self.kind,
            category_id: self.category.as_ref().map(|c| c.id),
            summary: text_of(&self.summary),
            account: String::new(),
            received_at,
        }
    }

    pub fn set_category(&mut self, category: Category) {
        let mut q = line_field();
        q.insert_str(&category.name_zh);
        self.category_query = q;
        self.category = Some(category);
        self.category_pick = 0;
    }
}

/// Categories matching what was typed: its number (1-based, as listed), part of its Chinese
/// name, its pinyin initials (`zd` → 征地拆迁) or its code.
pub fn match_categories<'a>(all: &'a [Category], query: &str) -> Vec<&'a Category> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return all.iter().collect();
    }
    if let Ok(n) = q.parse::<usize>() {
        return all.get(n.wrapping_sub(1)).into_iter().collect();
    }
    let mut prefix: Vec<&Category> = Vec::new();
    let mut rest: Vec<&Category> = Vec::new();
    for c in all {
        if c.initials.starts_with(&q) || c.name_zh.starts_with(&q) || c.code.starts_with(&q) {
            prefix.push(c);
        } else if c.name_zh.contains(&q)
            || c.initials.contains(&q)
            || c.name_en.to_lowercase().contains(&q)
        {
            rest.push(c);
        }
    }
    prefix.extend(rest);
    prefix
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
    fn pasted_escape_sequences_are_removed() {
        let mut f = IntakeForm {
            focus: IntakeField::Summary,
            ..Default::default()
        };
        f.paste("工资\u{1b}[31m拖欠\n三个月");
        assert_eq!(text_of(&f.summary), "工资拖欠三个月");
    }
}
