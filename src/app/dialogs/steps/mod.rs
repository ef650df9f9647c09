//! One file per step dialog: the fields it asks for, and the step those values make. The form
//! engine (`../form.rs`) edits them and `ui::dialogs::form` draws them.

mod accountability;
mod approve;
mod assign;
pub mod bulk;
mod close;
mod extend;
mod extension_request;
mod feedback;
mod follow_up;
mod handle;
mod joint_review;
mod list_supervision;
mod propose;
mod recuse;
mod reject;
mod reopen;
mod reply;
mod return_step;
mod review;
pub mod supervise;
mod supervision_order;
mod suspend;
mod take_charge;
mod talk;
mod transfer;
mod urge;

use super::form::{Field, FormDialog, FormPurpose, FormValues, PickItem, ValueProblem};
use crate::domain::workflow::{Step, StepKind};
use crate::domain::{CaseDetail, Staff, Unit};
use crate::i18n::{Label, Lang, Msg, Text};
use chrono::NaiveDate;

/// What a step dialog may draw on.
pub struct StepContext<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The staff member taking the step.
    pub me: i64,
    pub case: &'a CaseDetail,
    pub units: &'a [Unit],
    pub staff: &'a [Staff],
}

impl StepContext<'_> {
    pub fn t(&self, text: Text) -> String {
        text.get(self.lang).to_string()
    }

    /// The units as a picker offers them.
    pub fn unit_items(&self) -> Vec<PickItem> {
        self.units
            .iter()
            .map(|u| PickItem {
                id: u.id,
                name: u.name.clone(),
                also: [u.initials.clone(), u.code.clone()],
            })
            .collect()
    }

    /// Active staff as a picker offers them.
    pub fn staff_items(&self) -> Vec<PickItem> {
        self.staff
            .iter()
            .filter(|s| s.active)
            .map(|s| PickItem {
                id: s.id,
                name: s.name.clone(),
                also: [
                    crate::domain::lookup::name_initials(&s.name),
                    s.login.clone(),
                ],
            })
            .collect()
    }

    pub fn today_text(&self) -> String {
        self.today.format("%Y-%m-%d").to_string()
    }
}

/// The options of a choice, named in the screen's language.
pub fn options<T: Label>(all: &[T], lang: Lang) -> Vec<String> {
    all.iter().map(|x| x.label(lang).to_string()).collect()
}

/// The dialog of a step on the case.
pub fn dialog(kind: StepKind, ctx: &StepContext<'_>) -> FormDialog {
    let (context, fields): (Vec<String>, Vec<Field>) = match kind {
        StepKind::Propose => propose::fields(ctx),
        StepKind::Approve => approve::fields(ctx),
        StepKind::Return => return_step::fields(ctx),
        StepKind::Transfer => transfer::fields(ctx),
        StepKind::HandleHere => handle::fields(ctx),
        StepKind::Reject => reject::fields(ctx),
        StepKind::Reply => reply::fields(ctx),
        StepKind::Review => review::fields(ctx),
        StepKind::Feedback => feedback::fields(ctx),
        StepKind::Close => close::fields(ctx),
        StepKind::FollowUp => follow_up::fields(ctx),
        StepKind::Reopen => reopen::fields(ctx),
        StepKind::Extend => extend::fields(ctx),
        StepKind::Suspend => suspend::fields(ctx),
        StepKind::Assign => assign::fields(ctx),
        StepKind::TakeCharge => take_charge::fields(ctx),
        StepKind::Recuse => recuse::fields(ctx),
        StepKind::JointReview => joint_review::fields(ctx),
        StepKind::Supervise => supervise::fields(ctx),
        StepKind::Urge => urge::fields(ctx),
        StepKind::ExtensionRequest => extension_request::fields(ctx),
        StepKind::SupervisionOrder => supervision_order::fields(ctx),
        StepKind::Talk => talk::fields(ctx),
        StepKind::ListSupervision => list_supervision::fields(ctx),
        StepKind::Accountability => accountability::fields(ctx),
    };
    let case = &ctx.case.row;
    let title = Msg::StepTitle {
        step: kind.label(ctx.lang).to_string(),
        number: case.number.clone(),
    }
    .text(ctx.lang);
    FormDialog::new(
        title,
        FormPurpose::Step {
            case_id: case.id,
            version: ctx.case.version,
            kind,
        },
        context,
        fields,
    )
}

/// The step a submitted dialog makes.
pub fn step(
    kind: StepKind,
    v: &FormValues<'_>,
    ctx: &StepContext<'_>,
) -> Result<Step, ValueProblem> {
    match kind {
        StepKind::Propose => propose::step(v, ctx),
        StepKind::Approve => approve::step(v, ctx),
        StepKind::Return => return_step::step(v, ctx),
        StepKind::Transfer => transfer::step(v, ctx),
        StepKind::HandleHere => handle::step(v, ctx),
        StepKind::Reject => reject::step(v, ctx),
        StepKind::Reply => reply::step(v, ctx),
        StepKind::Review => review::step(v, ctx),
        StepKind::Feedback => feedback::step(v, ctx),
        StepKind::Close => close::step(v, ctx),
        StepKind::FollowUp => follow_up::step(v, ctx),
        StepKind::Reopen => reopen::step(v, ctx),
        StepKind::Extend => extend::step(v, ctx),
        StepKind::Suspend => suspend::step(v, ctx),
        StepKind::Assign => assign::step(v, ctx),
        StepKind::TakeCharge => take_charge::step(v, ctx),
        StepKind::Recuse => recuse::step(v, ctx),
        StepKind::JointReview => joint_review::step(v, ctx),
        StepKind::Supervise => supervise::step(v, ctx),
        StepKind::Urge => urge::step(v, ctx),
        StepKind::ExtensionRequest => extension_request::step(v, ctx),
        StepKind::SupervisionOrder => supervision_order::step(v, ctx),
        StepKind::Talk => talk::step(v, ctx),
        StepKind::ListSupervision => list_supervision::step(v, ctx),
        StepKind::Accountability => accountability::step(v, ctx),
    }
}

/// The case as a supervision dialog shows it above its fields: the summary, who is
/// responsible and the deadline, and how far up the ladder it has gone.
pub fn ladder_context(ctx: &StepContext<'_>) -> Vec<String> {
    use crate::domain::text::clean_line;
    let case = ctx.case;
    let mut lines = vec![clean_line(&case.row.summary)];
    let mut who = vec![];
    if let Some(u) = &case.unit {
        who.push(clean_line(u));
    }
    if let Some(h) = &case.first_handler {
        who.push(clean_line(h));
    }
    if let Some(due) = case.row.due.filter(|_| case.row.state.is_open()) {
        who.push(crate::i18n::supervision::days_text(
            ctx.lang, ctx.today, due,
        ));
    }
    if !who.is_empty() {
        lines.push(who.join(" · "));
    }
    lines.push(crate::i18n::supervision::ladder_summary(
        ctx.lang,
        crate::domain::supervision::supervisor_of(case).as_deref(),
        &case.facts.ladder,
        case.facts.extension_requested && !case.facts.extended,
    ));
    lines
}

/// The latest opinion of the case's round, in words, for the steps after it.
pub fn opinion_line(ctx: &StepContext<'_>) -> Option<String> {
    use crate::domain::timeline::TimelineItem;
    ctx.case.timeline.iter().rev().find_map(|e| match &e.item {
        TimelineItem::Step(s)
            if s.kind == Some(StepKind::Propose) && s.round == ctx.case.facts.round =>
        {
            let handling = s.handling.map(|h| h.label(ctx.lang)).unwrap_or_default();
            let unit = s.unit.clone().unwrap_or_default();
            Some(
                Msg::OpinionLine {
                    handling: format!("{handling} {unit}").trim().to_string(),
                    opinion: crate::domain::text::clean_line(&s.text),
                }
                .text(ctx.lang),
            )
        }
        _ => None,
    })
}
