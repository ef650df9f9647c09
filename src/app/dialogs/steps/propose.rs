//! 拟办意见: how the matter should be handled — here, by a unit, not accepted (with the
//! reason and the legal channel, 诉访分离) or already handled — and the opinion in words.

use super::{Field, FormValues, StepContext, ValueProblem, options};
use crate::domain::workflow::{Handling, HandlingKind, LegalChannel, Step};
use crate::i18n::Text;

const HANDLING: usize = 0;
const UNIT: usize = 1;
const REASON: usize = 2;
const CHANNEL: usize = 3;
const OPINION: usize = 4;

fn position(kind: HandlingKind) -> usize {
    HandlingKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

pub fn fields(ctx: &StepContext<'_>) -> (Vec<String>, Vec<Field>) {
    let fields = vec![
        Field::choice(
            ctx.t(Text::FieldHandling),
            options(&HandlingKind::ALL, ctx.lang),
        ),
        Field::pick(ctx.t(Text::FieldUnit), ctx.unit_items(), false)
            .only_when(HANDLING, position(HandlingKind::Transfer)),
        Field::line(ctx.t(Text::FieldReason))
            .only_when(HANDLING, position(HandlingKind::NotAccepted)),
        Field::choice(
            ctx.t(Text::FieldLegalChannel),
            options(&LegalChannel::ALL, ctx.lang),
        )
        .only_when(HANDLING, position(HandlingKind::NotAccepted)),
        Field::lines(ctx.t(Text::FieldOpinion)),
    ];
    (vec![], fields)
}

pub fn step(v: &FormValues<'_>, _ctx: &StepContext<'_>) -> Result<Step, ValueProblem> {
    let kind = HandlingKind::ALL
        .get(v.choice(HANDLING))
        .copied()
        .unwrap_or(HandlingKind::HandleHere);
    let handling = match kind {
        HandlingKind::HandleHere => Handling::HandleHere,
        HandlingKind::AlreadyHandled => Handling::AlreadyHandled,
        HandlingKind::Transfer => Handling::Transfer {
            unit_id: v.one_picked(UNIT)?,
        },
        HandlingKind::NotAccepted => Handling::NotAccepted {
            reason: v.required_text(REASON)?,
            channel: LegalChannel::ALL
                .get(v.choice(CHANNEL))
                .copied()
                .unwrap_or(LegalChannel::Litigation),
        },
    };
    Ok(Step::Propose {
        handling,
        opinion: v.required_text(OPINION)?,
    })
}
