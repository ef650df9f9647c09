//! The receipt (回执) handed to a petitioner: plain text, ready to print.

use crate::domain::Channel;
use crate::domain::calendar::Due;
use crate::domain::text::clean_line;
use crate::i18n::{Label, Lang, explain_due};
use chrono::{NaiveDate, NaiveDateTime};

pub struct ReceiptFacts {
    pub number: String,
    pub petitioner: String,
    /// When this contact was received.
    pub received_at: NaiveDateTime,
    /// When the case was first registered (differs for a repeat contact).
    pub first_received_at: NaiveDateTime,
    pub channel: Channel,
    pub category: String,
    pub summary: String,
    /// The acceptance-notice clock: by when the office says whether it accepts the matter.
    pub accept: Option<Due>,
    pub repeat: bool,
    pub office_name: String,
    pub office_phone: String,
    pub office_address: String,
    pub clerk: String,
    pub printed_on: NaiveDate,
    /// The materials received with this contact: what was kept and what went back.
    pub materials: Vec<crate::domain::timeline::Material>,
}

/// The receipt's text. Everything a person said is cleaned again here: a receipt is output.
pub fn receipt_text(f: &ReceiptFacts) -> String {
    let c = |s: &str| clean_line(s);
    let mut out = String::new();
    // Centred on a 60-column page by display width (a Chinese character takes two).
    let title = format!("{}  信访事项登记回执", c(&f.office_name));
    let indent = 60usize.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str())) / 2;
    out.push_str(&format!("{}{title}\n\n", " ".repeat(indent)));
    out.push_str(&format!("编    号：{}\n", c(&f.number)));
    out.push_str(&format!("信 访 人：{}\n", c(&f.petitioner)));
    out.push_str(&format!(
        "收到时间：{}（{}）\n",
        f.received_at.format("%Y年%m月%d日 %H:%M"),
        f.channel.label(Lang::Zh)
    ));
    if f.repeat {
        out.push_str(&format!(
            "初次登记：{}\n",
            f.first_received_at.format("%Y年%m月%d日 %H:%M")
        ));
    }
    out.push_str(&format!("问题类别：{}\n", c(&f.category)));
    out.push_str(&format!("事    由：{}\n\n", c(&f.summary)));
    if f.repeat {
        out.push_str("您反映的事项已在办理中，本次来访已登记在该事项下，请耐心等候处理结果。\n");
    }
    if let Some(due) = &f.accept {
        out.push_str(&format!(
            "本机关将于 {} 前书面告知您是否受理。\n（{}）\n",
            due.due.format("%Y年%m月%d日"),
            explain_due(Lang::Zh, due)
        ));
    }
    if !f.materials.is_empty() {
        out.push_str("\n收到材料：\n");
        for (i, m) in f.materials.iter().enumerate() {
            out.push_str(&format!(
                "  {}. {}，{}页，{}，{}\n",
                i + 1,
                c(&m.title),
                m.pages,
                if m.original { "原件" } else { "复印件" },
                if m.returned {
                    "已当场退还"
                } else {
                    "本机关留存"
                }
            ));
        }
    }
    out.push_str(&format!(
        "\n联系方式：{}  电话 {}  地址 {}\n",
        c(&f.office_name),
        c(&f.office_phone),
        c(&f.office_address)
    ));
    out.push_str(&format!(
        "登 记 人：{}    打印日期：{}\n",
        c(&f.clerk),
        f.printed_on.format("%Y年%m月%d日")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{Calendar, Period, due_date};

    #[test]
    fn the_receipt_names_the_case_and_the_acceptance_deadline_without_control_characters() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let facts = ReceiptFacts {
            number: "XF-2026-000123".into(),
            petitioner: "张三\u{1b}[2J".into(),
            received_at: day.and_hms_opt(9, 30, 0).unwrap(),
            first_received_at: day.and_hms_opt(9, 30, 0).unwrap(),
            channel: Channel::Visit,
            category: "征地拆迁".into(),
            summary: "补偿款未到位".into(),
            accept: Some(due_date(
                &Calendar::new(),
                day,
                Period {
                    days: 15,
                    working: false,
                },
            )),
            repeat: false,
            office_name: "县信访局".into(),
            office_phone: "0000-12345".into(),
            office_address: "人民路1号".into(),
            clerk: "李接待".into(),
            printed_on: day,
            materials: vec![crate::domain::timeline::Material {
                id: 1,
                title: "身份证复印件".into(),
                pages: 1,
                original: false,
                returned: false,
                file: None,
            }],
        };
        let text = receipt_text(&facts);
        assert!(text.contains("编    号：XF-2026-000123"));
        assert!(
            text.contains("2026年12月10日 前书面告知您是否受理"),
            "{text}"
        );
        assert!(text.contains("信 访 人：张三\n"));
        assert!(
            text.contains("1. 身份证复印件，1页，复印件，本机关留存"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'));
    }
}
