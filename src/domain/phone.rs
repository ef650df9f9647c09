//! Telephone numbers as petitioners give them: mainland mobiles and landlines with area code.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    /// Something other than digits, spaces and a hyphen after the area code.
    BadCharacter,
    /// A mobile must have 11 digits starting 13–19.
    BadMobile,
    /// A landline needs an area code (0 and 2–3 digits) and a 7–8 digit number.
    BadLandline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneKind {
    Mobile,
    Landline,
}

/// Validate and normalise a phone number: spaces removed, a landline kept as `0AAA-NNNNNNN`.
pub fn normalize_phone(input: &str) -> Result<(String, PhoneKind), PhoneError> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Err(PhoneError::BadCharacter);
    }
    if compact.starts_with('1') {
        let ok = compact.len() == 11
            && compact.bytes().all(|b| b.is_ascii_digit())
            && compact
                .as_bytes()
                .get(1)
                .is_some_and(|b| (b'3'..=b'9').contains(b));
        return if ok {
            Ok((compact, PhoneKind::Mobile))
        } else {
            Err(PhoneError::BadMobile)
        };
    }
    if !compact.starts_with('0') {
        return Err(PhoneError::BadLandline);
    }
    let (area, number) = match compact.split_once('-') {
        Some((a, n)) => (a.to_string(), n.to_string()),
        None => {
            // Without a hyphen the split is ambiguous; 3-digit codes (010, 020–029) are the big cities.
            let digits = compact.len();
            let three = compact.starts_with("01") || compact.starts_with("02");
            let area_len = if three { 3 } else { 4 };
            if digits <= area_len {
                return Err(PhoneError::BadLandline);
            }
            (
                compact[..area_len].to_string(),
                compact[area_len..].to_string(),
            )
        }
    };
    let area_ok = (3..=4).contains(&area.len()) && area.bytes().all(|b| b.is_ascii_digit());
    let number_ok = (7..=8).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !number.starts_with('0');
    if area_ok && number_ok {
        Ok((format!("{area}-{number}"), PhoneKind::Landline))
    } else {
        Err(PhoneError::BadLandline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles() {
        assert_eq!(
            normalize_phone("138 0013 8000"),
            Ok(("13800138000".into(), PhoneKind::Mobile))
        );
        assert_eq!(normalize_phone("1380013800"), Err(PhoneError::BadMobile));
        assert_eq!(normalize_phone("12800138000"), Err(PhoneError::BadMobile));
        assert_eq!(normalize_phone("138001380001"), Err(PhoneError::BadMobile));
    }

    #[test]
    fn landlines() {
        assert_eq!(
            normalize_phone("010-12345678"),
            Ok(("010-12345678".into(), PhoneKind::Landline))
        );
        assert_eq!(
            normalize_phone("07552345678"),
            Ok(("0755-2345678".into(), PhoneKind::Landline))
        );
        assert_eq!(normalize_phone("0755-123"), Err(PhoneError::BadLandline));
        assert_eq!(normalize_phone("82345678"), Err(PhoneError::BadLandline));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_an_answer(s in "\\PC{0,30}") {
            if let Ok((p, _)) = normalize_phone(&s) {
                proptest::prop_assert!(p.chars().all(|c| c.is_ascii_digit() || c == '-'));
            }
        }
    }

    #[test]
    fn letters_are_refused() {
        assert_eq!(normalize_phone("138abc"), Err(PhoneError::BadCharacter));
    }
}
