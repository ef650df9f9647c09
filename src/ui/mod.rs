//! Drawing: pure functions from application state to a ratatui frame. No SQL, no I/O.

pub mod help;
pub mod intake;
pub mod queue;
pub mod roster;
pub mod supervision;
pub mod widgets;

use crate::app::keymap::{self, Pane};
use crate::app::{App, MessageKind, Question};
use crate::domain::calendar::Urgency;
use crate::domain::text::clean_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use widgets::fit;

/// Colours, or none at all with NO_COLOR: then reverse video and bold carry the meaning, and a
/// marker character always goes with an urgency colour.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
    pub fn plain() -> Self {
        Self { color: false }
    }
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }
    pub fn title(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }
    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn success(&self) -> Style {
        self.fg(Color::Green)
    }
    pub fn field(&self) -> Style {
        Style::default().add_modifier(Modifier::UNDERLINED)
    }
    pub fn urgency(&self, u: Urgency) -> Style {
        match u {
            Urgency::Overdue => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Urgency::DueSoon => self.fg(Color::Yellow),
            Urgency::Normal => Style::default(),
        }
    }
}

/// Rows a list shows in a pane of the terminal's height (tabs, status, legend, border, header).
pub fn list_rows_for_height(height: u16) -> usize {
    usize::from(height.saturating_sub(6)).max(1)
}

pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) {
    let [tabs, body, status, legend] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    draw_tabs(frame, tabs, app, theme);
    match app.pane {
        Pane::Intake => intake::draw(frame, body, app, theme),
        Pane::Queue => queue::draw(frame, body, app, theme),
        Pane::Roster => roster::draw(frame, body, app, theme),
        Pane::Supervision => supervision::draw(frame, body, app, theme),
    }
    draw_status(frame, status, app, theme);
    draw_legend(frame, legend, app, theme);
    if let Some(q) = app.question {
        draw_question(frame, body, app, q, theme);
    }
    if app.help {
        help::draw(frame, body, app, theme);
    }
}

fn draw_tabs(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let mut spans = vec![Span::styled(
        app.lang.pick(" 信访接待台 ", " xfdesk "),
        theme.title(),
    )];
    for (i, pane) in Pane::ALL.iter().enumerate() {
        let label = format!(
            " F{} {} ",
            i + 1,
            app.lang.pick(pane.name_zh(), pane.name_en())
        );
        let style = if *pane == app.pane {
            theme.selected()
        } else {
            Style::default()
        };
        spans.push(Span::styled(label, style));
    }
    let user = format!("{} ({}) ", clean_line(&app.me.name), app.roles_text());
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(used);
    let user = fit(&user, room);
    let pad = room.saturating_sub(widgets::width(&user));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(user, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let db = app
        .store
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (text, style) = match &app.message {
        Some((kind, text)) => (
            clean_line(text),
            match kind {
                MessageKind::Error => theme.error(),
                MessageKind::Success => theme.success(),
                MessageKind::Info => Style::default(),
            },
        ),
        None => (String::new(), Style::default()),
    };
    // The message matters more than the database's name: a long one takes the whole line.
    let mut right = format!(" {} {}", app.lang.pick("数据库", "db"), clean_line(&db));
    if widgets::width(&text) + widgets::width(&right) > usize::from(area.width) {
        right.clear();
    }
    let room = usize::from(area.width).saturating_sub(widgets::width(&right));
    let text = fit(&text, room);
    let pad = room.saturating_sub(widgets::width(&text));
    let line = Line::from(vec![
        Span::styled(text, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_legend(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for b in keymap::bindings(&app.scopes())
        .into_iter()
        .filter(|b| b.legend)
    {
        let label = app.lang.pick(b.zh, b.en);
        let w = widgets::width(b.key_label) + widgets::width(label) + 2;
        if used + w > usize::from(area.width) {
            break;
        }
        used += w;
        spans.push(Span::styled(b.key_label, theme.selected()));
        spans.push(Span::raw(format!(" {label} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_question(frame: &mut Frame<'_>, body: Rect, app: &App, q: Question, theme: &Theme) {
    let text = match q {
        Question::QuitWithUnsavedForm => app.lang.pick(
            "表单尚未保存，将留作草稿供下次恢复。退出吗？(y/n)",
            "The form is not saved; it is kept as a draft for next time. Quit? (y/n)",
        ),
        Question::ClearForm => app.lang.pick(
            "清空表单，丢弃已输入的内容吗？(y/n)",
            "Clear the form and discard what was typed? (y/n)",
        ),
        Question::RestoreDraft => app.lang.pick(
            "有上次未保存的登记草稿，恢复吗？(y 恢复 / n 丢弃)",
            "An unsaved form was left last time. Restore it? (y restore / n discard)",
        ),
    };
    let w = (widgets::width(text) as u16 + 4).min(body.width);
    let area = widgets::centered(body, w, 3);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.title()),
        ),
        area,
    );
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::app::App;
    use crate::domain::Role;
    use crate::i18n::Lang;
    use crate::store::{Actor, ReferenceData, Store};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// An app on a fresh temporary database with reference data and a receptionist.
    pub fn app(lang: Lang) -> (tempfile::TempDir, App) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        let me = store
            .bootstrap_admin("clerk", "李接待", &[Role::Reception])
            .unwrap();
        let today = store.today();
        store
            .load_reference(&Actor::from(&me), &ReferenceData::builtin(), today, 1)
            .unwrap();
        let app = App::new(store, me, lang).unwrap();
        (dir, app)
    }

    /// The screen as text lines, wide characters once (their trailing cell skipped).
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
}
