//! 督办立项: put the case under supervision, naming the supervisor who follows it (a
//! supervisor or manager), and why; or hand it to another supervisor.

use super::{Field, FormValues, PickItem, StepContext, ValueProblem};
use crate::domain::Staff;
use crate::domain::supervision::may_supervise;
use crate::domain::workflow::Step;
use crate::i18n::Lang;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    // The one asking follows it unless another is picked (not when they follow it already).
    let proposed = (ctx.case.facts.supervisor_id != Some(ctx.me)).then_some(ctx.me);
    (
        super::ladder_context(ctx),
        supervisor_fields(ctx.lang, ctx.staff, proposed),
    )
}

/// Who follows the case (a supervisor or manager; `proposed` already picked when they may),
/// and why: on one case, and on a manager's marked selection.
pub fn supervisor_fields(lang: Lang, staff: &[Staff], proposed: Option<i64>) -> Vec<Field> {
    let items: Vec<PickItem> = staff
        .iter()
        .filter(|s| may_supervise(s))
        .map(|s| PickItem {
            id: s.id,
            name: s.name.clone(),
            also: [
                crate::domain::lookup::name_initials(&s.name),
                s.login.clone(),
            ],
        })
        .collect();
    let mut who = Field::pick(Sv::FieldSupervisor.text(lang), items, false);
    if let Some(me) = proposed.filter(|me| staff.iter().any(|s| s.id == *me && may_supervise(s))) {
        who.picked = vec![me];
    }
    vec![who, Field::lines(Sv::FieldSuperviseWhy.text(lang))]
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    supervise_step(v)
}

/// The step the supervisor fields make.
pub fn supervise_step(v: &FormValues<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Supervise {
        supervisor: v.one_picked(0)?,
        note: v.required_text(1)?,
    })
}
