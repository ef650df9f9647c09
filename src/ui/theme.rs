//! Colours, or none at all with NO_COLOR: then reverse video and bold carry the meaning, and a
//! marker character always goes with an urgency colour.

use crate::domain::calendar::Urgency;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub fn plain() -> Self {
        Self { color: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn success(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn field(&self) -> Style {
        Style::default().add_modifier(Modifier::UNDERLINED)
    }

    pub fn urgency(&self, u: Urgency) -> Style {
        match u {
            Urgency::Overdue => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Urgency::DueSoon => self.fg(Color::Yellow),
            Urgency::Normal => Style::default(),
        }
    }
}
