//! A ratatui backend that sends the terminal only what changes.
//!
//! The stock crossterm backend moves the cursor to where it already is, resets every style at
//! the end of each frame and shows the cursor though it is shown: about 40 bytes for one typed
//! character. This one remembers where the terminal's cursor is (advancing it by each symbol's
//! display width), whether it is visible and which style is set, and writes only differences,
//! so typing a character costs about the character itself. That matters over a slow SSH link.

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::queue;
use crossterm::style::{
    Attribute as CAttribute, Print, SetAttribute, SetBackgroundColor, SetForegroundColor,
};
use crossterm::terminal::{Clear, ClearType as CClearType};
use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

pub struct LeanBackend<W: Write> {
    out: W,
    /// Where the terminal's cursor is, when known.
    cursor: Option<Position>,
    visible: Option<bool>,
    fg: Option<Color>,
    bg: Option<Color>,
    modifier: Option<Modifier>,
    width: u16,
}

impl<W: Write> LeanBackend<W> {
    pub fn new(out: W) -> Self {
        Self {
            out,
            cursor: None,
            visible: None,
            fg: None,
            bg: None,
            modifier: None,
            width: u16::MAX,
        }
    }

    /// Forget what the terminal shows (after something else wrote to it).
    pub fn forget(&mut self) {
        self.cursor = None;
        self.visible = None;
        self.fg = None;
        self.bg = None;
        self.modifier = None;
    }

    pub fn writer(&mut self) -> &mut W {
        &mut self.out
    }

    fn set_modifier(&mut self, to: Modifier) -> io::Result<()> {
        if self.modifier == Some(to) {
            return Ok(());
        }
        // Removing an attribute has no portable single code on every terminal: reset all, then
        // set what the cell needs. Attribute changes are rare (field edges, highlights).
        queue!(self.out, SetAttribute(CAttribute::Reset))?;
        self.fg = Some(Color::Reset);
        self.bg = Some(Color::Reset);
        for (m, a) in [
            (Modifier::BOLD, CAttribute::Bold),
            (Modifier::DIM, CAttribute::Dim),
            (Modifier::ITALIC, CAttribute::Italic),
            (Modifier::UNDERLINED, CAttribute::Underlined),
            (Modifier::SLOW_BLINK, CAttribute::SlowBlink),
            (Modifier::RAPID_BLINK, CAttribute::RapidBlink),
            (Modifier::REVERSED, CAttribute::Reverse),
            (Modifier::HIDDEN, CAttribute::Hidden),
            (Modifier::CROSSED_OUT, CAttribute::CrossedOut),
        ] {
            if to.contains(m) {
                queue!(self.out, SetAttribute(a))?;
            }
        }
        self.modifier = Some(to);
        Ok(())
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            if self.cursor != Some(Position { x, y }) {
                queue!(self.out, MoveTo(x, y))?;
            }
            self.set_modifier(cell.modifier)?;
            if self.fg != Some(cell.fg) {
                queue!(self.out, SetForegroundColor(cell.fg.into_crossterm()))?;
                self.fg = Some(cell.fg);
            }
            if self.bg != Some(cell.bg) {
                queue!(self.out, SetBackgroundColor(cell.bg.into_crossterm()))?;
                self.bg = Some(cell.bg);
            }
            let symbol = cell.symbol();
            queue!(self.out, Print(symbol))?;
            let advance = UnicodeWidthStr::width(symbol).max(1) as u16;
            let nx = x.saturating_add(advance);
            // At the right margin terminals differ (pending wrap): the position is unknown.
            self.cursor = (nx < self.width).then_some(Position { x: nx, y });
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            queue!(self.out, Hide)?;
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            queue!(self.out, Show)?;
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        // Only inline viewports need the real position; asking the terminal (ESC[6n) would
        // wait on a reply that some terminals and pipes never send. Full screen starts at 0,0.
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        if self.cursor != Some(p) {
            queue!(self.out, MoveTo(p.x, p.y))?;
            self.cursor = Some(p);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        // Erasing paints with the current background: reset the style first.
        self.set_modifier(Modifier::empty())?;
        self.modifier = None;
        queue!(
            self.out,
            SetAttribute(CAttribute::Reset),
            Clear(CClearType::All)
        )?;
        self.fg = Some(Color::Reset);
        self.bg = Some(Color::Reset);
        self.modifier = Some(Modifier::empty());
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let ct = match clear_type {
            ClearType::All => CClearType::All,
            ClearType::AfterCursor => CClearType::FromCursorDown,
            ClearType::BeforeCursor => CClearType::FromCursorUp,
            ClearType::CurrentLine => CClearType::CurrentLine,
            ClearType::UntilNewLine => CClearType::UntilNewLine,
        };
        queue!(self.out, Clear(ct))
    }

    fn size(&self) -> io::Result<Size> {
        let (w, h) = crossterm::terminal::size()?;
        Ok(Size::new(w, h))
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let ws = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size::new(ws.columns, ws.rows),
            pixels: Size::new(ws.width, ws.height),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> LeanBackend<W> {
    /// Tell the backend the terminal's width, so it knows where wrapping starts.
    pub fn set_width(&mut self, width: u16) {
        self.width = width;
        self.cursor = None;
    }
}
