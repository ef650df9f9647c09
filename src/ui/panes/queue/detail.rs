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
    for clock in &d.clocks {
        let running = clock.stopped.is_none() && d.row.state.is_open();
        if !running && clock.stopped.is_some() && !d.row.state.is_open() {
            continue;
        }
        let due = clock.due.due;
        let (text, style) = if running {
            let u = session.urgency_of(due);
            let left = days_left(session.today(), due);
            (
                format!(
                    "{due} {} {}  {}",
                    u.marker(),
                    u.label(lang),
                    if left < 0 {
                        Msg::DaysOverdue { days: -left }.text(lang)
                    } else {
                        Msg::DaysLeft { days: left }.text(lang)
                    }
                ),
                theme.urgency(u),
            )
        } else {
            let stopped = clock.stopped.map(|s| s.to_string()).unwrap_or_default();
            (
                format!("{due}  {} {stopped}", Text::Stopped.get(lang)),
                theme.dim(),
            )
        };
        lines.push(Line::from(vec![
            Span::styled(pad(rule_name(lang, &clock.rule), LABEL), theme.title()),
            Span::styled(text, style),
        ]));
        lines.push(Line::from(Span::styled(
            format!("{}{}", " ".repeat(LABEL), explain_due(lang, &clock.due)),
            theme.dim(),
        )));
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
    let width = usize::from(area.width.saturating_sub(2));
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
