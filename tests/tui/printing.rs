//! Receipts across the setgid boundary, confined the way the setgid install is (the system
//! configuration names the database, the receipt folder and the printing program): the file
//! lands in the configured folder with the office's mode, and the printer gets the text on its
//! standard input, from a program run with the caller's own group and a fixed environment.

use super::common::*;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

#[test]
fn a_receipt_goes_to_the_configured_folder_and_its_text_to_the_printer_on_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let set = xfdesk(&db, &["settings", "set", "receipt_printer", "front-desk"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let receipts = dir.path().join("receipts-here");
    std::fs::create_dir(&receipts).unwrap();
    // The printing program records its arguments, its environment and what it was given.
    let printed = dir.path().join("printed");
    let lp = dir.path().join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\necho \"$@\" > {p}.args\nenv > {p}.env\ncat > {p}\n",
            p = printed.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = dir.path().join("xfdesk.toml");
    std::fs::write(
        &config,
        format!(
            "db = \"{}\"\nreceipt_dir = \"{}\"\nlp = \"{}\"\n",
            db.display(),
            receipts.display(),
            lp.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();

    let config_var = config.to_str().unwrap();
    let mut tui = Tui::start_with_env(
        &[],
        &[
            ("XFDESK_SYSTEM_CONFIG", config_var),
            ("SECRET_FROM_CALLER", "leaks"),
        ],
        80,
        24,
        "zh_CN.UTF-8",
    );
    tui.wait_for("身份证号");
    tui.type_text("11010519491231002X");
    tui.send(ENTER);
    tui.type_text("张三");
    for _ in 0..9 {
        tui.send(TAB);
    }
    tui.type_text("zd");
    tui.wait_for("zdcq");
    tui.send(ENTER);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("征地补偿款未到位");
    tui.send(CTRL_S);
    tui.wait_for("已保存 XF-");
    tui.send(b"\x1b[20~"); // F9: the receipt
    tui.wait_for("已送打印机");
    tui.send(CTRL_Q);
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(0));

    let files: Vec<_> = std::fs::read_dir(&receipts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let written = std::fs::read_to_string(&files[0]).unwrap();
    assert!(written.contains("征地补偿款未到位"), "{written}");
    let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o640,
        "a receipt is for the owner and the office only"
    );
    // The printer got the very text, by stdin, with the queue and the file's name as title.
    assert_eq!(std::fs::read_to_string(&printed).unwrap(), written);
    let args = std::fs::read_to_string(printed.with_extension("args")).unwrap();
    assert!(args.starts_with("-d front-desk -t XF-"), "{args}");
    let env = std::fs::read_to_string(printed.with_extension("env")).unwrap();
    assert!(!env.contains("SECRET_FROM_CALLER"), "{env}");
    assert!(!env.contains("XFDESK_SYSTEM_CONFIG"), "{env}");
}

#[test]
fn a_printer_that_hangs_never_holds_the_screen_and_is_reported_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let set = xfdesk(&db, &["settings", "set", "receipt_printer", "front-desk"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let receipts = dir.path().join("receipts-here");
    std::fs::create_dir(&receipts).unwrap();
    let lp = dir.path().join("lp");
    std::fs::write(&lp, "#!/bin/sh\ncat > /dev/null\nsleep 60\n").unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = dir.path().join("xfdesk.toml");
    std::fs::write(
        &config,
        format!(
            "db = \"{}\"\nreceipt_dir = \"{}\"\nlp = \"{}\"\n",
            db.display(),
            receipts.display(),
            lp.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut tui = Tui::start_with_env(
        &[],
        &[("XFDESK_SYSTEM_CONFIG", config.to_str().unwrap())],
        80,
        24,
        "zh_CN.UTF-8",
    );
    tui.wait_for("身份证号");
    tui.send(ENTER);
    tui.type_text("张三");
    for _ in 0..9 {
        tui.send(TAB);
    }
    tui.type_text("zd");
    tui.wait_for("zdcq");
    tui.send(ENTER);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(TAB);
    tui.type_text("征地补偿款未到位");
    tui.send(CTRL_S);
    tui.wait_for("已保存 XF-");
    tui.send(b"\x1b[20~"); // F9: the receipt, to a printer that never answers
    tui.wait_for("正在送打印机");
    // The screen goes on at once: the next visitor's name is typed while the printer hangs.
    tui.send(ENTER);
    tui.type_text("李四");
    tui.wait_for_within("李四", Duration::from_secs(2));
    // After its time, the printing program is stopped and the desk is told, in words.
    tui.wait_for_within("未能打印", Duration::from_secs(20));
    assert!(tui.screen().contains("秒未完成"), "{}", tui.screen());
    assert_eq!(std::fs::read_dir(&receipts).unwrap().count(), 1);
}
