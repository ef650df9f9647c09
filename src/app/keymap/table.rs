//! The table itself: every key the program acts on, one row each.

use super::{Binding, Command, GlobalCommand, Keys, Needs, When};
use crate::app::dialogs::experts::ExpertsCommand;
use crate::app::dialogs::filter::FilterCommand;
use crate::app::dialogs::form::FormCommand;
use crate::app::dialogs::help::HelpCommand;
use crate::app::dialogs::history::HistoryCommand;
use crate::app::dialogs::materials::MaterialsCommand;
use crate::app::dialogs::notifications::NotificationsCommand;
use crate::app::dialogs::question::QuestionCommand;
use crate::app::dialogs::representatives::RepresentativesCommand;
use crate::app::panes::Pane;
use crate::app::panes::intake::IntakeCommand;
use crate::app::panes::queue::{DetailCommand, QueueCommand};
use crate::app::panes::roster::RosterCommand;
use crate::app::panes::supervision::{StatsCommand, SupervisionCommand as SC};
use crate::app::text_field::TextCommand;
use crate::domain::permission::Act;
use crate::domain::workflow::StepKind;
use crate::i18n::Text;
use crate::i18n::notifications::NoticeText;
use crate::i18n::roster::RosterText;
use crossterm::event::{KeyCode, KeyModifiers};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// A binding of one key, shown only in help, always available, for everyone.
const fn key(code: KeyCode, mods: KeyModifiers, command: Command, does: Text) -> Binding {
    Binding {
        keys: Keys::Key(code, mods),
        command,
        does,
        legend: false,
        when: When::Always,
        needs: Needs::Anyone,
    }
}

impl Binding {
    /// Also shown on the bottom line.
    const fn legend(mut self) -> Self {
        self.legend = true;
        self
    }
    const fn when(mut self, when: When) -> Self {
        self.when = when;
        self
    }
    const fn needs(mut self, act: Act) -> Self {
        self.needs = Needs::Act(act);
        self
    }
}

/// A key of a workflow step in a case's detail: available when the step applies to the case
/// as it is, to the roles the step needs there; on the bottom line when it can be used.
const fn step(code: char, kind: StepKind, does: Text) -> Binding {
    let mut b = key(
        K::Char(code),
        NONE,
        C::Detail(DetailCommand::Step(kind)),
        does,
    );
    b.legend = true;
    b.when = When::Step(kind);
    b.needs = Needs::Step(kind);
    b
}

const fn pattern(keys: Keys, command: Command, does: Text) -> Binding {
    Binding {
        keys,
        command,
        does,
        legend: false,
        when: When::Always,
        needs: Needs::Anyone,
    }
}

use Command as C;
use KeyCode as K;
use Text as T;

const fn pane_key(code: KeyCode, mods: KeyModifiers, pane: Pane, does: Text) -> Binding {
    key(code, mods, C::Global(GlobalCommand::ShowPane(pane)), does)
}

// One line per binding reads as a table; rustfmt would spread each over many lines. Within a
// scope, earlier rows win. The pane keys F1–F4 stay off the bottom line: the tab bar shows them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // The help overlay: arrows scroll a long list, any other key closes it.
    key(K::Down, NONE, C::Help(HelpCommand::ScrollDown), T::KeyScrollDown).legend(),
    key(K::Up, NONE, C::Help(HelpCommand::ScrollUp), T::KeyScrollUp).legend(),
    key(K::Esc, NONE, C::Help(HelpCommand::Close), T::KeyCloseHelp).legend(),
    pattern(Keys::Any, C::Help(HelpCommand::Close), T::KeyCloseHelp),

    // A yes/no question holds every key until it is answered.
    key(K::Char('y'), NONE, C::Question(QuestionCommand::Yes), T::KeyYes).legend(),
    key(K::Char('n'), NONE, C::Question(QuestionCommand::No), T::KeyNo).legend(),
    key(K::Esc, NONE, C::Question(QuestionCommand::No), T::KeyNo),

    // The intake form.
    key(K::Char('s'), CTRL, C::Intake(IntakeCommand::Save), T::KeySave).legend().needs(Act::RegisterIntake),
    key(K::Tab, NONE, C::Intake(IntakeCommand::NextField), T::KeyNextField).legend(),
    key(K::BackTab, SHIFT, C::Intake(IntakeCommand::PrevField), T::KeyPrevField),
    key(K::Enter, NONE, C::Intake(IntakeCommand::Enter), T::KeyIntakeEnter).when(When::NotMultiLine),
    key(K::Up, NONE, C::Intake(IntakeCommand::PickerUp), T::KeyPrevMatch).when(When::PickerFocused),
    key(K::Down, NONE, C::Intake(IntakeCommand::PickerDown), T::KeyNextMatch).when(When::PickerFocused),
    key(K::Left, NONE, C::Intake(IntakeCommand::ChoicePrev), T::KeyPrevChoice).when(When::ChoiceFocused),
    key(K::Right, NONE, C::Intake(IntakeCommand::ChoiceNext), T::KeyNextChoice).when(When::ChoiceFocused),
    key(K::Char(' '), NONE, C::Intake(IntakeCommand::ChoiceNext), T::KeyNextChoice).when(When::ChoiceFocused),
    pattern(Keys::Digit, C::Intake(IntakeCommand::ChoiceDigit), T::KeyChoiceDigit).when(When::ChoiceFocused),
    key(K::Backspace, NONE, C::Intake(IntakeCommand::RemoveLastUnit), T::KeyRemoveLastUnit).when(When::UnitsQueryEmpty),
    key(K::Esc, NONE, C::Intake(IntakeCommand::Clear), T::KeyGiveUpSave).legend().when(When::SaveWaiting),
    key(K::Esc, NONE, C::Intake(IntakeCommand::Clear), T::KeyClearForm),
    key(K::F(5), NONE, C::Intake(IntakeCommand::OpenHistory), T::KeyHistory).legend().when(When::HistoryFound),
    key(K::F(6), NONE, C::Intake(IntakeCommand::OpenRepresentatives), T::KeyRepresentatives).legend().when(When::Collective),
    key(K::F(7), NONE, C::Intake(IntakeCommand::OpenExperts), T::KeyRoute).legend().needs(Act::RouteToExpert),
    key(K::F(11), NONE, C::Intake(IntakeCommand::OpenMaterials), T::KeyMaterial),
    key(K::Char('o'), CTRL, C::Intake(IntakeCommand::OpenMaterials), T::KeyMaterial),
    key(K::F(8), NONE, C::Intake(IntakeCommand::Fill), T::KeyFill).when(When::HistoryFound),
    key(K::F(9), NONE, C::Intake(IntakeCommand::Receipt), T::KeyReceipt).legend().when(When::CaseSaved).needs(Act::RegisterIntake),

    // Editing whichever text field has focus.
    pattern(Keys::Printable, C::Text(TextCommand::Insert), T::KeyTypeText),
    key(K::Enter, NONE, C::Text(TextCommand::NewLine), T::KeyNewLine).when(When::MultiLine),
    key(K::Backspace, NONE, C::Text(TextCommand::Backspace), T::KeyBackspace),
    key(K::Delete, NONE, C::Text(TextCommand::Delete), T::KeyDelete),
    key(K::Left, NONE, C::Text(TextCommand::Left), T::KeyCursorLeft),
    key(K::Right, NONE, C::Text(TextCommand::Right), T::KeyCursorRight),
    key(K::Up, NONE, C::Text(TextCommand::Up), T::KeyCursorUp).when(When::MultiLine),
    key(K::Down, NONE, C::Text(TextCommand::Down), T::KeyCursorDown).when(When::MultiLine),
    key(K::Home, NONE, C::Text(TextCommand::LineStart), T::KeyLineStart),
    key(K::Char('a'), CTRL, C::Text(TextCommand::LineStart), T::KeyLineStart),
    key(K::End, NONE, C::Text(TextCommand::LineEnd), T::KeyLineEnd),
    key(K::Char('e'), CTRL, C::Text(TextCommand::LineEnd), T::KeyLineEnd),
    key(K::Char('w'), CTRL, C::Text(TextCommand::DeleteWordBack), T::KeyDeleteWord),

    // The history panel of a returning petitioner (F5).
    key(K::Up, NONE, C::History(HistoryCommand::Up), T::KeyPrevCase),
    key(K::Down, NONE, C::History(HistoryCommand::Down), T::KeyNextCase),
    key(K::Enter, NONE, C::History(HistoryCommand::AttachRepeat), T::KeyAttachRepeat).legend(),
    key(K::F(8), NONE, C::History(HistoryCommand::Fill), T::KeyFillPerson).legend(),
    key(K::F(5), NONE, C::History(HistoryCommand::Close), T::KeyBackToForm).legend(),
    key(K::Esc, NONE, C::History(HistoryCommand::Close), T::KeyBackToForm),

    // The representatives of a collective visit (F6).
    key(K::Tab, NONE, C::Representatives(RepresentativesCommand::NextCell), T::KeyNextCell).legend(),
    key(K::BackTab, SHIFT, C::Representatives(RepresentativesCommand::PrevCell), T::KeyPrevCell),
    key(K::Enter, NONE, C::Representatives(RepresentativesCommand::NextCell), T::KeyNextCell),
    key(K::Up, NONE, C::Representatives(RepresentativesCommand::PrevRow), T::KeyPrevRow).legend(),
    key(K::Down, NONE, C::Representatives(RepresentativesCommand::NextRow), T::KeyNextRow).legend(),
    key(K::F(6), NONE, C::Representatives(RepresentativesCommand::Done), T::KeyDone).legend(),
    key(K::Esc, NONE, C::Representatives(RepresentativesCommand::Done), T::KeyDone),
    key(K::Char('s'), CTRL, C::Representatives(RepresentativesCommand::Save), T::KeySave).legend().needs(Act::RegisterIntake),

    // The materials received (F11).
    key(K::Tab, NONE, C::Materials(MaterialsCommand::NextCell), T::KeyNextCell).legend(),
    key(K::BackTab, SHIFT, C::Materials(MaterialsCommand::PrevCell), T::KeyPrevCell),
    key(K::Enter, NONE, C::Materials(MaterialsCommand::NextCell), T::KeyNextCell),
    key(K::Up, NONE, C::Materials(MaterialsCommand::PrevRow), T::KeyPrevRow),
    key(K::Down, NONE, C::Materials(MaterialsCommand::NextRow), T::KeyNextRow),
    key(K::Char(' '), NONE, C::Materials(MaterialsCommand::Toggle), T::KeyToggle).legend().when(When::MaterialToggle),
    key(K::F(11), NONE, C::Materials(MaterialsCommand::Done), T::KeyDone).legend(),
    key(K::Esc, NONE, C::Materials(MaterialsCommand::Done), T::KeyDone),
    key(K::Char('s'), CTRL, C::Materials(MaterialsCommand::Save), T::KeySave).legend().needs(Act::RegisterIntake),

    // The duty-expert picker (F7).
    key(K::Up, NONE, C::Experts(ExpertsCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Experts(ExpertsCommand::Down), T::KeyDown),
    key(K::Enter, NONE, C::Experts(ExpertsCommand::Choose), T::KeyRouteToggle).legend(),
    key(K::Esc, NONE, C::Experts(ExpertsCommand::Close), T::KeyClose).legend(),

    // The queue: its list, the search field at its top, its filters and order. On the
    // bottom line what finds a case comes first; paging is in help (the arrows page too).
    // 批量: with cases marked, the steps on all of them come first on the bottom line.
    key(K::Char('t'), NONE, C::Queue(QueueCommand::Bulk(StepKind::Transfer)), T::KeyBulkTransfer).legend().when(When::QueueMarked).needs(Act::BulkAct),
    key(K::Char('g'), NONE, C::Queue(QueueCommand::Bulk(StepKind::Assign)), T::KeyBulkAssign).legend().when(When::QueueMarked).needs(Act::BulkAct),
    key(K::Char('d'), NONE, C::Queue(QueueCommand::Bulk(StepKind::Supervise)), T::KeyBulkSupervise).legend().when(When::QueueMarked).needs(Act::BulkAct),
    key(K::Char('u'), NONE, C::Queue(QueueCommand::ClearMarks), T::KeyClearMarks).legend().when(When::QueueMarked),
    key(K::Char('/'), NONE, C::Queue(QueueCommand::StartSearch), T::KeySearch).legend().when(When::QueueBrowsing),
    key(K::Char('f'), NONE, C::Queue(QueueCommand::Filters), T::KeyFilters).legend().when(When::QueueBrowsing),
    key(K::Char('s'), NONE, C::Queue(QueueCommand::Sort), T::KeySort).legend().when(When::QueueBrowsing),
    key(K::Enter, NONE, C::Queue(QueueCommand::Open), T::KeyDetails).legend().when(When::QueueBrowsing),
    key(K::Enter, NONE, C::Queue(QueueCommand::RunSearch), T::KeySearch).legend().when(When::QueueSearching),
    key(K::Esc, NONE, C::Queue(QueueCommand::ClearSearch), T::KeyClearSearch).legend().when(When::QueueSearching),
    key(K::Esc, NONE, C::Queue(QueueCommand::ClearSearch), T::KeyClearSearch).legend().when(When::QueueSearchShown),
    key(K::Up, NONE, C::Queue(QueueCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Queue(QueueCommand::Down), T::KeyDown),
    key(K::Char('k'), NONE, C::Queue(QueueCommand::Up), T::KeyUp).when(When::QueueBrowsing),
    key(K::Char('j'), NONE, C::Queue(QueueCommand::Down), T::KeyDown).when(When::QueueBrowsing),
    key(K::PageUp, NONE, C::Queue(QueueCommand::PageUp), T::KeyPageUp),
    key(K::PageDown, NONE, C::Queue(QueueCommand::PageDown), T::KeyPageDown),
    key(K::Home, NONE, C::Queue(QueueCommand::Newest), T::KeyNewest).when(When::QueueBrowsing),
    // A manager marks cases (Space) for a step on all of them.
    key(K::Char(' '), NONE, C::Queue(QueueCommand::Mark), T::KeyMark).when(When::QueueBrowsing).needs(Act::BulkAct),

    // The queue's filters (f).
    key(K::Up, NONE, C::Filter(FilterCommand::Up), T::KeyPrevFilter),
    key(K::Down, NONE, C::Filter(FilterCommand::Down), T::KeyNextFilter),
    key(K::Left, NONE, C::Filter(FilterCommand::Prev), T::KeyPrevValue),
    key(K::Right, NONE, C::Filter(FilterCommand::Next), T::KeyNextValue),
    key(K::Char(' '), NONE, C::Filter(FilterCommand::Next), T::KeyNextValue),
    key(K::Enter, NONE, C::Filter(FilterCommand::Apply), T::KeyApplyFilters).legend(),
    key(K::Delete, NONE, C::Filter(FilterCommand::Reset), T::KeyClearFilters).legend(),
    key(K::Esc, NONE, C::Filter(FilterCommand::Cancel), T::KeyCancel).legend(),

    // One case's detail.
    key(K::Esc, NONE, C::Detail(DetailCommand::Close), T::KeyBack).legend(),
    key(K::Char('v'), NONE, C::Detail(DetailCommand::RevealId), T::KeyRevealId).legend().needs(Act::RevealIdNumber),
    key(K::Up, NONE, C::Detail(DetailCommand::ScrollUp), T::KeyScrollUp),
    key(K::Down, NONE, C::Detail(DetailCommand::ScrollDown), T::KeyScrollDown),
    key(K::PageUp, NONE, C::Detail(DetailCommand::PageUp), T::KeyPageUp),
    key(K::PageDown, NONE, C::Detail(DetailCommand::PageDown), T::KeyPageDown),
    step('p', StepKind::Propose, T::KeyPropose),
    step('a', StepKind::Approve, T::KeyApprove),
    step('b', StepKind::Return, T::KeyReturn),
    step('t', StepKind::Transfer, T::KeyTransfer),
    step('h', StepKind::HandleHere, T::KeyHandleHere),
    step('n', StepKind::Reject, T::KeyReject),
    step('u', StepKind::Reply, T::KeyReply),
    step('s', StepKind::Review, T::KeyReview),
    step('f', StepKind::Feedback, T::KeyFeedback),
    step('c', StepKind::Close, T::KeyClose2),
    step('o', StepKind::FollowUp, T::KeyFollowUp),
    step('r', StepKind::Reopen, T::KeyReopen),
    step('e', StepKind::Extend, T::KeyExtend),
    step('z', StepKind::Suspend, T::KeySuspend),
    step('g', StepKind::Assign, T::KeyAssign),
    step('l', StepKind::TakeCharge, T::KeyTakeCharge),
    step('x', StepKind::Recuse, T::KeyRecuse),
    step('j', StepKind::JointReview, T::KeyJointReview),
    key(K::Char('d'), NONE, C::Detail(DetailCommand::Document), T::KeyDocument).when(When::DetailOpen).needs(Act::IssueDocument),
    key(K::Char('m'), NONE, C::Detail(DetailCommand::Material), T::KeyMaterial).when(When::DetailOpen).needs(Act::RecordMaterial),
    key(K::Char('i'), NONE, C::Detail(DetailCommand::Incident), T::KeyIncident).when(When::DetailOpen).needs(Act::RecordIncident),
    key(K::Char('k'), NONE, C::Detail(DetailCommand::ConfirmIncident), T::KeyConfirmIncident).when(When::UnconfirmedIncident).needs(Act::ConfirmIncident),

    // A form in a dialog (a step of a case, a material, an incident, a document).
    key(K::Char('s'), CTRL, C::Form(FormCommand::Submit), T::KeySave).legend(),
    key(K::Tab, NONE, C::Form(FormCommand::NextField), T::KeyNextField).legend(),
    key(K::BackTab, SHIFT, C::Form(FormCommand::PrevField), T::KeyPrevField),
    key(K::Left, NONE, C::Form(FormCommand::ChoicePrev), T::KeyPrevChoice).when(When::FormChoice),
    key(K::Right, NONE, C::Form(FormCommand::ChoiceNext), T::KeyNextChoice).when(When::FormChoice),
    key(K::Char(' '), NONE, C::Form(FormCommand::ChoiceNext), T::KeyNextChoice).when(When::FormChoice),
    pattern(Keys::Digit, C::Form(FormCommand::ChoiceDigit), T::KeyChoiceDigit).when(When::FormChoice),
    key(K::Up, NONE, C::Form(FormCommand::PickUp), T::KeyPrevMatch).when(When::FormPick),
    key(K::Down, NONE, C::Form(FormCommand::PickDown), T::KeyNextMatch).when(When::FormPick),
    key(K::Backspace, NONE, C::Form(FormCommand::RemoveLastPick), T::KeyRemoveLastPick).when(When::FormPickQueryEmpty),
    key(K::Enter, NONE, C::Form(FormCommand::Enter), T::KeyFormEnter).when(When::NotMultiLine),
    key(K::Esc, NONE, C::Form(FormCommand::Cancel), T::KeyCancel).legend(),

    // The roster (值班): weeks and weekly patterns, and managers' changes. Within the week, the
    // keys act on the highlighted slot.
    key(K::Up, NONE, C::Roster(RosterCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Roster(RosterCommand::Down), T::KeyDown),
    key(K::Char('k'), NONE, C::Roster(RosterCommand::Up), T::KeyUp),
    key(K::Char('j'), NONE, C::Roster(RosterCommand::Down), T::KeyDown),
    key(K::Left, NONE, C::Roster(RosterCommand::PrevWeek), T::Roster(RosterText::KeyPrevWeek)).legend().when(When::RosterWeek),
    key(K::Right, NONE, C::Roster(RosterCommand::NextWeek), T::Roster(RosterText::KeyNextWeek)).legend().when(When::RosterWeek),
    key(K::PageUp, NONE, C::Roster(RosterCommand::PrevWeek), T::Roster(RosterText::KeyPrevWeek)).when(When::RosterWeek),
    key(K::PageDown, NONE, C::Roster(RosterCommand::NextWeek), T::Roster(RosterText::KeyNextWeek)).when(When::RosterWeek),
    key(K::Home, NONE, C::Roster(RosterCommand::ThisWeek), T::Roster(RosterText::KeyThisWeek)).when(When::RosterWeek),
    key(K::Char('a'), NONE, C::Roster(RosterCommand::Add), T::Roster(RosterText::KeyAddSlot)).legend().when(When::RosterWeek).needs(Act::EditRoster),
    key(K::Char('m'), NONE, C::Roster(RosterCommand::Move), T::Roster(RosterText::KeyMoveSlot)).legend().when(When::RosterSlot).needs(Act::EditRoster),
    key(K::Char('s'), NONE, C::Roster(RosterCommand::Swap), T::Roster(RosterText::KeySwapSlot)).legend().when(When::RosterSlot).needs(Act::EditRoster),
    key(K::Char('t'), NONE, C::Roster(RosterCommand::Substitute), T::Roster(RosterText::KeySubstitute)).legend().when(When::RosterSlot).needs(Act::EditRoster),
    key(K::Char('d'), NONE, C::Roster(RosterCommand::Remove), T::Roster(RosterText::KeyRemoveSlot)).legend().when(When::RosterSlot).needs(Act::EditRoster),
    key(K::Char('e'), NONE, C::Roster(RosterCommand::Profile), T::Roster(RosterText::KeySpecialties)).when(When::RosterPerson).needs(Act::EditRoster),
    key(K::Char('w'), NONE, C::Roster(RosterCommand::TogglePatterns), T::Roster(RosterText::KeyPatterns)).legend().when(When::RosterWeek),
    key(K::Char('w'), NONE, C::Roster(RosterCommand::TogglePatterns), T::Roster(RosterText::KeyWeekView)).legend().when(When::RosterPatterns),
    key(K::Char('a'), NONE, C::Roster(RosterCommand::AddPattern), T::Roster(RosterText::KeyAddPattern)).legend().when(When::RosterPatterns).needs(Act::EditRoster),
    key(K::Char('d'), NONE, C::Roster(RosterCommand::EndPattern), T::Roster(RosterText::KeyEndPattern)).legend().when(When::RosterPattern).needs(Act::EditRoster),

    // Notifications (^N from anywhere): the list, newest first, unread marked.
    key(K::Up, NONE, C::Notifications(NotificationsCommand::Up), T::KeyUp),
    key(K::Down, NONE, C::Notifications(NotificationsCommand::Down), T::KeyDown),
    key(K::Char('k'), NONE, C::Notifications(NotificationsCommand::Up), T::KeyUp),
    key(K::Char('j'), NONE, C::Notifications(NotificationsCommand::Down), T::KeyDown),
    key(K::Enter, NONE, C::Notifications(NotificationsCommand::Open), T::Notice(NoticeText::KeyOpen)).legend(),
    key(K::Char(' '), NONE, C::Notifications(NotificationsCommand::MarkRead), T::Notice(NoticeText::KeyMarkRead)).legend(),
    key(K::Char('a'), NONE, C::Notifications(NotificationsCommand::MarkAllRead), T::Notice(NoticeText::KeyMarkAllRead)).legend(),
    key(K::Esc, NONE, C::Notifications(NotificationsCommand::Close), T::KeyClose).legend(),
    key(K::Char('n'), CTRL, C::Notifications(NotificationsCommand::Close), T::KeyClose),
    key(K::Char('n'), CTRL, C::Global(GlobalCommand::Notifications), T::Notice(NoticeText::KeyNotifications)),

    // The supervision pane: open cases by urgency and the ladder on the highlighted one,
    // notices, what the nightly check found, the way to the statistics. The most used first:
    // the bottom line shows as many as fit.
    key(K::Enter, NONE, C::Supervision(SC::Open), T::KeyOpenCase).legend().when(When::SupervisionRow),
    key(K::Char('u'), NONE, C::Supervision(SC::Step(StepKind::Urge)), T::KeyUrge).legend().when(When::SupervisionRow).needs(Act::Supervise),
    key(K::Char('s'), NONE, C::Supervision(SC::Step(StepKind::Supervise)), T::KeySupervise).legend().when(When::SupervisionRow).needs(Act::Supervise),
    key(K::Char('o'), NONE, C::Supervision(SC::Step(StepKind::SupervisionOrder)), T::KeyOrder).legend().when(When::SupervisionRow).needs(Act::Supervise),
    key(K::Char('n'), NONE, C::Supervision(SC::Notice), T::KeyNotice).legend().when(When::SupervisionList).needs(Act::IssueNotice),
    key(K::Char('f'), NONE, C::Supervision(SC::Filter), T::KeyFilter).legend().when(When::SupervisionList),
    key(K::Char('r'), NONE, C::Supervision(SC::ShowStats), T::KeyStats).legend().needs(Act::ReadStatistics),
    key(K::Char('t'), NONE, C::Supervision(SC::Step(StepKind::Talk)), T::KeyTalk).when(When::SupervisionRow).needs(Act::Supervise),
    key(K::Char('e'), NONE, C::Supervision(SC::Step(StepKind::ExtensionRequest)), T::KeyExtensionRequest).when(When::SupervisionRow).needs(Act::Supervise),
    key(K::Char('l'), NONE, C::Supervision(SC::Step(StepKind::ListSupervision)), T::KeyListSupervision).when(When::SupervisionRow).needs(Act::ListSupervision),
    key(K::Char('a'), NONE, C::Supervision(SC::Step(StepKind::Accountability)), T::KeyAccountability).when(When::SupervisionRow).needs(Act::ProposeAccountability),
    key(K::Char('w'), NONE, C::Supervision(SC::ShowFindings), T::KeyFindings).when(When::SupervisionList),
    key(K::Char('b'), NONE, C::Supervision(SC::ShowNotices), T::KeyNotices).when(When::SupervisionList),
    key(K::Char('x'), NONE, C::Supervision(SC::ClearFilter), T::KeyClearFilter).when(When::SupervisionList),
    key(K::Home, NONE, C::Supervision(SC::First), T::KeyFirstPage).when(When::SupervisionList),
    key(K::Enter, NONE, C::Supervision(SC::Open), T::KeyOpenCase).legend().when(When::SupervisionFindings),
    key(K::Char('p'), NONE, C::Supervision(SC::Print), T::KeyPrintNotice).legend().when(When::SupervisionNotices),
    key(K::Enter, NONE, C::Supervision(SC::Print), T::KeyPrintNotice).when(When::SupervisionNotices),
    key(K::Esc, NONE, C::Supervision(SC::Back), T::KeyBackToList).legend().when(When::SupervisionFindings),
    key(K::Esc, NONE, C::Supervision(SC::Back), T::KeyBackToList).legend().when(When::SupervisionNotices),
    key(K::Up, NONE, C::Supervision(SC::Up), T::KeyUp),
    key(K::Down, NONE, C::Supervision(SC::Down), T::KeyDown),
    key(K::Char('k'), NONE, C::Supervision(SC::Up), T::KeyUp),
    key(K::Char('j'), NONE, C::Supervision(SC::Down), T::KeyDown),
    key(K::PageUp, NONE, C::Supervision(SC::PageUp), T::KeyPageUp),
    key(K::PageDown, NONE, C::Supervision(SC::PageDown), T::KeyPageDown),

    // The statistics view (r from the supervision pane).
    key(K::Left, NONE, C::Stats(StatsCommand::PrevPeriod), T::KeyPrevPeriod).legend(),
    key(K::Right, NONE, C::Stats(StatsCommand::NextPeriod), T::KeyNextPeriod).legend(),
    key(K::Char('y'), NONE, C::Stats(StatsCommand::MonthOrYear), T::KeyMonthOrYear).legend(),
    key(K::Tab, NONE, C::Stats(StatsCommand::NextPage), T::KeyStatsPage).legend(),
    key(K::Esc, NONE, C::Stats(StatsCommand::Back), T::KeyBackToList).legend(),
    key(K::Char('r'), NONE, C::Stats(StatsCommand::Back), T::KeyBackToList),
    key(K::Char('g'), NONE, C::Stats(StatsCommand::Recount), T::KeyRecount),
    key(K::Up, NONE, C::Stats(StatsCommand::Up), T::KeyScrollUp),
    key(K::Down, NONE, C::Stats(StatsCommand::Down), T::KeyScrollDown),

    // Everywhere.
    pane_key(K::F(1), NONE, Pane::Intake, T::PaneIntake),
    pane_key(K::F(2), NONE, Pane::Queue, T::PaneQueue),
    pane_key(K::F(3), NONE, Pane::Roster, T::PaneRoster),
    pane_key(K::F(4), NONE, Pane::Supervision, T::PaneSupervision),
    pane_key(K::Char('1'), ALT, Pane::Intake, T::PaneIntake),
    pane_key(K::Char('2'), ALT, Pane::Queue, T::PaneQueue),
    pane_key(K::Char('3'), ALT, Pane::Roster, T::PaneRoster),
    pane_key(K::Char('4'), ALT, Pane::Supervision, T::PaneSupervision),
    key(K::F(12), NONE, C::Global(GlobalCommand::Help), T::KeyHelp).legend(),
    key(K::Char('?'), NONE, C::Global(GlobalCommand::Help), T::KeyHelpOutsideText),
    key(K::Char('q'), CTRL, C::Global(GlobalCommand::Quit), T::KeyQuit).legend(),
    key(K::F(10), NONE, C::Global(GlobalCommand::Quit), T::KeyQuit),
    key(K::Char('c'), CTRL, C::Global(GlobalCommand::Quit), T::KeyQuit),
];
