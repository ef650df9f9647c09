//! Messages of the command line, in zh-CN and en. Each takes the language and the facts.

use super::Lang;

/// A deadline rule that does not exist, with the names that do.
pub fn unknown_rule(lang: Lang, name: &str, known: &[String]) -> String {
    match lang {
        Lang::Zh => format!("没有名为“{name}”的期限规则。现有规则：{}", known.join("、")),
        Lang::En => format!(
            "no deadline rule '{name}'; the rules are: {}",
            known.join(", ")
        ),
    }
}
