//! An accountability notice (通报) as it is printed and circulated.

use super::columns::centred;
use super::notices::Office;
use crate::domain::supervision::notice::Notice;
use crate::domain::text::{clean_line, clean_text};

/// The notice's plain text, in Chinese.
pub fn render(notice: &Notice, office: &Office) -> String {
    let mut out = String::new();
    let title = format!("{}通报", clean_line(&office.name));
    out.push_str(&format!("{}\n", centred(&title, 60)));
    out.push_str(&format!(
        "{}{}\n\n",
        " ".repeat(40),
        clean_line(&notice.number)
    ));
    let target = clean_line(&notice.target());
    out.push_str(&format!(
        "    经查，{target}在办理下列信访事项中存在以下问题：\n\n"
    ));
    for line in clean_text(&notice.failure, true).lines() {
        out.push_str(&format!("    {line}\n"));
    }
    out.push_str("\n涉及信访事项：");
    let cases: Vec<String> = notice.cases.iter().map(|c| clean_line(c)).collect();
    out.push_str(&cases.join("、"));
    out.push('\n');
    if !notice.measures.trim().is_empty() {
        out.push_str("\n整改要求：\n");
        for line in clean_text(&notice.measures, true).lines() {
            out.push_str(&format!("    {line}\n"));
        }
    }
    out.push_str(
        "\n    依据《信访工作条例》第三十九条至第四十五条的规定，予以通报。请认真整改，并将整改情况书面报告本机关。\n",
    );
    let seal = if office.seal_line.is_empty() {
        "（印章）"
    } else {
        office.seal_line.as_str()
    };
    out.push_str(&format!(
        "\n{}{}\n",
        " ".repeat(36),
        clean_line(&office.name)
    ));
    out.push_str(&format!("{}{}\n", " ".repeat(36), clean_line(seal)));
    out.push_str(&format!(
        "{}{}\n",
        " ".repeat(36),
        notice.at.format("%Y年%m月%d日")
    ));
    out.push_str(&format!("（签发：{}）\n", clean_line(&notice.issued_by)));
    out
}
