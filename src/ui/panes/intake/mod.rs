//! The intake form (登记): every field in a fixed order, the pickers, the history panel of a
//! returning petitioner (beside the form on a wide terminal, over the account on a narrow one)
//! and the hint line.

mod fields;
pub mod history;
mod pickers;

use super::super::Theme;
use super::super::widgets::fit;
use super::super::widgets::text::draw_text;
use crate::app::App;
use crate::app::keymap::{Command, key_for};
use crate::app::panes::Pane;
use crate::app::panes::intake::IntakeCommand;
use crate::domain::intake::IntakeField;
use crate::domain::lookup::ContactKind;
use crate::domain::text::clean_line;
use crate::i18n::{Lang, Msg, Text, field_label};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Rows of the form above the account.
const ACCOUNT_ROW: u16 = 10;
/// Inner width from which the history panel goes beside the form instead of over the account.
const SIDE_PANEL_FROM: u16 = 110;
const SIDE_PANEL_WIDTH: u16 = 44;

/// Where the parts of the intake pane go within its frame.
pub struct IntakeLayout {
    /// The fields.
    pub form: Rect,
    /// Below the fields: the account, or the history panel in its place on a narrow screen.
    pub lower: Rect,
    /// The history panel beside the form, on a wide screen.
    pub side: Option<Rect>,
    /// The hint line at the bottom of the frame.
    pub hint: Rect,
}

impl IntakeLayout {
    /// The layout inside the frame's border; None when the frame is too small for a form.
    pub fn of(inner: Rect, history_found: bool) -> Option<Self> {
        if inner.height < 3 || inner.width < 40 {
            return None;
        }
        let side = history_found && inner.width >= SIDE_PANEL_FROM;
        let form = if side {
            Rect {
                width: inner.width - SIDE_PANEL_WIDTH - 1,
                ..inner
            }
        } else {
            inner
        };
        let hint_y = inner.y + inner.height - 1;
        Some(Self {
            form,
            lower: Rect::new(
                form.x,
                form.y + ACCOUNT_ROW,
                form.width,
                hint_y.saturating_sub(form.y + ACCOUNT_ROW),
            ),
            side: side.then(|| {
                Rect::new(
                    inner.x + inner.width - SIDE_PANEL_WIDTH,
                    inner.y,
                    SIDE_PANEL_WIDTH,
                    inner.height - 1,
                )
            }),
            hint: Rect::new(inner.x, hint_y, inner.width, 1),
        })
    }

    /// Where the history panel goes.
    pub fn history_area(&self) -> Rect {
        self.side.unwrap_or(self.lower)
    }
}

/// The frame of the pane: its border and title.
fn frame_block<'a>(app: &App, theme: &Theme) -> Block<'a> {
    let lang = app.session().lang;
    let form = &app.panes().intake.form;
    let mut title = vec![Span::styled(
        format!(" {} ", Text::IntakeTitle.get(lang)),
        theme.title(),
    )];
    if let (ContactKind::RepeatOf(_), Some(n)) = (form.contact, &form.repeat_number) {
        title.push(Span::styled(
            format!(" {} ", Msg::RepeatOn { number: n.clone() }.text(lang)),
            theme.selected(),
        ));
    }
    if !form.materials.is_empty() {
        let materials = Msg::MaterialsCount {
            n: form.materials.len(),
            key: key_for(Command::Intake(IntakeCommand::OpenMaterials), lang),
        };
        title.push(Span::styled(
            format!(" {} ", materials.text(lang)),
            theme.title(),
        ));
    }
    if let Some(e) = &form.expert {
        let routed = Msg::RoutedTo {
            expert: clean_line(&e.name),
            room: clean_line(&e.room),
        };
        title.push(Span::styled(
            format!(" {} ", routed.text(lang)),
            theme.title(),
        ));
    }
    Block::default()
        .borders(Borders::ALL)
        .title(Line::from(title))
}

/// The frame's inside, for dialogs that draw into the intake's layout.
pub fn inner_area(area: Rect) -> Rect {
    Block::default().borders(Borders::ALL).inner(area)
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let lang = app.session().lang;
    let pane = &app.panes().intake;
    let form = &pane.form;
    let block = frame_block(app, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let layout = IntakeLayout::of(inner, !pane.history.is_empty())?;
    // The form has the keys unless one of its own dialogs (history, representatives, experts)
    // is open over it.
    let form_has_keys = app.dialogs().top(Pane::Intake).is_none_or(|d| d.modal());
    let mut cursor = fields::draw(frame, layout.form, layout.hint.y, app, form_has_keys, theme);

    // The account, or (on a narrow screen, while focus is elsewhere) the history panel.
    let lower = layout.lower;
    let panel_over_account =
        layout.side.is_none() && !pane.history.is_empty() && form.focus != IntakeField::Account;
    if lower.height >= 2 {
        if panel_over_account {
            history::draw(frame, lower, &history::Panel::of_pane(app), app, theme);
        } else {
            let focused = form.focus == IntakeField::Account && form_has_keys;
            let label = format!(
                "{}{}",
                if focused { "▶" } else { " " },
                field_label(lang, IntakeField::Account)
            );
            let style = if focused {
                theme.title()
            } else {
                Style::default()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(label, style)),
                Rect::new(lower.x, lower.y, lower.width, 1),
            );
            let text_area = Rect::new(
                lower.x + 1,
                lower.y + 1,
                lower.width.saturating_sub(1),
                lower.height - 1,
            );
            let pos = draw_text(frame, text_area, &form.account, Style::default());
            if focused {
                cursor = Some(pos);
            }
        }
    }
    if let Some(side) = layout.side {
        history::draw(frame, side, &history::Panel::of_pane(app), app, theme);
    }

    // The hint line: validation's message, or what the focused field wants.
    let (text, style) = match &form.error {
        Some((_, msg)) => (msg.clone(), theme.error()),
        None => (hint(lang, form.focus), theme.dim()),
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&text, usize::from(inner.width)), style)),
        layout.hint,
    );
    if form_has_keys {
        pickers::draw(frame, layout.form, app, theme);
    }
    if form_has_keys { cursor } else { None }
}

fn intake_key(command: IntakeCommand, lang: Lang) -> String {
    key_for(Command::Intake(command), lang)
}

/// What the focused field wants, naming keys as the keymap binds them.
fn hint(lang: Lang, field: IntakeField) -> String {
    use IntakeField as F;
    let enter = || intake_key(IntakeCommand::Enter, lang);
    let msg = match field {
        F::IdNumber => Msg::HintIdNumber { enter: enter() },
        F::Representatives => Msg::HintRepresentatives {
            enter: enter(),
            open: intake_key(IntakeCommand::OpenRepresentatives, lang),
        },
        F::Sex | F::Channel | F::Collective | F::Kind | F::Leapfrog => Msg::HintChoice {
            prev: intake_key(IntakeCommand::ChoicePrev, lang),
            next: intake_key(IntakeCommand::ChoiceNext, lang),
            digit: intake_key(IntakeCommand::ChoiceDigit, lang),
        },
        F::Urgent => return Text::HintUrgent.get(lang).to_string(),
        F::Category => Msg::HintCategory {
            up: intake_key(IntakeCommand::PickerUp, lang),
            down: intake_key(IntakeCommand::PickerDown, lang),
            enter: enter(),
            route: intake_key(IntakeCommand::OpenExperts, lang),
        },
        F::Units => Msg::HintUnits {
            enter: enter(),
            remove: intake_key(IntakeCommand::RemoveLastUnit, lang),
        },
        F::Summary => Msg::HintSummary {
            save: intake_key(IntakeCommand::Save, lang),
        },
        F::Account => Msg::HintAccount {
            next: intake_key(IntakeCommand::NextField, lang),
            save: intake_key(IntakeCommand::Save, lang),
        },
        F::Name => return Text::HintName.get(lang).to_string(),
        F::Phone => return Text::HintPhone.get(lang).to_string(),
        F::Address | F::WorkUnit => return Text::HintOptional.get(lang).to_string(),
        F::ReceivedAt => return Text::HintReceivedAt.get(lang).to_string(),
        F::HeadCount => return Text::HintHeadCount.get(lang).to_string(),
        F::Materials => return String::new(),
    };
    msg.text(lang)
}

#[cfg(test)]
mod tests;
