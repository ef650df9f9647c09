//! Text fields: one-line and multi-line, edited by the same commands wherever they are (the
//! intake form, a dialog's cells). Pasted and typed text is cleaned of control characters.

use crate::domain::text::clean_text;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Editing the focused text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextCommand {
    /// The typed character (taken from the key).
    Insert,
    NewLine,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    LineStart,
    LineEnd,
    DeleteWordBack,
}

/// Whether the focused text is one line or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    SingleLine,
    MultiLine,
}

/// An empty one-line field.
pub fn line_field() -> TextArea<'static> {
    let mut t = TextArea::default();
    // The terminal's own cursor marks the insertion point (input methods anchor there), so
    // the widget draws no cursor and no cursor-line highlight of its own.
    t.set_cursor_style(Style::default());
    t.set_cursor_line_style(Style::default());
    t.set_wrap_mode(WrapMode::None);
    t.set_max_histories(50);
    t
}

/// An empty multi-line field that wraps.
pub fn multi_line_field() -> TextArea<'static> {
    let mut t = line_field();
    // Chinese has no spaces between words: wrap at any glyph, at word ends where there are some.
    t.set_wrap_mode(WrapMode::WordOrGlyph);
    t
}

/// A one-line field holding `text`, the cursor at its end.
pub fn line_field_with(text: &str) -> TextArea<'static> {
    let mut t = line_field();
    t.insert_str(text);
    t
}

/// A multi-line field holding `text`.
pub fn multi_line_field_with(text: &str) -> TextArea<'static> {
    let mut t = multi_line_field();
    t.insert_str(text);
    t
}

/// The text of a one-line field.
pub fn text_of(t: &TextArea<'_>) -> String {
    t.lines().join("")
}

/// The text of a multi-line field, lines joined by newlines.
pub fn lines_of(t: &TextArea<'_>) -> String {
    t.lines().join("\n")
}

/// Apply an editing command to a field; `key` gives the typed character. Returns true when the
/// text changed (a cursor move changes nothing but the cursor).
pub fn edit(field: &mut TextArea<'static>, command: TextCommand, key: &KeyEvent) -> bool {
    match command {
        TextCommand::Insert => match key.code {
            KeyCode::Char(c) if !c.is_control() => {
                field.insert_char(c);
                true
            }
            _ => false,
        },
        TextCommand::NewLine => {
            field.insert_newline();
            true
        }
        TextCommand::Backspace => field.delete_char(),
        TextCommand::Delete => field.delete_next_char(),
        TextCommand::DeleteWordBack => field.delete_word(),
        TextCommand::Left => move_cursor(field, CursorMove::Back),
        TextCommand::Right => move_cursor(field, CursorMove::Forward),
        TextCommand::Up => move_cursor(field, CursorMove::Up),
        TextCommand::Down => move_cursor(field, CursorMove::Down),
        TextCommand::LineStart => move_cursor(field, CursorMove::Head),
        TextCommand::LineEnd => move_cursor(field, CursorMove::End),
    }
}

fn move_cursor(field: &mut TextArea<'static>, to: CursorMove) -> bool {
    field.move_cursor(to);
    false
}

/// Insert a paste whole at the cursor, control and escape characters removed; only a
/// multi-line field keeps the line breaks. Returns true when the text changed.
pub fn paste(field: &mut TextArea<'static>, text: &str, kind: TextKind) -> bool {
    let clean = clean_text(text, kind == TextKind::MultiLine);
    field.insert_str(clean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn typed(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn none() -> KeyEvent {
        KeyEvent::new(KeyCode::Null, KeyModifiers::NONE)
    }

    #[test]
    fn a_typo_in_the_middle_of_a_name_is_fixed_without_retyping_the_rest() {
        let mut f = line_field_with("张二丰");
        edit(&mut f, TextCommand::LineStart, &none());
        edit(&mut f, TextCommand::Right, &none());
        assert!(edit(&mut f, TextCommand::Delete, &none()));
        assert!(edit(&mut f, TextCommand::Insert, &typed('三')));
        assert_eq!(text_of(&f), "张三丰");
        edit(&mut f, TextCommand::LineEnd, &none());
        assert!(edit(&mut f, TextCommand::Backspace, &none()));
        assert_eq!(text_of(&f), "张三");
    }

    #[test]
    fn control_word_deletes_back_to_the_word_start() {
        let mut f = line_field_with("Zhang San");
        assert!(edit(&mut f, TextCommand::DeleteWordBack, &none()));
        assert_eq!(text_of(&f), "Zhang ");
    }

    #[test]
    fn a_paste_keeps_lines_only_in_multi_line_text() {
        let mut one = line_field();
        paste(&mut one, "工资\u{1b}[31m拖欠\n三个月", TextKind::SingleLine);
        assert_eq!(text_of(&one), "工资拖欠三个月");
        let mut many = multi_line_field();
        paste(
            &mut many,
            "第一行\u{1b}]0;title\u{7}\n第二行",
            TextKind::MultiLine,
        );
        assert_eq!(many.lines(), ["第一行", "第二行"]);
    }
}
