//! What reaches the terminal: bytes per typed key, and a terminal that does not decode UTF-8.

use super::common::*;
use std::time::Duration;

#[test]
fn typing_a_character_writes_little_more_than_the_character() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.send(TAB);
    tui.settle();
    let before = tui.byte_count();
    let text = "欧阳娜娜来访";
    for c in text.chars() {
        let mut b = [0u8; 4];
        tui.send(c.encode_utf8(&mut b).as_bytes());
        tui.settle();
    }
    let per_char = (tui.byte_count() - before) as f64 / text.chars().count() as f64;
    // A Chinese character is 3 bytes of UTF-8; the stock backend writes about 42 per key.
    assert!(per_char < 12.0, "{per_char} bytes per typed character");
    assert!(tui.screen().contains(text));
}

#[test]
fn a_terminal_that_is_not_utf8_is_told_how_to_switch_instead_of_getting_a_garbled_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    // A GBK terminal reads the probe's six UTF-8 bytes as three wide characters: column 7.
    let mut tui = Tui::start_answering(&db, 80, 24, "zh_CN.UTF-8", &[], Some(7));
    assert_eq!(tui.wait_exit(Duration::from_secs(5)), Some(2));
    tui.settle();
    let bytes = tui.bytes.lock().unwrap().clone();
    let (gbk, _, _) = encoding_rs::GB18030.encode("终端编码不是 UTF-8");
    assert!(
        bytes.windows(gbk.len()).any(|w| w == &gbk[..]),
        "the Chinese message is in GB18030 bytes"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("Xshell: File > Properties > Terminal > Encoding"),
        "{text}"
    );
    assert!(!text.contains("身份证号"), "no form was drawn");
}

#[test]
fn a_resize_redraws_at_the_new_size_without_a_key_even_after_shrinking_to_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = initialised_db(dir.path());
    let mut tui = Tui::start(&db, 80, 24, "zh_CN.UTF-8", &[]);
    tui.wait_for("身份证号");
    tui.type_text("张三");
    tui.settle();
    // Shrunk to one cell and back at once, as a window manager may do.
    tui.resize(1, 1);
    tui.resize(80, 24);
    tui.wait_for("诉求及事实");
    tui.wait_for("F12 帮助");
    assert!(tui.screen().contains("张三"), "{}", tui.screen());
    // Larger: the frame follows the new width, with no key pressed.
    tui.resize(120, 40);
    tui.wait_for_within("│", Duration::from_secs(5));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let screen = tui.screen();
        let framed = screen.lines().nth(1).is_some_and(|l| {
            use unicode_width::UnicodeWidthStr;
            l.trim_end().width() == 120 && l.trim_end().ends_with('┐')
        });
        if framed {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "not redrawn at 120 columns:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
