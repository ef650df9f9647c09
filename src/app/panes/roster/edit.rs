//! Managers' changes to the roster from the pane: the dialog each key opens (on the slot or
//! pattern selected), and carrying out a submitted one. The domain refuses what is not
//! allowed, in words; the dialog then stays with what was typed.

use super::{RosterCommand, RosterPane};
use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::form::ValueProblem;
use crate::app::dialogs::roster::{self, RosterAction, RosterContext, RosterDialog, RosterForm};
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::domain::roster::edit::PatternEnd;
use crate::domain::roster::{Expert, RosterEdit};
use crate::i18n::roster::{self as words, RosterMsg, RosterText};
use crate::i18n::{self, Msg};
use crate::store::Result;

impl RosterPane {
    fn context<'a>(&'a self, ctx: &'a Ctx<'_>, experts: &'a [Expert]) -> RosterContext<'a> {
        RosterContext {
            lang: ctx.session.lang,
            today: ctx.session.today(),
            week: &self.week,
            slot: self.selected_slot(),
            pattern: self.selected_pattern(),
            experts,
            categories: &ctx.session.categories,
        }
    }

    /// Open the dialog of `command` on what is selected.
    pub(super) fn open(&mut self, command: RosterCommand, ctx: &mut Ctx<'_>) -> Result<()> {
        let lang = ctx.session.lang;
        let slot = self.selected_slot().map(|s| (s.staff_id, s.when()));
        let form = match (command, slot) {
            (RosterCommand::Add, _) => RosterForm::Add,
            (RosterCommand::AddPattern, _) => RosterForm::AddPattern,
            (RosterCommand::Move, Some((staff_id, from))) => RosterForm::Move { staff_id, from },
            (RosterCommand::Swap, Some(first)) => RosterForm::Swap {
                first,
                others: self
                    .week
                    .slots
                    .iter()
                    .map(|s| (s.staff_id, s.when()))
                    .filter(|k| *k != first)
                    .collect(),
            },
            (RosterCommand::Remove, Some((staff_id, when))) => {
                RosterForm::Remove { staff_id, when }
            }
            (RosterCommand::Substitute, Some((absent, when))) => {
                RosterForm::Substitute { absent, when }
            }
            (RosterCommand::Profile, _) => {
                let person = slot
                    .map(|(id, _)| id)
                    .or_else(|| self.selected_pattern().map(|p| p.pattern.staff_id));
                match person {
                    Some(staff_id) => RosterForm::Profile { staff_id },
                    None => {
                        ctx.say_text(StatusKind::Info, RosterText::NoSlotSelected.get(lang));
                        return Ok(());
                    }
                }
            }
            (RosterCommand::EndPattern, _) => match self.selected_pattern() {
                Some(p) => RosterForm::EndPattern {
                    pattern_id: p.pattern.id,
                },
                None => {
                    ctx.say_text(StatusKind::Info, RosterText::NoPatternSelected.get(lang));
                    return Ok(());
                }
            },
            _ => {
                ctx.say_text(StatusKind::Info, RosterText::NoSlotSelected.get(lang));
                return Ok(());
            }
        };
        let experts = ctx.store.roster_experts()?;
        if matches!(form, RosterForm::Add | RosterForm::AddPattern)
            && !experts.iter().any(|e| e.eligible)
        {
            ctx.say_text(StatusKind::Info, RosterText::NoExpertsToPick.get(lang));
            return Ok(());
        }
        let dialog = roster::dialog(form, &self.context(ctx, &experts));
        ctx.emit(AppEvent::Open(
            Some(Pane::Roster),
            Box::new(Dialog::RosterForm(dialog)),
        ));
        Ok(())
    }

    /// Carry out a submitted roster dialog. Ok: done (the dialog closes, the pane shows the
    /// change); Err: why not, in words (the dialog stays with what was typed).
    pub fn submit(
        &mut self,
        dialog: &RosterDialog,
        ctx: &mut Ctx<'_>,
    ) -> std::result::Result<(), String> {
        let lang = ctx.session.lang;
        let failed = |e: crate::store::StoreError| i18n::store_error(lang, &e);
        let experts = ctx.store.roster_experts().map_err(failed)?;
        let values = dialog.values();
        let action = roster::action(&dialog.kind, &values, &self.context(ctx, &experts)).map_err(
            |p| match p {
                ValueProblem::Missing(field) => Msg::ValueMissing { field }.text(lang),
                ValueProblem::BadDate(field) => Msg::ValueBadDate { field }.text(lang),
                ValueProblem::BadNumber(field) => Msg::ValueBadNumber { field }.text(lang),
            },
        )?;
        let name = |id: i64| {
            experts
                .iter()
                .find(|e| e.staff_id == id)
                .map_or_else(|| format!("#{id}"), |e| e.name.clone())
        };
        let me = ctx.session.me.clone();
        let message = match action {
            RosterAction::Edit(edit) => {
                ctx.store.edit_roster(&me, edit.clone()).map_err(failed)?;
                edit_message(&edit, &name, lang)
            }
            RosterAction::AddPattern(p) => {
                let (who, weekday, half, room) = (
                    name(p.staff_id),
                    words::weekday(lang, p.weekday).to_string(),
                    words::half(lang, p.afternoon).to_string(),
                    p.room.trim().to_string(),
                );
                ctx.store.add_pattern(&me, p).map_err(failed)?;
                RosterMsg::PatternAdded {
                    name: who,
                    weekday,
                    half,
                    room,
                }
            }
            RosterAction::EndPattern {
                pattern_id,
                last_day,
            } => {
                let who = self
                    .patterns
                    .iter()
                    .find(|p| p.pattern.id == pattern_id)
                    .map(|p| p.staff_name.clone())
                    .unwrap_or_default();
                match ctx
                    .store
                    .end_pattern(&me, pattern_id, last_day)
                    .map_err(failed)?
                {
                    PatternEnd::Delete => RosterMsg::PatternDeleted { name: who },
                    PatternEnd::Until(day) => RosterMsg::PatternEnded {
                        name: who,
                        last: day.format("%Y-%m-%d").to_string(),
                    },
                }
            }
            RosterAction::Profile(profile) => {
                let who = name(profile.staff_id);
                ctx.store.set_expert_profile(&me, profile).map_err(failed)?;
                RosterMsg::ProfileSaved { name: who }
            }
        };
        ctx.say_text(StatusKind::Success, message.text(lang));
        // Our own write does not move this connection's data version: read the roster again.
        ctx.emit(AppEvent::Reload);
        Ok(())
    }
}

fn edit_message(edit: &RosterEdit, name: &dyn Fn(i64) -> String, lang: i18n::Lang) -> RosterMsg {
    let when = |w| words::when_text(lang, w);
    match edit {
        RosterEdit::Add {
            staff_id,
            when: w,
            room,
        } => RosterMsg::SlotAdded {
            name: name(*staff_id),
            when: when(*w),
            room: room.trim().to_string(),
        },
        RosterEdit::Move {
            staff_id, to, room, ..
        } => RosterMsg::SlotMoved {
            name: name(*staff_id),
            when: when(*to),
            room: room.trim().to_string(),
        },
        RosterEdit::Swap { a, b } => RosterMsg::SlotsSwapped {
            first: format!("{} {}", name(a.0), words::when_short(lang, a.1)),
            second: format!("{} {}", name(b.0), words::when_short(lang, b.1)),
        },
        RosterEdit::Remove {
            staff_id, when: w, ..
        } => RosterMsg::SlotRemoved {
            name: name(*staff_id),
            when: when(*w),
        },
        RosterEdit::Substitute {
            absent,
            when: w,
            by,
            ..
        } => RosterMsg::StoodIn {
            by: name(*by),
            absent: name(*absent),
            when: when(*w),
        },
    }
}
