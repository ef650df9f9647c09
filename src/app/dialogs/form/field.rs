//! One field of a form: what kind it is (a choice, text on one line or several, a date, a
//! number, a picker), its label, what was typed or chosen, and when it is shown.

use crate::app::panes::intake::choices::match_items;
use crate::app::text_field::{
    self, TextKind, line_field, multi_line_field, multi_line_field_with, text_of,
};
use ratatui_textarea::TextArea;

/// An item a picker offers: its id, its name, and other names it is found by (initials, code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub id: i64,
    pub name: String,
    pub also: [String; 2],
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    /// One of several options, in the screen's language.
    Choice(Vec<String>),
    Line,
    Lines,
    /// `YYYY-MM-DD`.
    Date,
    Number,
    /// Items picked by typing part of a name or its initials; one or several.
    Pick {
        items: Vec<PickItem>,
        several: bool,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    pub kind: FieldKind,
    pub text: TextArea<'static>,
    pub choice: usize,
    pub picked: Vec<i64>,
    /// The highlighted match of a picker.
    pub pick: usize,
    /// Shown (and asked) only while another field has this choice: (field, choice).
    pub only_when: Option<(usize, usize)>,
}

impl Field {
    fn new(label: impl Into<String>, kind: FieldKind) -> Self {
        let text = match kind {
            FieldKind::Lines => multi_line_field(),
            _ => line_field(),
        };
        Self {
            label: label.into(),
            kind,
            text,
            choice: 0,
            picked: vec![],
            pick: 0,
            only_when: None,
        }
    }

    pub fn choice(label: impl Into<String>, options: Vec<String>) -> Self {
        Self::new(label, FieldKind::Choice(options))
    }
    pub fn line(label: impl Into<String>) -> Self {
        Self::new(label, FieldKind::Line)
    }
    pub fn lines(label: impl Into<String>) -> Self {
        Self::new(label, FieldKind::Lines)
    }
    pub fn date(label: impl Into<String>) -> Self {
        Self::new(label, FieldKind::Date)
    }
    pub fn number(label: impl Into<String>) -> Self {
        Self::new(label, FieldKind::Number)
    }
    pub fn pick(label: impl Into<String>, items: Vec<PickItem>, several: bool) -> Self {
        Self::new(label, FieldKind::Pick { items, several })
    }

    /// Start with this text.
    pub fn with_text(mut self, text: &str) -> Self {
        self.text = match self.kind {
            FieldKind::Lines => multi_line_field_with(text),
            _ => text_field::line_field_with(text),
        };
        self
    }

    /// Shown only while field `field` has choice `choice`.
    pub fn only_when(mut self, field: usize, choice: usize) -> Self {
        self.only_when = Some((field, choice));
        self
    }

    pub fn text_kind(&self) -> Option<TextKind> {
        match self.kind {
            FieldKind::Choice(_) => None,
            FieldKind::Lines => Some(TextKind::MultiLine),
            _ => Some(TextKind::SingleLine),
        }
    }

    /// The items of a picker that match what was typed.
    pub fn matches(&self) -> Vec<&PickItem> {
        match &self.kind {
            FieldKind::Pick { items, .. } => match_items(items, &text_of(&self.text), |i| {
                [i.name.as_str(), i.also[0].as_str(), i.also[1].as_str()]
            }),
            _ => vec![],
        }
    }
}
