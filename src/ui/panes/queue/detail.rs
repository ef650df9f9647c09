//! One case: the person (ID number masked unless revealed), category and kind, state, each
//! running clock with the line that explains its date, the account, and every contact.

use super::super::super::Theme;
use super::super::super::widgets::{fit, pad};
use crate::app::App;
use crate::app::panes::queue::DetailView;
use crate::domain::calendar::Urgency;
use crate::domain::id_number::mask;
use crate::domain::text::{clean_line, clean_text};
use crate::i18n::{Label, Msg, Text, explain_due, rule_name};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Label column of the detail.
const LABEL: usize = 10;

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
    if d.urgent {
        state.push(Span::styled(
            format!("  {}", Text::UrgentMark.get(lang)),
            theme.urgency(Urgency::Overdue),
        ));
    }
    lines.push(Line::from(state));
    if let Some(u) = &d.unit {
        lines.push(Line::from(vec![
            label(Text::LabelUnit),
            Span::raw(clean_line(u)),
        ]));
    }
    for clock in &d.clocks {
        let running = clock.stopped.is_none() && d.row.state.is_open();
        let due = clock.due.due;
        let (text, style) = if running {
            let u = session.urgency_of(due);
            (
                format!("{due} {} {}", u.marker(), u.label(lang)),
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
        Text::LabelContacts.get(lang),
        theme.title(),
    )));
    for c in &d.contacts {
        let kind = if c.is_repeat {
            Text::RepeatContact
        } else {
            Text::FirstContact
        };
        let mut s = format!(
            "  {}  {}  {}",
            c.received_at.format("%Y-%m-%d %H:%M"),
            c.channel.label(lang),
            kind.get(lang)
        );
        if c.head_count >= crate::domain::intake::COLLECTIVE_MIN {
            s.push_str("  ");
            s.push_str(&Msg::CollectiveOf { n: c.head_count }.text(lang));
        }
        s.push_str("  ");
        s.push_str(
            &Msg::RecordedBy {
                name: clean_line(&c.recorded_by),
            }
            .text(lang),
        );
        lines.push(Line::from(fit(
            &s,
            usize::from(area.width.saturating_sub(2)),
        )));
        if let Some(summary) = &c.summary {
            lines.push(Line::from(format!("    {}", clean_line(summary))));
        }
        if let Some(account) = &c.account {
            for l in clean_text(account, true).lines() {
                lines.push(Line::from(Span::styled(format!("    {l}"), theme.dim())));
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
