//! `xfdesk case show|propose|approve|…`: one case, and one workflow step from a script, with
//! the same rules as the dialogs (the same domain and store functions; the role is the calling
//! account's). Refusals exit 3 with the reason in words; bad input exits 2 and changes nothing.

use super::{Cli, CliResult, Failure, current_staff, exit, lang_of};
use crate::domain::calendar::days_left;
use crate::domain::id_number::mask;
use crate::domain::text::clean_line;
use crate::domain::timeline::TimelineItem;
use crate::domain::workflow::{
    FeedbackWay, Handling, HandlingKind, LegalChannel, Rating, ReviewLevel, Step, StepError,
};
use crate::domain::{CaseDetail, Staff, Unit};
use crate::i18n::{Label, Lang, Msg, explain_due, timeline};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// The case, its clocks and its timeline.
    Show {
        number: String,
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// 拟办意见: how the matter should be handled, and the opinion in words.
    Propose {
        number: String,
        #[arg(long, value_parser = ["here", "transfer", "reject", "done"])]
        handling: String,
        #[arg(long)]
        opinion: String,
        /// With `--handling transfer`: the unit, by code or exact name.
        #[arg(long)]
        unit: Option<String>,
        /// With `--handling reject`: the legal channel (litigation, arbitration, reconsideration, other).
        #[arg(long)]
        channel: Option<String>,
        /// With `--handling reject`: why it is not accepted.
        #[arg(long)]
        reason: Option<String>,
    },
    /// 阅批 (manager).
    Approve {
        number: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Return the case to the step before (manager), with a reason.
    Return {
        number: String,
        #[arg(long)]
        reason: String,
    },
    /// 转办, or 交办 with `--report-by` (supervisor or manager).
    Transfer {
        number: String,
        #[arg(long)]
        unit: String,
        #[arg(long = "co-unit")]
        co_units: Vec<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        report_by: Option<String>,
    },
    /// 直接办理: what was done here.
    Handle {
        number: String,
        #[arg(long)]
        note: String,
    },
    /// 不予受理 (manager), on the approved opinion's reason and channel.
    Reject {
        number: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 调查处理意见: the unit's findings (and proposed resolution).
    Reply {
        number: String,
        #[arg(long)]
        text: String,
        #[arg(long)]
        resolution: Option<String>,
    },
    /// 审核 (manager): accept the unit's reply, or return it with a reason.
    Review {
        number: String,
        #[arg(
            long,
            conflicts_with = "return_to_unit",
            required_unless_present = "return_to_unit"
        )]
        accept: bool,
        #[arg(long = "return", requires = "reason")]
        return_to_unit: bool,
        #[arg(long)]
        reason: Option<String>,
    },
    /// 反馈/答复: how the reply reached the petitioner, and their evaluation.
    Feedback {
        number: String,
        #[arg(long, value_parser = ["visit", "phone", "letter", "online", "sms"])]
        how: String,
        #[arg(long, value_parser = ["satisfied", "basic", "unsatisfied", "none"])]
        rating: String,
        /// The day the reply reached the person (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 办结.
    Close {
        number: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 回访 after closing: settled or not.
    FollowUp {
        number: String,
        #[arg(
            long,
            conflicts_with = "unsettled",
            required_unless_present = "unsettled"
        )]
        settled: bool,
        #[arg(long)]
        unsettled: bool,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// A 复查 (review) or 复核 (rereview) request on a closed case.
    Reopen {
        number: String,
        #[arg(long, value_parser = ["review", "rereview"])]
        level: String,
        /// When the request was received (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        received: Option<String>,
        #[arg(long, default_value = "")]
        request: String,
        /// After 复核: a manager's reason to accept the request again (new facts).
        #[arg(long)]
        override_reason: Option<String>,
    },
    /// 延期 (manager): once, at most the rule's days, with the reason told to the person.
    Extend {
        number: String,
        #[arg(long)]
        days: u32,
        #[arg(long)]
        reason: String,
    },
    /// Reassign the first handler (manager), with a reason.
    Assign {
        number: String,
        /// The staff member's login.
        #[arg(long)]
        to: String,
        #[arg(long)]
        reason: String,
    },
    /// 回避: the calling account steps aside from the case.
    Recuse {
        number: String,
        #[arg(long)]
        reason: String,
    },
    /// 领导包案: the calling manager takes personal charge.
    TakeCharge {
        number: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

impl CaseCommand {
    fn number(&self) -> &str {
        match self {
            CaseCommand::Show { number, .. }
            | CaseCommand::Propose { number, .. }
            | CaseCommand::Approve { number, .. }
            | CaseCommand::Return { number, .. }
            | CaseCommand::Transfer { number, .. }
            | CaseCommand::Handle { number, .. }
            | CaseCommand::Reject { number, .. }
            | CaseCommand::Reply { number, .. }
            | CaseCommand::Review { number, .. }
            | CaseCommand::Feedback { number, .. }
            | CaseCommand::Close { number, .. }
            | CaseCommand::FollowUp { number, .. }
            | CaseCommand::Reopen { number, .. }
            | CaseCommand::Extend { number, .. }
            | CaseCommand::Assign { number, .. }
            | CaseCommand::Recuse { number, .. }
            | CaseCommand::TakeCharge { number, .. } => number,
        }
    }
}

/// A refusal by the rules exits 3; input the rules cannot use exits 2.
fn step_failure(e: StoreError, lang: Lang) -> Failure {
    let text = crate::i18n::store_error(lang, &e);
    match &e {
        StoreError::Denied(_) => Failure::denied(text),
        StoreError::Step(s) => match s {
            StepError::TextRequired | StepError::Units | StepError::Date => Failure::error(text),
            _ => Failure::denied(text),
        },
        StoreError::Transition(_) => Failure::denied(text),
        _ => Failure::error(text),
    }
}

fn date(flag: &str, value: &str) -> Result<NaiveDate, Failure> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        Failure::error(format!(
            "--{flag} {}: not a date; write it as YYYY-MM-DD",
            clean_line(value)
        ))
    })
}

/// A unit by its code or its exact name.
pub fn unit_named(units: &[Unit], name: &str) -> Result<i64, Failure> {
    units
        .iter()
        .find(|u| u.code == name || u.name == name)
        .map(|u| u.id)
        .ok_or_else(|| {
            Failure::error(format!(
                "no unit '{}' (give its code or its exact name; `xfdesk cases` lists units by name)",
                clean_line(name)
            ))
        })
}

fn parse<T: std::str::FromStr<Err = String>>(value: &str) -> Result<T, Failure> {
    value.parse().map_err(Failure::error)
}

/// The step a command asks for, read from its flags.
fn step_of(cmd: &CaseCommand, store: &Store, today: NaiveDate) -> Result<Step, Failure> {
    let units = store.units()?;
    Ok(match cmd {
        CaseCommand::Show { .. } => return Err(Failure::error("show is not a step")),
        CaseCommand::Propose {
            handling,
            opinion,
            unit,
            channel,
            reason,
            ..
        } => {
            let handling = match parse::<HandlingKind>(handling)? {
                HandlingKind::HandleHere => Handling::HandleHere,
                HandlingKind::AlreadyHandled => Handling::AlreadyHandled,
                HandlingKind::Transfer => Handling::Transfer {
                    unit_id: unit_named(
                        &units,
                        unit.as_deref()
                            .ok_or_else(|| Failure::error("--handling transfer needs --unit"))?,
                    )?,
                },
                HandlingKind::NotAccepted => Handling::NotAccepted {
                    reason: reason.clone().unwrap_or_default(),
                    channel: match channel {
                        Some(c) => parse::<LegalChannel>(c)?,
                        None => return Err(Failure::error("--handling reject needs --channel")),
                    },
                },
            };
            Step::Propose {
                handling,
                opinion: opinion.clone(),
            }
        }
        CaseCommand::Approve { note, .. } => Step::Approve { note: note.clone() },
        CaseCommand::Return { reason, .. } => Step::Return {
            reason: reason.clone(),
        },
        CaseCommand::Transfer {
            unit,
            co_units,
            report_by,
            ..
        } => Step::Transfer {
            lead_unit: unit_named(&units, unit)?,
            co_units: co_units
                .iter()
                .map(|u| unit_named(&units, u))
                .collect::<Result<_, _>>()?,
            assign: report_by.is_some(),
            report_by: report_by
                .as_deref()
                .map(|d| date("report-by", d))
                .transpose()?,
        },
        CaseCommand::Handle { note, .. } => Step::HandleHere { note: note.clone() },
        CaseCommand::Reject { note, .. } => Step::Reject { note: note.clone() },
        CaseCommand::Reply {
            text, resolution, ..
        } => Step::Reply {
            findings: text.clone(),
            resolution: resolution.clone().unwrap_or_else(|| text.clone()),
        },
        CaseCommand::Review { accept, reason, .. } => Step::Review {
            accept: *accept,
            reason: reason.clone().unwrap_or_default(),
        },
        CaseCommand::Feedback {
            how,
            rating,
            on,
            note,
            ..
        } => Step::Feedback {
            way: parse::<FeedbackWay>(how)?,
            on: on
                .as_deref()
                .map(|d| date("on", d))
                .transpose()?
                .unwrap_or(today),
            rating: parse::<Rating>(rating)?,
            note: note.clone(),
        },
        CaseCommand::Close { note, .. } => Step::Close { note: note.clone() },
        CaseCommand::FollowUp { settled, note, .. } => Step::FollowUp {
            settled: *settled,
            note: note.clone(),
        },
        CaseCommand::Reopen {
            level,
            received,
            request,
            override_reason,
            ..
        } => Step::Reopen {
            level: parse::<ReviewLevel>(level)?,
            received_on: received
                .as_deref()
                .map(|d| date("received", d))
                .transpose()?
                .unwrap_or(today),
            request: if request.is_empty() {
                Msg::ReviewRequested.text(Lang::Zh)
            } else {
                request.clone()
            },
            override_reason: override_reason.clone(),
        },
        CaseCommand::Extend { days, reason, .. } => Step::Extend {
            days: *days,
            reason: reason.clone(),
        },
        CaseCommand::Assign { to, reason, .. } => Step::Assign {
            to_staff: store
                .staff_by_login(to)?
                .map(|s| s.id)
                .ok_or_else(|| Failure::error(format!("no staff member '{}'", clean_line(to))))?,
            reason: reason.clone(),
        },
        CaseCommand::Recuse { reason, .. } => Step::Recuse {
            reason: reason.clone(),
        },
        CaseCommand::TakeCharge { note, .. } => Step::TakeCharge { note: note.clone() },
    })
}

/// The case numbered `number`, refused in words when there is none.
pub fn find_case(store: &Store, number: &str, lang: Lang) -> Result<CaseDetail, Failure> {
    let number = number.trim().to_uppercase();
    store
        .case_id_by_number(&number)?
        .and_then(|id| store.case_detail(id).transpose())
        .transpose()?
        .ok_or_else(|| {
            Failure::error(
                Msg::NoSuchCase {
                    number: clean_line(&number),
                }
                .text(lang),
            )
        })
}

pub fn run(cli: &Cli, cmd: &CaseCommand) -> CliResult {
    let lang = lang_of(cli);
    let mut store = super::open_store(cli, lang)?;
    // Once the database is open, the office's language (DESIGN §5), not the client's LANG.
    let lang = super::lang_for(cli, &store);
    let me: Staff = current_staff(&store, lang)?;
    let case = find_case(&store, cmd.number(), lang)?;
    if let CaseCommand::Show { format, .. } = cmd {
        return show(&case, &store, format == "json", lang);
    }
    super::writable(&store, lang)?;
    let step = step_of(cmd, &store, store.today())?;
    let kind = step.kind();
    let done = store
        .take_step(&me, case.row.id, case.version, step)
        .map_err(|e| step_failure(e, lang))?;
    // Saved: whom it concerns hears of it (the notify command, if the office has one).
    super::notify::deliver(&mut store, &me, lang);
    super::output::line(
        Msg::StepTaken {
            step: kind.label(lang).to_string(),
            number: done.number,
            state: done.state.label(lang).to_string(),
        }
        .text(lang),
    )?;
    Ok(0)
}

fn show(case: &CaseDetail, store: &Store, json: bool, lang: Lang) -> CliResult {
    let today = store.today();
    let clocks: Vec<_> = case
        .clocks
        .iter()
        .map(|c| {
            serde_json::json!({
                "rule": c.rule,
                "due": c.due.due.to_string(),
                "running": c.stopped.is_none(),
                "days_left": c.stopped.is_none().then(|| days_left(today, c.due.due)),
                "explanation": explain_due(lang, &c.due),
            })
        })
        .collect();
    let timeline: Vec<_> = case
        .timeline
        .iter()
        .map(|e| {
            let action = match &e.item {
                TimelineItem::Contact(_) => "contact".to_string(),
                TimelineItem::Step(s) => s.kind.map(|k| k.code().to_string()).unwrap_or_default(),
                TimelineItem::Material(_) => "material".to_string(),
                TimelineItem::Incident(_) => "incident".to_string(),
                TimelineItem::Document(_) => "document".to_string(),
                TimelineItem::Notice(_) => "notice".to_string(),
            };
            serde_json::json!({
                "at": e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                "who": clean_line(&e.who),
                "action": action,
                "detail": timeline::describe(lang, &e.item),
            })
        })
        .collect();
    if json {
        let value = serde_json::json!({
            "number": case.row.number,
            "state": case.row.state.code(),
            "received": case.row.received_at.format("%Y-%m-%d %H:%M").to_string(),
            "petitioner": case.petitioner.as_ref().map(|p| clean_line(&p.name)),
            "id_number": case.petitioner.as_ref().and_then(|p| p.id_number.as_deref()).map(mask),
            "category": clean_line(&case.row.category),
            "kind": case.kind.code(),
            "summary": clean_line(&case.row.summary),
            "unit": case.unit.as_deref().map(clean_line),
            "first_handler": case.first_handler.as_deref().map(clean_line),
            "leader": case.leader.as_deref().map(clean_line),
            "round": case.facts.round,
            "due": case.row.due.map(|d| d.to_string()),
            "clocks": clocks,
            "timeline": timeline,
        });
        super::output::line(value)?;
        return Ok(0);
    }
    let mut out = String::new();
    let line = |out: &mut String, label: &str, value: &str| {
        out.push_str(&format!(
            "{} {}\n",
            crate::ui::widgets::pad(label, 12),
            value
        ));
    };
    use crate::i18n::Text;
    line(&mut out, Text::ColNumber.get(lang), &case.row.number);
    line(
        &mut out,
        Text::LabelState.get(lang),
        case.row.state.label(lang),
    );
    if let Some(p) = &case.petitioner {
        let id = p.id_number.as_deref().map(mask).unwrap_or_default();
        line(
            &mut out,
            Text::LabelPetitioner.get(lang),
            &format!("{} {id}", clean_line(&p.name)),
        );
    }
    line(
        &mut out,
        Text::LabelCategoryKind.get(lang),
        &format!(
            "{} / {}",
            clean_line(&case.row.category),
            case.kind.label(lang)
        ),
    );
    line(
        &mut out,
        Text::LabelSummary.get(lang),
        &clean_line(&case.row.summary),
    );
    if let Some(h) = &case.first_handler {
        line(&mut out, Text::LabelFirstHandler.get(lang), &clean_line(h));
    }
    if let Some(u) = &case.unit {
        line(&mut out, Text::LabelUnit.get(lang), &clean_line(u));
    }
    for c in &case.clocks {
        let state = match c.stopped {
            Some(d) => format!("{} {d}", Text::Stopped.get(lang)),
            None => Msg::DaysLeft {
                days: days_left(today, c.due.due),
            }
            .text(lang),
        };
        line(
            &mut out,
            crate::i18n::rule_name(lang, &c.rule),
            &format!("{} ({state}) — {}", c.due.due, explain_due(lang, &c.due)),
        );
    }
    out.push_str(&format!("\n{}\n", Text::LabelTimeline.get(lang)));
    for e in &case.timeline {
        out.push_str(&format!(
            "  {}  {}  {}\n",
            e.at.format("%Y-%m-%d %H:%M"),
            clean_line(&e.who),
            timeline::describe(lang, &e.item)
        ));
    }
    super::output::line(out.trim_end())?;
    Ok(exit::OK)
}
