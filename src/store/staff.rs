//! Staff accounts and their roles.

use super::audit::{self, Actor};
use super::{Result, Store, StoreError, fmt_ts};
use crate::domain::permission::{Act, PermissionDenied, require};
use crate::domain::staff::{check_login, check_staff_name};
use crate::domain::{Role, Staff};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

fn load_roles(conn: &Connection, staff_id: i64) -> Result<Vec<Role>> {
    let mut stmt =
        conn.prepare_cached("SELECT role FROM staff_roles WHERE staff_id = ?1 ORDER BY role")?;
    let codes: Vec<String> = stmt
        .query_map([staff_id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let mut roles: Vec<Role> = codes.iter().filter_map(|c| c.parse().ok()).collect();
    roles.sort();
    Ok(roles)
}

pub(crate) fn staff_by_id(conn: &Connection, id: i64) -> Result<Option<Staff>> {
    let login: Option<String> = conn
        .query_row("SELECT login FROM staff WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    match login {
        Some(login) => staff_by_login(conn, &login),
        None => Ok(None),
    }
}

/// The acting account as it is now, read inside the caller's transaction, checked for `act`.
/// A session holds the `Staff` it began with; an administrator may have disabled the account
/// or changed its roles since, and that must reach the very next write or reveal (DESIGN §7).
/// Returns the account as it is now, for checks that need its roles.
pub(crate) fn acting(conn: &Connection, actor: &Staff, act: Act) -> Result<Staff> {
    let now = staff_by_id(conn, actor.id)?.filter(|s| s.login == actor.login);
    let Some(now) = now else {
        // No longer staff at all: as good as disabled.
        return Err(StoreError::Denied(PermissionDenied {
            login: actor.login.clone(),
            act,
            disabled: true,
        }));
    };
    require(&now, act)?;
    Ok(now)
}

pub(crate) fn staff_by_login(conn: &Connection, login: &str) -> Result<Option<Staff>> {
    let row: Option<(i64, String, bool)> = conn
        .query_row(
            "SELECT id, name, active FROM staff WHERE login = ?1",
            [login],
            |r| r.try_into(),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((id, name, active)) => Ok(Some(Staff {
            id,
            login: login.to_string(),
            name,
            roles: load_roles(conn, id)?,
            active,
        })),
    }
}

/// Insert or update a staff row and replace its roles; returns its id.
pub(crate) fn upsert_staff(
    tx: &Transaction<'_>,
    login: &str,
    name: &str,
    roles: &[Role],
    now: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO staff (login, name, active, created_at) VALUES (?1, ?2, 1, ?3)
         ON CONFLICT(login) DO UPDATE SET name = excluded.name, active = 1",
        params![login, name, now],
    )?;
    let id: i64 = tx.query_row("SELECT id FROM staff WHERE login = ?1", [login], |r| {
        r.get(0)
    })?;
    tx.execute("DELETE FROM staff_roles WHERE staff_id = ?1", [id])?;
    for role in roles {
        tx.execute(
            "INSERT INTO staff_roles (staff_id, role) VALUES (?1, ?2)",
            params![id, role.code()],
        )?;
    }
    Ok(id)
}

fn roles_text(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}

impl Store {
    pub fn staff_by_login(&self, login: &str) -> Result<Option<Staff>> {
        staff_by_login(&self.conn, login)
    }

    /// A staff member as the database has them now. An open session calls this to notice that
    /// its account was disabled or its roles changed (compare with the `Staff` it holds).
    pub fn staff_by_id(&self, id: i64) -> Result<Option<Staff>> {
        staff_by_id(&self.conn, id)
    }

    pub fn list_staff(&self) -> Result<Vec<Staff>> {
        let logins: Vec<String> = self
            .conn
            .prepare("SELECT login FROM staff ORDER BY login")?
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let mut out = Vec::with_capacity(logins.len());
        for login in logins {
            if let Some(s) = staff_by_login(&self.conn, &login)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// The first staff member of a new database: the OS account that ran `init`, as admin
    /// (plus `extra_roles`). Refused once anyone is staff.
    pub fn bootstrap_admin(
        &mut self,
        login: &str,
        name: &str,
        extra_roles: &[Role],
    ) -> Result<Staff> {
        check_login(login).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let name = &check_staff_name(name).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let now = self.now();
        self.write_anchored("init", |tx| {
            let exists: bool =
                tx.query_row("SELECT EXISTS(SELECT 1 FROM staff)", [], |r| r.get(0))?;
            if exists {
                return Err(StoreError::Invalid(
                    "this database already has staff; an admin adds accounts with `xfdesk staff add`"
                        .into(),
                ));
            }
            let mut roles = vec![Role::Admin];
            roles.extend_from_slice(extra_roles);
            roles.sort();
            roles.dedup();
            let id = upsert_staff(tx, login, name, &roles, &fmt_ts(now))?;
            let actor = Actor {
                staff_id: Some(id),
                login: login.to_string(),
            };
            audit::append(
                tx,
                &actor,
                now,
                "init",
                "staff",
                Some(id),
                &format!("first admin {login} with roles {}", roles_text(&roles)),
            )?;
            Ok(())
        })?;
        self.staff_by_login(login)?
            .ok_or_else(|| StoreError::NotFound(login.to_string()))
    }

    /// Add a staff member, or update the name and roles of an existing one (and re-enable it).
    pub fn add_staff(
        &mut self,
        actor: &Staff,
        login: &str,
        name: &str,
        roles: &[Role],
    ) -> Result<Staff> {
        require(actor, Act::Administer)?;
        check_login(login).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let name = &check_staff_name(name).map_err(|e| StoreError::Invalid(e.to_string()))?;
        if roles.is_empty() {
            return Err(StoreError::Invalid(
                "a staff member needs at least one role".into(),
            ));
        }
        let now = self.now();
        self.write_anchored("staff.add", |tx| {
            acting(tx, actor, Act::Administer)?;
            let before = staff_by_login(tx, login)?;
            let id = upsert_staff(tx, login, name, roles, &fmt_ts(now))?;
            let detail = match before {
                Some(b) => format!(
                    "{login}: roles {} -> {}, name {} -> {name}",
                    roles_text(&b.roles),
                    roles_text(roles),
                    b.name
                ),
                None => format!("{login} ({name}) with roles {}", roles_text(roles)),
            };
            audit::append(
                tx,
                &actor.into(),
                now,
                "staff.add",
                "staff",
                Some(id),
                &detail,
            )
        })?;
        self.staff_by_login(login)?
            .ok_or_else(|| StoreError::NotFound(login.to_string()))
    }

    pub fn disable_staff(&mut self, actor: &Staff, login: &str) -> Result<()> {
        require(actor, Act::Administer)?;
        if actor.login == login {
            return Err(StoreError::Invalid(
                "you cannot disable your own account".into(),
            ));
        }
        let now = self.now();
        self.write_anchored("staff.disable", |tx| {
            acting(tx, actor, Act::Administer)?;
            let Some(target) = staff_by_login(tx, login)? else {
                return Err(StoreError::NotFound(format!("no staff member '{login}'")));
            };
            tx.execute("UPDATE staff SET active = 0 WHERE id = ?1", [target.id])?;
            audit::append(
                tx,
                &actor.into(),
                now,
                "staff.disable",
                "staff",
                Some(target.id),
                login,
            )
        })
    }
}
