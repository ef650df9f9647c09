//! A case's timeline in words: what each contact, step, material, incident and document was,
//! in Chinese or English, for the detail view and `case show`.

use super::Lang;
use super::labels::Label;
use crate::domain::text::clean_line;
use crate::domain::timeline::{StepRecord, TimelineItem};
use crate::domain::workflow::{HandlingKind, StepKind};

/// What happened, without the time and who (the caller shows those).
pub fn describe(lang: Lang, item: &TimelineItem) -> String {
    let zh = lang == Lang::Zh;
    match item {
        TimelineItem::Contact(c) => {
            let kind = match (c.review_level, c.is_repeat) {
                (Some(level), _) => level.label(lang).to_string() + lang.pick("请求", " request"),
                (None, true) => lang.pick("重复信访", "repeat contact").to_string(),
                (None, false) => lang.pick("初信初访", "first contact").to_string(),
            };
            let mut s = format!("{} {kind}", c.channel.label(lang));
            if c.head_count >= crate::domain::intake::COLLECTIVE_MIN {
                s.push_str(&if zh {
                    format!("，集体访 {} 人", c.head_count)
                } else {
                    format!(", collective visit of {}", c.head_count)
                });
            }
            if let Some(summary) = &c.summary {
                s.push_str(lang.pick("：", ": "));
                s.push_str(&clean_line(summary));
            }
            s
        }
        TimelineItem::Step(step) => describe_step(lang, step),
        TimelineItem::Material(m) => {
            let original = if m.original {
                lang.pick("原件", "original")
            } else {
                lang.pick("复印件", "copy")
            };
            let returned = if m.returned {
                lang.pick("已退还", "returned")
            } else {
                lang.pick("留存", "kept")
            };
            if zh {
                format!(
                    "材料：{}，{} 页，{original}，{returned}",
                    clean_line(&m.title),
                    m.pages
                )
            } else {
                format!(
                    "material: {}, {} pages, {original}, {returned}",
                    clean_line(&m.title),
                    m.pages
                )
            }
        }
        TimelineItem::Incident(i) => {
            let state = match (&i.confirmed_by, zh) {
                (Some(by), true) => format!("（{} 已确认）", clean_line(by)),
                (Some(by), false) => format!(" (confirmed by {})", clean_line(by)),
                (None, true) => "（待确认）".to_string(),
                (None, false) => " (not confirmed)".to_string(),
            };
            format!(
                "{}{}{state}",
                lang.pick("现场情况：", "incident: "),
                clean_line(&i.text)
            )
        }
        TimelineItem::Document(kind) => {
            format!(
                "{}{}",
                lang.pick("出具文书：", "document issued: "),
                kind.label(lang)
            )
        }
        TimelineItem::Notice(n) => {
            if zh {
                format!(
                    "通报 {}：{}，{}",
                    clean_line(&n.number),
                    clean_line(&n.target),
                    clean_line(&n.failure)
                )
            } else {
                format!(
                    "notice {}: {}, {}",
                    clean_line(&n.number),
                    clean_line(&n.target),
                    clean_line(&n.failure)
                )
            }
        }
    }
}

fn describe_step(lang: Lang, s: &StepRecord) -> String {
    let zh = lang == Lang::Zh;
    let colon = lang.pick("：", ": ");
    let kind = s.kind.map(|k| k.label(lang)).unwrap_or("?");
    let text = clean_line(&s.text);
    let mut out = kind.to_string();
    let mut add = |part: String| {
        if !part.trim().is_empty() {
            out.push_str(if out.ends_with(colon) { "" } else { colon });
            out.push_str(&part);
        }
    };
    match s.kind {
        Some(StepKind::Propose) => {
            let handling = s.handling.map(|h| h.label(lang)).unwrap_or("");
            let mut decided = handling.to_string();
            if let Some(u) = &s.unit {
                decided.push('→');
                decided.push_str(&clean_line(u));
            }
            if s.handling == Some(HandlingKind::NotAccepted) {
                let channel = s.legal_channel.map(|c| c.label(lang)).unwrap_or("");
                decided.push_str(&if zh {
                    format!("（{}；应通过{channel}解决）", clean_line(&s.text2))
                } else {
                    format!(" ({}; belongs to {channel})", clean_line(&s.text2))
                });
            }
            add(decided);
            add(text);
        }
        Some(StepKind::Return) => {
            let to = s.to.map(|t| t.label(lang)).unwrap_or("");
            add(if zh {
                format!("退回至“{to}”，{text}")
            } else {
                format!("back to {to}, {text}")
            });
        }
        Some(StepKind::Transfer) => {
            let verb = if s.assign {
                lang.pick("交办", "assigned to")
            } else {
                lang.pick("转送", "sent to")
            };
            let mut part = format!(
                "{verb} {}",
                s.unit.as_deref().map(clean_line).unwrap_or_default()
            );
            if !s.co_units.is_empty() {
                let co: Vec<String> = s.co_units.iter().map(|u| clean_line(u)).collect();
                part.push_str(&if zh {
                    format!("，协办 {}", co.join("、"))
                } else {
                    format!(", with {}", co.join(", "))
                });
            }
            if let Some(by) = s.report_by {
                part.push_str(&if zh {
                    format!("，{by} 前报告结果")
                } else {
                    format!(", report by {by}")
                });
            }
            add(part);
        }
        Some(StepKind::Reply) => {
            add(if zh {
                format!("调查情况：{text}；处理意见：{}", clean_line(&s.text2))
            } else {
                format!("findings: {text}; resolution: {}", clean_line(&s.text2))
            });
        }
        Some(StepKind::Review) => {
            if s.accepted == Some(false) {
                add(if zh {
                    format!("退回承办单位，{text}")
                } else {
                    format!("returned to the unit, {text}")
                });
            } else {
                add(lang.pick("通过", "accepted").to_string());
            }
        }
        Some(StepKind::Feedback) => {
            let way = s.way.map(|w| w.label(lang)).unwrap_or("");
            let rating = s.rating.map(|r| r.label(lang)).unwrap_or("");
            let on = s.on_day.map(|d| d.to_string()).unwrap_or_default();
            add(if zh {
                format!("{on} {way}答复，评价：{rating}")
            } else {
                format!("{on} by {way}, evaluation: {rating}")
            });
            add(text);
        }
        Some(StepKind::FollowUp) => {
            let settled = match s.settled {
                Some(true) => lang.pick("案结事了", "settled"),
                _ => lang.pick("案了事未了", "not settled"),
            };
            add(settled.to_string());
            add(text);
        }
        Some(StepKind::Reopen) => {
            let level = s.level.map(|l| l.label(lang)).unwrap_or("");
            let on = s.on_day.map(|d| d.to_string()).unwrap_or_default();
            add(if zh {
                format!("{on} 收到{level}请求，{text}")
            } else {
                format!("{level} request received {on}, {text}")
            });
            add(clean_line(&s.text2));
        }
        Some(StepKind::Extend) => {
            let days = s.days.unwrap_or(0);
            add(if zh {
                format!("延长 {days} 日，{text}")
            } else {
                format!("{days} more days, {text}")
            });
        }
        Some(StepKind::Suspend) => {
            let from = s.on_day.map(|d| d.to_string()).unwrap_or_default();
            let until = s.until.map(|d| d.to_string()).unwrap_or_default();
            add(format!("{from}–{until}{}{text}", lang.pick("，", ", ")));
        }
        Some(StepKind::Assign) => {
            let to = s.to_staff.as_deref().map(clean_line).unwrap_or_default();
            add(if zh {
                format!("改由 {to} 负责，{text}")
            } else {
                format!("now {to}'s, {text}")
            });
        }
        Some(StepKind::JointReview) => {
            let on = s.on_day.map(|d| d.to_string()).unwrap_or_default();
            add(format!("{on} {text}"));
            for (unit, share, due) in &s.shares {
                add(format!(
                    "{}：{} ≤{due}",
                    clean_line(unit),
                    clean_line(share)
                ));
            }
        }
        Some(StepKind::Supervise) => {
            let who = s.to_staff.as_deref().map(clean_line).unwrap_or_default();
            add(if zh {
                format!("督办人 {who}，{text}")
            } else {
                format!("followed by {who}, {text}")
            });
        }
        Some(StepKind::ExtensionRequest) => {
            let days = s.days.unwrap_or(0);
            add(if zh {
                format!("申请延长 {days} 日，{text}（待领导批准）")
            } else {
                format!("{days} more days asked of a manager, {text}")
            });
        }
        Some(StepKind::SupervisionOrder) | Some(StepKind::ListSupervision) => {
            let by = s.report_by.map(|d| d.to_string()).unwrap_or_default();
            add(if zh {
                format!("{text}，限 {by} 前")
            } else {
                format!("{text}, by {by}")
            });
        }
        Some(StepKind::Talk) => {
            let on = s.on_day.map(|d| d.to_string()).unwrap_or_default();
            add(if zh {
                format!("{on} 约谈 {}，{text}", clean_line(&s.text2))
            } else {
                format!("{on} with {}, {text}", clean_line(&s.text2))
            });
        }
        Some(StepKind::Accountability) => {
            add(format!(
                "{}{}{text}",
                clean_line(&s.text2),
                lang.pick("，", ", ")
            ));
        }
        _ => add(text),
    }
    out
}
