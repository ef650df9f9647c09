//! A yes/no question that stands between the user and losing typed text. It holds every key
//! until it is answered, and says in words what it asks.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::intake::IntakeEvent;
use crate::i18n::{Lang, Msg, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionCommand {
    Yes,
    No,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    QuitWithUnsavedForm,
    /// The typed form could not be kept as a draft (why): quitting loses it.
    QuitLosingForm {
        why: String,
    },
    ClearForm,
    /// A draft left by an earlier session (hang-up, crash) waits: bring it back?
    RestoreDraft,
    /// The receipt time is more than a year back: save it anyway?
    LongAgoReceipt {
        days: i64,
    },
    /// Close a form and lose what was typed in it?
    DiscardForm,
    /// The person has an open case of the same category (条例 Art. 19): a repeat on it, not
    /// a new case?
    SameMatterOpen {
        case_id: i64,
        number: String,
        due: String,
    },
}

impl Question {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Question::QuitWithUnsavedForm => Text::AskQuitWithUnsavedForm.get(lang).to_string(),
            Question::QuitLosingForm { why } => {
                Msg::AskQuitLosingForm { why: why.clone() }.text(lang)
            }
            Question::ClearForm => Text::AskClearForm.get(lang).to_string(),
            Question::RestoreDraft => Text::AskRestoreDraft.get(lang).to_string(),
            Question::LongAgoReceipt { days } => Msg::AskLongAgoReceipt { days: *days }.text(lang),
            Question::DiscardForm => Text::AskDiscardForm.get(lang).to_string(),
            Question::SameMatterOpen { number, due, .. } => Msg::AskSameMatterOpen {
                number: number.clone(),
                due: due.clone(),
            }
            .text(lang),
        }
    }

    /// What an answer sets going.
    fn answered(&self, yes: bool) -> Option<AppEvent> {
        match (self, yes) {
            (Question::QuitWithUnsavedForm | Question::QuitLosingForm { .. }, true) => {
                Some(AppEvent::QuitNow)
            }
            (Question::ClearForm, true) => Some(AppEvent::Intake(IntakeEvent::Clear)),
            (Question::RestoreDraft, true) => Some(AppEvent::Intake(IntakeEvent::RestoreDraft)),
            (Question::RestoreDraft, false) => Some(AppEvent::Intake(IntakeEvent::DiscardDraft)),
            (Question::DiscardForm, true) => Some(AppEvent::CloseTopDialog),
            (Question::SameMatterOpen { case_id, .. }, true) => {
                Some(AppEvent::Intake(IntakeEvent::SaveAsRepeat(*case_id)))
            }
            (Question::SameMatterOpen { .. }, false) => {
                Some(AppEvent::Intake(IntakeEvent::SaveAsNewCase))
            }
            (Question::LongAgoReceipt { .. }, true) => {
                Some(AppEvent::Intake(IntakeEvent::SaveLongAgo))
            }
            (
                Question::QuitWithUnsavedForm
                | Question::QuitLosingForm { .. }
                | Question::ClearForm
                | Question::DiscardForm
                | Question::LongAgoReceipt { .. },
                false,
            ) => None,
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
