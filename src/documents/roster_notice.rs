//! The public notice of a week's duty experts (专家门诊式接访安排), for the notice board and the
//! office's website: who receives visitors in which half-day, what matters they take, which
//! room. Plain text (columns aligned for Chinese), a self-contained printable HTML page (every
//! text escaped), or CSV (RFC 4180, with a byte-order mark so spreadsheets read the Chinese).
//! Internal matters (waiting visitors, notes, who stands in for whom) are left out.

use super::notices::Office;
use crate::domain::csv;
use crate::domain::roster::{DutySlot, Rank};
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::i18n::roster::{half, weekday};
use chrono::{Datelike, Duration, NaiveDate};
use unicode_width::UnicodeWidthStr;

/// What a notice shows.
pub struct RosterNotice<'a> {
    pub office: &'a Office,
    pub monday: NaiveDate,
    pub slots: &'a [DutySlot],
}

/// The columns of the notice (and of its CSV).
pub const COLUMNS: [&str; 7] = ["日期", "星期", "时段", "专家", "职务", "擅长类别", "接访室"];

/// One slot as the notice shows it, every value cleaned.
fn cells(s: &DutySlot) -> [String; 7] {
    let title = match (s.rank, s.title.trim().is_empty()) {
        (_, false) => clean_line(&s.title),
        (Rank::Leader, true) => "领导".to_string(),
        (Rank::Cadre, true) => String::new(),
    };
    [
        s.day.format("%Y-%m-%d").to_string(),
        weekday(Lang::Zh, s.day.weekday()).to_string(),
        half(Lang::Zh, s.afternoon).to_string(),
        clean_line(&s.staff_name),
        title,
        clean_line(&s.specialties.join("、")),
        clean_line(&s.room),
    ]
}

fn title(n: &RosterNotice<'_>) -> String {
    format!("{}专家门诊式接访安排", clean_line(&n.office.name))
}

fn span(n: &RosterNotice<'_>) -> String {
    let sunday = n.monday + Duration::days(6);
    let w = n.monday.iso_week();
    format!(
        "{}年第{}周（{}月{}日至{}月{}日）",
        w.year(),
        w.week(),
        n.monday.month(),
        n.monday.day(),
        sunday.month(),
        sunday.day()
    )
}

/// 领导接访日, one line each: `11月25日（周三）上午 张志刚 局长 领导接待室`.
fn leader_days(n: &RosterNotice<'_>) -> Vec<String> {
    n.slots
        .iter()
        .filter(|s| s.rank == Rank::Leader)
        .map(|s| {
            let [_, wd, h, name, title, _, room] = cells(s);
            format!(
                "{}月{}日（{wd}）{h} {name} {title} {room}",
                s.day.month(),
                s.day.day()
            )
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
        })
        .collect()
}

fn footer(n: &RosterNotice<'_>) -> Vec<String> {
    let mut out = vec!["来访群众可按所反映问题的类别，到相应接访室找值班专家面谈。以上安排如有变动，以当日公告为准。".to_string()];
    let address = clean_line(&n.office.address);
    let phone = clean_line(&n.office.phone);
    if !address.is_empty() {
        out.push(format!("地址：{address}"));
    }
    if !phone.is_empty() {
        out.push(format!("电话：{phone}"));
    }
    out
}

fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(s.width())))
}

/// The notice as plain text: the columns aligned by display width, so Chinese lines up.
pub fn text(n: &RosterNotice<'_>) -> String {
    let rows: Vec<[String; 7]> = n.slots.iter().map(cells).collect();
    let mut widths: Vec<usize> = COLUMNS.iter().map(|c| c.width()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r.iter()) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cols: &[String]| -> String {
        cols.iter()
            .zip(&widths)
            .map(|(c, w)| pad(c, *w))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = vec![title(n), span(n), String::new()];
    let leaders = leader_days(n);
    if !leaders.is_empty() {
        out.push("领导接访日：".to_string());
        out.extend(leaders.into_iter().map(|l| format!("  {l}")));
        out.push(String::new());
    }
    if rows.is_empty() {
        out.push("本周没有安排专家接访。".to_string());
    } else {
        let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        out.push(line(&header));
        let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
        out.push("-".repeat(total));
        out.extend(rows.iter().map(|r| line(r)));
    }
    out.push(String::new());
    out.extend(footer(n));
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped (after control and escape characters
/// are removed).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean_line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\",serif;margin:2em auto;max-width:60em;color:#000;background:#fff}
h1{text-align:center;font-size:1.6em;margin:0 0 .2em}
p.span{text-align:center;margin:0 0 1.2em}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #000;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#eee}
tr.leader td{font-weight:bold}
section.leaders{margin:0 0 1em}
footer{margin-top:1.2em;font-size:.95em}
@media print{body{margin:0;max-width:none}th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}tr{page-break-inside:avoid}}";

/// The notice as one self-contained HTML page (no scripts, no outside resources), ready to
/// print or to put on the website.
pub fn html(n: &RosterNotice<'_>) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{} {}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n",
        escape(&title(n)),
        escape(&span(n))
    ));
    out.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"span\">{}</p>\n",
        escape(&title(n)),
        escape(&span(n))
    ));
    let leaders = leader_days(n);
    if !leaders.is_empty() {
        out.push_str("<section class=\"leaders\"><strong>领导接访日：</strong>");
        out.push_str(
            &leaders
                .iter()
                .map(|l| escape(l))
                .collect::<Vec<_>>()
                .join("；"),
        );
        out.push_str("</section>\n");
    }
    if n.slots.is_empty() {
        out.push_str("<p>本周没有安排专家接访。</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr>");
        for c in COLUMNS {
            out.push_str(&format!("<th>{}</th>", escape(c)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for s in n.slots {
            let class = if s.rank == Rank::Leader {
                " class=\"leader\""
            } else {
                ""
            };
            out.push_str(&format!("<tr{class}>"));
            for c in cells(s) {
                out.push_str(&format!("<td>{}</td>", escape(&c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("<footer>\n");
    for l in footer(n) {
        out.push_str(&format!("<p>{}</p>\n", escape(&l)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// The notice as CSV: a byte-order mark, the header, one slot a line (CRLF).
pub fn csv(n: &RosterNotice<'_>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&csv::record(&COLUMNS));
    for s in n.slots {
        out.push_str(&csv::record(&cells(s)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(day: u32, afternoon: bool, name: &str, rank: Rank, room: &str) -> DutySlot {
        DutySlot {
            day: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            afternoon,
            staff_id: 1,
            staff_name: name.into(),
            rank,
            title: String::new(),
            room: room.into(),
            specialties: vec!["征地拆迁".into(), "住房".into()],
            waiting: 3,
            from_pattern: true,
            substitute_for: None,
            note: "内部说明".into(),
        }
    }

    fn office() -> Office {
        Office {
            name: "县信访局".into(),
            phone: "0000-12345".into(),
            address: "县人民路1号".into(),
            seal_line: String::new(),
        }
    }

    #[test]
    fn the_text_lines_up_chinese_columns_and_keeps_internal_notes_out() {
        let slots = [
            slot(23, false, "王建国", Rank::Cadre, "接访室一"),
            slot(25, false, "张志刚", Rank::Leader, "领导接待室"),
        ];
        let office = office();
        let n = RosterNotice {
            office: &office,
            monday: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            slots: &slots,
        };
        let t = text(&n);
        assert!(t.starts_with("县信访局专家门诊式接访安排\n2026年第48周（11月23日至11月29日）"));
        assert!(
            t.contains("11月25日（周三）上午 张志刚 领导 领导接待室"),
            "{t}"
        );
        assert!(!t.contains("内部说明"));
        let rows: Vec<&str> = t.lines().filter(|l| l.starts_with("2026-")).collect();
        let room_at = |l: &str| l.width() - l.rsplit("  ").next().unwrap().width();
        assert_eq!(room_at(rows[0]), room_at(rows[1]), "{t}");
    }

    #[test]
    fn html_escapes_every_text_and_needs_nothing_outside() {
        let mut s = slot(
            23,
            false,
            "<script>alert(1)</script>",
            Rank::Cadre,
            "A&B \"室\"",
        );
        s.specialties = vec!["x'y".into()];
        let mut office = office();
        office.name = "<b>局</b>\u{1b}]0;x\u{7}".into();
        let slots = [s];
        let n = RosterNotice {
            office: &office,
            monday: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            slots: &slots,
        };
        let h = html(&n);
        assert!(h.starts_with("<!DOCTYPE html>") && h.ends_with("</html>\n"));
        assert!(!h.contains("<script>") && !h.contains("<b>局"), "{h}");
        assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("A&amp;B &quot;室&quot;") && h.contains("x&#39;y"));
        assert!(!h.contains('\u{1b}') && !h.contains('\u{7}'));
        assert!(!h.contains("http") && !h.contains("src="), "self-contained");
        assert!(h.contains("@media print"));
    }

    #[test]
    fn csv_is_quoted_and_reads_back() {
        let mut s = slot(23, true, "王建国", Rank::Cadre, "接访室一");
        s.specialties = vec!["征地拆迁".into(), "a,b".into()];
        s.title = "=cmd".into();
        let office = office();
        let slots = [s];
        let n = RosterNotice {
            office: &office,
            monday: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            slots: &slots,
        };
        let c = csv(&n);
        assert!(c.starts_with("\u{feff}日期,星期,时段,专家,职务,擅长类别,接访室\r\n"));
        let back = crate::domain::csv::parse(&c).unwrap();
        assert_eq!(
            back[1].fields,
            [
                "2026-11-23",
                "周一",
                "下午",
                "王建国",
                "'=cmd",
                "征地拆迁、a,b",
                "接访室一"
            ]
        );
    }
}
