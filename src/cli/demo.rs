//! `xfdesk demo`: realistic synthetic data — Chinese names, valid ID numbers, phones,
//! categories, units, repeat contacts and collective visits, cases in every state.

// Random picks index constant, non-empty tables by ranges of their own length.
#![allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use super::{Cli, CliResult, Failure, current_staff, db_path, lang_of};
use crate::domain::calendar::{Calendar, ClockSpec, Counting, Rule, count};
use crate::domain::id_number::check_character;
use crate::domain::permission::{Act, require};
use crate::domain::{CaseState, Channel, MatterKind, Role};
use crate::store::bulk::{BulkCase, BulkSink};
use crate::store::{Actor, Store};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;
use std::time::Instant;

#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// How many cases to create (up to 1,000,000 and beyond).
    #[arg(long, default_value_t = 20_000)]
    pub cases: u64,
    /// Seed of the generator: the same seed gives the same data.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(cli: &Cli, args: &DemoArgs) -> CliResult {
    let lang = lang_of(cli);
    let path = db_path(cli, "xfdesk.db")?;
    let mut store = if path.exists() && Store::open(&path)?.is_initialised()? {
        let store = Store::open(&path)?;
        let me = current_staff(&store, lang)?;
        require(&me, Act::LoadDemoData).map_err(|e| Failure::denied(e.to_string()))?;
        store
    } else {
        super::init::initialise(
            &path,
            None,
            &[
                Role::Reception,
                Role::Expert,
                Role::Supervisor,
                Role::Manager,
            ],
        )?
    };
    let started = Instant::now();
    fill(&mut store, args.cases, args.seed)?;
    println!(
        "{} cases added to {} in {:.1} s",
        args.cases,
        store.path().display(),
        started.elapsed().as_secs_f64()
    );
    Ok(0)
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁",
    "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖", "石", "金", "欧阳",
    "司马",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "建华", "国强", "志强", "玉兰",
    "海燕", "德明", "春梅", "红", "小红", "文", "斌", "辉", "鹏", "华", "建军", "淑珍", "凤英",
    "桂兰", "宏", "俊", "亮", "晓东", "丹", "萍", "永红", "金凤", "长林", "福生", "德华", "玉珍",
    "树林",
];
const AREAS: &[&str] = &[
    "110105", "110108", "310104", "310115", "440106", "440304", "320102", "330106", "420102",
    "510104", "370102", "410102", "610113", "430102", "350102", "360102", "130102", "140105",
    "210102", "230102", "340102", "450102", "500103", "520102", "530102", "620102",
];
const PLACES: &[&str] = &[
    "城关镇东街村",
    "东关镇杏花村",
    "杏花乡李家庄",
    "城关镇南关社区",
    "东关镇王家湾",
    "杏花乡柳树沟",
    "城关镇北街社区",
    "东关镇河西村",
    "开发区新华小区",
    "城关镇幸福家园小区",
];
const COMPANIES: &[&str] = &[
    "宏达建筑公司",
    "鑫源物业",
    "华盛纺织厂",
    "顺通物流",
    "金鼎房地产开发公司",
    "大地矿业",
    "明珠酒店",
];

fn summary_for(rng: &mut SmallRng, category_code: &str) -> (String, String) {
    let place = PLACES[rng.random_range(0..PLACES.len())];
    let company = COMPANIES[rng.random_range(0..COMPANIES.len())];
    let n: u32 = rng.random_range(2..40);
    let money: u32 = rng.random_range(3..300) * 1000;
    let (summary, account) = match category_code {
        "land" => (
            format!("反映{place}征地补偿款未足额发放的问题"),
            format!(
                "{place}{n}户村民的承包地于前年被征收，约定补偿款每户{money}元，至今仅发放一半。多次到镇政府询问未果，请求督促足额发放。"
            ),
        ),
        "wages" => (
            format!("反映{company}拖欠农民工工资"),
            format!(
                "本人与{n}名工友在{company}承建的项目务工，工程已完工，被拖欠工资共{money}元。找项目负责人多次，对方以资金未到位推脱。"
            ),
        ),
        "social-security" => (
            "反映单位未依法缴纳社会保险".to_string(),
            format!(
                "本人在{company}工作{n}年，单位一直未缴纳养老保险和医疗保险，现已退休无法领取养老金，请求依法处理。"
            ),
        ),
        "housing" => (
            format!("反映{place}房屋质量及延期交房问题"),
            format!(
                "{place}住户反映所购商品房延期{n}个月交付，且墙体开裂、漏水严重，开发商拒不维修，请求有关部门督促整改。"
            ),
        ),
        "environment" => (
            format!("反映{company}夜间排放废气噪音扰民"),
            format!(
                "{company}夜间生产，排放刺鼻气体，噪音很大，影响{place}居民休息，已持续{n}个月。"
            ),
        ),
        "law-enforcement" => (
            "对执法部门处理结果有异议".to_string(),
            format!(
                "本人与邻居因宅基地边界发生纠纷，派出所处理不公，{n}天内未出具书面意见，请求重新调查。"
            ),
        ),
        "health" => (
            "反映医疗纠纷处理问题".to_string(),
            format!("家属在县医院住院期间发生医疗事故，医院拒绝承担责任，协商{n}次未果。"),
        ),
        "education" => (
            "反映子女入学问题".to_string(),
            format!("本人在{place}居住{n}年，子女符合入学条件，学校以学位已满为由拒收。"),
        ),
        "civil-affairs" => (
            "申请最低生活保障未获批准".to_string(),
            format!("本人家庭困难，年收入不足{money}元，申请低保{n}个月未获答复。"),
        ),
        _ => (
            format!("反映{place}有关问题"),
            format!(
                "{place}群众反映的问题已持续{n}个月，涉及金额约{money}元，请求有关部门协调解决。"
            ),
        ),
    };
    (summary, account)
}

fn random_id_number(rng: &mut SmallRng) -> String {
    let area = AREAS[rng.random_range(0..AREAS.len())];
    let birth = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap()
        + Duration::days(rng.random_range(0..365 * 65));
    let seq: u32 = rng.random_range(1..999);
    let body = format!("{area}{}{seq:03}", birth.format("%Y%m%d"));
    let check = check_character(&body).expect("17 digits");
    format!("{body}{check}")
}

fn random_name(rng: &mut SmallRng) -> String {
    format!(
        "{}{}",
        SURNAMES[rng.random_range(0..SURNAMES.len())],
        GIVEN[rng.random_range(0..GIVEN.len())]
    )
}

fn random_mobile(rng: &mut SmallRng) -> String {
    const PREFIX: &[&str] = &[
        "130", "131", "135", "136", "137", "138", "139", "150", "151", "158", "159", "177", "181",
        "186", "188", "199",
    ];
    format!(
        "{}{:08}",
        PREFIX[rng.random_range(0..PREFIX.len())],
        rng.random_range(0..100_000_000u32)
    )
}

fn pick_weighted<T: Copy>(rng: &mut SmallRng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut r = rng.random_range(0..total);
    for (item, w) in items {
        if r < *w {
            return *item;
        }
        r -= w;
    }
    items[items.len() - 1].0
}

/// The state a case of this age is likely in.
fn state_for_age(rng: &mut SmallRng, age_days: i64) -> CaseState {
    use CaseState::*;
    if age_days <= 3 {
        pick_weighted(rng, &[(Registered, 5), (WithExpert, 3), (Proposed, 2)])
    } else if age_days <= 15 {
        pick_weighted(
            rng,
            &[
                (Registered, 1),
                (WithExpert, 1),
                (Proposed, 3),
                (Approved, 3),
                (Transferred, 4),
                (HandledHere, 1),
                (NotAccepted, 1),
            ],
        )
    } else if age_days <= 90 {
        pick_weighted(
            rng,
            &[
                (Proposed, 1),
                (Transferred, 6),
                (Replied, 3),
                (Reviewed, 2),
                (HandledHere, 2),
                (FeedbackGiven, 3),
                (NotAccepted, 1),
                (Closed, 8),
            ],
        )
    } else {
        pick_weighted(
            rng,
            &[
                (Transferred, 1),
                (Replied, 1),
                (FeedbackGiven, 1),
                (Closed, 297),
            ],
        )
    }
}

/// Add `cases` synthetic cases to an initialised database, in one transaction.
pub fn fill(store: &mut Store, cases: u64, seed: u64) -> Result<(), Failure> {
    let login = crate::os::current_login().unwrap_or_default();
    let me = store
        .staff_by_login(&login)?
        .ok_or_else(|| Failure::denied(format!("{login} is not staff")))?;
    let categories = store.categories()?;
    let units = store.ids("units")?;
    let experts = store.ids("experts")?;
    let calendar = store.calendar()?;
    let counting = store.counting()?;
    let rule = |name: &str| -> Result<Rule, Failure> {
        store.rule(name)?.ok_or_else(|| {
            Failure::error(format!(
                "the deadline rule '{name}' is missing: run `xfdesk init`"
            ))
        })
    };
    let (register_rule, accept_rule, handle_rule) =
        (rule("register")?, rule("accept")?, rule("handle")?);
    let mut memo: DueMemo<'_> = (&calendar, counting, HashMap::new());
    if categories.is_empty() || units.is_empty() {
        return Err(Failure::error(
            "the reference data is missing: run `xfdesk init` first",
        ));
    }
    let mut rng = SmallRng::seed_from_u64(seed);
    let now = store.now();
    // A county office's years: spread over three years, or more for very large runs.
    let span_days: i64 = 365 * 3;
    let start = now.date() - Duration::days(span_days);
    let mut offsets: Vec<i64> = (0..cases)
        .map(|_| rng.random_range(0..span_days * 24 * 60))
        .collect();
    offsets.sort_unstable();
    let petitioner_pool = ((cases as f64) * 0.7).max(1.0) as usize;
    let mut petitioner_ids: Vec<Option<i64>> = vec![None; petitioner_pool];
    let mut used_ids = std::collections::HashSet::new();
    let actor = Actor::from(&me);
    let staff_id = me.id;
    let detail = format!("demo data: {cases} cases, seed {seed}");
    store.bulk_load(&actor, "demo.load", |sink: &mut BulkSink<'_>| {
        for minutes in offsets {
            let day = start + Duration::days(minutes / (24 * 60));
            // Offices receive between 08:30 and 17:30.
            let within = 8 * 60 + 30 + (minutes % (24 * 60)) * 9 / 24;
            let received = NaiveDateTime::new(
                day,
                NaiveTime::from_hms_opt((within / 60) as u32, (within % 60) as u32, 0).unwrap(),
            );
            let age = (now.date() - day).num_days();
            let channel = pick_weighted(
                &mut rng,
                &[
                    (Channel::Visit, 45),
                    (Channel::Letter, 25),
                    (Channel::Online, 20),
                    (Channel::Phone, 10),
                ],
            );
            let kind = pick_weighted(
                &mut rng,
                &[
                    (MatterKind::Request, 80),
                    (MatterKind::Suggestion, 12),
                    (MatterKind::Accusation, 8),
                ],
            );
            let anonymous = channel == Channel::Letter
                && kind == MatterKind::Accusation
                && rng.random_bool(0.5);
            let petitioner_id = if anonymous {
                None
            } else {
                // A skewed pick, so some people come back many times.
                let r: f64 = rng.random();
                let idx = ((r * r) * petitioner_pool as f64) as usize % petitioner_pool;
                Some(match petitioner_ids[idx] {
                    Some(id) => id,
                    None => {
                        let with_id = rng.random_bool(0.9);
                        // ID numbers are unique per person: draw again on the rare collision.
                        let id_number = with_id.then(|| {
                            loop {
                                let id = random_id_number(&mut rng);
                                if used_ids.insert(id.clone()) {
                                    break id;
                                }
                            }
                        });
                        let phone = rng.random_bool(0.85).then(|| random_mobile(&mut rng));
                        let id = sink.petitioner(
                            id_number.as_deref(),
                            &random_name(&mut rng),
                            phone.as_deref(),
                            received,
                        )?;
                        petitioner_ids[idx] = Some(id);
                        id
                    }
                })
            };
            let category = &categories[rng.random_range(0..categories.len())];
            let (summary, account) = summary_for(&mut rng, &category.code);
            let state = state_for_age(&mut rng, age);
            let accept_due = due_of(&mut memo, &accept_rule, day);
            let accepted = !matches!(
                state,
                CaseState::Registered
                    | CaseState::WithExpert
                    | CaseState::Proposed
                    | CaseState::NotAccepted
            );
            // Accepted on the day the acceptance notice fell due; handling runs from then.
            let handle_due = accepted.then(|| due_of(&mut memo, &handle_rule, accept_due));
            let due = if !state.is_open() {
                None
            } else if accepted {
                handle_due
            } else {
                Some(due_of(&mut memo, &register_rule, day).min(accept_due))
            };
            let number = sink.next_case_number(day.year())?;
            let unit_id = matches!(
                state,
                CaseState::Transferred
                    | CaseState::Replied
                    | CaseState::Reviewed
                    | CaseState::FeedbackGiven
                    | CaseState::Closed
            )
            .then(|| units[rng.random_range(0..units.len())]);
            let expert_id = (state == CaseState::WithExpert && !experts.is_empty())
                .then(|| experts[rng.random_range(0..experts.len())]);
            let case_id = sink.case(&BulkCase {
                number: &number,
                petitioner_id,
                kind,
                category_id: category.id,
                unit_id,
                expert_id,
                state,
                channel,
                summary: &summary,
                account: &account,
                received_at: received,
                accept_due,
                handle_due,
                due,
                staff_id,
            })?;
            if state.is_open() {
                if let Some(h) = handle_due {
                    sink.clock(
                        case_id,
                        &handle_rule.name,
                        accept_due,
                        handle_rule.period,
                        h,
                    )?;
                } else {
                    let r = due_of(&mut memo, &register_rule, day);
                    sink.clock(case_id, &register_rule.name, day, register_rule.period, r)?;
                    sink.clock(
                        case_id,
                        &accept_rule.name,
                        day,
                        accept_rule.period,
                        accept_due,
                    )?;
                }
            }
            let head_count = if channel == Channel::Visit && rng.random_bool(0.03) {
                rng.random_range(5..40)
            } else {
                1
            };
            sink.contact(
                case_id,
                petitioner_id,
                channel,
                received,
                false,
                head_count,
                staff_id,
            )?;
            // About a quarter of matters bring the person back (重复信访).
            if age > 2 && rng.random_bool(0.25) {
                let repeats = rng.random_range(1..=3);
                for _ in 0..repeats {
                    let later = received
                        + Duration::minutes(rng.random_range(60 * 24..(age.max(2) * 24 * 60)));
                    if later < now {
                        let ch = pick_weighted(
                            &mut rng,
                            &[
                                (Channel::Visit, 6),
                                (Channel::Phone, 3),
                                (Channel::Letter, 1),
                            ],
                        );
                        sink.contact(case_id, petitioner_id, ch, later, true, 1, staff_id)?;
                    }
                }
            }
        }
        Ok(((), detail))
    })?;
    store.checkpoint()?;
    Ok(())
}

/// Due dates by (rule, start day), counted once: a million cases share about a thousand days.
type DueMemo<'a> = (
    &'a Calendar,
    Counting,
    HashMap<(String, NaiveDate), NaiveDate>,
);

fn due_of(memo: &mut DueMemo<'_>, rule: &Rule, from: NaiveDate) -> NaiveDate {
    let (calendar, counting, map) = memo;
    *map.entry((rule.name.clone(), from))
        .or_insert_with(|| count(calendar, *counting, &ClockSpec::new(from, rule.period)).due)
}
