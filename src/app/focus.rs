//! Which component has the keys: the top dialog over the current pane, or the pane; its text
//! field; the keymap scopes consulted in order; which conditions hold and what the legend
//! may offer. Decided here and nowhere else.

use super::App;
use super::keymap::{self, Binding, Scope, When};
use super::panes::Pane;
use super::text_field::TextKind;

impl App {
    fn pane_scope(&self) -> Scope {
        match self.pane {
            Pane::Intake => Scope::Intake,
            Pane::Queue if self.panes.queue.detail.is_some() => Scope::Detail,
            Pane::Queue => Scope::Queue,
            Pane::Roster => Scope::Roster,
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

    /// Whether a keymap condition holds now.
    pub fn holds(&self, when: When) -> bool {
        match when {
            When::Always => true,
            When::MultiLine => self.text_kind() == Some(TextKind::MultiLine),
            When::NotMultiLine => self.text_kind() != Some(TextKind::MultiLine),
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
            other => self.pane == Pane::Intake && self.panes.intake.holds(other),
        }
    }

    /// Whether a binding can be used now: its condition holds and the user's roles allow it.
    pub fn available(&self, binding: &Binding) -> bool {
        self.holds(binding.when) && binding.needs.is_none_or(|act| self.session.may(act))
    }

    /// The bindings the legend shows now.
    pub fn legend(&self) -> Vec<&'static Binding> {
        self.scopes()
            .into_iter()
            .flat_map(keymap::bindings_of)
            .filter(|b| b.legend && self.available(b))
            .collect()
    }
}
