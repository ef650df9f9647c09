//! `xfdesk staff add|list|disable` (admin).

use super::{Cli, CliResult, Failure, current_staff, lang_of};
use crate::domain::role::parse_roles;
use crate::domain::text::clean_line;

#[derive(Debug, clap::Subcommand)]
pub enum StaffCommand {
    /// Add a staff member, or change the name and roles of one.
    Add {
        /// The OS account name the person logs in with.
        login: String,
        #[arg(long)]
        name: String,
        /// Comma-separated: reception, expert, supervisor, manager, admin.
        #[arg(long)]
        role: String,
    },
    /// List staff.
    List {
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// Disable an account (it stays in the audit log).
    Disable { login: String },
}

pub fn run(cli: &Cli, cmd: &StaffCommand) -> CliResult {
    let lang = lang_of(cli);
    let mut store = super::open_store(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    match cmd {
        StaffCommand::Add { login, name, role } => {
            super::writable(&store, lang)?;
            let roles = parse_roles(role).map_err(|e| Failure::error(e.to_string()))?;
            if !crate::os::login_exists(login) {
                super::output::warn(format_args!(
                    "warning: there is no OS account '{}' on this machine yet; it is added anyway",
                    clean_line(login)
                ));
            }
            let s = store.add_staff(&me, login, name, &roles)?;
            crate::say!(
                "{} {} {}",
                clean_line(&s.login),
                clean_line(&s.name),
                roles_text(&s.roles)
            );
        }
        StaffCommand::List { format } => {
            let staff = store.list_staff()?;
            if format == "json" {
                let list: Vec<_> = staff
                    .iter()
                    .map(|s| {
                        // serde_json escapes C0 controls but passes DEL, C1 and bidi
                        // overrides (U+202E) through raw: clean the values themselves.
                        serde_json::json!({
                            "login": clean_line(&s.login),
                            "name": clean_line(&s.name),
                            "roles": s.roles.iter().map(|r| r.code()).collect::<Vec<_>>(),
                            "active": s.active,
                        })
                    })
                    .collect();
                crate::say!(
                    "{}",
                    serde_json::to_string_pretty(&list)
                        .map_err(|e| Failure::error(e.to_string()))?
                );
            } else {
                for s in staff {
                    crate::say!(
                        "{:<12} {:<10} {:<30} {}",
                        clean_line(&s.login),
                        clean_line(&s.name),
                        roles_text(&s.roles),
                        if s.active { "" } else { "disabled" }
                    );
                }
            }
        }
        StaffCommand::Disable { login } => {
            super::writable(&store, lang)?;
            store.disable_staff(&me, login)?;
            crate::say!("{} disabled", clean_line(login));
        }
    }
    Ok(0)
}

fn roles_text(roles: &[crate::domain::Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}
