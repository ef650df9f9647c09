//! The operating system: who the user is (DESIGN §1), and the setgid boundary (DESIGN §7).
//!
//! - [`boundary`]: whether the process runs setgid, the root-owned system configuration, the
//!   cleared environment, where the database is and where files may be written.
//! - [`files`]: creating files without following links or replacing anything.
//! - [`process`]: running an outside program with the caller's own group and a deadline.

pub mod boundary;
pub mod files;
pub mod notify;
pub mod process;

pub use boundary::{Boundary, SystemConfig, boundary, enter as enter_boundary};
pub use files::{
    append_line, create_new_file, create_new_file_with_mode, read_callers_file, reserve_new_file,
};
pub use process::{Output, OutsideError, run_outside_program};

use std::ffi::CStr;

/// The login name of the real uid, from the passwd database. `$USER` is never consulted: it
/// is whatever the caller set.
pub fn current_login() -> Option<String> {
    // SAFETY: getuid cannot fail; getpwuid_r writes into our buffer and we read the name from
    // it only when it reports success.
    unsafe {
        let uid = libc::getuid();
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        Some(CStr::from_ptr(pwd.pw_name).to_string_lossy().into_owned())
    }
}

/// The full name from the passwd GECOS field, when there is one.
pub fn current_full_name() -> Option<String> {
    // SAFETY: as above.
    unsafe {
        let uid = libc::getuid();
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc != 0 || result.is_null() || pwd.pw_gecos.is_null() {
            return None;
        }
        let gecos = CStr::from_ptr(pwd.pw_gecos).to_string_lossy();
        let name = gecos.split(',').next().unwrap_or("").trim().to_string();
        (!name.is_empty()).then_some(name)
    }
}

/// The home directory of the real uid, from the passwd database (`$HOME` is whatever the
/// caller set, and is cleared at the boundary).
pub fn current_home() -> Option<std::path::PathBuf> {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map(|u| u.dir)
}

/// Whether an account name exists in the passwd database.
pub fn login_exists(login: &str) -> bool {
    let Ok(c) = std::ffi::CString::new(login) else {
        return false;
    };
    // SAFETY: as above, with a NUL-terminated name.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwnam_r(
            c.as_ptr(),
            &mut pwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        );
        rc == 0 && !result.is_null()
    }
}

/// Files the program creates (database, its -wal and -shm, backups) must be writable by the
/// service group, or the next staff member's session cannot write (DESIGN §7).
pub fn set_group_umask() {
    // SAFETY: umask has no failure mode.
    unsafe {
        libc::umask(0o007);
    }
}
