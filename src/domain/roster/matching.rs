//! Matching a visitor to an expert on duty (专家门诊式接访): those whose specialties cover the
//! matter first, then those with fewest visitors waiting, then the most senior; staff who
//! stepped aside from the case (回避, 条例 Art. 28) are not offered at all.

use super::ExpertOnDuty;
use chrono::NaiveDate;

/// An expert on duty now, as matching weighs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub staff_id: i64,
    pub name: String,
    pub room: String,
    /// Visitors routed to them and still waiting.
    pub waiting: u32,
    /// Category ids.
    pub specialties: Vec<i64>,
    /// In petition work since; earlier is more senior, unrecorded counts as least senior.
    pub since: Option<NaiveDate>,
}

/// The experts to offer for a visitor about `category`, best first. `recused` are the staff
/// who stepped aside from the case; they are left out.
pub fn match_experts(
    candidates: Vec<Candidate>,
    category: Option<i64>,
    recused: &[i64],
) -> Vec<ExpertOnDuty> {
    let mut list: Vec<(bool, Candidate)> = candidates
        .into_iter()
        .filter(|c| !recused.contains(&c.staff_id))
        .map(|c| {
            let covers = category.is_some_and(|cat| c.specialties.contains(&cat));
            (covers, c)
        })
        .collect();
    list.sort_by(|(ca, a), (cb, b)| {
        cb.cmp(ca)
            .then(a.waiting.cmp(&b.waiting))
            .then(seniority(a.since).cmp(&seniority(b.since)))
            .then(a.staff_id.cmp(&b.staff_id))
    });
    // Someone twice on duty at once (a clash in an old file) is offered once, at the best.
    let mut seen = std::collections::HashSet::new();
    list.retain(|(_, c)| seen.insert(c.staff_id));
    list.into_iter()
        .map(|(covers, c)| ExpertOnDuty {
            staff_id: c.staff_id,
            name: c.name,
            room: c.room,
            waiting: c.waiting,
            covers,
        })
        .collect()
}

/// Sorts the most senior first: the earliest date, then those without one.
fn seniority(since: Option<NaiveDate>) -> (bool, Option<NaiveDate>) {
    (since.is_none(), since)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAND: i64 = 1;
    const WAGES: i64 = 2;

    fn c(id: i64, waiting: u32, specialties: &[i64], since: Option<&str>) -> Candidate {
        Candidate {
            staff_id: id,
            name: format!("专家{id}"),
            room: format!("接访室{id}"),
            waiting,
            specialties: specialties.to_vec(),
            since: since.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()),
        }
    }

    fn order(list: &[ExpertOnDuty]) -> Vec<i64> {
        list.iter().map(|e| e.staff_id).collect()
    }

    #[test]
    fn specialty_comes_first_even_with_more_waiting() {
        let list = match_experts(
            vec![c(1, 0, &[WAGES], None), c(2, 5, &[LAND], None)],
            Some(LAND),
            &[],
        );
        assert_eq!(order(&list), [2, 1]);
        assert!(list[0].covers && !list[1].covers);
    }

    #[test]
    fn among_those_covering_the_fewest_waiting_come_first() {
        let list = match_experts(
            vec![
                c(1, 3, &[LAND], Some("2001-01-01")),
                c(2, 1, &[LAND], Some("2020-01-01")),
                c(3, 0, &[WAGES], Some("1990-01-01")),
            ],
            Some(LAND),
            &[],
        );
        assert_eq!(order(&list), [2, 1, 3]);
    }

    #[test]
    fn equal_load_goes_to_the_most_senior_then_the_unrecorded() {
        let list = match_experts(
            vec![
                c(1, 2, &[LAND], None),
                c(2, 2, &[LAND], Some("2015-06-01")),
                c(3, 2, &[LAND], Some("2003-09-01")),
            ],
            Some(LAND),
            &[],
        );
        assert_eq!(order(&list), [3, 2, 1]);
    }

    #[test]
    fn recused_staff_are_skipped_whatever_their_rank() {
        let list = match_experts(
            vec![
                c(1, 0, &[LAND], Some("1990-01-01")),
                c(2, 4, &[LAND], None),
                c(3, 0, &[WAGES], None),
            ],
            Some(LAND),
            &[1],
        );
        assert_eq!(order(&list), [2, 3]);
        assert!(match_experts(vec![c(1, 0, &[LAND], None)], Some(LAND), &[1]).is_empty());
    }

    #[test]
    fn without_a_category_nobody_covers_and_load_decides() {
        let list = match_experts(
            vec![c(1, 2, &[LAND], None), c(2, 0, &[WAGES], None)],
            None,
            &[],
        );
        assert_eq!(order(&list), [2, 1]);
        assert!(list.iter().all(|e| !e.covers));
    }
}
