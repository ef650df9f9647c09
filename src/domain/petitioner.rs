//! 信访人: the person who wrote or came, as stored.

/// 信访人 as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Petitioner {
    pub id: i64,
    pub id_number: Option<String>,
    pub name: String,
    pub phone: Option<String>,
}

/// 性别.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    pub fn from_code(code: &str) -> Option<Sex> {
        match code {
            "male" => Some(Sex::Male),
            "female" => Some(Sex::Female),
            _ => None,
        }
    }
}
