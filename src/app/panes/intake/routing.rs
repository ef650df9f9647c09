//! Routing a visitor to a duty expert (专家门诊式接访): the experts on duty now, those whose
//! specialties cover the category first, then those with fewest waiting.

use super::IntakePane;
use crate::app::context::Ctx;
use crate::app::dialogs::Dialog;
use crate::app::dialogs::experts::ExpertPicker;
use crate::app::event::AppEvent;
use crate::app::panes::Pane;
use crate::app::session::StatusKind;
use crate::domain::ExpertOnDuty;
use crate::domain::text::clean_line;
use crate::i18n::Msg;

impl IntakePane {
    pub(super) fn open_experts(&mut self, ctx: &mut Ctx<'_>) {
        let category = self.form.category.as_ref().map(|c| c.id);
        let case = match self.form.contact {
            crate::domain::lookup::ContactKind::RepeatOf(id) => Some(id),
            crate::domain::lookup::ContactKind::FirstContact => None,
        };
        match ctx.store.experts_on_duty(ctx.session.now, category, case) {
            Ok(list) if list.is_empty() => ctx.say(StatusKind::Info, Msg::NoExpertOnDuty),
            Ok(list) => {
                let chosen = self.form.expert.as_ref().map(|e| e.staff_id);
                let picker = ExpertPicker::new(list, chosen);
                ctx.emit(AppEvent::Open(
                    Some(Pane::Intake),
                    Box::new(Dialog::Experts(picker)),
                ));
            }
            Err(e) => ctx.fail(&e),
        }
    }

    /// Route to `expert` on saving, or remove the routing if it is that expert already.
    pub(super) fn route(&mut self, expert: ExpertOnDuty, ctx: &mut Ctx<'_>) {
        if self
            .form
            .expert
            .as_ref()
            .is_some_and(|x| x.staff_id == expert.staff_id)
        {
            self.form.expert = None;
            ctx.say(StatusKind::Info, Msg::RoutingRemoved);
        } else {
            ctx.say(
                StatusKind::Info,
                Msg::WillRouteTo {
                    expert: clean_line(&expert.name),
                    room: clean_line(&expert.room),
                },
            );
            self.form.expert = Some(expert);
        }
        self.draft.changed();
    }
}
