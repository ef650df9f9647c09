//! The intake's choice fields (sex, channel, urgent, collective, kind, leapfrog) and its two
//! pickers (category, units). One description of each choice field serves ←/→, Space, a
//! digit, and the drawing.

use super::form::IntakeForm;
use crate::domain::intake::IntakeField;
use crate::domain::{Category, Channel, Leapfrog, MatterKind, Sex, Unit};
use crate::i18n::{Label, Lang, Msg, Text};

const SEXES: [Option<Sex>; 3] = [None, Some(Sex::Male), Some(Sex::Female)];
const LEAPFROGS: [Option<Leapfrog>; 5] = [
    None,
    Some(Leapfrog::Village),
    Some(Leapfrog::Township),
    Some(Leapfrog::County),
    Some(Leapfrog::City),
];

/// A choice field as drawn: its options in the screen's language and which is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub options: Vec<&'static str>,
    pub chosen: usize,
}

fn position<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|x| x == value).unwrap_or(0)
}

/// How many options a field has (0: not a choice field).
fn option_count(field: IntakeField) -> usize {
    match field {
        IntakeField::Sex => SEXES.len(),
        IntakeField::Channel => Channel::ALL.len(),
        IntakeField::Urgent | IntakeField::Collective => 2,
        IntakeField::Kind => MatterKind::ALL.len(),
        IntakeField::Leapfrog => LEAPFROGS.len(),
        _ => 0,
    }
}

pub fn is_choice(field: IntakeField) -> bool {
    option_count(field) > 0
}

fn chosen(form: &IntakeForm, field: IntakeField) -> usize {
    match field {
        IntakeField::Sex => position(&SEXES, &form.sex),
        IntakeField::Channel => position(&Channel::ALL, &form.channel),
        IntakeField::Urgent => usize::from(form.urgent),
        IntakeField::Collective => usize::from(form.collective),
        IntakeField::Kind => position(&MatterKind::ALL, &form.kind),
        IntakeField::Leapfrog => position(&LEAPFROGS, &form.leapfrog),
        _ => 0,
    }
}

/// Choose option `index` (0-based) of the focused field; false if there is no such option.
pub fn choose(form: &mut IntakeForm, index: usize) -> bool {
    let field = form.focus;
    if index >= option_count(field) {
        return false;
    }
    match field {
        IntakeField::Sex => form.sex = SEXES.get(index).copied().flatten(),
        IntakeField::Channel => {
            if let Some(c) = Channel::ALL.get(index) {
                form.channel = *c;
            }
        }
        IntakeField::Urgent => form.urgent = index == 1,
        IntakeField::Collective => form.collective = index == 1,
        IntakeField::Kind => {
            if let Some(k) = MatterKind::ALL.get(index) {
                form.kind = *k;
            }
        }
        IntakeField::Leapfrog => form.leapfrog = LEAPFROGS.get(index).copied().flatten(),
        _ => return false,
    }
    true
}

/// ←/→ or Space: the next or previous option of the focused field, round the end.
pub fn cycle(form: &mut IntakeForm, forward: bool) -> bool {
    let n = option_count(form.focus);
    if n == 0 {
        return false;
    }
    let i = chosen(form, form.focus);
    choose(
        form,
        if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        },
    )
}

/// The field's options in `lang` and the one chosen, for drawing; None if not a choice field.
pub fn choice(form: &IntakeForm, field: IntakeField, lang: Lang) -> Option<Choice> {
    let no = Text::No.get(lang);
    let yes = Text::Yes.get(lang);
    let options: Vec<&'static str> = match field {
        IntakeField::Sex => SEXES
            .iter()
            .map(|s| s.map_or(Text::SexNotGiven.get(lang), |s| s.label(lang)))
            .collect(),
        IntakeField::Channel => Channel::ALL.iter().map(|c| c.label(lang)).collect(),
        IntakeField::Urgent | IntakeField::Collective => vec![no, yes],
        IntakeField::Kind => MatterKind::ALL.iter().map(|k| k.label(lang)).collect(),
        IntakeField::Leapfrog => LEAPFROGS
            .iter()
            .map(|l| l.map_or(no, |l| l.label(lang)))
            .collect(),
        _ => return None,
    };
    Some(Choice {
        options,
        chosen: chosen(form, field),
    })
}

/// What Enter in a picker did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// A category or unit was taken from the matches (the form changed).
    Taken,
    /// Nothing matches what was typed: why, to say.
    NoMatch(Msg),
    /// Nothing to take (an empty units field moves on).
    Nothing,
}

/// Enter in a picker: the highlighted match is taken. A category moves on to the next field;
/// units stay for the next one, and Enter in an empty units field moves on.
pub fn pick(form: &mut IntakeForm, categories: &[Category], units: &[Unit]) -> Picked {
    match form.focus {
        IntakeField::Category => {
            let picked = match_categories(categories, &form.text(IntakeField::Category))
                .get(form.pick)
                .map(|c| (*c).clone());
            match picked {
                Some(c) => {
                    form.set_category(c);
                    form.move_focus(true);
                    Picked::Taken
                }
                None => Picked::NoMatch(Msg::NoCategoryMatches),
            }
        }
        IntakeField::Units => {
            let query = form.text(IntakeField::Units);
            if query.trim().is_empty() {
                form.move_focus(true);
                return Picked::Nothing;
            }
            let picked = match_units(units, &query)
                .get(form.pick)
                .map(|u| (*u).clone());
            match picked {
                Some(u) => {
                    form.add_unit(u);
                    Picked::Taken
                }
                None => Picked::NoMatch(Msg::NoUnitMatches),
            }
        }
        _ => Picked::Nothing,
    }
}

/// Items matching what was typed: its number (1-based, as listed), part of its name, its
/// pinyin initials (`zd` → 征地拆迁) or its code. Matches at the start come first.
pub fn match_items<'a, T>(
    all: &'a [T],
    query: &str,
    names: impl Fn(&T) -> [&str; 3],
) -> Vec<&'a T> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return all.iter().collect();
    }
    if let Ok(n) = q.parse::<usize>() {
        return n
            .checked_sub(1)
            .and_then(|i| all.get(i))
            .into_iter()
            .collect();
    }
    let mut prefix: Vec<&T> = Vec::new();
    let mut rest: Vec<&T> = Vec::new();
    for item in all {
        let [zh, initials, other] = names(item);
        let other = other.to_lowercase();
        if initials.starts_with(&q) || zh.starts_with(&q) || other.starts_with(&q) {
            prefix.push(item);
        } else if zh.contains(&q) || initials.contains(&q) || other.contains(&q) {
            rest.push(item);
        }
    }
    prefix.extend(rest);
    prefix
}

pub fn match_categories<'a>(all: &'a [Category], query: &str) -> Vec<&'a Category> {
    match_items(all, query, |c| [&c.name_zh, &c.initials, &c.name_en])
}

pub fn match_units<'a>(all: &'a [Unit], query: &str) -> Vec<&'a Unit> {
    match_items(all, query, |u| [&u.name, &u.initials, &u.code])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats() -> Vec<Category> {
        [
            ("land", "征地拆迁", "zdcq"),
            ("wages", "拖欠工资", "tqgz"),
            ("housing", "城乡建设与住房", "cxjsyzf"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (code, zh, ini))| Category {
            id: i as i64 + 1,
            code: code.to_string(),
            name_zh: zh.to_string(),
            name_en: code.to_string(),
            initials: ini.to_string(),
        })
        .collect()
    }

    fn form() -> IntakeForm {
        IntakeForm::new(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 25)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        )
    }

    #[test]
    fn picker_finds_by_initials_name_and_number() {
        let all = cats();
        assert_eq!(match_categories(&all, "zd")[0].name_zh, "征地拆迁");
        assert_eq!(match_categories(&all, "工资")[0].name_zh, "拖欠工资");
        assert_eq!(match_categories(&all, "3")[0].name_zh, "城乡建设与住房");
        assert!(match_categories(&all, "9").is_empty());
        assert!(match_categories(&all, "0").is_empty());
        assert_eq!(match_categories(&all, "").len(), 3);
    }

    #[test]
    fn a_digit_chooses_and_arrows_go_round() {
        let mut f = form();
        f.focus = IntakeField::Channel;
        assert!(choose(&mut f, 1));
        assert_eq!(f.channel, Channel::Letter);
        assert!(!choose(&mut f, 9), "no ninth channel");
        f.focus = IntakeField::Leapfrog;
        assert!(cycle(&mut f, false));
        assert_eq!(
            f.leapfrog,
            Some(Leapfrog::City),
            "back from the first goes round"
        );
        f.focus = IntakeField::Name;
        assert!(!cycle(&mut f, true), "a text field has no options");
    }

    #[test]
    fn every_choice_field_draws_its_options_in_both_languages() {
        let f = form();
        for field in IntakeField::ORDER.iter().filter(|f| is_choice(**f)) {
            for lang in [Lang::Zh, Lang::En] {
                let c = choice(&f, *field, lang).unwrap();
                assert_eq!(c.options.len(), option_count(*field));
                assert!(c.options.iter().all(|o| !o.is_empty()));
            }
        }
    }
}
