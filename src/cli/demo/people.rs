//! The people and the words of demo data: Chinese names, valid ID numbers, mobile numbers,
//! places, companies and what people come about.

use crate::domain::id_number::check_character;
use chrono::{Duration, NaiveDate};
use rand::Rng;
use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;

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

pub(super) fn summary_for(rng: &mut SmallRng, category_code: &str) -> (String, String) {
    let place = pick(rng, PLACES);
    let company = pick(rng, COMPANIES);
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

pub(super) fn random_id_number(rng: &mut SmallRng) -> String {
    let area = pick(rng, AREAS);
    let birth = NaiveDate::from_ymd_opt(1940, 1, 1).unwrap_or_default()
        + Duration::days(rng.random_range(0..365 * 65));
    let seq: u32 = rng.random_range(1..999);
    let body = format!("{area}{}{seq:03}", birth.format("%Y%m%d"));
    // 6 + 8 + 3 digits: always 17, so a check character always exists.
    let check = check_character(&body).unwrap_or('X');
    format!("{body}{check}")
}

pub(super) fn random_name(rng: &mut SmallRng) -> String {
    format!("{}{}", pick(rng, SURNAMES), pick(rng, GIVEN))
}

pub(super) fn random_mobile(rng: &mut SmallRng) -> String {
    const PREFIX: &[&str] = &[
        "130", "131", "135", "136", "137", "138", "139", "150", "151", "158", "159", "177", "181",
        "186", "188", "199",
    ];
    format!(
        "{}{:08}",
        pick(rng, PREFIX),
        rng.random_range(0..100_000_000u32)
    )
}

/// One of a constant table's entries at random (the tables are never empty).
pub(super) fn pick<T: Copy + Default>(rng: &mut SmallRng, items: &[T]) -> T {
    items.choose(rng).copied().unwrap_or_default()
}

pub(super) fn pick_weighted<T: Copy + Default>(rng: &mut SmallRng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut r = rng.random_range(0..total);
    for (item, w) in items {
        if r < *w {
            return *item;
        }
        r -= w;
    }
    items.last().map(|(item, _)| *item).unwrap_or_default()
}
