//! Application state and its one update function: key → action → new state. The only I/O
//! here goes through the store.

pub mod intake;
mod intake_pane;
pub mod keymap;

use crate::domain::calendar::{Calendar, Period, Urgency, due_date, urgency};
use crate::domain::lookup::PersonHistory;
use crate::domain::{CaseDetail, CaseRow, Category, DutySlot, PageKey, Role, Staff, Unit};
use crate::domain::{ExpertOnDuty, SavedCase, UrgencyCounts};
use crate::i18n::Lang;
use crate::store::Store;
use chrono::{Datelike, Duration, NaiveDate, Timelike};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use intake::IntakeForm;
use keymap::{Action, Pane, Scope};
use std::time::Instant;

/// A yes/no question that stands between the user and losing typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    QuitWithUnsavedForm,
    ClearForm,
    /// A draft left by an earlier session (hang-up, crash) waits: bring it back?
    RestoreDraft,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Success,
    Error,
}

/// The queue pane: one page of cases, loaded by keyset.
#[derive(Debug, Default)]
pub struct QueueView {
    pub rows: Vec<CaseRow>,
    pub selected: usize,
    /// The row just before this page (None: the page starts at the newest case).
    pub page_after: Option<PageKey>,
    pub detail: Option<CaseDetail>,
    pub detail_scroll: u16,
    /// The detail's ID number shown whole, after an audited reveal.
    pub revealed_id: Option<String>,
    pub total: u64,
}

/// The roster pane: this week's duty slots.
#[derive(Debug, Default)]
pub struct RosterView {
    pub week_start: Option<NaiveDate>,
    pub slots: Vec<DutySlot>,
    pub selected: usize,
}

/// The supervision pane: open cases by urgency.
#[derive(Debug, Default)]
pub struct SupervisionView {
    pub counts: UrgencyCounts,
    pub rows: Vec<(CaseRow, Urgency)>,
    pub selected: usize,
}

pub struct App {
    pub lang: Lang,
    pub me: Staff,
    pub store: Store,
    pub pane: Pane,
    pub help: bool,
    pub question: Option<Question>,
    pub message: Option<(MessageKind, String)>,
    pub intake: IntakeForm,
    pub categories: Vec<Category>,
    pub units: Vec<Unit>,
    /// People found from what the form holds, most certain first.
    pub history: Vec<PersonHistory>,
    /// The history panel has the keys (F5).
    pub history_focus: bool,
    /// The highlighted prior case, counted across all people found.
    pub history_pick: usize,
    /// The expert picker (F7), while open.
    pub expert_choices: Option<Vec<ExpertOnDuty>>,
    pub expert_pick: usize,
    /// The case saved last, for its receipt (F9).
    pub last_saved: Option<SavedCase>,
    /// When the form last changed without its draft being saved.
    pub draft_changed_at: Option<Instant>,
    /// The newest visitor routed to me that I have been told about.
    seen_waiting: Option<i64>,
    /// When the newest urgent case I have been told about was flagged.
    seen_urgent: Option<String>,
    pub calendar: Calendar,
    /// The `due-soon` rule: within this many working days a clock is due soon.
    pub due_soon_days: u32,
    pub queue: QueueView,
    pub roster: RosterView,
    pub supervision: SupervisionView,
    /// Rows a list page shows; set from the terminal size.
    pub page_rows: usize,
    pub quit: bool,
    data_version: i64,
}

/// What the loop should do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing visible changed: do not draw.
    Unchanged,
    Redraw,
}

/// Working days before a due date that make it "due soon" when the `due-soon` rule is missing.
const DUE_SOON_DEFAULT: u32 = 3;

impl App {
    pub fn new(store: Store, me: Staff, lang: Lang) -> crate::store::Result<Self> {
        let categories = store.categories()?;
        let units = store.units()?;
        let calendar = store.calendar()?;
        let now = store.now();
        let store_due_soon = store
            .rule("due-soon")?
            .map_or(DUE_SOON_DEFAULT, |r| r.period.days);
        let data_version = store.data_version()?;
        let mut app = Self {
            lang,
            me,
            store,
            pane: Pane::Intake,
            help: false,
            question: None,
            message: None,
            intake: IntakeForm::new(now),
            categories,
            units,
            history: vec![],
            history_focus: false,
            history_pick: 0,
            expert_choices: None,
            expert_pick: 0,
            last_saved: None,
            draft_changed_at: None,
            seen_waiting: None,
            seen_urgent: None,
            calendar,
            due_soon_days: store_due_soon,
            queue: QueueView::default(),
            roster: RosterView::default(),
            supervision: SupervisionView::default(),
            page_rows: 15,
            quit: false,
            data_version,
        };
        let today = app.store.today();
        if !app.calendar.has_year(today.year()) || !app.calendar.has_year(today.year() + 1) {
            let missing = if app.calendar.has_year(today.year()) {
                today.year() + 1
            } else {
                today.year()
            };
            app.message = Some((
                MessageKind::Info,
                match lang {
                    Lang::Zh => format!("提示：尚无 {missing} 年官方节假日安排，期限仅按周末计算"),
                    Lang::En => format!(
                        "note: no official calendar for {missing}; deadlines count weekends alone"
                    ),
                },
            ));
        }
        if app.store.draft(app.me.id)?.is_some() {
            app.question = Some(Question::RestoreDraft);
        }
        app.seen_waiting = app.store.waiting_for(app.me.id)?.first().map(|w| w.case_id);
        app.seen_urgent = app.store.latest_urgent()?.map(|u| u.flagged_at);
        Ok(app)
    }

    fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(zh, en)
    }

    fn say(&mut self, kind: MessageKind, text: impl Into<String>) {
        self.message = Some((kind, text.into()));
    }

    /// Scopes consulted for a key, innermost first.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.question.is_some() {
            return vec![Scope::Confirm];
        }
        let pane_scope = match self.pane {
            Pane::Intake if self.expert_choices.is_some() => Scope::Experts,
            Pane::Intake if self.intake.rep_focus.is_some() => Scope::Representatives,
            Pane::Intake if self.history_focus => Scope::History,
            Pane::Intake => Scope::Intake,
            Pane::Queue if self.queue.detail.is_some() => Scope::Detail,
            Pane::Queue => Scope::Queue,
            Pane::Roster | Pane::Supervision => Scope::List,
        };
        vec![pane_scope, Scope::Global]
    }

    /// Whether the user is typing into a text field (so `?` and digits are text, not commands).
    pub fn typing(&self) -> bool {
        self.question.is_none()
            && !self.help
            && self.pane == Pane::Intake
            && !self.history_focus
            && self.expert_choices.is_none()
            && self.intake.focus_is_text()
    }

    pub fn set_page_rows(&mut self, rows: usize) -> crate::store::Result<()> {
        let rows = rows.max(1);
        if rows != self.page_rows {
            self.page_rows = rows;
            self.reload_current()?;
        }
        Ok(())
    }

    /// Handle one key.
    pub fn on_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == crossterm::event::KeyEventKind::Release {
            return Outcome::Unchanged;
        }
        if self.help {
            // Any key closes the overlay; quitting still works from it.
            self.help = false;
            if keymap::lookup(&[Scope::Global], &key).is_some_and(|b| b.action == Action::Quit) {
                self.request_quit();
            }
            return Outcome::Redraw;
        }
        let scopes = self.scopes();
        let binding = keymap::lookup(&scopes, &key);
        // Printable characters typed into a text field are text, even where a list binds them.
        let printable = matches!(key.code, KeyCode::Char(_))
            && !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let account_newline = key.code == KeyCode::Enter
            && self.intake.focus == crate::domain::intake::IntakeField::Account
            && self.intake.rep_focus.is_none();
        if self.typing() && (printable || account_newline) {
            return self.type_into_form(key);
        }
        match binding {
            Some(b) => self.apply(b.action),
            None if self.pane == Pane::Intake
                && self.question.is_none()
                && !self.history_focus
                && self.expert_choices.is_none() =>
            {
                if let KeyCode::Char(c) = key.code {
                    if let Some(d) = c.to_digit(10)
                        && self.intake.pick_choice(d as usize)
                    {
                        self.form_changed();
                        return Outcome::Redraw;
                    }
                    if c == ' ' && !self.intake.focus_is_text() {
                        self.intake.cycle_choice(true);
                        self.form_changed();
                        return Outcome::Redraw;
                    }
                }
                self.type_into_form(key)
            }
            None => Outcome::Unchanged,
        }
    }

    /// A bracketed paste: whole, into the focused field, cleaned; it never submits the form.
    pub fn on_paste(&mut self, text: &str) -> Outcome {
        if self.typing() && self.intake.paste(text) {
            self.form_changed();
            Outcome::Redraw
        } else {
            Outcome::Unchanged
        }
    }

    pub fn apply(&mut self, action: Action) -> Outcome {
        match action {
            Action::Quit => self.request_quit(),
            Action::ShowPane(p) => self.show_pane(p),
            Action::ToggleHelp => self.help = !self.help,
            Action::Yes => self.answer(true),
            Action::No => self.answer(false),
            Action::Save => self.save_intake(),
            Action::NextField | Action::PrevField if self.intake.rep_focus.is_some() => {
                self.intake.rep_move(action == Action::NextField)
            }
            Action::NextField => self.intake.move_focus(true),
            Action::PrevField => self.intake.move_focus(false),
            Action::History => self.toggle_history(),
            Action::Representatives => self.toggle_representatives(),
            Action::Route => self.open_experts(),
            Action::Fill => self.fill_from_history(),
            Action::Receipt => self.print_receipt(),
            Action::RevealId => self.reveal_id(),
            Action::ChoiceLeft | Action::ChoiceRight if self.pane == Pane::Intake => {
                if self.intake.focus_is_text() {
                    let dir = if action == Action::ChoiceLeft {
                        KeyCode::Left
                    } else {
                        KeyCode::Right
                    };
                    self.intake
                        .type_key(KeyEvent::new(dir, KeyModifiers::NONE).into());
                } else {
                    self.intake.cycle_choice(action == Action::ChoiceRight);
                    self.form_changed();
                }
            }
            Action::Confirm => match self.pane {
                Pane::Intake => self.intake_enter(),
                Pane::Queue => self.open_detail(),
                _ => return Outcome::Unchanged,
            },
            Action::Cancel => match self.pane {
                Pane::Intake if self.expert_choices.is_some() => self.expert_choices = None,
                Pane::Intake if self.intake.rep_focus.is_some() => self.intake.rep_focus = None,
                Pane::Intake if self.history_focus => self.history_focus = false,
                Pane::Intake if self.intake.has_text() => self.question = Some(Question::ClearForm),
                Pane::Intake => return Outcome::Unchanged,
                Pane::Queue => {
                    self.queue.detail = None;
                    self.queue.revealed_id = None;
                }
                _ => return Outcome::Unchanged,
            },
            Action::Up | Action::Down => {
                let down = action == Action::Down;
                match self.pane {
                    Pane::Intake => self.intake_up_down(down),
                    Pane::Queue if self.queue.detail.is_some() => {
                        self.queue.detail_scroll = if down {
                            self.queue.detail_scroll.saturating_add(1)
                        } else {
                            self.queue.detail_scroll.saturating_sub(1)
                        };
                    }
                    Pane::Queue => self.queue_step(down),
                    Pane::Roster => step(&mut self.roster.selected, self.roster.slots.len(), down),
                    Pane::Supervision => step(
                        &mut self.supervision.selected,
                        self.supervision.rows.len(),
                        down,
                    ),
                }
            }
            Action::PageDown => self.queue_page_down(),
            Action::PageUp => self.queue_page_up(),
            Action::Top => {
                self.queue.page_after = None;
                self.queue.selected = 0;
                self.reload_queue();
            }
            Action::ChoiceLeft | Action::ChoiceRight => return Outcome::Unchanged,
        }
        Outcome::Redraw
    }

    fn request_quit(&mut self) {
        if self.intake.has_text() {
            self.question = Some(Question::QuitWithUnsavedForm);
        } else {
            self.quit = true;
        }
    }

    fn answer(&mut self, yes: bool) {
        let q = self.question.take();
        if !yes {
            if q == Some(Question::RestoreDraft) {
                self.discard_draft();
            }
            return;
        }
        match q {
            Some(Question::QuitWithUnsavedForm) => self.quit = true,
            Some(Question::ClearForm) => {
                self.clear_form();
                self.say(
                    MessageKind::Info,
                    self.t("表单已清空", "form cleared").to_string(),
                );
            }
            Some(Question::RestoreDraft) => self.restore_draft(),
            None => {}
        }
    }

    fn show_pane(&mut self, pane: Pane) {
        self.pane = pane;
        self.reload_current_or_say();
    }

    fn reload_current_or_say(&mut self) {
        if let Err(e) = self.reload_current() {
            self.say(MessageKind::Error, e.to_string());
        }
    }

    /// Reload what the current pane shows from the database.
    pub fn reload_current(&mut self) -> crate::store::Result<()> {
        match self.pane {
            Pane::Intake => {}
            Pane::Queue => {
                self.load_queue()?;
                if let Some(d) = &self.queue.detail {
                    self.queue.detail = self.store.case_detail(d.row.id)?;
                }
            }
            Pane::Roster => self.load_roster()?,
            Pane::Supervision => self.load_supervision()?,
        }
        Ok(())
    }

    /// Called on the data-version timer: reload only if another process changed something,
    /// and redraw only if what is shown changed.
    pub fn on_tick(&mut self) -> Outcome {
        let Ok(v) = self.store.data_version() else {
            return Outcome::Unchanged;
        };
        if v == self.data_version {
            return Outcome::Unchanged;
        }
        self.data_version = v;
        let before = self.snapshot();
        if let Ok(c) = self.store.calendar() {
            self.calendar = c;
        }
        self.reload_current_or_say();
        let told = self.tell_expert_of_new_visitors() | self.tell_managers_of_urgent_cases();
        if self.snapshot() == before && !told {
            Outcome::Unchanged
        } else {
            Outcome::Redraw
        }
    }

    /// A manager's open session is told at once of a major or urgent matter (条例 Art. 25).
    fn tell_managers_of_urgent_cases(&mut self) -> bool {
        if !self.me.has(Role::Manager) {
            return false;
        }
        let Ok(Some(crate::domain::UrgentCase {
            flagged_at: at,
            number,
            petitioner_name: name,
            summary,
        })) = self.store.latest_urgent()
        else {
            return false;
        };
        if self.seen_urgent.as_deref() == Some(at.as_str()) {
            return false;
        }
        self.seen_urgent = Some(at);
        let (name, summary) = (
            crate::domain::text::clean_line(&name),
            crate::domain::text::clean_line(&summary),
        );
        let text = match self.lang {
            Lang::Zh => format!("紧急事项：{number} {name}：{summary}"),
            Lang::En => format!("urgent: {number} {name}: {summary}"),
        };
        self.say(MessageKind::Error, text);
        true
    }

    /// An expert's open session is told when a visitor is routed to them.
    fn tell_expert_of_new_visitors(&mut self) -> bool {
        if !self.me.has(Role::Expert) {
            return false;
        }
        let Ok(waiting) = self.store.waiting_for(self.me.id) else {
            return false;
        };
        let newest = waiting.first().map(|w| w.case_id);
        if newest.is_none() || newest == self.seen_waiting {
            return false;
        }
        self.seen_waiting = newest;
        let (number, name) = (&waiting[0].number, &waiting[0].petitioner_name);
        let text = match self.lang {
            Lang::Zh => format!(
                "新来访分派给您：{number} {}（候谈 {} 人）",
                crate::domain::text::clean_line(name),
                waiting.len()
            ),
            Lang::En => format!(
                "a visitor was routed to you: {number} {} ({} waiting)",
                crate::domain::text::clean_line(name),
                waiting.len()
            ),
        };
        self.say(MessageKind::Info, text);
        true
    }

    fn snapshot(&self) -> (Vec<CaseRow>, Vec<DutySlot>, UrgencyCounts, usize) {
        (
            match self.pane {
                Pane::Queue => self.queue.rows.clone(),
                Pane::Supervision => self
                    .supervision
                    .rows
                    .iter()
                    .map(|(r, _)| r.clone())
                    .collect(),
                _ => vec![],
            },
            self.roster.slots.clone(),
            self.supervision.counts,
            self.queue.detail.as_ref().map_or(0, |d| d.contacts.len()),
        )
    }

    // ---- queue ----

    fn load_queue(&mut self) -> crate::store::Result<()> {
        self.queue.rows = self
            .store
            .queue_page(self.queue.page_after, self.page_rows as u32)?;
        if self.queue.rows.is_empty() && self.queue.page_after.is_some() {
            self.queue.page_after = None;
            self.queue.rows = self.store.queue_page(None, self.page_rows as u32)?;
        }
        self.queue.total = self.store.case_count()?;
        self.queue.selected = self
            .queue
            .selected
            .min(self.queue.rows.len().saturating_sub(1));
        Ok(())
    }

    fn reload_queue(&mut self) {
        if let Err(e) = self.load_queue() {
            self.say(MessageKind::Error, e.to_string());
        }
    }

    fn key_of(row: &CaseRow) -> PageKey {
        PageKey {
            received_at: row.received_at,
            id: row.id,
        }
    }

    fn queue_step(&mut self, down: bool) {
        let n = self.queue.rows.len();
        if down {
            if self.queue.selected + 1 < n {
                self.queue.selected += 1;
            } else if self.queue_page_down_inner() {
                self.queue.selected = 0;
            }
        } else if self.queue.selected > 0 {
            self.queue.selected -= 1;
        } else if self.queue_page_up_inner() {
            self.queue.selected = self.queue.rows.len().saturating_sub(1);
        }
    }

    fn queue_page_down(&mut self) {
        if self.pane == Pane::Queue && self.queue.detail.is_none() && self.queue_page_down_inner() {
            self.queue.selected = 0;
        }
    }

    fn queue_page_up(&mut self) {
        if self.pane == Pane::Queue && self.queue.detail.is_none() && self.queue_page_up_inner() {
            self.queue.selected = 0;
        }
    }

    /// Load the page after the last row; false if there is none.
    fn queue_page_down_inner(&mut self) -> bool {
        let Some(last) = self.queue.rows.last() else {
            return false;
        };
        let key = Self::key_of(last);
        match self.store.queue_page(Some(key), self.page_rows as u32) {
            Ok(rows) if !rows.is_empty() => {
                self.queue.rows = rows;
                self.queue.page_after = Some(key);
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.say(MessageKind::Error, e.to_string());
                false
            }
        }
    }

    fn queue_page_up_inner(&mut self) -> bool {
        let Some(first) = self.queue.rows.first() else {
            return false;
        };
        let key = Self::key_of(first);
        match self.store.queue_page_before(key, self.page_rows as u32) {
            Ok(rows) if !rows.is_empty() => {
                // The page now starts at rows[0]; the row before it (if any) is the new anchor.
                let newest = Self::key_of(&rows[0]);
                self.queue.page_after = match self.store.queue_page_before(newest, 1) {
                    Ok(prev) if !prev.is_empty() => Some(Self::key_of(&prev[0])),
                    _ => None,
                };
                self.queue.rows = rows;
                true
            }
            Ok(_) => false,
            Err(e) => {
                self.say(MessageKind::Error, e.to_string());
                false
            }
        }
    }

    fn reveal_id(&mut self) {
        let Some(d) = &self.queue.detail else {
            return;
        };
        let case_id = d.row.id;
        match self.store.reveal_id_number(&self.me, case_id) {
            Ok(Some(id)) => {
                self.queue.revealed_id = Some(id);
                self.say(
                    MessageKind::Info,
                    self.t(
                        "已显示完整身份证号，此操作已记入操作日志",
                        "ID number shown whole; this is in the audit log",
                    )
                    .to_string(),
                );
            }
            Ok(None) => self.say(
                MessageKind::Info,
                self.t("此信访人没有身份证号", "no ID number on record")
                    .to_string(),
            ),
            Err(e) => self.say(MessageKind::Error, e.to_string()),
        }
    }

    fn open_detail(&mut self) {
        let Some(row) = self.queue.rows.get(self.queue.selected) else {
            return;
        };
        match self.store.case_detail(row.id) {
            Ok(d) => {
                self.queue.detail = d;
                self.queue.detail_scroll = 0;
                self.queue.revealed_id = None;
            }
            Err(e) => self.say(MessageKind::Error, e.to_string()),
        }
    }

    /// The urgency of a running clock today.
    pub fn urgency_of(&self, due: NaiveDate) -> Urgency {
        urgency(&self.calendar, self.store.today(), due, self.due_soon_days)
    }

    // ---- roster ----

    fn load_roster(&mut self) -> crate::store::Result<()> {
        let today = self.store.today();
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        self.roster.week_start = Some(monday);
        self.roster.slots = self.store.duty_slots(monday, monday + Duration::days(6))?;
        self.roster.selected = self
            .roster
            .selected
            .min(self.roster.slots.len().saturating_sub(1));
        Ok(())
    }

    /// Whether a slot is the half-day going on now.
    pub fn slot_is_now(&self, slot: &DutySlot) -> bool {
        let now = self.store.now();
        slot.day == now.date() && slot.afternoon == (now.hour() >= 12)
    }

    // ---- supervision ----

    fn load_supervision(&mut self) -> crate::store::Result<()> {
        let today = self.store.today();
        let soon_until = due_date(
            &self.calendar,
            today,
            Period {
                days: self.due_soon_days,
                working: true,
            },
        )
        .due;
        self.supervision.counts = self.store.urgency_counts(today, soon_until)?;
        let rows = self.store.open_cases_by_due(self.page_rows as u32)?;
        self.supervision.rows = rows
            .into_iter()
            .map(|r| {
                let u = r.due.map_or(Urgency::Normal, |d| self.urgency_of(d));
                (r, u)
            })
            .collect();
        self.supervision.selected = self
            .supervision
            .selected
            .min(self.supervision.rows.len().saturating_sub(1));
        Ok(())
    }

    /// The roles line for the status bar.
    pub fn roles_text(&self) -> String {
        self.me
            .roles
            .iter()
            .map(|r| match self.lang {
                Lang::Zh => crate::i18n::Label::label(r, Lang::Zh).to_string(),
                Lang::En => r.code().to_string(),
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn step(selected: &mut usize, len: usize, down: bool) {
    if len == 0 {
        *selected = 0;
    } else if down {
        *selected = (*selected + 1).min(len - 1);
    } else {
        *selected = selected.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::{IntakeInput, validate_intake};
    use crate::store::{Actor, ReferenceData};

    /// A database with reference data and a receptionist at the desk, in its own session; other
    /// sessions open the same file.
    fn front_desk() -> (tempfile::TempDir, std::path::PathBuf, Store, Staff) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let mut desk = Store::open(&path).unwrap();
        let clerk = desk
            .bootstrap_admin("clerk", "李接待", &[Role::Reception])
            .unwrap();
        let today = desk.today();
        desk.load_reference(&Actor::from(&clerk), &ReferenceData::builtin(), today, 1)
            .unwrap();
        (dir, path, desk, clerk)
    }

    /// A receptionist routes a visitor in one session; the expert's own session, idle, is told
    /// on its next data-version check.
    #[test]
    fn an_expert_is_told_when_a_visitor_is_routed_to_them() {
        let (_dir, path, mut desk, admin) = front_desk();
        let expert = desk.staff_by_login("wangjg").unwrap().unwrap();
        let mut app = App::new(Store::open(&path).unwrap(), expert.clone(), Lang::Zh).unwrap();
        assert_eq!(app.on_tick(), Outcome::Unchanged, "nothing happened yet");
        let now = desk.now();
        let cat = desk.categories().unwrap()[0].id;
        let intake = validate_intake(
            &IntakeInput {
                name: "张三".into(),
                category_id: Some(cat),
                summary: "征地补偿".into(),
                expert_id: Some(expert.id),
                ..IntakeInput::blank(now)
            },
            now,
        )
        .unwrap();
        let saved = desk.save_intake(&admin, &intake).unwrap();
        assert_eq!(app.on_tick(), Outcome::Redraw);
        let (_, text) = app.message.clone().unwrap();
        assert!(
            text.contains(&saved.number) && text.contains("张三"),
            "{text}"
        );
        assert_eq!(app.on_tick(), Outcome::Unchanged, "told once");
        assert!(saved.routed_to.is_some());
        let d = desk.case_detail(saved.case_id).unwrap().unwrap();
        assert_eq!(d.row.state, crate::domain::CaseState::WithExpert);
    }

    /// A receptionist flags a matter urgent; a manager's idle session is told on its next check.
    #[test]
    fn a_manager_is_told_at_once_of_an_urgent_matter() {
        let (_dir, path, mut desk, admin) = front_desk();
        let manager = desk
            .add_staff(&admin, "leader", "王局长", &[Role::Manager])
            .unwrap();
        let mut app = App::new(Store::open(&path).unwrap(), manager, Lang::Zh).unwrap();
        app.message = None; // the start-up note about next year's calendar
        let now = desk.now();
        let cat = desk.categories().unwrap()[0].id;
        let input = |urgent| IntakeInput {
            name: "张三".into(),
            category_id: Some(cat),
            summary: "数十人聚集于县政府门前".into(),
            urgent,
            ..IntakeInput::blank(now)
        };
        desk.save_intake(&admin, &validate_intake(&input(false), now).unwrap())
            .unwrap();
        app.on_tick();
        assert!(app.message.is_none(), "an ordinary case raises nothing");
        let saved = desk
            .save_intake(&admin, &validate_intake(&input(true), now).unwrap())
            .unwrap();
        assert_eq!(app.on_tick(), Outcome::Redraw);
        let (kind, text) = app.message.clone().unwrap();
        assert_eq!(kind, MessageKind::Error, "shown to stand out");
        assert!(
            text.starts_with("紧急事项：") && text.contains(&saved.number),
            "{text}"
        );
        assert!(desk.case_detail(saved.case_id).unwrap().unwrap().urgent);
    }
}
