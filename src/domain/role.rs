//! Staff roles (DESIGN §1). A person may hold several.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Reception,
    Expert,
    Supervisor,
    Manager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Reception,
        Role::Expert,
        Role::Supervisor,
        Role::Manager,
        Role::Admin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Reception => "reception",
            Role::Expert => "expert",
            Role::Supervisor => "supervisor",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRole(pub String);

impl fmt::Display for UnknownRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::errors::unknown_role(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for UnknownRole {}

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == s.trim())
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}

/// Parse `reception,expert` into roles, refusing an empty list or an unknown name.
pub fn parse_roles(list: &str) -> Result<Vec<Role>, UnknownRole> {
    let mut roles: Vec<Role> = list
        .split(',')
        .filter(|s| !s.trim().is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()?;
    if roles.is_empty() {
        return Err(UnknownRole(String::new()));
    }
    roles.sort();
    roles.dedup();
    Ok(roles)
}
