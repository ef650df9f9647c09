//! Drawing helpers shared by panes and dialogs: display widths of Chinese text, text fields
//! with the terminal cursor at the insertion point, and the paged list.

pub mod list;
pub mod text;

use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` display columns (a wide character never split), with `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` padded with spaces to exactly `cols` display columns (cut first if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let w = width(&s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

/// `text` cut into lines of at most `cols` display columns (a wide character never split),
/// the lines after the first indented by `indent` columns.
pub fn wrap_indented(text: &str, cols: usize, indent: usize) -> Vec<String> {
    let cols = cols.max(indent + 2);
    let mut lines = vec![];
    let mut line = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > cols {
            lines.push(std::mem::take(&mut line));
            line.push_str(&" ".repeat(indent));
            w = indent;
        }
        line.push(c);
        w += cw;
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A `w`×`h` rectangle in the middle of `area` (smaller if the area is).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clear where a dialog goes, and one column either side: a wide character of the screen
/// under the dialog's edge would otherwise leave half of itself beside the border.
pub fn clear_for_dialog(frame: &mut ratatui::Frame<'_>, area: Rect) {
    let full = frame.area();
    let x = area.x.saturating_sub(1).max(full.x);
    let right = (area.x + area.width + 1).min(full.x + full.width);
    frame.render_widget(
        ratatui::widgets::Clear,
        Rect::new(x, area.y, right.saturating_sub(x), area.height),
    );
}

/// A display width as a terminal column count.
pub fn cols(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_wide_characters_and_indents_what_follows() {
        let lines = wrap_indented("拟办意见：转县人社局核查", 10, 2);
        assert_eq!(lines, ["拟办意见：", "  转县人社", "  局核查"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
    }

    #[test]
    fn fit_and_pad_count_display_columns() {
        assert_eq!(fit("征地拆迁补偿", 7), "征地拆…");
        assert_eq!(width(&fit("征地拆迁补偿", 7)), 7);
        assert_eq!(pad("张三", 6), "张三  ");
        assert_eq!(fit("abc", 3), "abc");
    }
}
