//! The supervision ladder (条例 Art. 39–45): 催办 → 督办单 → 约谈 → 通报 → 挂牌督办, with an
//! accountability proposal (问责建议) beside the top rung. Each rung is a record on the case
//! with who, when and why; a rung is climbed once the one below it has been tried, so that
//! escalation follows the failure of the milder measure. A notice (通报) is a manager's record
//! that may name any case, and counts as the fourth rung wherever it names one.

use crate::domain::workflow::StepKind;

/// What a case has had of the ladder so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ladder {
    /// 催办, how many times.
    pub urged: u32,
    /// A 督办单 was issued.
    pub ordered: bool,
    /// The unit's head was talked to (约谈).
    pub talked: bool,
    /// A 通报 names the case.
    pub noticed: bool,
    /// 挂牌督办.
    pub listed: bool,
    /// An accountability proposal was made.
    pub accountability: bool,
}

/// The rungs, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rung {
    Urge,
    Order,
    Talk,
    Notice,
    Listed,
}

impl Rung {
    pub const ALL: [Rung; 5] = [
        Rung::Urge,
        Rung::Order,
        Rung::Talk,
        Rung::Notice,
        Rung::Listed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rung::Urge => "urge",
            Rung::Order => "order",
            Rung::Talk => "talk",
            Rung::Notice => "notice",
            Rung::Listed => "listed",
        }
    }
}

impl Ladder {
    /// The highest rung the case has reached, if any.
    pub fn level(&self) -> Option<Rung> {
        if self.listed || self.accountability {
            Some(Rung::Listed)
        } else if self.noticed {
            Some(Rung::Notice)
        } else if self.talked {
            Some(Rung::Talk)
        } else if self.ordered {
            Some(Rung::Order)
        } else if self.urged > 0 {
            Some(Rung::Urge)
        } else {
            None
        }
    }

    /// Whether the rung below a ladder step has been tried; if not, the step it needs first.
    /// Urging needs nothing; a 督办单 follows an urging; a talk follows a 督办单; listing the
    /// case and proposing accountability follow a talk or a notice.
    pub fn needs_first(&self, kind: StepKind) -> Option<StepKind> {
        match kind {
            StepKind::SupervisionOrder if self.urged == 0 => Some(StepKind::Urge),
            StepKind::Talk if !self.ordered => Some(StepKind::SupervisionOrder),
            StepKind::ListSupervision | StepKind::Accountability
                if !(self.talked || self.noticed) =>
            {
                Some(StepKind::Talk)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rung_needs_the_one_below() {
        let mut l = Ladder::default();
        assert_eq!(l.level(), None);
        assert_eq!(l.needs_first(StepKind::Urge), None);
        assert_eq!(
            l.needs_first(StepKind::SupervisionOrder),
            Some(StepKind::Urge)
        );
        l.urged = 2;
        assert_eq!(l.level(), Some(Rung::Urge));
        assert_eq!(l.needs_first(StepKind::SupervisionOrder), None);
        assert_eq!(
            l.needs_first(StepKind::Talk),
            Some(StepKind::SupervisionOrder)
        );
        l.ordered = true;
        assert_eq!(l.needs_first(StepKind::Talk), None);
        assert_eq!(
            l.needs_first(StepKind::ListSupervision),
            Some(StepKind::Talk)
        );
        assert_eq!(
            l.needs_first(StepKind::Accountability),
            Some(StepKind::Talk)
        );
        l.talked = true;
        assert_eq!(l.level(), Some(Rung::Talk));
        assert_eq!(l.needs_first(StepKind::ListSupervision), None);
        assert_eq!(l.needs_first(StepKind::Accountability), None);
    }

    #[test]
    fn a_notice_opens_the_top_rung_without_a_talk() {
        let l = Ladder {
            noticed: true,
            ..Ladder::default()
        };
        assert_eq!(l.level(), Some(Rung::Notice));
        assert_eq!(l.needs_first(StepKind::ListSupervision), None);
        let top = Ladder {
            accountability: true,
            ..l
        };
        assert_eq!(top.level(), Some(Rung::Listed));
    }
}
