//! The words of the statistics: figures, rates, the yearly report's headings and the
//! statistics view, in Chinese and English.

use super::catalog::catalog;

catalog! {
    /// A text of the report and the statistics view, with its values.
    Rp;
    Title { office: String, from: String, to: String } => "{office}信访工作统计（{from} 至 {to}）",
        "{office}: petition work statistics, {from} to {to}";
    YearTitle { office: String, year: i32 } => "{office}{year}年度信访工作情况报告（统计部分）",
        "{office}: report on petition work in {year} (statistics)";
    YearBasis => "依据《信访工作条例》第四十一条编制。统计对象为期间内收到的信访事项。",
        "Made under Art. 41 of the Regulations on Petition Work, over the matters received in the year.";
    Basis => "统计对象为期间内收到的信访事项。", "Over the matters received in the period.";
    AsOf { day: String } => "统计日期：{day}（期限未届满且未办结的不计入相应比率）",
        "Counted on {day} (a deadline not yet reached and not met is left out of its rate)";
    Overall => "总体", "Overall";
    ByUnit => "按责任单位", "By unit";
    ByHandler => "按首办责任人", "By first handler";
    OwnOffice => "本机关直接办理", "handled by the office";
    NoHandler => "未记录", "none recorded";
    Cases => "信访事项", "Matters";
    Contacts => "来信来访（人次）", "Contacts";
    ByChannel => "按渠道", "By channel";
    ByCategory => "按问题类别", "By category";
    FirstShare => "初信初访占比", "Share of first contacts";
    Repeat => "重复信访", "Repeat contacts";
    RepeatByMonth => "重复信访（按月）", "Repeat contacts by month";
    Leapfrog => "越级信访", "Leapfrog contacts";
    Timely => "及时受理率", "Timely acceptance";
    OnTime => "按期办结率", "On-time closing";
    Evaluation => "参评率", "Evaluation rate";
    Satisfaction => "满意率", "Satisfaction rate";
    OneTime => "一次性化解率", "One-time resolution";
    LeaderCases => "包案化解率", "Leader-case resolution";
    Supervision => "督办", "Supervision";
    Notices => "通报", "Notices";
    RateLine { num: u64, den: u64, rate: String } => "{rate}（{num}/{den}）", "{rate} ({num}/{den})";
    ColName => "名称", "Name";
    StatsTitle { from: String, to: String } => "统计：{from} 至 {to}", "Statistics: {from} to {to}";
    StatsCounted { at: String, cases: u64 } => "{at} 统计，信访事项 {cases} 件", "counted {at}, {cases} matters";
    PageOverview => "总体", "overview";
    PageUnits => "按单位", "by unit";
    PageHandlers => "按首办", "by handler";
    NothingInPeriod => "此期间没有收到信访事项。", "No matters were received in this period.";
    NoData => "无", "none";
    RatesHeading => "比率（各率的分子/分母）", "Rates (numerator/denominator)";
    Trend { total: u64, peak: u64, month: String, last: u64 } =>
        "重复信访（近12个月，按来访月份）：共 {total}，最多 {peak}（{month}月），最近一月 {last}",
        "Repeat contacts, 12 months by month received: {total}, most {peak} (month {month}), latest {last}";
    ShortCases => "事项", "matters";
    ShortContacts => "人次", "contacts";
    ShortTimely => "及时受理", "timely";
    ShortOnTime => "按期办结", "on time";
    ShortSatisfied => "满意率", "satisfied";
    ShortOneTime => "一次化解", "one-time";
    ShortSupervision => "督办", "superv.";
    ShortNotices => "通报", "notices";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_has_both_languages_with_the_same_values() {
        super::super::catalog::check_templates(super::Rp::TEMPLATES);
    }
}
