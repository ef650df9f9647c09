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

/// The longest staff name kept.
pub const MAX_NAME_CHARS: usize = 30;

/// Why an account name or a staff name was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffError {
    /// Account names are portable POSIX names (letters, digits, `.`, `_`, `-` not first), or
    /// directory accounts with `@` (`zhang.san@office`), at most 32 characters.
    BadLogin(String),
    NameEmpty,
    NameTooLong {
        max: usize,
        has: usize,
    },
}

impl std::fmt::Display for StaffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StaffError::BadLogin(login) => write!(
                f,
                "'{login}' is not a valid account name (letters, digits, . _ - @, not starting with -, at most 32)"
            ),
            StaffError::NameEmpty => f.write_str("a staff member needs a name"),
            StaffError::NameTooLong { max, has } => {
                write!(f, "a name may have at most {max} characters, not {has}")
            }
        }
    }
}

impl std::error::Error for StaffError {}

/// Check an OS account name as typed by an administrator.
pub fn check_login(login: &str) -> Result<(), StaffError> {
    let ok = !login.is_empty()
        && login.len() <= 32
        && !login.starts_with('-')
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
    if ok {
        Ok(())
    } else {
        Err(StaffError::BadLogin(super::text::clean_line(login)))
    }
}

/// Clean and check a staff member's name: control, escape and bidi characters removed,
/// trimmed, not empty, bounded. Returns the name as it is to be stored.
pub fn check_staff_name(name: &str) -> Result<String, StaffError> {
    let name = super::text::clean_line(name).trim().to_string();
    let has = name.chars().count();
    if has == 0 {
        Err(StaffError::NameEmpty)
    } else if has > MAX_NAME_CHARS {
        Err(StaffError::NameTooLong {
            max: MAX_NAME_CHARS,
            has,
        })
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_portable_account_names() {
        for ok in ["xiaoli", "wang.li", "li_2", "a-b", "zhang.san@office"] {
            assert_eq!(check_login(ok), Ok(()), "{ok}");
        }
        for bad in [
            "",
            "-rf",
            "li li",
            "李",
            "x\u{1b}]0;t\u{7}",
            "a\u{202e}b",
            &"a".repeat(33),
        ] {
            assert!(check_login(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn names_are_stored_cleaned_and_bounded() {
        assert_eq!(
            check_staff_name(" 小\u{1b}]0;pwned\u{7}李\u{202e} ").unwrap(),
            "小李"
        );
        assert_eq!(check_staff_name("\u{1b}[2J"), Err(StaffError::NameEmpty));
        assert!(check_staff_name(&"李".repeat(31)).is_err());
    }
}
