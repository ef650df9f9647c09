//! Untrusted text: anything a petitioner said or a file brought in.
//!
//! Control characters (C0 and C1), escape sequences and bidirectional overrides are removed
//! before text is stored, and again before it is drawn or written anywhere, so a pasted
//! `ESC]52;…` or a right-to-left override can never act on a terminal or a report.

/// Remove control characters, ANSI escape sequences and bidi controls. Newlines are kept only
/// when `keep_newlines` (multi-line accounts); a tab becomes a space.
pub fn clean_text(input: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape_sequence(&mut chars),
            // C1 CSI / OSC / DCS introducers carry a sequence just like ESC [ and ESC ].
            '\u{9b}' => skip_until_final(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// One line of untrusted text for a list or a status line: newlines become spaces.
pub fn clean_line(input: &str) -> String {
    clean_text(input, false)
}

/// Control characters, the marks that reorder text (bidi), and the invisible ones that make
/// two equal-looking names differ (zero-width space, word joiner, byte-order mark).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200e}' | '\u{200f}' | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_until_final(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string(chars);
        }
        Some(_) => {
            // Two-character sequences such as ESC c (reset) or ESC 7.
            chars.next();
        }
        None => {}
    }
}

/// CSI parameters end at a byte in 0x40..=0x7e.
fn skip_until_final(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        if !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS strings end at BEL, ST (ESC \) or C1 ST.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_csi_osc_and_controls() {
        let dirty = "张三\u{1b}[31m红\u{1b}[0m\u{1b}]52;c;ZXZpbA==\u{7}\u{7}好\u{0}\u{9b}2J";
        assert_eq!(clean_text(dirty, false), "张三红好");
    }

    #[test]
    fn removes_bidi_overrides() {
        assert_eq!(clean_line("abc\u{202e}fed\u{2066}x"), "abcfedx");
        assert_eq!(clean_line("乡长\u{200b}点我\u{feff}\u{2060}x"), "乡长点我x");
    }

    #[test]
    fn newlines_kept_only_when_asked() {
        assert_eq!(clean_text("一\r\n二\r三", true), "一\n二\n三");
        assert_eq!(clean_text("一\n二", false), "一二");
        assert_eq!(clean_text("a\tb", false), "a b");
    }

    proptest::proptest! {
        /// Whatever arrives (escape sequences cut anywhere, C1 codes, bidi controls), what comes
        /// out has no control character but the newlines asked for, and cleaning is idempotent.
        #[test]
        fn nothing_that_acts_on_a_terminal_gets_through(
            s in "(\\PC|\u{1b}|\u{9b}|\u{9d}|\u{7}|\u{202e}|\u{2066}|\r|\n|\t|\\[|\\]|;|[0-9]){0,200}",
            keep: bool,
        ) {
            let out = clean_text(&s, keep);
            proptest::prop_assert!(!out.chars().any(|c| c.is_control() && !(keep && c == '\n')));
            let bidi = |c: char| ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
            proptest::prop_assert!(!out.chars().any(bidi), "a bidi control got through");
            proptest::prop_assert_eq!(clean_text(&out, keep), out.clone());
        }
    }

    #[test]
    fn ordinary_chinese_and_punctuation_pass() {
        let s = "关于征地补偿款（2025年）未到位的问题，请求协调！";
        assert_eq!(clean_text(s, true), s);
    }
}
