//! Resident ID numbers (居民身份证号码) under GB 11643-1999.

use chrono::NaiveDate;

/// Why a resident ID number was refused. Each variant is something a receptionist can fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdNumberError {
    /// Not 15 or 18 characters long.
    WrongLength(usize),
    /// A character other than a digit (and a final X on 18-character numbers).
    BadCharacter,
    /// The birth date inside the number is not a real date.
    ImpossibleBirthDate,
    /// The birth date inside the number lies after today.
    BirthDateInFuture,
    /// The check character does not match: `expected` is what the first 17 digits require.
    WrongCheckDigit { expected: char, found: char },
}

/// A resident ID number that passed validation, in canonical form (upper-case X).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdNumber {
    text: String,
    birth_date: NaiveDate,
    legacy: bool,
}

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// The check character GB 11643 assigns to 17 leading digits (ISO 7064 MOD 11-2).
pub fn check_character(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK_CHARS.get((sum % 11) as usize).map(|b| char::from(*b))
}

impl IdNumber {
    /// Validate `input` as of `today` (the office-local date; a birth date after it is refused).
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, IdNumberError> {
        let text: String = input.trim().to_ascii_uppercase();
        let len = text.chars().count();
        // Everything below slices by byte: anything but ASCII is refused first.
        if !text.is_ascii() && (len == 18 || len == 15) {
            return Err(IdNumberError::BadCharacter);
        }
        match len {
            18 => {
                let (body, check) = text.split_at(17);
                if !body.bytes().all(|b| b.is_ascii_digit())
                    || !check.bytes().all(|b| b.is_ascii_digit() || b == b'X')
                {
                    return Err(IdNumberError::BadCharacter);
                }
                let birth_date = birth_date(body.get(6..14).unwrap_or_default(), today)?;
                let (Some(expected), Some(found)) = (check_character(body), check.chars().next())
                else {
                    return Err(IdNumberError::BadCharacter);
                };
                if expected != found {
                    return Err(IdNumberError::WrongCheckDigit { expected, found });
                }
                Ok(Self {
                    text,
                    birth_date,
                    legacy: false,
                })
            }
            15 => {
                if !text.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(IdNumberError::BadCharacter);
                }
                // Legacy numbers carry a two-digit year; all were issued to people born in the 1900s.
                let yymmdd = text.get(6..12).unwrap_or_default();
                let birth_date = birth_date(&format!("19{yymmdd}"), today)?;
                Ok(Self {
                    text,
                    birth_date,
                    legacy: true,
                })
            }
            other => Err(IdNumberError::WrongLength(other)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// A 15-digit number from before 1999.
    pub fn is_legacy(&self) -> bool {
        self.legacy
    }

    /// The sex the sequence number encodes: odd is male.
    pub fn is_male(&self) -> bool {
        // The last digit of the sequence: the 15th character of an old number, the 17th of a
        // new one (both checked to be digits when parsed).
        let position = if self.legacy { 14 } else { 16 };
        self.text
            .as_bytes()
            .get(position)
            .is_some_and(|b| b.wrapping_sub(b'0') % 2 == 1)
    }
}

fn birth_date(yyyymmdd: &str, today: NaiveDate) -> Result<NaiveDate, IdNumberError> {
    let date = NaiveDate::parse_from_str(yyyymmdd, "%Y%m%d")
        .map_err(|_| IdNumberError::ImpossibleBirthDate)?;
    if date > today {
        return Err(IdNumberError::BirthDateInFuture);
    }
    Ok(date)
}

/// `110101********123X`: the area code and the last four characters, as lists show it.
pub fn mask(id_number: &str) -> String {
    let chars: Vec<char> = id_number.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    let head: String = chars.iter().take(6).collect();
    let tail: String = chars.iter().skip(chars.len() - 4).collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn accepts_valid_numbers_from_the_standard() {
        let id = IdNumber::parse("11010519491231002X", today()).unwrap();
        assert_eq!(
            id.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert!(!id.is_male());
        assert!(!id.is_legacy());
        let id = IdNumber::parse("440524188001010014", today()).unwrap();
        assert!(id.is_male());
    }

    #[test]
    fn lower_case_x_is_canonicalised() {
        let id = IdNumber::parse("11010519491231002x", today()).unwrap();
        assert_eq!(id.as_str(), "11010519491231002X");
    }

    #[test]
    fn wrong_check_digit_names_the_expected_one() {
        assert_eq!(
            IdNumber::parse("110105194912310021", today()),
            Err(IdNumberError::WrongCheckDigit {
                expected: 'X',
                found: '1'
            })
        );
    }

    #[test]
    fn impossible_and_future_birth_dates_are_refused() {
        // 1990-02-30 does not exist; the check digit is made valid so only the date is wrong.
        let body = "11010519900230001";
        let id = format!("{body}{}", check_character(body).unwrap());
        assert_eq!(
            IdNumber::parse(&id, today()),
            Err(IdNumberError::ImpossibleBirthDate)
        );
        let body = "11010520300101001";
        let id = format!("{body}{}", check_character(body).unwrap());
        assert_eq!(
            IdNumber::parse(&id, today()),
            Err(IdNumberError::BirthDateInFuture)
        );
    }

    #[test]
    fn fifteen_digit_legacy_numbers_are_recognised() {
        let id = IdNumber::parse("110105491231002", today()).unwrap();
        assert!(id.is_legacy());
        assert_eq!(
            id.birth_date(),
            NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
        );
        assert_eq!(
            IdNumber::parse("110105491331002", today()),
            Err(IdNumberError::ImpossibleBirthDate)
        );
    }

    #[test]
    fn length_and_characters_are_checked() {
        assert_eq!(
            IdNumber::parse("1101051949", today()),
            Err(IdNumberError::WrongLength(10))
        );
        assert_eq!(
            IdNumber::parse("11010519491231X02X", today()),
            Err(IdNumberError::BadCharacter)
        );
    }

    #[test]
    fn wide_characters_of_a_valid_length_are_refused_not_sliced() {
        let chinese18: String = "张三李四王五赵六钱七孙八周九吴十郑冯"
            .chars()
            .take(18)
            .collect();
        assert_eq!(chinese18.chars().count(), 18);
        assert_eq!(
            IdNumber::parse(&chinese18, today()),
            Err(IdNumberError::BadCharacter)
        );
        let mixed15 = "11010549123100张";
        assert_eq!(
            IdNumber::parse(mixed15, today()),
            Err(IdNumberError::BadCharacter)
        );
        let fullwidth = "１１０１０５１９４９１２３１００２Ｘ";
        assert_eq!(
            IdNumber::parse(fullwidth, today()),
            Err(IdNumberError::BadCharacter)
        );
    }

    #[test]
    fn masking_keeps_area_and_last_four() {
        assert_eq!(mask("11010519491231002X"), "110105********002X");
    }
}
