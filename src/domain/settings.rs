//! Office settings: what each one means and the values it may take. Every value is checked
//! where it is set, so nothing that reads a setting later meets a value it cannot use.

use super::text::clean_line;

/// A setting an office may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingDef {
    pub key: &'static str,
    /// What it means, for `settings list`.
    pub meaning: &'static str,
}

/// Every setting an office may change, in the order `settings list` shows them.
pub const SETTINGS: &[SettingDef] = &[
    SettingDef {
        key: "office_name",
        meaning: "the office's name, printed on receipts",
    },
    SettingDef {
        key: "office_phone",
        meaning: "the office's telephone, printed on receipts",
    },
    SettingDef {
        key: "office_address",
        meaning: "the office's address, printed on receipts",
    },
    SettingDef {
        key: "office_lang",
        meaning: "the office's language, zh or en, unless --lang or XFDESK_LANG says otherwise",
    },
    SettingDef {
        key: "receipt_dir",
        meaning: "where receipts are written (default: receipts/ beside the database)",
    },
    SettingDef {
        key: "receipt_printer",
        meaning: "a printer for `lp -d`; empty: receipts are only written to files",
    },
    SettingDef {
        key: "document_dir",
        meaning: "where notices and other documents are written (default: documents/ beside the database)",
    },
    SettingDef {
        key: "seal_line",
        meaning: "what stands where the seal goes on documents (default: （印章）)",
    },
    SettingDef {
        key: "office_opened",
        meaning: "the office's first day, YYYY-MM-DD: no receipt is dated before it",
    },
    SettingDef {
        key: "office_tz",
        meaning: "the office's time zone, e.g. Asia/Shanghai: dates are counted in it",
    },
    SettingDef {
        key: "count_start_day",
        meaning: "true: the start day counts as day 1 (procedure: false)",
    },
    SettingDef {
        key: "roll_forward",
        meaning: "true: a period ending on a rest day ends on the next working day",
    },
    SettingDef {
        key: "inactivity_days",
        meaning: "days without a step or contact after which the nightly check names an open case (1-365)",
    },
    SettingDef {
        key: "notify_command",
        meaning: "a program (absolute path) given each notification as JSON on stdin, e.g. an SMS gateway; empty: none",
    },
];

/// The longest the nightly check waits before it names a case nobody has worked on.
pub const MAX_INACTIVITY_DAYS: u32 = 365;
/// Its default, where no value was set.
pub const DEFAULT_INACTIVITY_DAYS: u32 = 30;

/// The longest office name, phone and address a receipt has room for.
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_PHONE_CHARS: usize = 30;
pub const MAX_ADDRESS_CHARS: usize = 120;
/// CUPS allows printer names of up to 127 characters.
pub const MAX_PRINTER_CHARS: usize = 127;
pub const MAX_PATH_CHARS: usize = 1024;

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingError {
    Unknown {
        key: String,
    },
    Empty {
        key: &'static str,
    },
    TooLong {
        key: &'static str,
        max: usize,
        has: usize,
    },
    /// A telephone with something other than digits, spaces, `-`, `+`, `(`, `)` or `,`.
    BadPhone,
    /// Not an absolute path (or empty for the default).
    NotAbsolute {
        key: &'static str,
    },
    /// Not a date written YYYY-MM-DD.
    NotDate {
        key: &'static str,
    },
    /// A date after today where only a past day makes sense (the office's first day).
    InFuture {
        key: &'static str,
    },
    /// Letters, digits, `_`, `-`, `.` and `@` only, and not starting with `-` (which `lp`
    /// would read as an option).
    BadPrinter,
    BadTimeZone,
    NotTrueOrFalse {
        key: &'static str,
    },
    NotLanguage,
    /// A whole number of days outside its bounds.
    Days {
        key: &'static str,
        min: u32,
        max: u32,
    },
    /// A path with `.` or `..` in it, or ending in `/`: a program is named plainly.
    NotPlainPath {
        key: &'static str,
    },
}

impl std::fmt::Display for SettingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingError::Unknown { key } => {
                let keys: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
                write!(f, "unknown setting '{key}' (settings: {})", keys.join(", "))
            }
            SettingError::Empty { key } => write!(f, "{key} may not be empty"),
            SettingError::TooLong { key, max, has } => {
                write!(f, "{key} may have at most {max} characters, not {has}")
            }
            SettingError::BadPhone => f.write_str(
                "office_phone may hold digits, spaces, -, +, parentheses and commas only",
            ),
            SettingError::NotAbsolute { key } => {
                write!(
                    f,
                    "{key} must be an absolute path, or empty for the default"
                )
            }
            SettingError::NotDate { key } => {
                write!(f, "{key} must be a date, YYYY-MM-DD, or empty for none")
            }
            SettingError::InFuture { key } => write!(f, "{key} cannot be after today"),
            SettingError::BadPrinter => f.write_str(
                "receipt_printer is a printer name: letters, digits, _ - . @, not starting with -",
            ),
            SettingError::BadTimeZone => {
                f.write_str("office_tz must be a time zone name such as Asia/Shanghai")
            }
            SettingError::NotTrueOrFalse { key } => write!(f, "{key} must be true or false"),
            SettingError::NotLanguage => f.write_str("office_lang must be zh or en"),
            SettingError::Days { key, min, max } => {
                write!(f, "{key} must be a whole number of days, {min} to {max}")
            }
            SettingError::NotPlainPath { key } => write!(
                f,
                "{key} must name a program plainly: an absolute path without . or .. parts"
            ),
        }
    }
}

impl std::error::Error for SettingError {}

/// [`check_setting`], with what depends on the day: the office's first day cannot be after
/// `today` (a date in the future would refuse every receipt).
pub fn check_setting_on(
    key: &str,
    value: &str,
    today: chrono::NaiveDate,
) -> Result<String, SettingError> {
    let value = check_setting(key, value)?;
    if key == "office_opened"
        && let Ok(day) = chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d")
        && day > today
    {
        return Err(SettingError::InFuture {
            key: "office_opened",
        });
    }
    Ok(value)
}

/// The definition of a known setting.
pub fn setting(key: &str) -> Option<&'static SettingDef> {
    SETTINGS.iter().find(|s| s.key == key)
}

/// Check a new value for `key` and return it as it is to be stored: cleaned of control and
/// bidi characters and trimmed.
pub fn check_setting(key: &str, value: &str) -> Result<String, SettingError> {
    let Some(def) = setting(key) else {
        return Err(SettingError::Unknown {
            key: clean_line(key),
        });
    };
    let key = def.key;
    let value = clean_line(value).trim().to_string();
    let chars = value.chars().count();
    let bounded = |max: usize, may_be_empty: bool| -> Result<(), SettingError> {
        if value.is_empty() && !may_be_empty {
            Err(SettingError::Empty { key })
        } else if chars > max {
            Err(SettingError::TooLong {
                key,
                max,
                has: chars,
            })
        } else {
            Ok(())
        }
    };
    match key {
        "office_name" => bounded(MAX_NAME_CHARS, false)?,
        "office_address" => bounded(MAX_ADDRESS_CHARS, false)?,
        "office_phone" => {
            bounded(MAX_PHONE_CHARS, false)?;
            if !value
                .chars()
                .all(|c| c.is_ascii_digit() || " -+(),".contains(c))
            {
                return Err(SettingError::BadPhone);
            }
        }
        "office_lang" => {
            return match value.to_ascii_lowercase().as_str() {
                "zh" | "zh-cn" | "zh_cn" => Ok("zh".into()),
                "en" => Ok("en".into()),
                _ => Err(SettingError::NotLanguage),
            };
        }
        "receipt_dir" | "document_dir" => {
            bounded(MAX_PATH_CHARS, true)?;
            if !value.is_empty() && !value.starts_with('/') {
                return Err(SettingError::NotAbsolute { key });
            }
        }
        "seal_line" => bounded(MAX_NAME_CHARS, true)?,
        // Empty: no first day (the default bound applies).
        "office_opened" if value.is_empty() => {}
        "office_opened" => {
            return chrono::NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                .map(|d| d.format("%Y-%m-%d").to_string())
                .map_err(|_| SettingError::NotDate { key });
        }
        "receipt_printer" => {
            bounded(MAX_PRINTER_CHARS, true)?;
            if value.starts_with('-')
                || !value
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.@".contains(c))
            {
                return Err(SettingError::BadPrinter);
            }
        }
        "office_tz" => {
            if value.parse::<chrono_tz::Tz>().is_err() {
                return Err(SettingError::BadTimeZone);
            }
        }
        "inactivity_days" => {
            return match value.parse::<u32>() {
                Ok(n) if (1..=MAX_INACTIVITY_DAYS).contains(&n) => Ok(n.to_string()),
                _ => Err(SettingError::Days {
                    key,
                    min: 1,
                    max: MAX_INACTIVITY_DAYS,
                }),
            };
        }
        "notify_command" => {
            bounded(MAX_PATH_CHARS, true)?;
            if value.is_empty() {
                return Ok(value);
            }
            if !value.starts_with('/') {
                return Err(SettingError::NotAbsolute { key });
            }
            if value.ends_with('/') || value.split('/').any(|part| part == "." || part == "..") {
                return Err(SettingError::NotPlainPath { key });
            }
        }
        "count_start_day" | "roll_forward" => {
            if value != "true" && value != "false" {
                return Err(SettingError::NotTrueOrFalse { key });
            }
        }
        _ => unreachable!("every key of SETTINGS is checked above"),
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_setting_has_bounds() {
        // A value each setting accepts, proving none reaches the unreachable arm.
        for def in SETTINGS {
            let good = match def.key {
                "office_lang" => "zh",
                "receipt_dir" | "document_dir" => "/srv/xfdesk/receipts",
                "notify_command" => "/usr/local/bin/sms-gateway",
                "office_opened" => "2019-03-01",
                "receipt_printer" => "front-desk",
                "office_tz" => "Asia/Shanghai",
                "count_start_day" | "roll_forward" => "false",
                "office_phone" => "0731-8888 8888",
                "inactivity_days" => "30",
                _ => "东城区信访局",
            };
            assert!(check_setting(def.key, good).is_ok(), "{}", def.key);
        }
    }

    #[test]
    fn values_out_of_bounds_are_refused_in_words() {
        let long = "局".repeat(61);
        assert_eq!(
            check_setting("office_name", &long),
            Err(SettingError::TooLong {
                key: "office_name",
                max: 60,
                has: 61
            })
        );
        assert_eq!(
            check_setting("office_name", " \u{1b}[2J "),
            Err(SettingError::Empty { key: "office_name" })
        );
        assert_eq!(
            check_setting("office_phone", "call me"),
            Err(SettingError::BadPhone)
        );
        assert_eq!(
            check_setting("receipt_printer", "-o evil"),
            Err(SettingError::BadPrinter)
        );
        assert_eq!(
            check_setting("receipt_printer", "--help"),
            Err(SettingError::BadPrinter)
        );
        assert_eq!(
            check_setting("receipt_dir", "receipts"),
            Err(SettingError::NotAbsolute { key: "receipt_dir" })
        );
        assert_eq!(
            check_setting("office_tz", "Mars/Olympus"),
            Err(SettingError::BadTimeZone)
        );
        assert_eq!(
            check_setting("roll_forward", "yes"),
            Err(SettingError::NotTrueOrFalse {
                key: "roll_forward"
            })
        );
        assert_eq!(
            check_setting("office_lang", "fr"),
            Err(SettingError::NotLanguage)
        );
        for bad in ["0", "366", "thirty", "-1", "1.5"] {
            assert_eq!(
                check_setting("inactivity_days", bad),
                Err(SettingError::Days {
                    key: "inactivity_days",
                    min: 1,
                    max: 365
                }),
                "{bad}"
            );
        }
        assert_eq!(
            check_setting("notify_command", "sms-gateway"),
            Err(SettingError::NotAbsolute {
                key: "notify_command"
            })
        );
        for bad in ["/usr/local/../bin/sh", "/usr/./bin/x", "/usr/local/bin/"] {
            assert_eq!(
                check_setting("notify_command", bad),
                Err(SettingError::NotPlainPath {
                    key: "notify_command"
                }),
                "{bad}"
            );
        }
        assert_eq!(check_setting("inactivity_days", " 045 ").unwrap(), "45");
        assert_eq!(check_setting("notify_command", " ").unwrap(), "");
        assert!(matches!(
            check_setting("colour", "red"),
            Err(SettingError::Unknown { .. })
        ));
    }

    #[test]
    fn values_are_stored_cleaned() {
        assert_eq!(
            check_setting("office_name", " 东城\u{202e}区信访局\u{1b}]0;x\u{7} ").unwrap(),
            "东城区信访局"
        );
        assert_eq!(check_setting("office_lang", "ZH").unwrap(), "zh");
    }
}
