//! The setgid install as a boundary (DESIGN §7), tried the way an account on the server would
//! walk around it: the real binary, installed setgid to a service group, run by a non-root
//! account that is not in that group, with a hostile PATH, its own database and its own lp.
//!
//! This needs root (to make a temporary account and group, and to mount the system
//! configuration into a private mount namespace so the machine's /etc is untouched). Where it
//! cannot, it says why and passes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;
use common::*;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Set by the parent when it runs this test binary setgid as the child below.
const CHILD_VAR: &str = "XFDESK_SETGID_PROBE";

/// What this machine lacks for the test, if anything.
fn cannot_run() -> Option<String> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not running as root: cannot make accounts and groups".into());
    }
    for tool in [
        "useradd", "userdel", "groupadd", "groupdel", "setpriv", "unshare", "mount",
    ] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !found {
            return Some(format!("{tool} is not installed"));
        }
    }
    if !Path::new("/usr/bin/python3").exists() {
        return Some("/usr/bin/python3 is missing (the group probe is a Python script)".into());
    }
    let ns = Command::new("unshare")
        .args(["--mount", "true"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ns {
        return Some("cannot make a private mount namespace (unshare --mount)".into());
    }
    None
}

fn sh(script: &str) -> Output {
    Command::new("sh").args(["-c", script]).output().unwrap()
}

fn must(script: &str) {
    let out = sh(script);
    assert!(
        out.status.success(),
        "{script}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A temporary account, its own group, and a service group it is not in; removed on drop.
struct Accounts {
    user: String,
    service: String,
    uid: u32,
    gid: u32,
    service_gid: u32,
}

impl Accounts {
    fn make() -> Accounts {
        let tag = format!("{}{}", std::process::id() % 100_000, rand_suffix());
        let user = format!("xfu{tag}");
        let service = format!("xfg{tag}");
        must(&format!("groupadd {service}"));
        must(&format!("useradd -M -U -s /bin/sh {user}"));
        let id = |flag: &str| -> u32 {
            let out = sh(&format!("id {flag} {user}"));
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        };
        let service_gid = {
            let out = sh(&format!("getent group {service} | cut -d: -f3"));
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        };
        Accounts {
            uid: id("-u"),
            gid: id("-g"),
            user,
            service,
            service_gid,
        }
    }
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos()
        % 1000
}

impl Drop for Accounts {
    fn drop(&mut self) {
        let _ = sh(&format!(
            "userdel {0}; groupdel {0}; groupdel {1}",
            self.user, self.service
        ));
    }
}

/// The install: a setgid copy of the binary, the service directory, the system
/// configuration, and the account's own directory with its planted programs.
struct Install {
    root: tempfile::TempDir,
    bin: PathBuf,
    srv: PathBuf,
    home: PathBuf,
    config: PathBuf,
}

impl Install {
    fn make(acc: &Accounts) -> Install {
        let root = tempfile::tempdir().unwrap();
        let r = root.path();
        std::fs::set_permissions(r, std::fs::Permissions::from_mode(0o755)).unwrap();
        let svc = &acc.service;
        must(&format!(
            "install -d -m 755 {r}/bin {r}/ovl && install -o root -g {svc} -m 2755 {} {r}/bin/xfdesk \
             && install -d -o root -g {svc} -m 2770 {r}/srv {r}/srv/backups \
             && install -d -o {u} -g {u} -m 755 {r}/home {r}/home/evil",
            bin().display(),
            r = r.display(),
            u = acc.user,
        ));
        let srv = r.join("srv");
        let home = r.join("home");
        // The planted programs: each would leave a mark, with the groups it ran with.
        for name in ["lp", "sqlite3", "python3", "sh", "cat", "env"] {
            let p = home.join("evil").join(name);
            std::fs::write(
                &p,
                format!("#!/bin/sh\nid > {}/PLANTED-{name}-RAN\n", home.display()),
            )
            .unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let config = r.join("xfdesk.toml");
        std::fs::write(
            &config,
            format!(
                "db = \"{0}/office.db\"\nbackup_dir = \"{0}/backups\"\n",
                srv.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
        Install {
            bin: r.join("bin/xfdesk"),
            srv,
            home,
            config,
            root,
        }
    }

    /// Run `program args` as the account, inside a private mount namespace whose /etc has
    /// the install's configuration, with a hostile environment (plus `extra_env`).
    fn run_as(
        &self,
        acc: &Accounts,
        program: &Path,
        args: &[&str],
        extra_env: &[(&str, &str)],
    ) -> Output {
        let r = self.root.path();
        let upper = r.join("ovl/upper");
        let work = r.join("ovl/work");
        let _ = std::fs::create_dir_all(&upper);
        let _ = std::fs::create_dir_all(&work);
        let mut env: Vec<String> = vec![
            format!("PATH={}/evil:/usr/bin:/bin", self.home.display()),
            format!("LD_PRELOAD={}/evil/hook.so", self.home.display()),
            format!("LD_LIBRARY_PATH={}/evil", self.home.display()),
            format!("TMPDIR={}", self.home.display()),
            format!("SQLITE_TMPDIR={}", self.home.display()),
            format!("HOME={}", self.home.display()),
            "IFS=/".into(),
            "LANG=C.UTF-8".into(),
            "XFDESK_LANG=en".into(),
        ];
        env.extend(extra_env.iter().map(|(k, v)| format!("{k}={v}")));
        let script = format!(
            "set -e; mount -t overlay overlay -o lowerdir=/etc,upperdir={up},workdir={wk} /etc; \
             cp {cfg} /etc/xfdesk.toml; chmod 644 /etc/xfdesk.toml; \
             exec setpriv --reuid={uid} --regid={gid} --init-groups -- /usr/bin/env -i \"$@\"",
            up = upper.display(),
            wk = work.display(),
            cfg = self.config.display(),
            uid = acc.uid,
            gid = acc.gid,
        );
        let mut cmd = Command::new("unshare");
        cmd.args([
            "--mount",
            "--propagation",
            "private",
            "--",
            "sh",
            "-c",
            &script,
            "sh",
        ]);
        cmd.args(&env);
        cmd.arg(program);
        cmd.args(args);
        cmd.env_clear().env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        cmd.output().unwrap()
    }

    fn xfdesk_as(&self, acc: &Accounts, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
        self.run_as(acc, &self.bin, args, extra_env)
    }

    fn planted_ran(&self) -> Vec<String> {
        std::fs::read_dir(&self.home)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("PLANTED-"))
            .collect()
    }
}

/// Root, outside the boundary, sets up the office the way the README says.
fn xfdesk_root(db: &Path, args: &[&str]) -> Output {
    let out = xfdesk(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    out
}

fn text(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}

#[test]
fn the_setgid_install_withstands_the_walk_around() {
    if let Some(why) = cannot_run() {
        println!("skipped: {why}");
        return;
    }
    let acc = Accounts::make();
    let inst = Install::make(&acc);
    let office = inst.srv.join("office.db");
    xfdesk_root(&office, &["init", "--name", "管理员"]);
    xfdesk_root(
        &office,
        &[
            "staff",
            "add",
            &acc.user,
            "--name",
            "小李",
            "--role",
            "reception",
        ],
    );
    // The account's own database, where it is admin (made for it, as it could with a copy of
    // the binary of its own).
    let mine = inst.home.join("mine.db");
    xfdesk_root(&mine, &["init", "--admin", &acc.user]);
    must(&format!(
        "chown -R {0}:{0} {1}",
        acc.user,
        inst.home.display()
    ));
    let mine_text = mine.to_str().unwrap();

    // --db and $XFDESK_DB are refused in words, whatever they point at.
    let out = inst.xfdesk_as(&acc, &["staff", "list", "--db", mine_text], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(stderr(&out).contains("--db is refused"), "{}", text(&out));
    let out = inst.xfdesk_as(&acc, &["staff", "list"], &[("XFDESK_DB", mine_text)]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(
        stderr(&out).contains("XFDESK_DB is refused"),
        "{}",
        text(&out)
    );
    // The override a test may use outside the boundary is not honoured across it.
    let evil_config = inst.home.join("config.toml");
    std::fs::write(&evil_config, format!("db = \"{mine_text}\"\n")).unwrap();
    let out = inst.xfdesk_as(
        &acc,
        &["settings", "set", "office_name", "x"],
        &[("XFDESK_SYSTEM_CONFIG", evil_config.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));

    // Through the binary the account is what the office made it: reception.
    let out = inst.xfdesk_as(&acc, &["staff", "list"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(stdout(&out).contains(&acc.user), "{}", text(&out));
    let out = inst.xfdesk_as(&acc, &["settings", "set", "receipt_printer", "x"], &[]);
    assert_eq!(out.status.code(), Some(3), "not admin: {}", text(&out));
    let out = inst.xfdesk_as(&acc, &["init", "--admin", &acc.user], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(stderr(&out).contains("only root"), "{}", text(&out));

    // Directly, the office's files are closed to it.
    let probe_open = |path: &Path| {
        inst.run_as(
            &acc,
            Path::new("/usr/bin/python3"),
            &["-c", &format!("open('{}', 'rb').read(1)", path.display())],
            &[],
        )
    };
    let out = probe_open(&office);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("PermissionError"), "{}", text(&out));

    // Backups: not for reception; an admin with reception gets one only into backup_dir,
    // where the account cannot read it.
    let copy_mine = inst.home.join("copy.db");
    let out = inst.xfdesk_as(&acc, &["backup", copy_mine.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    xfdesk_root(
        &office,
        &[
            "staff",
            "add",
            &acc.user,
            "--name",
            "小李",
            "--role",
            "admin,reception",
        ],
    );
    let out = inst.xfdesk_as(&acc, &["backup", copy_mine.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert!(
        stderr(&out).contains("outside the office's directories"),
        "{}",
        text(&out)
    );
    assert!(!copy_mine.exists());
    let in_service = inst.srv.join("backups/b1.db");
    let out = inst.xfdesk_as(&acc, &["backup", in_service.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let out = probe_open(&in_service);
    assert!(stderr(&out).contains("PermissionError"), "{}", text(&out));
    // A symbolic link in backup_dir is not written through.
    std::os::unix::fs::symlink(
        inst.home.join("through-link.db"),
        inst.srv.join("backups/link.db"),
    )
    .unwrap();
    let out = inst.xfdesk_as(
        &acc,
        &["backup", inst.srv.join("backups/link.db").to_str().unwrap()],
        &[],
    );
    assert_ne!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!inst.home.join("through-link.db").exists());

    // The audit chain, checked through the binary, is whole.
    let out = inst.xfdesk_as(&acc, &["audit", "verify"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    // None of the planted programs ever ran.
    assert!(inst.planted_ran().is_empty(), "{:?}", inst.planted_ran());

    // An outside program run across the boundary holds the caller's group only. The test
    // binary itself, installed setgid like xfdesk, runs the probe the way xfdesk runs lp.
    let runner = inst.root.path().join("bin/probe-runner");
    must(&format!(
        "install -o root -g {} -m 2755 {} {}",
        acc.service,
        std::env::current_exe().unwrap().display(),
        runner.display()
    ));
    let probe = inst.root.path().join("bin/probe.py");
    std::fs::write(
        &probe,
        format!(
            "#!/usr/bin/python3\n\
             import os\n\
             for line in open('/proc/self/status'):\n\
             \x20   if line.startswith(('Gid:', 'Groups:')): print(line.strip())\n\
             print('PATH=' + os.environ.get('PATH', ''))\n\
             print('LD=' + ','.join(k for k in os.environ if k.startswith('LD_')))\n\
             try:\n\
             \x20   open('{}', 'rb').read(1); print('OFFICE=readable')\n\
             except PermissionError:\n\
             \x20   print('OFFICE=denied')\n",
            office.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = inst.run_as(
        &acc,
        &runner,
        &[
            "--exact",
            "child_runs_outside_programs_for_the_parent",
            "--nocapture",
            "--test-threads=1",
        ],
        &[(CHILD_VAR, probe.to_str().unwrap())],
    );
    let report = stdout(&out);
    assert!(out.status.success(), "{}", text(&out));
    let section = |tag: &str| -> String {
        report
            .lines()
            // libtest prints the test's name on the line the output starts on.
            .skip_while(|l| !l.ends_with(&format!("<{tag}>")))
            .skip(1)
            .take_while(|l| *l != format!("</{tag}>"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let dropped = section("dropped");
    let own = acc.gid.to_string();
    let gid_line = format!("Gid:\t{own}\t{own}\t{own}\t{own}");
    assert!(
        dropped.contains(&gid_line),
        "real, effective, saved and fs group are the caller's:\n{}",
        text(&out)
    );
    let service = acc.service_gid.to_string();
    assert!(
        !dropped.split_whitespace().any(|w| w == service),
        "the service group leaked:\n{dropped}"
    );
    assert!(dropped.contains("PATH=/usr/bin:/bin"), "{dropped}");
    assert!(
        dropped.contains("LD=\n") || dropped.ends_with("LD="),
        "{dropped}"
    );
    assert!(dropped.contains("OFFICE=denied"), "{dropped}");
    // The probe sees a leak where there is one: the same program started the ordinary way.
    let leaked = section("ordinary");
    assert!(
        leaked.split_whitespace().any(|w| w == service),
        "the probe shows an inherited group:\n{leaked}"
    );
    assert!(report.contains("<relative>refused</relative>"), "{report}");
    assert!(inst.planted_ran().is_empty(), "{:?}", inst.planted_ran());
}

/// The child half of the test above: runs only when the parent starts this binary setgid.
#[test]
fn child_runs_outside_programs_for_the_parent() {
    let Some(probe) = std::env::var_os(CHILD_VAR) else {
        return;
    };
    assert!(
        xfdesk::os::boundary::is_privileged(),
        "the child runs setgid"
    );
    let probe = PathBuf::from(probe);
    let timeout = std::time::Duration::from_secs(10);
    let out = xfdesk::os::run_outside_program(&probe, Vec::<&str>::new(), Some(b"x"), timeout)
        .expect("the probe runs");
    println!(
        "<dropped>\n{}</dropped>",
        String::from_utf8_lossy(&out.stdout)
    );
    let ordinary = Command::new(&probe).output().unwrap();
    println!(
        "<ordinary>\n{}</ordinary>",
        String::from_utf8_lossy(&ordinary.stdout)
    );
    let relative = xfdesk::os::run_outside_program(Path::new("lp"), ["-d", "x"], None, timeout);
    println!(
        "<relative>{}</relative>",
        if relative.is_err() { "refused" } else { "ran" }
    );
}
