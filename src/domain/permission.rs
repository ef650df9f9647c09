//! Who may do what, checked before any write, whatever screen or command asked for it.

use super::case::{CaseState, roles_for_step};
use super::role::Role;
use super::staff::Staff;
use std::fmt;

/// Things staff do that need a role, apart from moving a case (see `case::check_step`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Register a letter or visit.
    RegisterIntake,
    /// Add, change or disable staff accounts; load reference data and calendars.
    Administer,
    /// Fill a database with synthetic demo data.
    LoadDemoData,
    /// See a resident ID number whole (personal information under PIPL; each reveal audited).
    RevealIdNumber,
    /// Extend a deadline (延期, 条例 Art. 34): once, with a reason told to the person.
    ExtendDeadline,
    /// Suspend a deadline for an appraisal or hearing.
    SuspendDeadline,
    /// Route a visitor at intake to a duty expert.
    RouteToExpert,
    /// Add, move or remove duty slots (专家门诊 roster).
    EditRoster,
    /// 回访 a closed case.
    FollowUp,
    /// Register a 复查/复核 request on a closed case.
    RequestReview,
    /// Reopen after 复核 (Art. 36), with a reason.
    OverrideReReview,
    /// Reassign a case's first handler (首办责任人).
    AssignFirstHandler,
    /// 领导包案.
    TakeCharge,
    /// Step aside from a case (回避, Art. 28): anyone who works cases.
    Recuse,
    /// 会审.
    JointReview,
    /// Record the materials received with a contact.
    RecordMaterial,
    /// Record an incident during a visit, in words.
    RecordIncident,
    /// Confirm an incident, so it shows as a note on the person.
    ConfirmIncident,
    /// Generate a statutory document.
    IssueDocument,
    /// Act on a marked selection of cases at once.
    BulkAct,
    /// Take a backup: a whole copy of the database, every ID number in it whole. Needs admin
    /// together with a role that may see ID numbers (reception or manager).
    TakeBackup,
    /// Anchor the audit chain (a checkpoint) or check it: any active staff member.
    AnchorAudit,
    /// Move a case one step: any active staff member here; which step needs which role is
    /// `case::check_step`'s.
    MoveCase,
    /// 督办: put a case under supervision with a supervisor, urge (催办), issue a 督办单, record
    /// a talk with a unit's head (约谈), record an extension request for a manager.
    Supervise,
    /// 挂牌督办: put a case on the office's listed-supervision register.
    ListSupervision,
    /// Propose that a unit or person be held accountable (问责建议).
    ProposeAccountability,
    /// Record an accountability notice (通报) naming a unit or staff member.
    IssueNotice,
    /// Run the nightly check and record what it found.
    RunCheck,
    /// Read the statistics and the yearly report.
    ReadStatistics,
}

impl Act {
    pub fn roles(self) -> &'static [Role] {
        match self {
            Act::RegisterIntake => &[
                Role::Reception,
                Role::Expert,
                Role::Supervisor,
                Role::Manager,
            ],
            Act::Administer | Act::LoadDemoData | Act::TakeBackup => &[Role::Admin],
            Act::AnchorAudit | Act::MoveCase => &Role::ALL,
            Act::RevealIdNumber => &[Role::Reception, Role::Manager],
            Act::ExtendDeadline | Act::SuspendDeadline => &[Role::Manager],
            // Routing is the step registered → with_expert: its roles are the step's.
            Act::EditRoster
            | Act::AssignFirstHandler
            | Act::TakeCharge
            | Act::OverrideReReview
            | Act::ConfirmIncident
            | Act::BulkAct => &[Role::Manager],
            Act::FollowUp | Act::RequestReview => {
                &[Role::Reception, Role::Supervisor, Role::Manager]
            }
            Act::JointReview => &[Role::Supervisor, Role::Manager],
            Act::Recuse | Act::RecordMaterial | Act::RecordIncident | Act::IssueDocument => &[
                Role::Reception,
                Role::Expert,
                Role::Supervisor,
                Role::Manager,
            ],
            Act::RouteToExpert => {
                roles_for_step(CaseState::Registered, CaseState::WithExpert).unwrap_or(&[])
            }
            Act::Supervise | Act::ProposeAccountability | Act::RunCheck | Act::ReadStatistics => {
                &[Role::Supervisor, Role::Manager]
            }
            Act::ListSupervision | Act::IssueNotice => &[Role::Manager],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionDenied {
    pub login: String,
    pub act: Act,
    /// The account is disabled (or no longer staff): it may do nothing at all.
    pub disabled: bool,
}

impl fmt::Display for PermissionDenied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::errors::permission_denied(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for PermissionDenied {}

/// Whether `actor` may do `act` (active, with one of its roles).
pub fn allows(actor: &Staff, act: Act) -> bool {
    let holds = |act: Act| act.roles().iter().any(|r| actor.has(*r));
    actor.active
        && match act {
            Act::TakeBackup => holds(Act::Administer) && holds(Act::RevealIdNumber),
            _ => holds(act),
        }
}

/// Refuse unless `actor` is active and holds one of the roles `act` needs.
pub fn require(actor: &Staff, act: Act) -> Result<(), PermissionDenied> {
    if allows(actor, act) {
        Ok(())
    } else {
        Err(PermissionDenied {
            login: actor.login.clone(),
            act,
            disabled: !actor.active,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(roles: &[Role], active: bool) -> Staff {
        Staff {
            id: 1,
            login: "li".into(),
            name: "李".into(),
            roles: roles.to_vec(),
            active,
        }
    }

    #[test]
    fn admin_alone_cannot_register_and_reception_cannot_administer() {
        assert!(require(&staff(&[Role::Admin], true), Act::RegisterIntake).is_err());
        assert!(require(&staff(&[Role::Reception], true), Act::RegisterIntake).is_ok());
        assert!(require(&staff(&[Role::Reception], true), Act::Administer).is_err());
        assert!(require(&staff(&[Role::Admin], true), Act::Administer).is_ok());
    }

    #[test]
    fn only_reception_and_managers_see_id_numbers_whole() {
        assert!(require(&staff(&[Role::Reception], true), Act::RevealIdNumber).is_ok());
        assert!(require(&staff(&[Role::Manager], true), Act::RevealIdNumber).is_ok());
        for r in [Role::Expert, Role::Supervisor, Role::Admin] {
            assert!(
                require(&staff(&[r], true), Act::RevealIdNumber).is_err(),
                "{r}"
            );
        }
    }

    #[test]
    fn only_managers_extend_or_suspend_deadlines() {
        for r in Role::ALL {
            let ok = r == Role::Manager;
            assert_eq!(require(&staff(&[r], true), Act::ExtendDeadline).is_ok(), ok);
            assert_eq!(
                require(&staff(&[r], true), Act::SuspendDeadline).is_ok(),
                ok
            );
        }
    }

    #[test]
    fn a_disabled_account_can_do_nothing_and_is_told_so() {
        let e = require(&staff(&[Role::Admin], false), Act::Administer).unwrap_err();
        assert!(e.disabled);
        assert!(e.to_string().contains("is disabled"), "{e}");
        assert!(require(&staff(&Role::ALL, false), Act::AnchorAudit).is_err());
    }

    #[test]
    fn supervision_is_supervisors_and_managers_and_notices_managers_alone() {
        for r in Role::ALL {
            let watcher = matches!(r, Role::Supervisor | Role::Manager);
            for act in [
                Act::Supervise,
                Act::ProposeAccountability,
                Act::RunCheck,
                Act::ReadStatistics,
            ] {
                assert_eq!(
                    require(&staff(&[r], true), act).is_ok(),
                    watcher,
                    "{r} {act:?}"
                );
            }
            for act in [Act::ListSupervision, Act::IssueNotice] {
                assert_eq!(
                    require(&staff(&[r], true), act).is_ok(),
                    r == Role::Manager,
                    "{r} {act:?}"
                );
            }
        }
    }

    #[test]
    fn a_backup_needs_admin_and_a_role_that_sees_id_numbers() {
        assert!(require(&staff(&[Role::Admin], true), Act::TakeBackup).is_err());
        assert!(require(&staff(&[Role::Reception], true), Act::TakeBackup).is_err());
        assert!(
            require(
                &staff(&[Role::Admin, Role::Reception], true),
                Act::TakeBackup
            )
            .is_ok()
        );
        assert!(require(&staff(&[Role::Admin, Role::Manager], true), Act::TakeBackup).is_ok());
        assert!(require(&staff(&[Role::Admin, Role::Expert], true), Act::TakeBackup).is_err());
        let e = require(&staff(&[Role::Admin], true), Act::TakeBackup).unwrap_err();
        assert!(
            e.to_string()
                .contains("admin together with reception or manager"),
            "{e}"
        );
    }
}
