//! The roster's dialogs (managers): one file each, on the form engine (`../form.rs`), drawn by
//! `ui::dialogs::form`. Each declares its fields and turns the values into a change the store
//! checks in the domain and makes in one transaction.

mod add;
mod add_pattern;
mod end_pattern;
mod move_slot;
mod profile;
mod remove;
mod substitute;
mod swap;

use super::form::{Field, Form, FormValues, PickItem, ValueProblem};
use crate::domain::Category;
use crate::domain::roster::{
    DutySlot, Expert, HalfDay, NewPattern, PatternView, ProfileEdit, RosterEdit, RosterWeek,
};
use crate::i18n::Lang;
use crate::i18n::roster::{self as words, RosterMsg, RosterText};
use chrono::{NaiveDate, Weekday};

/// Which roster dialog a form is, with what it was opened on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterForm {
    Add,
    Move {
        staff_id: i64,
        from: HalfDay,
    },
    /// `others`: the slots of the week the picker offers, by index.
    Swap {
        first: (i64, HalfDay),
        others: Vec<(i64, HalfDay)>,
    },
    Remove {
        staff_id: i64,
        when: HalfDay,
    },
    Substitute {
        absent: i64,
        when: HalfDay,
    },
    Profile {
        staff_id: i64,
    },
    AddPattern,
    EndPattern {
        pattern_id: i64,
    },
}

/// A roster dialog: its form and which change it makes.
#[derive(Debug, Clone)]
pub struct RosterDialog {
    pub kind: RosterForm,
    pub form: Form,
}

impl std::ops::Deref for RosterDialog {
    type Target = Form;
    fn deref(&self) -> &Form {
        &self.form
    }
}

impl std::ops::DerefMut for RosterDialog {
    fn deref_mut(&mut self) -> &mut Form {
        &mut self.form
    }
}

/// What a submitted roster dialog asks of the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RosterAction {
    Edit(RosterEdit),
    AddPattern(NewPattern),
    EndPattern {
        pattern_id: i64,
        last_day: NaiveDate,
    },
    Profile(ProfileEdit),
}

/// What a roster dialog may draw on.
pub struct RosterContext<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    pub week: &'a RosterWeek,
    /// The slot selected in the week, if any.
    pub slot: Option<&'a DutySlot>,
    /// The pattern selected in the patterns view, if any.
    pub pattern: Option<&'a PatternView>,
    pub experts: &'a [Expert],
    pub categories: &'a [Category],
}

impl RosterContext<'_> {
    pub fn t(&self, text: RosterText) -> String {
        text.get(self.lang).to_string()
    }

    /// Active experts and leaders, as a picker offers them.
    pub fn expert_items(&self) -> Vec<PickItem> {
        self.experts
            .iter()
            .filter(|e| e.eligible)
            .map(|e| PickItem {
                id: e.staff_id,
                name: e.name.clone(),
                also: [
                    crate::domain::lookup::name_initials(&e.name),
                    e.login.clone(),
                ],
            })
            .collect()
    }

    pub fn half_options(&self) -> Vec<String> {
        vec![
            words::half(self.lang, false).to_string(),
            words::half(self.lang, true).to_string(),
        ]
    }

    /// A slot in one line: when, who, where.
    pub fn slot_line(&self, slot: &DutySlot) -> String {
        RosterMsg::SlotLine {
            when: words::when_text(self.lang, slot.when()),
            name: slot.staff_name.clone(),
            room: slot.room.clone(),
        }
        .text(self.lang)
    }

    pub fn name_of(&self, staff_id: i64) -> String {
        self.experts
            .iter()
            .find(|e| e.staff_id == staff_id)
            .map_or_else(|| format!("#{staff_id}"), |e| e.name.clone())
    }
}

/// Monday first, as the weekday choice lists them.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A date that may be left empty.
fn optional_date(v: &FormValues<'_>, i: usize) -> Result<Option<NaiveDate>, ValueProblem> {
    if v.text(i).is_empty() {
        Ok(None)
    } else {
        v.date(i).map(Some)
    }
}

/// The dialog for `form`.
pub fn dialog(form: RosterForm, ctx: &RosterContext<'_>) -> RosterDialog {
    let (title, context, fields): (String, Vec<String>, Vec<Field>) = match &form {
        RosterForm::Add => add::fields(ctx),
        RosterForm::Move { staff_id, from } => move_slot::fields(ctx, *staff_id, *from),
        RosterForm::Swap { first, others } => swap::fields(ctx, *first, others),
        RosterForm::Remove { staff_id, when } => remove::fields(ctx, *staff_id, *when),
        RosterForm::Substitute { absent, when } => substitute::fields(ctx, *absent, *when),
        RosterForm::Profile { staff_id } => profile::fields(ctx, *staff_id),
        RosterForm::AddPattern => add_pattern::fields(ctx),
        RosterForm::EndPattern { pattern_id } => end_pattern::fields(ctx, *pattern_id),
    };
    RosterDialog {
        kind: form,
        form: Form::new(title, context, fields),
    }
}

/// What a submitted roster dialog asks for.
pub fn action(
    form: &RosterForm,
    v: &FormValues<'_>,
    ctx: &RosterContext<'_>,
) -> Result<RosterAction, ValueProblem> {
    match form {
        RosterForm::Add => add::action(v),
        RosterForm::Move { staff_id, from } => move_slot::action(v, *staff_id, *from),
        RosterForm::Swap { first, others } => swap::action(v, *first, others),
        RosterForm::Remove { staff_id, when } => remove::action(v, *staff_id, *when),
        RosterForm::Substitute { absent, when } => substitute::action(v, *absent, *when),
        RosterForm::Profile { staff_id } => profile::action(v, *staff_id, ctx),
        RosterForm::AddPattern => add_pattern::action(v),
        RosterForm::EndPattern { pattern_id } => end_pattern::action(v, *pattern_id),
    }
}
