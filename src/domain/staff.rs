//! 工作人员: staff members, identified by an OS account name.

use super::role::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

impl Staff {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}
