//! Keys as the table names them: one key with modifiers, or a pattern (any printable
//! character, a digit, any key); how a key event matches, and what a key is called on screen.

use crate::i18n::{Lang, Text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// One key with these modifiers (Control and Alt must match; Shift is part of a character).
    Key(KeyCode, KeyModifiers),
    /// Any printable character (typing into a text field).
    Printable,
    /// A digit 1–9 (picking a choice by its number).
    Digit,
    /// Any key at all (closing the help overlay).
    Any,
}

impl Keys {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
        match self {
            Keys::Key(code, mods) => {
                code == key.code
                    && (code == KeyCode::BackTab || (key.modifiers & ctrl_alt) == (mods & ctrl_alt))
            }
            Keys::Printable => {
                matches!(key.code, KeyCode::Char(_)) && !key.modifiers.intersects(ctrl_alt)
            }
            Keys::Digit => {
                matches!(key.code, KeyCode::Char('1'..='9')) && !key.modifiers.intersects(ctrl_alt)
            }
            Keys::Any => true,
        }
    }
}

impl Keys {
    /// What the key is called on screen: `^S`, `F5`, `M-1`, `↑`, and in words where a
    /// language has its own name for it (回车 for Enter).
    pub fn name(self, lang: Lang) -> String {
        let (code, mods) = match self {
            Keys::Key(code, mods) => (code, mods),
            Keys::Printable => return Text::KeyNameCharacters.get(lang).to_string(),
            Keys::Digit => return "1-9".to_string(),
            Keys::Any => return Text::KeyNameAny.get(lang).to_string(),
        };
        let base = match code {
            KeyCode::Char(' ') => Text::KeyNameSpace.get(lang).to_string(),
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                format!("^{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => Text::KeyNameEnter.get(lang).to_string(),
            KeyCode::Backspace => Text::KeyNameBackspace.get(lang).to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "S-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Delete => "Del".to_string(),
            other => format!("{other:?}"),
        };
        if mods.contains(KeyModifiers::ALT) {
            format!("M-{base}")
        } else {
            base
        }
    }
}
