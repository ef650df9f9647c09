//! One case: the person (ID number masked unless revealed), category and kind, state, first
//! handler and any leader in charge, each running clock with the line that explains its date,
//! the account, and the timeline of everything that happened, with who and when.

use super::super::super::Theme;
use super::super::super::widgets::{pad, wrap_indented};
use crate::app::App;
use crate::app::panes::queue::DetailView;
use crate::domain::calendar::{Urgency, days_left};
use crate::domain::id_number::mask;
use crate::domain::text::{clean_line, clean_text};
use crate::domain::timeline::TimelineItem;
use crate::i18n::{Label, Msg, Text, explain_due, rule_name, timeline};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Label column of the detail.
const LABEL: usize = 12;
/// Where a timeline entry's continuation lines start.
const TIMELINE_INDENT: usize = 21;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, view: &DetailView, theme: &Theme) {
    let session = app.session();
    let lang = session.lang;
    let d = &view.case;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", d.row.number), theme.title()));
    let label = |t: Text| Span::styled(pad(t.get(lang), LABEL), theme.title());
    let mut lines: Vec<Line<'_>> = Vec::new();
    let petitioner = match &d.petitioner {
        Some(p) => {
            let mut s = clean_line(&p.name);
            if let Some(id) = &p.id_number {
                let shown = view.revealed_id.clone().unwrap_or_else(|| mask(id));
                s.push_str(&format!("  {}", clean_line(&shown)));
            }
            if let Some(ph) = &p.phone {
                s.push_str(&format!("  {}", clean_line(ph)));
            }
            s
        }
        None => Text::Anonymous.get(lang).to_string(),
    };
    lines.push(Line::from(vec![
        label(Text::LabelPetitioner),
        Span::raw(petitioner),
    ]));
    for note in &d.person_notes {
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(LABEL)),
            Span::styled(
                Msg::PersonNote {
                    on: note.on.to_string(),
                    number: note.case_number.clone(),
                    text: clean_line(&note.text),
                }
                .text(lang),
                theme.dim(),
            ),
        ]));
    }
    lines.push(Line::from(vec![
        label(Text::LabelReceived),
        Span::raw(d.row.received_at.format("%Y-%m-%d %H:%M").to_string()),
    ]));
    lines.push(Line::from(vec![
        label(Text::LabelCategoryKind),
        Span::raw(format!(
            "{} / {}",
            clean_line(&d.row.category),
            d.kind.label(lang)
        )),
    ]));
    let mut state = vec![
        label(Text::LabelState),
        Span::raw(d.row.state.label(lang).to_string()),
    ];
    if d.facts.round > 0 {
        state.push(Span::raw(format!(
            "  {}",
            Msg::ReviewRound {
                round: d.facts.round
            }
            .text(lang)
        )));
    }
    if d.urgent {
        state.push(Span::styled(
            format!("  {}", Text::UrgentMark.get(lang)),
            theme.urgency(Urgency::Overdue),
        ));
    }
    lines.push(Line::from(state));
    let mut people = vec![
        label(Text::LabelFirstHandler),
        Span::raw(
            d.first_handler
                .as_deref()
                .map(clean_line)
                .unwrap_or_default(),
        ),
    ];
    if let Some(leader) = &d.leader {
        people.push(Span::styled(
            format!(
                "  {}",
                Msg::LeaderInCharge {
                    name: clean_line(leader)
                }
                .text(lang)
            ),
            theme.title(),
        ));
    }
    if !d.recused.is_empty() {
        let names: Vec<String> = d.recused.iter().map(|n| clean_line(n)).collect();
        people.push(Span::styled(
            format!(
                "  {}",
                Msg::Recused {
                    names: names.join("、")
                }
                .text(lang)
            ),
            theme.dim(),
        ));
    }
    lines.push(Line::from(people));
    if let Some(u) = &d.unit {
        lines.push(Line::from(vec![
            label(Text::LabelUnit),
            Span::raw(clean_line(u)),
        ]));
    }
    // The supervision ladder: who follows the case and how far it went (条例 Art. 39–45).
    if d.facts.supervisor_id.is_some()
        || d.facts.ladder.level().is_some()
        || d.facts.extension_requested
    {
        lines.push(Line::from(vec![
            Span::styled(
                pad(&crate::i18n::supervision::Sv::ColLadder.text(lang), LABEL),
                theme.title(),
            ),
            Span::raw(crate::i18n::supervision::ladder_summary(
                lang,
                crate::domain::supervision::supervisor_of(d).as_deref(),
                &d.facts.ladder,
                d.facts.extension_requested && !d.facts.extended,
            )),
        ]));
    }
    let width = usize::from(area.width.saturating_sub(2));
    for clock in &d.clocks {
        clock_lines(
            &mut lines,
            clock,
            d.row.state.is_open(),
            session,
            theme,
            width,
        );
    }
    for share in d
        .shares
        .iter()
        .filter(|s| s.done_on.is_none() && d.row.state.is_open())
    {
        let u = session.urgency_of(share.due);
        lines.push(Line::from(vec![
            Span::styled(pad(Text::LabelShare.get(lang), LABEL), theme.title()),
            Span::styled(
                format!(
                    "{} {} {}：{}",
                    share.due,
                    u.marker(),
                    clean_line(&share.unit),
                    clean_line(&share.share)
                ),
                theme.urgency(u),
            ),
        ]));
    }
    lines.push(Line::from(vec![
        label(Text::LabelSummary),
        Span::raw(clean_line(&d.row.summary)),
    ]));
    if !d.account.is_empty() {
        lines.push(Line::from(label(Text::LabelAccount)));
        for l in clean_text(&d.account, true).lines() {
            lines.push(Line::from(format!("  {l}")));
        }
    }
    lines.push(Line::from(Span::styled(
        Text::LabelTimeline.get(lang),
        theme.title(),
    )));
    for entry in &d.timeline {
        let what = timeline::describe(lang, &entry.item);
        let line = format!(
            "  {}  {}  {}",
            entry.at.format("%m-%d %H:%M"),
            pad(&clean_line(&entry.who), 6),
            what
        );
        let style = match entry.item {
            TimelineItem::Step(_) => theme.title(),
            _ => ratatui::style::Style::default(),
        };
        for part in wrap_indented(&line, width, TIMELINE_INDENT) {
            lines.push(Line::styled(part, style));
        }
        if let TimelineItem::Contact(c) = &entry.item
            && let Some(account) = &c.account
        {
            for l in clean_text(account, true).lines() {
                lines.push(Line::from(Span::styled(format!("      {l}"), theme.dim())));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((view.scroll, 0)),
        area,
    );
}

/// A clock: running ones with their urgency, days left and how the date was counted (wrapped
/// under the label); windows (someone else's time, never overdue) without an urgency; stopped
/// ones in one dim line, and none once the case is closed.
fn clock_lines(
    lines: &mut Vec<Line<'_>>,
    clock: &crate::domain::calendar::Clock,
    case_open: bool,
    session: &crate::app::session::Session,
    theme: &Theme,
    width: usize,
) {
    let lang = session.lang;
    let due = clock.due.due;
    let label = Span::styled(pad(rule_name(lang, &clock.rule), LABEL), theme.title());
    if let Some(stopped) = clock.stopped {
        if case_open {
            lines.push(Line::from(vec![
                label,
                Span::styled(
                    format!("{due}  {} {stopped}", Text::Stopped.get(lang)),
                    theme.dim(),
                ),
            ]));
        }
        return;
    }
    let days = days_left(session.today(), due);
    let (text, style) = if crate::domain::workflow::is_deadline(&clock.rule) {
        let u = session.urgency_of(due);
        // Overdue says so with its days; otherwise the class, then the days left.
        let said = if days < 0 {
            Msg::DaysOverdue { days: -days }.text(lang)
        } else {
            format!("{}  {}", u.label(lang), Msg::DaysLeft { days }.text(lang))
        };
        (format!("{due} {} {said}", u.marker()), theme.urgency(u))
    } else {
        // A window that has passed is over, not late.
        let said = if days < 0 {
            Msg::WindowPassed { days: -days }.text(lang)
        } else {
            Msg::DaysLeft { days }.text(lang)
        };
        (
            format!("{due}  {said}  {}", Text::WindowNote.get(lang)),
            theme.dim(),
        )
    };
    lines.push(Line::from(vec![label, Span::styled(text, style)]));
    let explained = format!("{}{}", " ".repeat(LABEL), explain_due(lang, &clock.due));
    for part in wrap_indented(&explained, width, LABEL) {
        lines.push(Line::styled(part, theme.dim()));
    }
}

#[cfg(test)]
mod tests {
    use crate::app::App;
    use crate::app::keymap::{Command, GlobalCommand};
    use crate::app::panes::Pane;
    use crate::app::panes::queue::QueueCommand;
    use crate::domain::Role;
    use crate::domain::intake::IntakeField;
    use crate::i18n::Lang;
    use crate::ui::test_support::{app_recording, render};
    use crossterm::event::KeyCode;

    /// An app for someone holding `roles`, with one registered case open in the detail.
    fn case_open(lang: Lang, roles: &[Role]) -> (tempfile::TempDir, App) {
        let (d, _, mut app, _) = app_recording(lang, roles);
        app.panes_mut().intake.form.focus = IntakeField::Name;
        app.type_str("张三");
        app.panes_mut().intake.form.focus = IntakeField::Category;
        app.type_str("zd");
        app.press(KeyCode::Enter);
        app.panes_mut().intake.form.focus = IntakeField::Summary;
        app.type_str("征地补偿款未到位");
        app.press_ctrl('s');
        app.run(Command::Global(GlobalCommand::ShowPane(Pane::Queue)));
        app.run(Command::Queue(QueueCommand::Open));
        (d, app)
    }

    fn draw_text(app: &mut App, w: u16, h: u16) -> (String, Vec<String>, Option<(u16, u16)>) {
        let (lines, cursor) = render(app, w, h);
        (lines.join("\n"), lines, cursor)
    }

    #[test]
    fn the_detail_offers_the_steps_the_role_may_take_now_in_both_languages() {
        let (_d, mut app) = case_open(Lang::Zh, &[Role::Reception]);
        let (screen, lines, _) = draw_text(&mut app, 80, 24);
        assert!(screen.contains("首办责任人"), "{screen}");
        assert!(screen.contains("办理经过"), "{screen}");
        assert!(lines[23].contains("p 拟办意见"), "{}", lines[23]);
        assert!(
            !lines[23].contains("阅批"),
            "a receptionist is not offered approval"
        );
        let (_d, mut app) = case_open(Lang::En, &[Role::Reception, Role::Manager]);
        let (screen, lines, _) = draw_text(&mut app, 120, 40);
        assert!(
            screen.contains("Handler     李接待") && screen.contains("Timeline"),
            "{screen}"
        );
        assert!(lines[39].contains("p propose"), "{}", lines[39]);
    }

    #[test]
    fn a_step_dialog_draws_its_fields_with_the_cursor_in_the_focused_one() {
        for (lang, w, h) in [(Lang::Zh, 80, 24), (Lang::En, 120, 40)] {
            let (_d, mut app) = case_open(lang, &[Role::Reception, Role::Manager, Role::Expert]);
            app.press(KeyCode::Char('p'));
            app.press(KeyCode::Tab);
            let (screen, _, cursor) = draw_text(&mut app, w, h);
            assert!(
                screen.contains(lang.pick("处理方式", "Handling")),
                "{screen}"
            );
            assert!(
                screen.contains(lang.pick("1.直接办理", "1.handle here")),
                "{screen}"
            );
            assert!(cursor.is_some(), "the cursor is in the opinion's text");
            app.type_str("建议本局直接答复");
            let (screen, _, _) = draw_text(&mut app, w, h);
            assert!(screen.contains("建议本局直接答复"), "{screen}");
            app.press_ctrl('s');
            let (screen, _, _) = draw_text(&mut app, w, h);
            assert!(
                screen.contains(lang.pick("拟办意见：直接办理", "proposed handling: handle here")),
                "{screen}"
            );
        }
    }

    #[test]
    fn a_refused_submission_keeps_the_dialog_and_says_why() {
        let (_d, mut app) = case_open(Lang::Zh, &[Role::Reception]);
        app.press(KeyCode::Char('p'));
        app.press_ctrl('s');
        let (screen, _, _) = draw_text(&mut app, 80, 24);
        assert!(screen.contains("请填写“拟办意见”"), "{screen}");
        app.press(KeyCode::Esc);
        assert!(
            app.dialogs().top(Pane::Queue).is_none(),
            "nothing typed: Esc closes"
        );
        app.press(KeyCode::Char('p'));
        app.press(KeyCode::Tab);
        app.type_str("意见");
        app.press(KeyCode::Esc);
        let (screen, _, _) = draw_text(&mut app, 80, 24);
        assert!(
            screen.contains("丢弃已输入的内容吗"),
            "typed text is not lost without asking: {screen}"
        );
    }

    #[test]
    fn a_receptionist_pressing_approve_is_refused_in_words() {
        let (_d, mut app) = case_open(Lang::Zh, &[Role::Reception, Role::Expert]);
        app.press(KeyCode::Char('p'));
        app.press(KeyCode::Tab);
        app.type_str("本局答复");
        app.press_ctrl('s');
        app.press(KeyCode::Char('a'));
        let (_, lines, _) = draw_text(&mut app, 80, 24);
        assert!(
            lines[22].contains("无权操作") && lines[22].contains("领导"),
            "{}",
            lines[22]
        );
    }

    #[test]
    fn a_step_key_where_the_step_does_not_apply_says_why() {
        let (_d, mut app) = case_open(Lang::Zh, &[Role::Manager]);
        // A registered case has no opinion to approve yet.
        app.press(KeyCode::Char('a'));
        let (_, lines, _) = draw_text(&mut app, 80, 24);
        assert!(
            lines[22].contains("现在不能") && lines[22].contains("登记"),
            "{}",
            lines[22]
        );
    }

    #[test]
    fn a_document_is_written_through_the_effects_interface() {
        let (_d, _, mut app, effects) =
            app_recording(Lang::Zh, &[Role::Reception, Role::Manager, Role::Expert]);
        app.panes_mut().intake.form.focus = IntakeField::Name;
        app.type_str("张三");
        app.panes_mut().intake.form.focus = IntakeField::Category;
        app.type_str("zd");
        app.press(KeyCode::Enter);
        app.panes_mut().intake.form.focus = IntakeField::Summary;
        app.type_str("征地补偿款未到位");
        app.press_ctrl('s');
        app.run(Command::Global(GlobalCommand::ShowPane(Pane::Queue)));
        app.run(Command::Queue(QueueCommand::Open));
        app.press(KeyCode::Char('p'));
        app.press(KeyCode::Tab);
        app.type_str("本局答复");
        app.press_ctrl('s');
        app.press(KeyCode::Char('a'));
        app.press_ctrl('s');
        app.press(KeyCode::Char('d'));
        app.press_ctrl('s');
        let rec = effects.recording();
        let (path, text) = rec.files.last().expect("a document written");
        assert!(
            path.to_string_lossy().ends_with("-accept.txt"),
            "{}",
            path.display()
        );
        assert!(text.contains("受理告知书"), "{text}");
    }
}
