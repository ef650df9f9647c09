//! The setgid boundary (DESIGN §7). Installed setgid to the service group, xfdesk runs with a
//! group its caller does not have, and is written the way setgid system tools (crontab, locate)
//! are: the database path comes only from a root-owned system configuration, `--db` and
//! `$XFDESK_DB` are refused, the environment is cleared down to the language and the terminal,
//! outside programs run with the caller's own group (`process`), and files are created only in
//! the directories the configuration names (`files`).

use nix::fcntl::{OFlag, open};
use nix::sys::stat::{Mode, fstat};
use serde::Deserialize;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The system configuration of a shared-server install. Root owns it; nobody else may write it.
pub const SYSTEM_CONFIG: &str = "/etc/xfdesk.toml";

/// `PATH` inside the boundary, as cron gives its jobs: only directories root owns.
pub const SAFE_PATH: &str = "/usr/bin:/bin";

/// Outside the boundary only, a system configuration at another path, so that tests and trials
/// can confine an ordinary process the same way. A setgid process never reads this variable.
pub const CONFIG_OVERRIDE_VAR: &str = "XFDESK_SYSTEM_CONFIG";

/// Variables kept across the boundary: the language of messages and the terminal. Everything
/// else (PATH, every LD_*, IFS, TMPDIR, SQLITE_TMPDIR, TZ, HOME, …) is removed, and PATH is set
/// to [`SAFE_PATH`].
const KEPT: &[&str] = &[
    "LANG",
    "LANGUAGE",
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "COLUMNS",
    "LINES",
    "XFDESK_LANG",
];

/// The root-owned system configuration (`/etc/xfdesk.toml`):
///
/// ```toml
/// db = "/srv/xfdesk/office.db"          # the office's database; the only one a setgid xfdesk opens
/// backup_dir = "/srv/xfdesk/backups"    # where `xfdesk backup` may write (absent: no backups)
/// receipt_dir = "/srv/xfdesk/receipts"  # where receipts are written (default: receipts/ beside db)
/// lp = "/usr/bin/lp"                    # the printing program, by absolute path (the default)
/// notify_command = "/usr/local/bin/sms" # the notify command (absent: none; the database's
///                                       # `notify_command` setting is not followed here)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemConfig {
    pub db: PathBuf,
    #[serde(default)]
    pub backup_dir: Option<PathBuf>,
    #[serde(default)]
    pub receipt_dir: Option<PathBuf>,
    #[serde(default = "default_lp")]
    pub lp: PathBuf,
    #[serde(default)]
    pub notify_command: Option<PathBuf>,
}

fn default_lp() -> PathBuf {
    PathBuf::from("/usr/bin/lp")
}

impl SystemConfig {
    /// The service directory: the database's own.
    pub fn service_dir(&self) -> &Path {
        self.db.parent().unwrap_or(Path::new("/"))
    }

    /// Where receipts go: `receipt_dir`, else `receipts/` in the service directory.
    pub fn receipt_dir(&self) -> PathBuf {
        self.receipt_dir
            .clone()
            .unwrap_or_else(|| self.service_dir().join("receipts"))
    }
}

/// Why the system configuration was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    Missing(PathBuf),
    /// A symbolic link: refused, since whoever controls its target controls the install.
    Symlink(PathBuf),
    NotRegular(PathBuf),
    /// Owned by someone other than root.
    NotRootOwned {
        path: PathBuf,
        owner: u32,
    },
    /// Writable by its group or by others.
    Writable {
        path: PathBuf,
        mode: u32,
    },
    Unreadable {
        path: PathBuf,
        error: String,
    },
    Invalid {
        path: PathBuf,
        error: String,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Missing(p) => {
                write!(f, "there is no system configuration at {}", p.display())
            }
            ConfigError::Symlink(p) => write!(
                f,
                "{} is a symbolic link; it must be a file root owns",
                p.display()
            ),
            ConfigError::NotRegular(p) => write!(f, "{} is not a regular file", p.display()),
            ConfigError::NotRootOwned { path, owner } => write!(
                f,
                "{} belongs to uid {owner}, not root; it is ignored (chown root: it)",
                path.display()
            ),
            ConfigError::Writable { path, mode } => write!(
                f,
                "{} may be written by its group or others (mode {mode:o}); it is ignored (chmod 644 it)",
                path.display()
            ),
            ConfigError::Unreadable { path, error } => {
                write!(f, "{} cannot be read: {error}", path.display())
            }
            ConfigError::Invalid { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Who may own the configuration file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Root only: the system configuration.
    Root,
    /// Root or the real uid: an override read outside the boundary (a test's own file).
    RootOrCaller,
}

/// Read and check a system configuration file: a regular file (not a link) owned by root and
/// not writable by group or others, holding absolute paths.
pub fn load_system_config(path: &Path, owner: Owner) -> Result<SystemConfig, ConfigError> {
    let fd = open(
        path,
        OFlag::O_RDONLY | OFlag::O_NOFOLLOW | OFlag::O_CLOEXEC | OFlag::O_NONBLOCK,
        Mode::empty(),
    )
    .map_err(|e| match e {
        nix::errno::Errno::ENOENT => ConfigError::Missing(path.to_path_buf()),
        nix::errno::Errno::ELOOP => ConfigError::Symlink(path.to_path_buf()),
        other => ConfigError::Unreadable {
            path: path.to_path_buf(),
            error: other.desc().to_string(),
        },
    })?;
    let stat = fstat(&fd).map_err(|e| ConfigError::Unreadable {
        path: path.to_path_buf(),
        error: e.desc().to_string(),
    })?;
    if stat.st_mode & libc::S_IFMT != libc::S_IFREG {
        return Err(ConfigError::NotRegular(path.to_path_buf()));
    }
    let caller = nix::unistd::getuid().as_raw();
    let owner_ok = stat.st_uid == 0 || (owner == Owner::RootOrCaller && stat.st_uid == caller);
    if !owner_ok {
        return Err(ConfigError::NotRootOwned {
            path: path.to_path_buf(),
            owner: stat.st_uid,
        });
    }
    if stat.st_mode & 0o022 != 0 {
        return Err(ConfigError::Writable {
            path: path.to_path_buf(),
            mode: stat.st_mode & 0o7777,
        });
    }
    let mut text = String::new();
    std::fs::File::from(fd)
        .take(64 * 1024)
        .read_to_string(&mut text)
        .map_err(|e| ConfigError::Unreadable {
            path: path.to_path_buf(),
            error: e.to_string(),
        })?;
    let config: SystemConfig = toml::from_str(&text).map_err(|e| ConfigError::Invalid {
        path: path.to_path_buf(),
        error: e.to_string(),
    })?;
    for (field, p) in [
        ("db", Some(&config.db)),
        ("backup_dir", config.backup_dir.as_ref()),
        ("receipt_dir", config.receipt_dir.as_ref()),
        ("lp", Some(&config.lp)),
        ("notify_command", config.notify_command.as_ref()),
    ] {
        if let Some(p) = p
            && !p.is_absolute()
        {
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                error: format!("{field} must be an absolute path, not {}", p.display()),
            });
        }
    }
    Ok(config)
}

/// Whether this process runs with privileges its caller lacks: effective group (or user)
/// other than the real one, or the kernel's secure-execution flag (set for setgid and setuid
/// programs and file capabilities).
pub fn is_privileged() -> bool {
    use nix::unistd::{getegid, geteuid, getgid, getuid};
    // SAFETY: getauxval only reads the auxiliary vector.
    let secure = unsafe { libc::getauxval(libc::AT_SECURE) } != 0;
    secure || getegid() != getgid() || geteuid() != getuid()
}

/// What the boundary decided at start.
#[derive(Debug)]
pub struct Boundary {
    /// Running setgid (or setuid): the environment was cleared, the configuration is required.
    pub privileged: bool,
    /// `$XFDESK_DB` was set when the process started. Across the boundary it is refused.
    pub db_from_env: bool,
    /// Confined: the database comes only from the system configuration and files are written
    /// only where it says. Always when privileged; outside, when [`CONFIG_OVERRIDE_VAR`] names
    /// a configuration (trials and tests).
    pub confined: bool,
    /// The configuration when confined, or why it could not be used.
    pub config: Option<Result<SystemConfig, ConfigError>>,
}

static BOUNDARY: OnceLock<Boundary> = OnceLock::new();

/// Cross the boundary: the first thing `main` does, before arguments are parsed and before
/// any thread starts (the environment is changed here). Idempotent.
pub fn enter() -> &'static Boundary {
    BOUNDARY.get_or_init(|| {
        let privileged = is_privileged();
        let db_from_env = std::env::var_os("XFDESK_DB").is_some();
        if privileged {
            clear_environment();
            Boundary {
                privileged,
                db_from_env,
                confined: true,
                config: Some(load_system_config(Path::new(SYSTEM_CONFIG), Owner::Root)),
            }
        } else {
            let config = std::env::var_os(CONFIG_OVERRIDE_VAR)
                .map(|p| load_system_config(Path::new(&p), Owner::RootOrCaller));
            Boundary {
                privileged,
                db_from_env,
                confined: config.is_some(),
                config,
            }
        }
    })
}

/// The boundary as entered; a library user that never called [`enter`] gets an unconfined one
/// (privileges are still detected).
pub fn boundary() -> &'static Boundary {
    BOUNDARY.get_or_init(|| Boundary {
        privileged: is_privileged(),
        db_from_env: false,
        confined: is_privileged(),
        config: is_privileged().then(|| load_system_config(Path::new(SYSTEM_CONFIG), Owner::Root)),
    })
}

/// Keep only [`KEPT`] and the `LC_*` variables; set `PATH` to [`SAFE_PATH`].
fn clear_environment() {
    let drop: Vec<std::ffi::OsString> = std::env::vars_os()
        .map(|(k, _)| k)
        .filter(|k| {
            let k = k.to_string_lossy();
            !(KEPT.contains(&k.as_ref()) || (k.starts_with("LC_") && k.len() > 3))
        })
        .collect();
    for k in drop {
        // SAFETY: called from `enter`, first thing in main, before any thread exists.
        unsafe { std::env::remove_var(k) };
    }
    // SAFETY: as above.
    unsafe { std::env::set_var("PATH", SAFE_PATH) };
}

/// Why the boundary refused something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoundaryError {
    /// `--db` or `$XFDESK_DB` across the boundary.
    DatabaseChosen {
        by_env: bool,
    },
    Config(ConfigError),
    /// A file to be created outside the directories the configuration names.
    OutsideService {
        dir: PathBuf,
    },
    /// No `backup_dir` in the configuration.
    NoBackupDir,
}

impl std::fmt::Display for BoundaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BoundaryError::DatabaseChosen { by_env: false } => write!(
                f,
                "--db is refused: this xfdesk is installed for the office and opens only the database {SYSTEM_CONFIG} names"
            ),
            BoundaryError::DatabaseChosen { by_env: true } => write!(
                f,
                "XFDESK_DB is refused: this xfdesk is installed for the office and opens only the database {SYSTEM_CONFIG} names; unset XFDESK_DB"
            ),
            BoundaryError::Config(e) => write!(f, "{e}"),
            BoundaryError::OutsideService { dir } => write!(
                f,
                "{} is outside the office's directories; this xfdesk writes files only where {SYSTEM_CONFIG} says",
                dir.display()
            ),
            BoundaryError::NoBackupDir => write!(
                f,
                "backups are not set up: {SYSTEM_CONFIG} names no backup_dir"
            ),
        }
    }
}

impl std::error::Error for BoundaryError {}

impl From<BoundaryError> for std::io::Error {
    fn from(e: BoundaryError) -> Self {
        std::io::Error::new(std::io::ErrorKind::PermissionDenied, e.to_string())
    }
}

impl Boundary {
    /// The configuration, when confined.
    pub fn config(&self) -> Result<Option<&SystemConfig>, BoundaryError> {
        match &self.config {
            None => Ok(None),
            Some(Ok(c)) => Ok(Some(c)),
            Some(Err(e)) => Err(BoundaryError::Config(e.clone())),
        }
    }

    /// The database to open. Confined: only the configuration's, and a path asked for with
    /// `--db` or `$XFDESK_DB` is refused in words. Otherwise the one asked for, if any.
    pub fn database(&self, asked: Option<&Path>) -> Result<Option<PathBuf>, BoundaryError> {
        if !self.confined {
            return Ok(asked.map(Path::to_path_buf));
        }
        if self.db_from_env {
            return Err(BoundaryError::DatabaseChosen { by_env: true });
        }
        if asked.is_some() {
            return Err(BoundaryError::DatabaseChosen { by_env: false });
        }
        Ok(self.config()?.map(|c| c.db.clone()))
    }

    /// The directories a confined process may create files in: the database's own, the
    /// backup directory and the receipt directory, each with what lies below it.
    fn service_dirs(&self) -> Vec<PathBuf> {
        match self.config() {
            Ok(Some(c)) => {
                let mut dirs = vec![c.service_dir().to_path_buf(), c.receipt_dir()];
                dirs.extend(c.backup_dir.clone());
                dirs
            }
            _ => vec![],
        }
    }

    /// Whether a confined process may create files in `dir`: only inside the directories the
    /// configuration names (compared after resolving links). Always, when not confined.
    pub fn may_write_in(&self, dir: &Path) -> Result<(), BoundaryError> {
        if !self.confined {
            return Ok(());
        }
        let outside = || BoundaryError::OutsideService {
            dir: dir.to_path_buf(),
        };
        let dir = std::fs::canonicalize(dir).map_err(|_| outside())?;
        let inside = self
            .service_dirs()
            .iter()
            .filter_map(|d| std::fs::canonicalize(d).ok())
            .any(|d| dir.starts_with(&d));
        if inside { Ok(()) } else { Err(outside()) }
    }

    /// Where a backup asked for at `file` goes. Confined: only directly in `backup_dir` (the
    /// name asked for is kept, its directory must be `backup_dir` itself). Returns the
    /// directory and the plain file name.
    pub fn backup_target(&self, file: &Path) -> Result<(PathBuf, String), BoundaryError> {
        let dir = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if self.confined {
            let Some(backups) = self.config()?.and_then(|c| c.backup_dir.clone()) else {
                return Err(BoundaryError::NoBackupDir);
            };
            let same = match (std::fs::canonicalize(&dir), std::fs::canonicalize(&backups)) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            };
            if !same {
                return Err(BoundaryError::OutsideService { dir });
            }
        }
        Ok((dir, name))
    }

    /// The receipt directory: confined, the configuration's (the office's `receipt_dir`
    /// setting is not followed across the boundary); otherwise the setting, else
    /// `receipts/` beside the database.
    pub fn receipt_dir(&self, db: &Path, setting: &str) -> PathBuf {
        if self.confined
            && let Ok(Some(c)) = self.config()
        {
            return c.receipt_dir();
        }
        if setting.is_empty() {
            db.parent()
                .map(|p| p.join("receipts"))
                .unwrap_or_else(|| PathBuf::from("receipts"))
        } else {
            PathBuf::from(setting)
        }
    }

    /// Where a document asked for with `doc --out FILE` goes. Confined: only directly in the
    /// receipt directory (a member of staff may not name files in the database's or the
    /// backups' directory, where a file of theirs could block a backup or shadow the
    /// database's own). Returns the directory and the plain file name.
    pub fn document_target(&self, file: &Path) -> Result<(PathBuf, String), BoundaryError> {
        let dir = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if self.confined {
            let Some(receipts) = self.config()?.map(SystemConfig::receipt_dir) else {
                return Err(BoundaryError::OutsideService { dir });
            };
            let same = match (
                std::fs::canonicalize(&dir),
                std::fs::canonicalize(&receipts),
            ) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            };
            if !same {
                return Err(BoundaryError::OutsideService { dir });
            }
        }
        Ok((dir, name))
    }

    /// The directory documents (notices, sheets) are written to: confined, the configuration's
    /// receipt directory, for the same reason as receipts; otherwise the setting, else
    /// `documents/` beside the database.
    pub fn document_dir(&self, db: &Path, setting: &str) -> PathBuf {
        if self.confined
            && let Ok(Some(c)) = self.config()
        {
            return c.receipt_dir();
        }
        if setting.is_empty() {
            db.parent()
                .map(|p| p.join("documents"))
                .unwrap_or_else(|| PathBuf::from("documents"))
        } else {
            PathBuf::from(setting)
        }
    }

    /// The notify command: confined, the configuration's `notify_command` (an administrator
    /// of the database must not choose a program every member of staff then runs as
    /// themselves); otherwise the office's `notify_command` setting. None: no command.
    pub fn notify_command(&self, setting: &str) -> Option<PathBuf> {
        if self.confined {
            return match self.config() {
                Ok(Some(c)) => c.notify_command.clone(),
                _ => None,
            };
        }
        let setting = setting.trim();
        (!setting.is_empty())
            .then(|| PathBuf::from(setting))
            .filter(|p| p.is_absolute())
    }

    /// The printing program: the configuration's `lp` when confined, else `/usr/bin/lp`.
    pub fn lp(&self) -> PathBuf {
        match self.config() {
            Ok(Some(c)) => c.lp.clone(),
            _ => default_lp(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn write(dir: &Path, name: &str, text: &str, mode: u32) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
        p
    }

    #[test]
    fn a_configuration_is_taken_only_as_a_file_nobody_else_may_write() {
        let dir = tempfile::tempdir().unwrap();
        let good = write(
            dir.path(),
            "good.toml",
            "db = \"/srv/xfdesk/office.db\"\nbackup_dir = \"/srv/xfdesk/backups\"\n",
            0o644,
        );
        let c = load_system_config(&good, Owner::RootOrCaller).unwrap();
        assert_eq!(c.db, PathBuf::from("/srv/xfdesk/office.db"));
        assert_eq!(c.lp, PathBuf::from("/usr/bin/lp"));
        assert_eq!(c.receipt_dir(), PathBuf::from("/srv/xfdesk/receipts"));

        let writable = write(dir.path(), "w.toml", "db = \"/srv/x.db\"\n", 0o664);
        assert!(matches!(
            load_system_config(&writable, Owner::RootOrCaller),
            Err(ConfigError::Writable { .. })
        ));
        let other_writable = write(dir.path(), "o.toml", "db = \"/srv/x.db\"\n", 0o646);
        assert!(load_system_config(&other_writable, Owner::RootOrCaller).is_err());
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&good, &link).unwrap();
        assert!(matches!(
            load_system_config(&link, Owner::RootOrCaller),
            Err(ConfigError::Symlink(_))
        ));
        let relative = write(dir.path(), "r.toml", "db = \"office.db\"\n", 0o644);
        assert!(matches!(
            load_system_config(&relative, Owner::RootOrCaller),
            Err(ConfigError::Invalid { .. })
        ));
        let unknown = write(
            dir.path(),
            "u.toml",
            "db = \"/x.db\"\nnotify = \"/bin/sh\"\n",
            0o644,
        );
        assert!(load_system_config(&unknown, Owner::RootOrCaller).is_err());
        assert!(matches!(
            load_system_config(&dir.path().join("none.toml"), Owner::Root),
            Err(ConfigError::Missing(_))
        ));
        assert!(load_system_config(Path::new("/dev/null"), Owner::Root).is_err());
    }

    #[test]
    fn a_file_owned_by_someone_other_than_root_is_refused() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "c.toml", "db = \"/srv/x.db\"\n", 0o644);
        if std::fs::metadata(&p).unwrap().uid() == 0 {
            // Running as root: give the file away to see it refused.
            nix::unistd::chown(&p, Some(nix::unistd::Uid::from_raw(65534)), None).unwrap();
        }
        assert!(matches!(
            load_system_config(&p, Owner::Root),
            Err(ConfigError::NotRootOwned { .. })
        ));
    }

    fn confined(config: SystemConfig) -> Boundary {
        Boundary {
            privileged: false,
            db_from_env: false,
            confined: true,
            config: Some(Ok(config)),
        }
    }

    #[test]
    fn confined_the_database_and_the_files_are_where_the_configuration_says() {
        let srv = tempfile::tempdir().unwrap();
        let backups = srv.path().join("backups");
        std::fs::create_dir(&backups).unwrap();
        let b = confined(SystemConfig {
            db: srv.path().join("office.db"),
            backup_dir: Some(backups.clone()),
            receipt_dir: None,
            lp: default_lp(),
            notify_command: Some(PathBuf::from("/usr/local/bin/sms")),
        });
        // The configuration's notify command, never the database's setting.
        assert_eq!(
            b.notify_command("/home/admin/evil"),
            Some(PathBuf::from("/usr/local/bin/sms"))
        );
        assert_eq!(
            b.database(None).unwrap(),
            Some(srv.path().join("office.db"))
        );
        assert_eq!(
            b.database(Some(Path::new("/tmp/mine.db"))),
            Err(BoundaryError::DatabaseChosen { by_env: false })
        );
        let by_env = Boundary {
            db_from_env: true,
            ..confined(SystemConfig {
                db: srv.path().join("office.db"),
                backup_dir: None,
                receipt_dir: None,
                lp: default_lp(),
                notify_command: None,
            })
        };
        assert_eq!(by_env.notify_command("/usr/local/bin/sms"), None);
        assert_eq!(
            by_env.database(None),
            Err(BoundaryError::DatabaseChosen { by_env: true })
        );
        assert_eq!(
            by_env.backup_target(Path::new("/srv/x/b.db")),
            Err(BoundaryError::NoBackupDir)
        );
        assert!(b.may_write_in(srv.path()).is_ok());
        assert!(b.may_write_in(&backups).is_ok());
        assert!(b.may_write_in(Path::new("/tmp")).is_err());
        assert!(b.backup_target(&backups.join("b.db")).is_ok());
        assert!(b.backup_target(Path::new("/tmp/b.db")).is_err());
        assert!(b.backup_target(&srv.path().join("b.db")).is_err());
        // A link inside the service directory that leads out of it is judged by its target.
        let out = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(out.path(), srv.path().join("out")).unwrap();
        assert!(b.may_write_in(&srv.path().join("out")).is_err());
        assert!(
            b.backup_target(&srv.path().join("backups/../out/b.db"))
                .is_err()
        );
        assert_eq!(
            b.receipt_dir(&srv.path().join("office.db"), "/home/admin/receipts"),
            srv.path().join("receipts")
        );
    }

    #[test]
    fn unconfined_the_caller_chooses() {
        let b = Boundary {
            privileged: false,
            db_from_env: true,
            confined: false,
            config: None,
        };
        assert_eq!(
            b.notify_command("/usr/local/bin/sms"),
            Some(PathBuf::from("/usr/local/bin/sms"))
        );
        assert_eq!(b.notify_command(""), None);
        assert_eq!(b.notify_command("sms"), None);
        assert_eq!(
            b.database(Some(Path::new("/tmp/x.db"))).unwrap(),
            Some(PathBuf::from("/tmp/x.db"))
        );
        assert!(b.may_write_in(Path::new("/tmp")).is_ok());
        assert_eq!(
            b.receipt_dir(Path::new("/home/a/x.db"), ""),
            PathBuf::from("/home/a/receipts")
        );
    }
}
