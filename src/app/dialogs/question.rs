//! A yes/no question that stands between the user and losing typed text. It holds every key
//! until it is answered, and says in words what it asks.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::intake::IntakeEvent;
use crate::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionCommand {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    QuitWithUnsavedForm,
    ClearForm,
    /// A draft left by an earlier session (hang-up, crash) waits: bring it back?
    RestoreDraft,
}

impl Question {
    pub fn text(self) -> Text {
        match self {
            Question::QuitWithUnsavedForm => Text::AskQuitWithUnsavedForm,
            Question::ClearForm => Text::AskClearForm,
            Question::RestoreDraft => Text::AskRestoreDraft,
        }
    }

    /// What an answer sets going.
    fn answered(self, yes: bool) -> Option<AppEvent> {
        match (self, yes) {
            (Question::QuitWithUnsavedForm, true) => Some(AppEvent::QuitNow),
            (Question::ClearForm, true) => Some(AppEvent::Intake(IntakeEvent::Clear)),
            (Question::RestoreDraft, true) => Some(AppEvent::Intake(IntakeEvent::RestoreDraft)),
            (Question::RestoreDraft, false) => Some(AppEvent::Intake(IntakeEvent::DiscardDraft)),
            (Question::QuitWithUnsavedForm | Question::ClearForm, false) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionDialog {
    pub question: Question,
}

impl QuestionDialog {
    pub fn new(question: Question) -> Self {
        Self { question }
    }

    pub fn handle(&mut self, command: QuestionCommand, events: &mut Vec<AppEvent>) -> After {
        events.extend(self.question.answered(command == QuestionCommand::Yes));
        After::Close
    }
}
