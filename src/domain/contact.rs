//! Contacts (来信/来访记录): how a letter or visit reached the office, who came, and whether
//! they skipped a level to come here.

use std::str::FromStr;

/// 渠道: how a contact reached the office; a visit at the desk by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Channel {
    Letter,
    #[default]
    Visit,
    Online,
    Phone,
}

impl Channel {
    /// In the order the intake form offers them: a visit is the commonest at the desk.
    pub const ALL: [Channel; 4] = [
        Channel::Visit,
        Channel::Letter,
        Channel::Online,
        Channel::Phone,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Channel::Letter => "letter",
            Channel::Visit => "visit",
            Channel::Online => "online",
            Channel::Phone => "phone",
        }
    }
}

impl FromStr for Channel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.code() == s)
            .ok_or_else(|| format!("unknown channel '{s}'"))
    }
}

/// 越级: the level the petitioner skipped to come here (recorded on the contact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Leapfrog {
    Village,
    Township,
    County,
    City,
}

impl Leapfrog {
    pub const ALL: [Leapfrog; 4] = [
        Leapfrog::Village,
        Leapfrog::Township,
        Leapfrog::County,
        Leapfrog::City,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Leapfrog::Village => "village",
            Leapfrog::Township => "township",
            Leapfrog::County => "county",
            Leapfrog::City => "city",
        }
    }
}

/// A representative of a collective visit (at most 5, 条例 Art. 20).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Representative {
    pub name: String,
    pub id_number: Option<String>,
    pub phone: Option<String>,
}

/// 集体访: a visit by 5 or more people about one matter, with 1 to 5 representatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectiveVisit {
    pub head_count: u32,
    pub representatives: Vec<Representative>,
}

/// One contact in a case's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub received_at: chrono::NaiveDateTime,
    pub channel: Channel,
    pub is_repeat: bool,
    pub head_count: u32,
    pub recorded_by: String,
    /// What a repeat contact said this time.
    pub summary: Option<String>,
    pub account: Option<String>,
    /// A 复查/复核 request comes in as a contact of this level.
    pub review_level: Option<super::workflow::ReviewLevel>,
}

/// A material (材料) as typed: what came in with a contact and whether it went back.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewMaterial {
    pub title: String,
    pub pages: u32,
    /// An original (原件); else a copy.
    pub original: bool,
    /// Given back to the person (退还); else kept on file.
    pub returned: bool,
    /// Where a scan of it was saved, if one was made.
    pub file: Option<String>,
}

/// The most pages one material can have: a thick dossier, not a typo.
pub const MATERIAL_MAX_PAGES: u32 = 10_000;

impl NewMaterial {
    /// The material with its words cleaned; refused when it has no title or an impossible
    /// page count.
    pub fn checked(self) -> Result<NewMaterial, MaterialProblem> {
        let title = super::text::clean_line(&self.title).trim().to_string();
        if title.is_empty() {
            return Err(MaterialProblem::TitleMissing);
        }
        if title.chars().count() > 100 {
            return Err(MaterialProblem::TitleTooLong);
        }
        if self.pages > MATERIAL_MAX_PAGES {
            return Err(MaterialProblem::Pages);
        }
        let file = self
            .file
            .map(|f| super::text::clean_line(&f).trim().to_string())
            .filter(|f| !f.is_empty());
        Ok(NewMaterial {
            title,
            file,
            ..self
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaterialProblem {
    TitleMissing,
    TitleTooLong,
    Pages,
}
