//! Creating files only where they are meant to go (DESIGN §7). A setgid process writes with
//! the service group, so a file it creates on someone's say-so is a privilege: it never follows
//! a symbolic link, never replaces or truncates what is there, and, across the setgid boundary,
//! writes only inside the directories the system configuration names.

use nix::fcntl::{AtFlags, OFlag, open, openat};
use nix::sys::stat::{Mode, fchmod, fstat};
use nix::unistd::{UnlinkatFlags, unlinkat};
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

/// Mode of files that hold office data (receipts, backups, the audit key): the owner and the
/// service group read them; nobody else does.
pub const PRIVATE_MODE: u32 = 0o640;

/// Mode of files every staff session appends to through the service group (the audit
/// checkpoints): the group writes too.
pub const SHARED_MODE: u32 = 0o660;

/// Create `dir/file_name` holding `bytes`, with mode 0640, and return its path.
///
/// - `file_name` is one plain name: no `/`, not `.` or `..`.
/// - Nothing that exists is replaced or truncated, and a symbolic link at the name is not
///   followed (`O_CREAT | O_EXCL | O_NOFOLLOW`): the call fails with `AlreadyExists`.
/// - Across the setgid boundary, `dir` must lie inside a directory the system configuration
///   names (the database's directory, `backup_dir`, `receipt_dir`); anything else fails with
///   `PermissionDenied` and nothing is created.
/// - A file left half-written by a failed write is removed.
pub fn create_new_file(dir: &Path, file_name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    create_new_file_with_mode(dir, file_name, bytes, PRIVATE_MODE)
}

/// [`create_new_file`] with another mode (the umask does not narrow it).
pub fn create_new_file_with_mode(
    dir: &Path,
    file_name: &str,
    bytes: &[u8],
    mode: u32,
) -> io::Result<PathBuf> {
    let (path, mut file, dir_fd) = open_new(dir, file_name, mode)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = unlinkat(&dir_fd, file_name, UnlinkatFlags::NoRemoveDir);
        return Err(e);
    }
    Ok(path)
}

/// Read a file the caller names (an import), at most `max` bytes (more is an error), as the
/// caller: across the setgid boundary the service group is set aside while the file is
/// opened, so nothing only the service group may read (the database, its key, a backup) can
/// be read through xfdesk. Only a regular file is read.
pub fn read_callers_file(path: &Path, max: usize) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let file = if super::boundary::boundary().privileged {
        let service = nix::unistd::getegid();
        nix::unistd::setegid(nix::unistd::getgid()).map_err(io::Error::from)?;
        let opened = File::open(path);
        nix::unistd::setegid(service).map_err(io::Error::from)?;
        opened?
    } else {
        File::open(path)?
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut bytes = vec![];
    file.take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {max} bytes"),
        ));
    }
    Ok(bytes)
}

/// Create `dir/file_name` empty, by the same rules as [`create_new_file`], for a writer that
/// fills it by name (SQLite's `VACUUM INTO` writes into an empty file and refuses a full one).
pub fn reserve_new_file(dir: &Path, file_name: &str, mode: u32) -> io::Result<PathBuf> {
    let (path, file, _dir) = open_new(dir, file_name, mode)?;
    file.sync_all()?;
    Ok(path)
}

/// Append `line` (a newline is added) to `dir/file_name`, creating it with `mode` if it is not
/// there. The name must be a regular file, not a symbolic link; the line goes in with one
/// `write` in append mode, so lines from several processes never interleave, and is synced.
/// A last line left without its newline (a write cut short by a full disk or a file-size
/// limit) is ended first, in the same write, so it never swallows the new one.
pub fn append_line(dir: &Path, file_name: &str, line: &str, mode: u32) -> io::Result<()> {
    check_name(file_name)?;
    let dir_fd = open_dir_inside(dir)?;
    let fd = openat(
        &dir_fd,
        file_name,
        // Read too: the last byte says whether the last line was finished.
        OFlag::O_RDWR | OFlag::O_APPEND | OFlag::O_CREAT | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
        Mode::from_bits_truncate(mode),
    )
    .map_err(io::Error::from)?;
    let stat = fstat(&fd).map_err(io::Error::from)?;
    if stat.st_mode & libc::S_IFMT != libc::S_IFREG {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", dir.join(file_name).display()),
        ));
    }
    let mut file = File::from(fd);
    let mut bytes = Vec::with_capacity(line.len() + 2);
    if stat.st_size > 0 && !ends_with_newline(&file, stat.st_size)? {
        bytes.push(b'\n');
    }
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    file.write_all(&bytes)?;
    file.sync_data()
}

fn ends_with_newline(file: &File, size: i64) -> io::Result<bool> {
    use std::os::unix::fs::FileExt;
    let mut last = [0u8; 1];
    file.read_exact_at(&mut last, u64::try_from(size - 1).unwrap_or(0))?;
    Ok(last == [b'\n'])
}

/// Make `dir` if it is not there: a directory for the owner and the service group (0770; in
/// the office's setgid directory it takes the group). Across the boundary, only inside the
/// office's directories.
pub fn ensure_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if let Some(parent) = dir.parent() {
        let boundary = super::boundary::boundary();
        if boundary.confined {
            boundary.may_write_in(parent)?;
        }
    }
    match std::fs::DirBuilder::new().mode(0o770).create(dir) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    let meta = std::fs::symlink_metadata(dir)?;
    if meta.is_dir() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a directory", dir.display()),
        ))
    }
}

/// The plain names in `dir` (not `.` and `..`).
pub fn names_in(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

/// Read `dir/file_name`, a regular file, without following a symbolic link at the name.
pub fn read_no_follow(dir: &Path, file_name: &str) -> io::Result<String> {
    use std::io::Read;
    check_name(file_name)?;
    let dir_fd = open_dir(dir)?;
    let fd = openat(
        &dir_fd,
        file_name,
        OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC | OFlag::O_NONBLOCK,
        Mode::empty(),
    )
    .map_err(io::Error::from)?;
    let stat = fstat(&fd).map_err(io::Error::from)?;
    if stat.st_mode & libc::S_IFMT != libc::S_IFREG {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", dir.join(file_name).display()),
        ));
    }
    let mut text = String::new();
    File::from(fd)
        .take(16 * 1024 * 1024)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// Remove `dir/file_name` (never a directory; a symbolic link itself, not what it names).
pub fn remove_in(dir: &Path, file_name: &str) -> io::Result<()> {
    check_name(file_name)?;
    let dir_fd = open_dir_inside(dir)?;
    unlinkat(&dir_fd, file_name, UnlinkatFlags::NoRemoveDir).map_err(io::Error::from)
}

/// Read a file the caller names, with the caller's own group: across the setgid boundary the
/// service group is set aside for the read (and taken back after), so the file is read only if
/// the caller could read it themselves.
pub fn read_as_caller(path: &Path) -> io::Result<String> {
    if !super::boundary::boundary().confined {
        return std::fs::read_to_string(path);
    }
    let service = nix::unistd::getegid();
    nix::unistd::setegid(nix::unistd::getgid()).map_err(io::Error::from)?;
    let read = std::fs::read_to_string(path);
    nix::unistd::setegid(service).map_err(io::Error::from)?;
    read
}

/// Whether the file has the append-only attribute (`chattr +a`): then not even its owner or
/// the service group can rewrite or truncate what it holds. None when it cannot be told (no
/// such file, or a file system without attributes).
pub fn is_append_only(path: &Path) -> Option<bool> {
    /// `FS_APPEND_FL` of linux/fs.h.
    const APPEND_FLAG: libc::c_long = 0x20;
    let file = File::open(path).ok()?;
    let mut flags: libc::c_long = 0;
    // SAFETY: FS_IOC_GETFLAGS writes at most a long into `flags`, which lives for the call.
    let r = unsafe {
        libc::ioctl(
            std::os::fd::AsRawFd::as_raw_fd(&file),
            libc::FS_IOC_GETFLAGS,
            &mut flags as *mut libc::c_long,
        )
    };
    (r == 0).then_some(flags & APPEND_FLAG != 0)
}

/// Whether `file_name` names something in `dir` without following a final symbolic link.
pub fn exists_no_follow(dir: &Path, file_name: &str) -> bool {
    let Ok(dir_fd) = open_dir(dir) else {
        return false;
    };
    nix::sys::stat::fstatat(&dir_fd, file_name, AtFlags::AT_SYMLINK_NOFOLLOW).is_ok()
}

fn open_new(dir: &Path, file_name: &str, mode: u32) -> io::Result<(PathBuf, File, OwnedFd)> {
    check_name(file_name)?;
    let dir_fd = open_dir_inside(dir)?;
    let fd = openat(
        &dir_fd,
        file_name,
        OFlag::O_WRONLY | OFlag::O_CREAT | OFlag::O_EXCL | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC,
        Mode::from_bits_truncate(mode),
    )
    .map_err(io::Error::from)?;
    // The umask may have narrowed the mode; the service group needs exactly what was asked.
    fchmod(&fd, Mode::from_bits_truncate(mode)).map_err(io::Error::from)?;
    Ok((dir.join(file_name), File::from(fd), dir_fd))
}

/// Open `dir` and check the directory actually opened against the boundary. Checking the path
/// first and opening it after would let someone swap a link in between (a directory of the
/// office for one of their own, thousands of times a second until the timing fits).
fn open_dir_inside(dir: &Path) -> io::Result<OwnedFd> {
    let dir_fd = open_dir(dir)?;
    let boundary = super::boundary::boundary();
    if boundary.confined {
        let opened = std::fs::read_link(format!(
            "/proc/self/fd/{}",
            std::os::fd::AsRawFd::as_raw_fd(&dir_fd)
        ))?;
        boundary.may_write_in(&opened)?;
    }
    Ok(dir_fd)
}

fn open_dir(dir: &Path) -> io::Result<OwnedFd> {
    open(
        dir,
        OFlag::O_RDONLY | OFlag::O_DIRECTORY | OFlag::O_CLOEXEC,
        Mode::empty(),
    )
    .map_err(io::Error::from)
}

fn check_name(file_name: &str) -> io::Result<()> {
    // No control, escape or bidi characters either: a name is shown in listings, messages
    // and the audit log, where they would act on a terminal.
    let plain = !file_name.is_empty()
        && file_name != "."
        && file_name != ".."
        && !file_name.contains('/')
        && !file_name.contains('\0')
        && file_name.len() <= 255
        && crate::domain::text::clean_line(file_name) == file_name;
    if plain {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("'{file_name}' is not a plain file name"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_file_is_created_with_its_mode_and_never_replaces_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = create_new_file(dir.path(), "XF-2026-000001.txt", "回执".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "回执");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let again = create_new_file(dir.path(), "XF-2026-000001.txt", b"other").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "回执");
    }

    #[test]
    fn a_symbolic_link_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("victim");
        std::fs::write(&target, "keep").unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("link")).unwrap();
        assert!(create_new_file(dir.path(), "link", b"x").is_err());
        std::os::unix::fs::symlink(dir.path().join("nowhere"), dir.path().join("dangling"))
            .unwrap();
        assert!(create_new_file(dir.path(), "dangling", b"x").is_err());
        assert!(
            !dir.path().join("nowhere").exists(),
            "no file made through a link"
        );
        assert!(append_line(dir.path(), "link", "x", SHARED_MODE).is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        assert!(exists_no_follow(dir.path(), "dangling"));
    }

    #[test]
    fn only_plain_names_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["", ".", "..", "../x", "a/b", "x\0y"] {
            assert!(create_new_file(dir.path(), bad, b"x").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn lines_are_appended_whole() {
        let dir = tempfile::tempdir().unwrap();
        append_line(dir.path(), "log", "一", SHARED_MODE).unwrap();
        append_line(dir.path(), "log", "二", SHARED_MODE).unwrap();
        let p = dir.path().join("log");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "一\n二\n");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        // Created through the umask: at most what was asked.
        assert_eq!(mode & !0o660, 0);
    }
}
