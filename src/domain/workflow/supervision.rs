//! The supervision ladder's steps in the workflow: what each asks for in words, and the rung
//! below it that must have been tried first (`domain::supervision::Ladder`).

use super::{CaseFacts, Step, StepError, StepKind, words};
use crate::domain::text::{clean_line, clean_text};
use chrono::NaiveDate;

/// A rung of the supervision ladder needs the one below it first.
fn ladder(kind: StepKind, facts: &CaseFacts) -> Result<(), StepError> {
    match facts.ladder.needs_first(kind) {
        Some(needs) => Err(StepError::LadderOrder { needs }),
        None => Ok(()),
    }
}

/// A supervision step with every text cleaned of control characters and trimmed.
pub(super) fn cleaned(step: Step) -> Step {
    let c = |s: String| clean_line(&s).trim().to_string();
    let lines = |s: String| clean_text(&s, true).trim().to_string();
    match step {
        Step::Supervise { supervisor, note } => Step::Supervise {
            supervisor,
            note: lines(note),
        },
        Step::Urge { note } => Step::Urge { note: lines(note) },
        Step::ExtensionRequest { days, reason } => Step::ExtensionRequest {
            days,
            reason: lines(reason),
        },
        Step::SupervisionOrder {
            requirement,
            report_by,
        } => Step::SupervisionOrder {
            requirement: lines(requirement),
            report_by,
        },
        Step::Talk {
            held_on,
            with,
            notes,
        } => Step::Talk {
            held_on,
            with: c(with),
            notes: lines(notes),
        },
        Step::ListSupervision { reason, report_by } => Step::ListSupervision {
            reason: lines(reason),
            report_by,
        },
        Step::Accountability { target, proposal } => Step::Accountability {
            target: c(target),
            proposal: lines(proposal),
        },
        other => other,
    }
}

/// Check a supervision step on a case with `facts` as of `today` (its roles and whether it
/// applies are checked before, like every step's).
pub(super) fn check(step: &Step, facts: &CaseFacts, today: NaiveDate) -> Result<(), StepError> {
    let kind = step.kind();
    match step {
        Step::Supervise { supervisor, note } => {
            words(note)?;
            if facts.supervisor_id == Some(*supervisor) {
                return Err(StepError::AlreadyDone);
            }
        }
        Step::Urge { note } => words(note)?,
        Step::ExtensionRequest { days, reason } => {
            words(reason)?;
            if *days == 0 {
                return Err(StepError::Date);
            }
            if facts.extension_requested {
                return Err(StepError::AlreadyDone);
            }
        }
        Step::SupervisionOrder {
            requirement,
            report_by,
        } => {
            ladder(kind, facts)?;
            words(requirement)?;
            report_date(*report_by, today)?;
        }
        Step::Talk {
            held_on,
            with,
            notes,
        } => {
            ladder(kind, facts)?;
            words(with)?;
            words(notes)?;
            if *held_on > today {
                return Err(StepError::Date);
            }
        }
        Step::ListSupervision { reason, report_by } => {
            ladder(kind, facts)?;
            words(reason)?;
            report_date(*report_by, today)?;
        }
        Step::Accountability { target, proposal } => {
            ladder(kind, facts)?;
            words(target)?;
            words(proposal)?;
        }
        _ => {}
    }
    Ok(())
}

/// A report asked for by a date: after today, and within a year (a later date is a typo, and
/// would print on the 督办单 as the office's demand).
fn report_date(report_by: NaiveDate, today: NaiveDate) -> Result<(), StepError> {
    let latest = today
        .checked_add_days(chrono::Days::new(366))
        .unwrap_or(today);
    if report_by <= today || report_by > latest {
        return Err(StepError::Date);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::domain::case::{CaseState, MatterKind};
    use crate::domain::workflow::{CaseFacts, Step, StepError, StepKind, applies, check};
    use crate::domain::{Role, Staff};
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn staff(roles: &[Role]) -> Staff {
        Staff {
            id: 7,
            login: "zhang".into(),
            name: "张督办".into(),
            roles: roles.to_vec(),
            active: true,
        }
    }

    fn transferred() -> CaseFacts {
        CaseFacts::new(CaseState::Transferred, MatterKind::Request)
    }

    #[test]
    fn supervisors_and_managers_urge_receptionists_are_refused() {
        let urge = Step::Urge {
            note: "请三日内报告".into(),
        };
        let today = d("2026-09-30");
        for (roles, ok) in [
            (&[Role::Supervisor][..], true),
            (&[Role::Manager][..], true),
            (&[Role::Reception][..], false),
            (&[Role::Expert][..], false),
        ] {
            let result = check(&staff(roles), &urge, &transferred(), today, None);
            assert_eq!(result.is_ok(), ok, "{roles:?}");
            if !ok {
                assert!(matches!(result, Err(StepError::Denied(_))));
            }
        }
        // Listing is a manager's; a supervisor is refused.
        let mut facts = transferred();
        facts.ladder.talked = true;
        let list = Step::ListSupervision {
            reason: "逾期".into(),
            report_by: d("2026-10-20"),
        };
        assert!(matches!(
            check(&staff(&[Role::Supervisor]), &list, &facts, today, None),
            Err(StepError::Denied(_))
        ));
        assert!(check(&staff(&[Role::Manager]), &list, &facts, today, None).is_ok());
    }

    #[test]
    fn the_ladder_and_its_dates_are_checked() {
        let me = staff(&[Role::Supervisor, Role::Manager]);
        let today = d("2026-09-30");
        let order = |by: &str| Step::SupervisionOrder {
            requirement: "限期报告".into(),
            report_by: d(by),
        };
        let mut facts = transferred();
        assert_eq!(
            check(&me, &order("2026-10-10"), &facts, today, None),
            Err(StepError::LadderOrder {
                needs: StepKind::Urge
            })
        );
        facts.ladder.urged = 1;
        assert_eq!(
            check(&me, &order("2026-09-30"), &facts, today, None),
            Err(StepError::Date),
            "the report is due after today"
        );
        assert!(check(&me, &order("2026-10-10"), &facts, today, None).is_ok());
        let talk = Step::Talk {
            held_on: d("2026-10-01"),
            with: "王局长".into(),
            notes: "承诺".into(),
        };
        facts.ladder.ordered = true;
        assert_eq!(
            check(&me, &talk, &facts, today, None),
            Err(StepError::Date),
            "a talk held tomorrow"
        );
        // Closed cases are not supervised.
        let closed = CaseFacts::new(CaseState::Closed, MatterKind::Request);
        assert!(!applies(StepKind::Urge, &closed));
        assert!(matches!(
            check(&me, &Step::Urge { note: "催".into() }, &closed, today, None),
            Err(StepError::NotNow { .. })
        ));
        // The same supervisor twice is no change.
        facts.supervisor_id = Some(me.id);
        assert_eq!(
            check(
                &me,
                &Step::Supervise {
                    supervisor: me.id,
                    note: "再次".into()
                },
                &facts,
                today,
                None
            ),
            Err(StepError::AlreadyDone)
        );
    }

    #[test]
    fn a_report_is_asked_for_after_today_and_within_a_year() {
        let me = staff(&[Role::Supervisor, Role::Manager]);
        let mut facts = transferred();
        facts.ladder.urged = 1;
        let today = d("2026-09-30");
        let order = |by: &str| Step::SupervisionOrder {
            requirement: "限期整改".into(),
            report_by: d(by),
        };
        for (by, ok) in [
            ("2026-09-30", false),
            ("2026-10-15", true),
            ("2027-10-01", true),
            ("2027-10-02", false),
            ("9999-12-31", false),
        ] {
            let result = check(&me, &order(by), &facts, today, None);
            assert_eq!(result.is_ok(), ok, "{by}: {result:?}");
        }
    }
}
