//! Rendering the app into a test terminal and reading the screen back as text.

use crate::app::App;
pub use crate::app::test_support::{app, app_recording};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen as text lines, wide characters once (their trailing cell skipped), and the
/// terminal cursor when it is shown.
pub fn render(app: &mut App, w: u16, h: u16) -> (Vec<String>, Option<(u16, u16)>) {
    app.set_page_rows(super::list_rows_for_height(h)).unwrap();
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = term
        .draw(|f| super::draw(f, app, &super::Theme::plain()))
        .unwrap();
    let buf = frame.buffer.clone();
    let mut lines = vec![];
    for y in 0..h {
        let mut s = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            s.push_str(sym);
        }
        lines.push(s);
    }
    let cursor = term.get_cursor_position().ok().map(|p| (p.x, p.y));
    let visible = term.backend().cursor_visible();
    (lines, if visible { cursor } else { None })
}
