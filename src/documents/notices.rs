//! The statutory documents of a case (DESIGN §3): 受理告知书, 不予受理告知书, 转送/交办单,
//! 延期告知书, 信访处理意见书, 复查意见书, 复核意见书, 督办单. Each is generated from the case as it is,
//! names the article and the dates it rests on, and ends with the office's name and seal line.
//! An accusation's transfer sheet carries no identity of the petitioner (条例 Art. 30).

use crate::domain::calendar::Clock;
use crate::domain::case::{CaseDetail, MatterKind};
use crate::domain::document::DocumentKind;
use crate::domain::text::clean_line;
use crate::domain::timeline::{StepRecord, TimelineItem};
use crate::domain::workflow::{HandlingKind, StepKind};
use crate::i18n::{Label, Lang, explain_due};
use chrono::{NaiveDate, NaiveDateTime};

/// The office a document comes from.
#[derive(Debug, Clone, Default)]
pub struct Office {
    pub name: String,
    pub phone: String,
    pub address: String,
    /// What stands where the seal goes (`（印章）`).
    pub seal_line: String,
}

/// Why a document cannot be issued yet: the step it records has not happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotYet {
    pub kind: DocumentKind,
    pub needs: StepKind,
}

/// The documents that can be issued for the case as it is.
pub fn available(case: &CaseDetail) -> Vec<DocumentKind> {
    DocumentKind::ALL
        .into_iter()
        .filter(|k| render(*k, case, &Office::default(), NaiveDate::MIN).is_ok())
        .collect()
}

fn day(d: NaiveDate) -> String {
    d.format("%Y年%m月%d日").to_string()
}

fn time(t: NaiveDateTime) -> String {
    t.format("%Y年%m月%d日").to_string()
}

/// The newest step of a kind in a round (any round when `round` is None).
fn last_step(
    case: &CaseDetail,
    kind: StepKind,
    round: Option<u8>,
) -> Option<(&StepRecord, NaiveDateTime)> {
    case.timeline.iter().rev().find_map(|e| match &e.item {
        TimelineItem::Step(s) if s.kind == Some(kind) && round.is_none_or(|r| s.round == r) => {
            Some((s, e.at))
        }
        _ => None,
    })
}

fn clock<'a>(case: &'a CaseDetail, rule: &str) -> Option<&'a Clock> {
    case.clocks.iter().find(|c| c.rule == rule)
}

fn petitioner(case: &CaseDetail) -> String {
    case.petitioner
        .as_ref()
        .map(|p| clean_line(&p.name))
        .unwrap_or_else(|| "信访人".to_string())
}

fn header(out: &mut String, office: &Office, title: &str, case: &CaseDetail) {
    let title = format!("{}{title}", clean_line(&office.name));
    let indent = 60usize.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str())) / 2;
    out.push_str(&format!("{}{title}\n", " ".repeat(indent)));
    out.push_str(&format!("{}编号：{}\n\n", " ".repeat(40), case.row.number));
}

fn footer(out: &mut String, office: &Office, today: NaiveDate) {
    out.push_str(&format!(
        "\n{}{}\n",
        " ".repeat(36),
        clean_line(&office.name)
    ));
    let seal = if office.seal_line.is_empty() {
        "（印章）"
    } else {
        office.seal_line.as_str()
    };
    out.push_str(&format!("{}{}\n", " ".repeat(36), clean_line(seal)));
    out.push_str(&format!("{}{}\n", " ".repeat(36), day(today)));
    if !office.phone.is_empty() || !office.address.is_empty() {
        out.push_str(&format!(
            "\n联系电话：{}    地址：{}\n",
            clean_line(&office.phone),
            clean_line(&office.address)
        ));
    }
}

fn matter(case: &CaseDetail) -> String {
    format!(
        "您于{}反映的“{}”事项",
        time(case.row.received_at),
        clean_line(&case.row.summary)
    )
}

fn due_line(out: &mut String, label: &str, c: &Clock) {
    out.push_str(&format!(
        "{label}：{}（{}）\n",
        day(c.due.due),
        explain_due(Lang::Zh, &c.due)
    ));
}

/// 督办单: the latest supervision order, to the unit the case is with (or its first handler
/// when the office handles it), with the case, its deadline, the urgings so far and the day
/// to report by.
fn supervision_order(
    out: &mut String,
    case: &CaseDetail,
    office: &Office,
    not_yet: impl Fn(StepKind) -> NotYet,
) -> Result<(), NotYet> {
    let (order, at) = last_step(case, StepKind::SupervisionOrder, None)
        .ok_or(not_yet(StepKind::SupervisionOrder))?;
    header(out, office, "信访事项督办单", case);
    let to = match (&case.unit, &case.first_handler) {
        (Some(u), _) => clean_line(u),
        (None, Some(h)) => format!("{}（首办责任人）", clean_line(h)),
        (None, None) => "承办单位".to_string(),
    };
    out.push_str(&format!("{to}：\n\n"));
    out.push_str(&format!(
        "    依据《信访工作条例》第三十九条至第四十五条关于督查督办的规定，现对下列信访事项进行督办（{}）。\n\n",
        time(at)
    ));
    out.push_str(&format!("编    号：{}\n", case.row.number));
    if case.kind == MatterKind::Accusation {
        out.push_str("信 访 人：检举控告事项，信访人身份依法保密\n");
    } else {
        out.push_str(&format!("信 访 人：{}\n", petitioner(case)));
    }
    out.push_str(&format!(
        "问题类别：{}（{}）\n",
        clean_line(&case.row.category),
        case.kind.label(Lang::Zh)
    ));
    out.push_str(&format!("事    由：{}\n", clean_line(&case.row.summary)));
    out.push_str(&format!("收到日期：{}\n", time(case.row.received_at)));
    if let Some((t, at)) = last_step(case, StepKind::Transfer, None) {
        let verb = if t.assign { "交办" } else { "转送" };
        out.push_str(&format!("{verb}日期：{}\n", time(at)));
    }
    if let Some(c) = clock(case, "handle").filter(|c| c.stopped.is_none()) {
        due_line(out, "办结期限", c);
    }
    let urged: Vec<String> = case
        .timeline
        .iter()
        .filter_map(|e| match &e.item {
            TimelineItem::Step(s) if s.kind == Some(StepKind::Urge) => Some(time(e.at)),
            _ => None,
        })
        .collect();
    if !urged.is_empty() {
        out.push_str(&format!(
            "已经催办：{}（共 {} 次）\n",
            urged.join("、"),
            urged.len()
        ));
    }
    if let Some((s, _)) = last_step(case, StepKind::Supervise, None)
        && let Some(who) = &s.to_staff
    {
        out.push_str(&format!("督 办 人：{}\n", clean_line(who)));
    }
    out.push_str(&format!("\n督办要求：{}\n", clean_line(&order.text)));
    if let Some(by) = order.report_by {
        out.push_str(&format!(
            "    请于{}前将办理情况书面报告本机关。逾期未报告或办理不力的，将依规约谈、通报，直至提出追责问责建议。\n",
            day(by)
        ));
    }
    Ok(())
}

/// The document's plain text, or what must happen first.
pub fn render(
    kind: DocumentKind,
    case: &CaseDetail,
    office: &Office,
    today: NaiveDate,
) -> Result<String, NotYet> {
    let not_yet = |needs| NotYet { kind, needs };
    let mut out = String::new();
    match kind {
        DocumentKind::Accept => {
            let (approve, at) = last_step(case, StepKind::Approve, Some(0))
                .filter(|_| case.facts.approved_handling != Some(HandlingKind::NotAccepted))
                .ok_or(not_yet(StepKind::Approve))?;
            let _ = approve;
            header(&mut out, office, "信访事项受理告知书", case);
            out.push_str(&format!(
                "{}：\n\n    {}，本机关已于{}依法受理。",
                petitioner(case),
                matter(case),
                time(at)
            ));
            out.push_str("依据《信访工作条例》第三十四条，本机关将自受理之日起六十日内办结，并将处理意见书面答复您。\n\n");
            if let Some(c) = clock(case, "handle") {
                due_line(&mut out, "办理期限", c);
            }
            if let Some(c) = clock(case, "accept") {
                out.push_str(&format!(
                    "（依据第二十三条，是否受理应于{}前告知。）\n",
                    day(c.due.due)
                ));
            }
        }
        DocumentKind::Reject => {
            let (propose, _) = last_step(case, StepKind::Propose, None)
                .filter(|(s, _)| s.handling == Some(HandlingKind::NotAccepted))
                .ok_or(not_yet(StepKind::Reject))?;
            let (_, at) =
                last_step(case, StepKind::Reject, None).ok_or(not_yet(StepKind::Reject))?;
            header(&mut out, office, "信访事项不予受理告知书", case);
            out.push_str(&format!(
                "{}：\n\n    {}，本机关于{}收到。经审查，{}。\n",
                petitioner(case),
                matter(case),
                time(case.row.received_at),
                clean_line(&propose.text2)
            ));
            let channel = propose
                .legal_channel
                .map(|c| c.label(Lang::Zh))
                .unwrap_or("其他法定");
            out.push_str(&format!(
                "    依据《信访工作条例》第三十二条的规定，该事项应当通过{channel}途径解决，本机关不予受理。请您依照有关法律、行政法规的规定，向有关机关提出。\n\n"
            ));
            out.push_str(&format!("决定日期：{}\n", time(at)));
        }
        DocumentKind::Transfer => {
            let (t, at) =
                last_step(case, StepKind::Transfer, None).ok_or(not_yet(StepKind::Transfer))?;
            let title = if t.assign {
                "信访事项交办单"
            } else {
                "信访事项转送单"
            };
            header(&mut out, office, title, case);
            let unit = t.unit.as_deref().map(clean_line).unwrap_or_default();
            out.push_str(&format!("{unit}：\n\n"));
            if !t.co_units.is_empty() {
                let co: Vec<String> = t.co_units.iter().map(|u| clean_line(u)).collect();
                out.push_str(&format!("协办单位：{}\n", co.join("、")));
            }
            let verb = if t.assign { "交由" } else { "转送" };
            out.push_str(&format!(
                "    依据《信访工作条例》第二十二条，现将下列信访事项{verb}你单位办理（{}）。\n\n",
                time(at)
            ));
            out.push_str(&format!("编    号：{}\n", case.row.number));
            // Art. 30: an accusation's material never reveals who made it.
            if case.kind == MatterKind::Accusation {
                out.push_str("信 访 人：检举控告事项，信访人身份依法保密\n");
            } else if let Some(p) = &case.petitioner {
                out.push_str(&format!("信 访 人：{}", clean_line(&p.name)));
                if let Some(phone) = &p.phone {
                    out.push_str(&format!("  联系电话：{}", clean_line(phone)));
                }
                out.push('\n');
            }
            out.push_str(&format!(
                "问题类别：{}（{}）\n",
                clean_line(&case.row.category),
                case.kind.label(Lang::Zh)
            ));
            out.push_str(&format!("事    由：{}\n", clean_line(&case.row.summary)));
            if case.kind != MatterKind::Accusation && !case.account.is_empty() {
                out.push_str(&format!("诉求及事实：{}\n", clean_line(&case.account)));
            }
            out.push('\n');
            if let Some(c) = clock(case, "handle") {
                due_line(&mut out, "办结期限", c);
            }
            if let Some(by) = t.report_by {
                out.push_str(&format!("请于{}前报告办理结果。\n", day(by)));
            }
            if let Some(c) = clock(case, "objection") {
                out.push_str(&format!(
                    "如认为不属于你单位职责范围，请于{}前提出异议，逾期视为接受（五个工作日）。\n",
                    day(c.due.due)
                ));
            }
        }
        DocumentKind::Extend => {
            let (e, at) =
                last_step(case, StepKind::Extend, None).ok_or(not_yet(StepKind::Extend))?;
            header(&mut out, office, "信访事项延期办理告知书", case);
            out.push_str(&format!(
                "{}：\n\n    {}，因{}，依据《信访工作条例》第三十四条，经本机关负责人批准，办理期限延长{}日（{}）。\n\n",
                petitioner(case),
                matter(case),
                clean_line(&e.text),
                e.days.unwrap_or(0),
                time(at)
            ));
            if let Some(c) = clock(case, "handle") {
                due_line(&mut out, "延长后的办理期限", c);
            }
        }
        DocumentKind::Opinion | DocumentKind::Review | DocumentKind::ReReview => {
            let round = match kind {
                DocumentKind::Opinion => 0,
                DocumentKind::Review => 1,
                _ => 2,
            };
            let title = match round {
                0 => "信访事项处理意见书",
                1 => "信访事项复查意见书",
                _ => "信访事项复核意见书",
            };
            // The reply of this round: the unit's (reviewed) or the office's own handling.
            let reply = last_step(case, StepKind::Reply, Some(round));
            let handled = last_step(case, StepKind::HandleHere, Some(round));
            let (findings, resolution, at) = match (reply, handled) {
                (Some((r, at)), _) => (clean_line(&r.text), clean_line(&r.text2), at),
                (None, Some((h, at))) => (clean_line(&h.text), String::new(), at),
                (None, None) => return Err(not_yet(StepKind::Reply)),
            };
            header(&mut out, office, title, case);
            out.push_str(&format!("{}：\n\n    {}，", petitioner(case), matter(case)));
            if round > 0 {
                let level = if round == 1 { "复查" } else { "复核" };
                out.push_str(&format!("及您提出的{level}请求，"));
            }
            out.push_str(&format!("经调查核实，{findings}。\n"));
            if !resolution.is_empty() {
                out.push_str(&format!("    处理意见：{resolution}。\n"));
            }
            out.push_str(&format!("    形成日期：{}\n\n", time(at)));
            out.push_str(match round {
                0 => "    如对本处理意见不服，可以自收到本意见书之日起三十日内，请求本机关的上一级机关复查（《信访工作条例》第三十五条）。\n",
                1 => "    如对本复查意见不服，可以自收到本意见书之日起三十日内，向复查机关的上一级机关请求复核（《信访工作条例》第三十五条）。\n",
                _ => "    本复核意见为终结意见。信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理（《信访工作条例》第三十六条）。\n",
            });
        }
        DocumentKind::Supervise => supervision_order(&mut out, case, office, not_yet)?,
    }
    footer(&mut out, office, today);
    Ok(out)
}
