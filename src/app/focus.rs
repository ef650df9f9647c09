//! Which component has the keys: the top dialog over the current pane, or the pane; its text
//! field; the keymap scopes consulted in order; which conditions hold and what the legend
//! may offer. Decided here and nowhere else.

use super::dialogs::Dialog;
use super::dialogs::form::Form;
use super::keymap::{self, Binding, Needs, Scope, When};
use super::panes::Pane;
use super::panes::supervision::View;
use super::session::StatusKind;
use super::text_field::TextKind;
use super::{App, Outcome};
use crate::domain::timeline::TimelineItem;
use crate::domain::workflow;
use crate::i18n::Msg;
use crossterm::event::KeyEvent;

impl App {
    fn pane_scope(&self) -> Scope {
        match self.pane {
            Pane::Intake => Scope::Intake,
            Pane::Queue if self.panes.queue.detail.is_some() => Scope::Detail,
            Pane::Queue => Scope::Queue,
            Pane::Roster => Scope::Roster,
            Pane::Supervision if self.panes.supervision.view == View::Stats => Scope::Stats,
            Pane::Supervision => Scope::Supervision,
        }
    }

    /// The text field with focus in whatever has the keys, if any.
    fn text_kind(&self) -> Option<TextKind> {
        match self.dialogs.top(self.pane) {
            Some(d) => d.text_kind(),
            None if self.pane == Pane::Intake => self.panes.intake.text_kind(),
            None if self.pane == Pane::Queue => self.panes.queue.text_kind(),
            None => None,
        }
    }

    /// Scopes consulted for a key, innermost first: the component with the keys, its text
    /// field, then the global keys unless a modal dialog holds them.
    pub fn scopes(&self) -> Vec<Scope> {
        let (scope, modal) = match self.dialogs.top(self.pane) {
            Some(d) => (d.scope(), d.modal()),
            None => (self.pane_scope(), false),
        };
        let mut scopes = vec![scope];
        if self.text_kind().is_some() {
            scopes.push(Scope::Text);
        }
        if !modal {
            scopes.push(Scope::Global);
        }
        scopes
    }

    /// The case whose detail is open, if one is.
    pub(super) fn open_case(&self) -> Option<&crate::domain::CaseDetail> {
        (self.pane == Pane::Queue)
            .then(|| self.panes.queue.detail.as_ref().map(|d| &d.case))
            .flatten()
    }

    /// The form on top, if a form has the keys.
    fn top_form(&self) -> Option<&Form> {
        match self.dialogs.top(self.pane) {
            Some(Dialog::Form(f)) => Some(&f.form),
            Some(Dialog::RosterForm(f)) => Some(&f.form),
            _ => None,
        }
    }

    fn supervision_shows(&self, view: View) -> bool {
        self.pane == Pane::Supervision && self.panes.supervision.view == view
    }

    /// Whether a keymap condition holds now.
    pub fn holds(&self, when: When) -> bool {
        match when {
            When::Always => true,
            When::MultiLine => self.text_kind() == Some(TextKind::MultiLine),
            When::NotMultiLine => self.text_kind() != Some(TextKind::MultiLine),
            When::Step(kind) => self
                .open_case()
                .is_some_and(|c| workflow::applies(kind, &c.facts)),
            When::DetailOpen => self.open_case().is_some(),
            When::UnconfirmedIncident => self.open_case().is_some_and(|c| {
                c.timeline.iter().any(
                    |e| matches!(&e.item, TimelineItem::Incident(i) if i.confirmed_at.is_none()),
                )
            }),
            When::FormChoice => self.top_form().is_some_and(Form::focus_is_choice),
            When::FormPick => self.top_form().is_some_and(Form::focus_is_pick),
            When::FormPickQueryEmpty => self.top_form().is_some_and(Form::pick_query_empty),
            When::SupervisionList => self.supervision_shows(View::List),
            When::SupervisionRow => {
                self.supervision_shows(View::List)
                    && self.panes.supervision.list.selected_row().is_some()
            }
            When::SupervisionFindings => self.supervision_shows(View::Findings),
            When::SupervisionNotices => self.supervision_shows(View::Notices),
            When::MaterialToggle => matches!(
                self.dialogs.top(self.pane),
                Some(Dialog::Materials(m)) if m.text_kind().is_none()
            ),
            When::QueueMarked => {
                self.pane == Pane::Queue
                    && self.panes.queue.detail.is_none()
                    && self.panes.queue.text_kind().is_none()
                    && !self.panes.queue.marked.is_empty()
            }
            When::QueueSearching | When::QueueBrowsing | When::QueueSearchShown => {
                let queue = &self.panes.queue;
                let searching = queue.text_kind().is_some();
                self.pane == Pane::Queue
                    && match when {
                        When::QueueSearching => searching,
                        When::QueueBrowsing => !searching,
                        _ => !searching && queue.search.is_some(),
                    }
            }
            When::RosterWeek
            | When::RosterSlot
            | When::RosterPatterns
            | When::RosterPattern
            | When::RosterPerson => {
                use super::panes::roster::RosterView;
                let r = &self.panes.roster;
                self.pane == Pane::Roster
                    && match when {
                        When::RosterWeek => r.view == RosterView::Week,
                        When::RosterSlot => r.selected_slot().is_some(),
                        When::RosterPatterns => r.view == RosterView::Patterns,
                        When::RosterPattern => r.selected_pattern().is_some(),
                        _ => r.selected_slot().is_some() || r.selected_pattern().is_some(),
                    }
            }
            other => self.pane == Pane::Intake && self.panes.intake.holds(other),
        }
    }

    /// Whether the user's roles allow what a binding needs (decided in the domain).
    pub fn allowed(&self, needs: Needs) -> bool {
        match needs {
            Needs::Anyone => true,
            Needs::Act(act) => self.session.may(act),
            Needs::Step(kind) => self
                .open_case()
                .is_some_and(|c| workflow::may(&self.session.me, kind, &c.facts)),
        }
    }

    /// A key the user's roles do not allow: say what it does and which roles it needs.
    pub(super) fn say_needs_role(&mut self, binding: &Binding) {
        let lang = self.session.lang;
        let roles: Vec<&str> = self
            .roles_needed(binding.needs)
            .iter()
            .map(|r| crate::i18n::Label::label(r, lang))
            .collect();
        self.session.say(
            StatusKind::Error,
            Msg::NeedsRole {
                what: binding.does.get(lang).to_string(),
                roles: roles.join(lang.pick("、", ", ")),
            },
        );
    }

    /// The roles a binding needs, for a refusal in words.
    pub fn roles_needed(&self, needs: Needs) -> Vec<crate::domain::Role> {
        match needs {
            Needs::Anyone => vec![],
            Needs::Act(act) => act.roles().to_vec(),
            Needs::Step(kind) => self
                .open_case()
                .map(|c| workflow::roles_for(kind, &c.facts))
                .unwrap_or_default(),
        }
    }

    /// Whether a binding can be used now: its condition holds and the user's roles allow it.
    pub fn available(&self, binding: &Binding) -> bool {
        self.holds(binding.when) && self.allowed(binding.needs)
    }

    /// The bindings the legend shows now. While a save waits for the database the form takes
    /// no keys but the one that gives the save up, and the legend says only that.
    pub fn legend(&self) -> Vec<&'static Binding> {
        let waiting = self.holds(When::SaveWaiting) && self.dialogs.top(self.pane).is_none();
        self.scopes()
            .into_iter()
            .flat_map(keymap::bindings_of)
            .filter(|b| b.legend && self.available(b))
            .filter(|b| !waiting || b.when == When::SaveWaiting)
            .collect()
    }

    /// A step's key pressed where the step does not apply (approving a registered case): say
    /// so, and at which state the case is, rather than nothing.
    pub(super) fn say_step_not_now(&mut self, scopes: &[keymap::Scope], key: &KeyEvent) -> Outcome {
        let Some(binding) = keymap::lookup(scopes, key, |w| {
            matches!(w, keymap::When::Step(_)) || self.holds(w)
        }) else {
            return Outcome::Unchanged;
        };
        let (keymap::When::Step(kind), Some(case)) = (binding.when, self.open_case()) else {
            return Outcome::Unchanged;
        };
        let lang = self.session.lang;
        let message = Msg::StepNotNow {
            step: crate::i18n::Label::label(&kind, lang).to_string(),
            state: crate::i18n::Label::label(&case.row.state, lang).to_string(),
        };
        self.session.say(StatusKind::Error, message);
        Outcome::Redraw
    }
}
