//! The help overlay: every key of what is under it, drawn from the same keymap the program
//! dispatches from. Keys not available now (a condition, or a role the user lacks) are listed
//! too, marked so, so a user learns what exists.

use crate::app::keymap::{Binding, Command, Keys, Scope, bindings_of};
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpCommand {
    Close,
    ScrollUp,
    ScrollDown,
}

/// One line of help: the keys that do one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub keys: Vec<Keys>,
    pub does: Text,
    pub available: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpDialog {
    pub entries: Vec<HelpEntry>,
    /// The first line shown, when the list is longer than the screen.
    pub scroll: usize,
}

impl HelpDialog {
    pub fn new(entries: Vec<HelpEntry>) -> Self {
        Self { entries, scroll: 0 }
    }

    pub fn handle(&mut self, command: HelpCommand) -> super::After {
        match command {
            HelpCommand::Close => return super::After::Close,
            HelpCommand::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            HelpCommand::ScrollDown => {
                self.scroll = (self.scroll + 1).min(self.entries.len().saturating_sub(1))
            }
        }
        super::After::Stay
    }
}

/// The help lines for `scopes`, in table order: keys that do the same thing share a line
/// ("F1/M-1"). `available` says whether a binding can be used now.
pub fn entries(scopes: &[Scope], available: impl Fn(&Binding) -> bool) -> Vec<HelpEntry> {
    let mut out: Vec<HelpEntry> = vec![];
    let mut commands: Vec<Command> = vec![];
    for scope in scopes {
        for b in bindings_of(*scope) {
            let ok = available(b);
            if let Some(i) = commands.iter().position(|c| *c == b.command)
                && let Some(e) = out.get_mut(i)
                && e.does == b.does
            {
                // A key bound under two conditions is listed once.
                if !e.keys.contains(&b.keys) {
                    e.keys.push(b.keys);
                }
                e.available |= ok;
                continue;
            }
            commands.push(b.command);
            out.push(HelpEntry {
                keys: vec![b.keys],
                does: b.does,
                available: ok,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Help is generated from the keymap: in every scope, every binding is listed.
    #[test]
    fn help_lists_every_binding_of_every_scope() {
        for scope in Scope::ALL {
            let help = entries(&[scope], |_| true);
            for b in bindings_of(scope) {
                assert!(
                    help.iter()
                        .any(|e| e.keys.contains(&b.keys) && e.does == b.does),
                    "help for {scope:?} lacks {:?}",
                    b.keys
                );
            }
        }
    }

    #[test]
    fn keys_for_one_thing_share_a_line() {
        let help = entries(&[Scope::Global], |_| true);
        let intake = help
            .iter()
            .find(|e| e.does == Text::PaneIntake)
            .expect("F1 listed");
        let names: Vec<String> = intake
            .keys
            .iter()
            .map(|k| k.name(crate::i18n::Lang::En))
            .collect();
        assert_eq!(names, ["F1", "M-1"]);
    }
}
