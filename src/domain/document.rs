//! The statutory documents a case gives rise to (DESIGN §3), generated as plain text.

use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// 受理告知书.
    Accept,
    /// 不予受理告知书.
    Reject,
    /// 转送/交办单.
    Transfer,
    /// 延期告知书.
    Extend,
    /// 信访处理意见书.
    Opinion,
    /// 复查意见书.
    Review,
    /// 复核意见书.
    ReReview,
    /// 督办单: the supervision order to the responsible unit.
    Supervise,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 8] = [
        DocumentKind::Accept,
        DocumentKind::Reject,
        DocumentKind::Transfer,
        DocumentKind::Extend,
        DocumentKind::Opinion,
        DocumentKind::Review,
        DocumentKind::ReReview,
        DocumentKind::Supervise,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Accept => "accept",
            DocumentKind::Reject => "reject",
            DocumentKind::Transfer => "transfer",
            DocumentKind::Extend => "extend",
            DocumentKind::Opinion => "opinion",
            DocumentKind::Review => "review",
            DocumentKind::ReReview => "re-review",
            DocumentKind::Supervise => "supervise",
        }
    }
}

impl FromStr for DocumentKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .ok_or_else(|| {
                format!("unknown document '{s}' (accept, reject, transfer, extend, opinion, review, re-review, supervise)")
            })
    }
}
