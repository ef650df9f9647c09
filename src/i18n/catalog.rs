//! The macro the newer catalogs are written with: each entry a name, its values (if any), its
//! Chinese and its English; `text` puts it in words and `TEMPLATES` lists every entry for the
//! tests that check both languages name the same values.

/// `catalog! { Enum; Name { value: Type } => "中文 {value}", "English {value}"; … }`
macro_rules! catalog {
    ($(#[$meta:meta])* $enum:ident; $( $(#[$doc:meta])* $name:ident $({ $($field:ident : $ty:ty),* $(,)? })? => $zh:literal, $en:literal; )*) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $enum { $( $(#[$doc])* $name $({ $($field: $ty),* })?, )* }

        impl $enum {
            pub fn text(&self, lang: $crate::i18n::Lang) -> String {
                match self {
                    $( $enum::$name $({ $($field),* })? => match lang {
                        $crate::i18n::Lang::Zh => format!($zh),
                        $crate::i18n::Lang::En => format!($en),
                    }, )*
                }
            }

            /// Every entry: (name, Chinese template, English template).
            pub const TEMPLATES: &'static [(&'static str, &'static str, &'static str)] =
                &[ $( (stringify!($name), $zh, $en), )* ];
        }
    };
}

pub(crate) use catalog;

/// The names of the values a template uses, sorted.
#[cfg(test)]
pub(crate) fn placeholders(t: &str) -> Vec<String> {
    let mut out: Vec<String> = t
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split('}').next())
        .map(|p| p.split(':').next().unwrap_or("").to_string())
        .collect();
    out.sort();
    out
}

/// Every Chinese template has Chinese in it, every English one none, and both name the same
/// values.
#[cfg(test)]
pub(crate) fn check_templates(templates: &[(&str, &str, &str)]) {
    let is_cjk = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    assert!(!templates.is_empty());
    for (name, zh, en) in templates {
        assert!(
            !zh.trim().is_empty() && !en.trim().is_empty(),
            "{name} is empty"
        );
        assert!(
            zh.chars().any(is_cjk),
            "{name}: Chinese lacks Chinese: {zh}"
        );
        assert!(!en.chars().any(is_cjk), "{name}: English has Chinese: {en}");
        assert_eq!(placeholders(zh), placeholders(en), "{name}");
    }
}
