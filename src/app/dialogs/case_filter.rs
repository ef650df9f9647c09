//! The supervision list's filters, as a form: the queue's own (deadline class, unit,
//! category, channel, first or repeat contacts, mine, under supervision), chosen with the
//! keys every form uses and applied with Ctrl-S.

use super::form::{Field, FormDialog, FormPurpose, FormValues, PickItem};
use crate::domain::contact::Channel;
use crate::domain::query::{ContactsFilter, DueFilter, Filters};
use crate::domain::{Category, Unit};
use crate::i18n::supervision::Sv;
use crate::i18n::{Label, Lang};

const DUE: usize = 0;
const UNIT: usize = 1;
const CATEGORY: usize = 2;
const CHANNEL: usize = 3;
const CONTACTS: usize = 4;
const MINE: usize = 5;
const SUPERVISED: usize = 6;

pub fn dialog(
    lang: Lang,
    current: &Filters,
    units: &[Unit],
    categories: &[Category],
) -> FormDialog {
    let t = |s: Sv| s.text(lang);
    let yes_no = || vec![Sv::No.text(lang), Sv::Yes.text(lang)];
    let mut due = Field::choice(
        t(Sv::FieldUrgency),
        vec![t(Sv::All), t(Sv::OverdueOnly), t(Sv::DueSoonOnly)],
    );
    due.choice = match current.due {
        None => 0,
        Some(DueFilter::Overdue) => 1,
        Some(DueFilter::DueSoon) => 2,
    };
    let mut unit = Field::pick(
        t(Sv::FieldUnit),
        units
            .iter()
            .map(|u| PickItem {
                id: u.id,
                name: u.name.clone(),
                also: [u.initials.clone(), u.code.clone()],
            })
            .collect(),
        false,
    );
    unit.picked = current.unit_id.into_iter().collect();
    let mut category = Field::pick(
        t(Sv::FieldCategory),
        categories
            .iter()
            .map(|c| PickItem {
                id: c.id,
                name: if lang.is_zh() {
                    c.name_zh.clone()
                } else {
                    c.name_en.clone()
                },
                also: [c.initials.clone(), c.code.clone()],
            })
            .collect(),
        false,
    );
    category.picked = current.category_id.into_iter().collect();
    let mut channels = vec![t(Sv::All)];
    channels.extend(Channel::ALL.iter().map(|c| c.label(lang).to_string()));
    let mut channel = Field::choice(t(Sv::FieldChannel), channels);
    channel.choice = current
        .channel
        .and_then(|c| Channel::ALL.iter().position(|x| *x == c))
        .map_or(0, |i| i + 1);
    let mut contacts = Field::choice(
        t(Sv::FieldContacts),
        vec![t(Sv::All), t(Sv::FirstOnly), t(Sv::Repeated)],
    );
    contacts.choice = match current.contacts {
        ContactsFilter::Any => 0,
        ContactsFilter::FirstOnly => 1,
        ContactsFilter::Repeated => 2,
    };
    let mut mine = Field::choice(t(Sv::Mine), yes_no());
    mine.choice = usize::from(current.mine);
    let mut supervised = Field::choice(t(Sv::Supervised), yes_no());
    supervised.choice = usize::from(current.supervised);
    let key = crate::app::keymap::key_for(
        crate::app::keymap::Command::Form(super::form::FormCommand::Submit),
        lang,
    );
    FormDialog::new(
        t(Sv::FilterTitle),
        FormPurpose::CaseFilter,
        vec![Sv::FilterHint { key }.text(lang)],
        vec![due, unit, category, channel, contacts, mine, supervised],
    )
}

/// The filters the form's values make (the list keeps to open cases whatever they say).
pub fn filters(v: &FormValues<'_>) -> Filters {
    Filters {
        state: Default::default(),
        unit_id: v.picked(UNIT).first().copied(),
        category_id: v.picked(CATEGORY).first().copied(),
        channel: v
            .choice(CHANNEL)
            .checked_sub(1)
            .and_then(|i| Channel::ALL.get(i).copied()),
        due: match v.choice(DUE) {
            1 => Some(DueFilter::Overdue),
            2 => Some(DueFilter::DueSoon),
            _ => None,
        },
        contacts: match v.choice(CONTACTS) {
            1 => ContactsFilter::FirstOnly,
            2 => ContactsFilter::Repeated,
            _ => ContactsFilter::Any,
        },
        mine: v.choice(MINE) == 1,
        supervised: v.choice(SUPERVISED) == 1,
    }
}
