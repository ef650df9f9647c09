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

/// A display width as a terminal column count.
pub fn cols(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_and_pad_count_display_columns() {
        assert_eq!(fit("征地拆迁补偿", 7), "征地拆…");
        assert_eq!(width(&fit("征地拆迁补偿", 7)), 7);
        assert_eq!(pad("张三", 6), "张三  ");
        assert_eq!(fit("abc", 3), "abc");
    }
}
