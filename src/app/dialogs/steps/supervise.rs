//! 督办立项: put the case under supervision, naming the supervisor who follows it (a
//! supervisor or manager), and why; or hand it to another supervisor.

use super::{Field, FormValues, PickItem, StepContext, ValueProblem};
use crate::domain::supervision::may_supervise;
use crate::domain::workflow::Step;
use crate::i18n::supervision::Sv;

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let items: Vec<PickItem> = ctx
        .staff
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
    let mut who = Field::pick(Sv::FieldSupervisor.text(ctx.lang), items, false);
    // The one asking follows it unless another is picked.
    if ctx.staff.iter().any(|s| s.id == ctx.me && may_supervise(s))
        && ctx.case.facts.supervisor_id != Some(ctx.me)
    {
        who.picked = vec![ctx.me];
    }
    (
        super::ladder_context(ctx),
        vec![who, Field::lines(Sv::FieldSuperviseWhy.text(ctx.lang))],
    )
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    Ok(Step::Supervise {
        supervisor: v.one_picked(0)?,
        note: v.required_text(1)?,
    })
}
