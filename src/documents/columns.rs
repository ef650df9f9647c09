//! Columns of text for print and mail: Chinese characters take two columns, and a table lines
//! up only if every cell is padded by display width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns (a wide character never split), with `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// `s` (cut first if longer) padded on the right to `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let w = width(&s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

/// `s` padded on the left to `cols` columns (numbers).
pub fn right(s: &str, cols: usize) -> String {
    let s = fit(s, cols);
    let w = width(&s);
    format!("{}{s}", " ".repeat(cols.saturating_sub(w)))
}

/// `text` cut into lines of at most `cols` columns, the lines after the first indented by
/// `indent` columns; a break prefers the space after a `·` separator.
pub fn wrap(text: &str, cols: usize, indent: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut line = String::new();
    for word in text.split_inclusive(' ') {
        if width(&line) + width(word.trim_end()) > cols && !line.trim().is_empty() {
            lines.push(line.trim_end().to_string());
            line = " ".repeat(indent);
        }
        if width(&line) + width(word) > cols {
            // A word longer than a line: cut it by characters.
            for c in word.chars() {
                if width(&line) + c.width().unwrap_or(0) > cols {
                    lines.push(line.trim_end().to_string());
                    line = " ".repeat(indent);
                }
                line.push(c);
            }
        } else {
            line.push_str(word);
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// `text` centred on a page `cols` wide.
pub fn centred(text: &str, cols: usize) -> String {
    format!("{}{text}", " ".repeat(cols.saturating_sub(width(text)) / 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_line_up_by_display_width() {
        assert_eq!(pad("县人社局", 10), "县人社局  ");
        assert_eq!(right("12", 5), "   12");
        assert_eq!(width(&pad("县人力资源和社会保障局", 10)), 10);
        assert_eq!(fit("县人力资源和社会保障局", 10), "县人力资…");
    }

    #[test]
    fn long_lines_wrap_under_themselves() {
        let lines = wrap("  按类别  征地 12 · 工资 8 · 住房 3", 20, 10);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines[0], "  按类别  征地 12 ·");
        assert!(lines[1].starts_with("          "));
    }
}
