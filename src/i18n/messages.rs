//! Messages with values in them: the status line, titles and hints that carry a number, a
//! name or the key that does something. Each has its Chinese and its English, with the same
//! values in both (a test checks).

use super::Lang;

macro_rules! messages {
    ($enum:ident; $( $(#[$doc:meta])* $name:ident $({ $($field:ident : $ty:ty),* $(,)? })? => $zh:literal, $en:literal; )*) => {
        /// A message, with its values, to be put in words in either language.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum $enum { $( $(#[$doc])* $name $({ $($field: $ty),* })?, )* }

        impl $enum {
            pub fn text(&self, lang: Lang) -> String {
                match self {
                    $( $enum::$name $({ $($field),* })? => match lang {
                        Lang::Zh => format!($zh),
                        Lang::En => format!($en),
                    }, )*
                }
            }

            /// Every message: (name, Chinese template, English template).
            pub const TEMPLATES: &'static [(&'static str, &'static str, &'static str)] =
                &[ $( (stringify!($name), $zh, $en), )* ];
        }
    };
}
pub(crate) use messages;

messages! {
    Msg;
    // Start-up and the session.
    CalendarMissing { year: i32 } => "提示：尚无 {year} 年官方节假日安排，期限仅按周末计算",
        "note: no official calendar for {year}; deadlines count weekends alone";
    NeedsRole { what: String, roles: String } => "无权操作：“{what}”需要以下角色之一：{roles}",
        "not allowed: \"{what}\" needs one of the roles {roles}";
    RolesChanged { roles: String } => "您的角色已变更为：{roles}", "your roles are now: {roles}";
    AccountDisabled { login: String } => "账号 {login} 已被停用，会话已结束。", "the account {login} was disabled; the session has ended.";
    UrgentMatter { number: String, name: String, summary: String } => "紧急事项：{number} {name}：{summary}",
        "urgent: {number} {name}: {summary}";
    VisitorRoutedToYou { number: String, name: String, waiting: usize } => "新来访分派给您：{number} {name}（候谈 {waiting} 人）",
        "a visitor was routed to you: {number} {name} ({waiting} waiting)";

    // The intake form.
    AskSameMatterOpen { number: String, due: String } =>
        "此人有同类事项 {number} 正在办理（期限 {due}）。依条例第十九条，登记为该事项的重复信访并告知正在办理吗？选“否”仍新建案件。",
        "This person has a matter of this kind in progress, {number} (due {due}). Register this as a repeat on it and tell them it is in progress (Art. 19)? No makes a new case.";
    AskLongAgoReceipt { days: i64 } => "收到时间在 {days} 天前（一年以上）。确认无误并保存吗？",
        "The receipt time is {days} days back (over a year). Is it right? Save it?";
    FormCleared => "表单已清空", "form cleared";
    DraftRestored { at: String } => "已恢复 {at} 的草稿", "draft of {at} restored";
    DraftUnreadable { why: String } => "草稿无法读取：{why}", "draft unreadable: {why}";
    DraftNotSaved { why: String } => "草稿未能保存：{why}", "draft not saved: {why}";
    AskQuitLosingForm { why: String } => "所填内容无法留作草稿（{why}）。退出将丢失这些内容，仍要退出吗？",
        "what was typed cannot be kept as a draft ({why}). Quitting loses it: quit anyway?";
    NoCategoryMatches => "没有匹配的问题类别", "no category matches";
    NoUnitMatches => "没有匹配的单位", "no unit matches";
    RepresentativesNeedCollective => "集体访才需要填写代表：先把“集体访”选为“是”",
        "representatives are for a collective visit: set Collective to yes first";
    NoHistoryFound => "没有查到此人的既往记录（输入身份证号、电话或姓名后自动查找）",
        "no earlier record found (looked up from the ID number, phone or name)";
    BackToFirstContact => "已改为新案件（初信初访）", "back to a new case (first contact)";
    ClosedIsNotRepeat { number: String } => "{number} 已办结：不能作为重复信访；如对处理意见不服，应申请复查",
        "{number} is closed: not a repeat; a person who disputes the reply asks for a review";
    AttachedAsRepeat { number: String, due: String } => "本次登记为 {number} 的重复信访；该事项正在办理，请告知信访人（期限 {due}）",
        "this contact is a repeat on {number}; tell the person it is in progress (due {due})";
    FilledFrom { name: String } => "已带入 {name} 的登记信息", "filled in from {name}'s record";
    NoExpertOnDuty => "现在没有值班专家", "no expert is on duty now";
    RoutingRemoved => "已取消分派", "routing removed";
    WillRouteTo { expert: String, room: String } => "保存后分派给 {expert}（{room}）",
        "on saving, routed to {expert} ({room})";
    SavedFirstContact { number: String, due: String } => "已保存 {number}（初信初访）；受理告知期限 {due}",
        "saved {number}, first contact; acceptance notice due {due}";
    SavedRepeat { number: String } => "已登记为 {number} 的重复信访", "saved as a repeat contact on {number}";
    SendVisitorTo { room: String, expert: String } => "请引导至 {room}（{expert}）；",
        "send the visitor to {room} ({expert}); ";
    NotSaved { why: String } => "未保存：{why}", "not saved: {why}";
    SavingWhileBusy { cancel: String } => "正在保存：数据库正忙（另一程序正在写入），稍后自动重试；{cancel} 放弃保存",
        "saving: the database is busy (another program is writing), trying again shortly; {cancel} gives up";
    SaveCancelled => "已放弃保存，表单内容保留", "save given up; the form is kept";
    NoCaseSavedYet => "还没有刚保存的案件", "no case saved yet in this session";
    CaseNotFound => "找不到该案件", "case not found";
    TooManyCopies => "该回执已打印过太多份", "this receipt has been printed too many times";
    ReceiptFailed { why: String } => "回执未生成：{why}", "receipt failed: {why}";
    ReceiptWritten { path: String } => "回执已写入 {path}", "receipt written to {path}";
    ReceiptPrinted { path: String } => "回执已写入 {path}，正在送打印机",
        "receipt written to {path}, going to the printer";
    RepeatOn { number: String } => "重复信访：{number}", "repeat on {number}";
    RoutedTo { expert: String, room: String } => "分派：{expert} {room}", "routed: {expert} {room}";
    RepresentativesCount { n: usize, key: String } => "{n}人 {key}", "{n} {key}";
    MaterialsCount { n: usize, key: String } => "材料 {n} 件（{key}）", "{n} materials ({key})";
    MaterialsDialogTitle { done: String } => "收到的材料（{done} 完成）", "Materials received ({done} done)";
    HistoryTitle { key: String } => "既往记录（{key}）", "History ({key})";
    HistoryTitleFocused { pick: String, attach: String, fill: String } =>
        "既往记录：{pick} 选择，{attach}作为重复信访，{fill} 带入",
        "History: {pick}, {attach} = repeat, {fill} = fill in";
    RepresentativesTitle { done: String } => "集体访代表（1至5名）{done} 完成",
        "Representatives (1–5), {done} done";
    ExpertsTitle { key: String } => "值班专家：{key}分派", "Experts on duty: {key} routes";
    Waiting { n: u32 } => "候谈 {n}", "{n} waiting";
    HintIdNumber { enter: String } => "刷身份证或输入18位号码，{enter}查找并进入下一项；匿名来信可留空",
        "Swipe the ID card or type the number; {enter} looks it up and moves on";
    HintRepresentatives { enter: String, open: String } => "{enter}或 {open} 填写1至5名代表",
        "{enter} or {open} to enter 1 to 5 representatives";
    HintChoice { prev: String, next: String, digit: String } => "{prev}、{next}切换，数字键 {digit} 直接选择",
        "{prev}, {next} to change, a digit {digit} to choose";
    HintCategory { up: String, down: String, enter: String, route: String } =>
        "输入编号、名称或拼音首字母（zd→征地拆迁），{up}/{down} 选择，{enter}确定；{route} 分派专家",
        "A number, a name or pinyin initials (zd); {up}/{down}, {enter}; {route} routes to an expert";
    HintUnits { enter: String, remove: String } =>
        "输入单位名称或拼音首字母，{enter}加入；空时{enter}进入下一项，{remove}删去最后一个",
        "Type a unit, {enter} adds it; {enter} on empty moves on, {remove} removes the last";
    HintSummary { save: String } => "一句话事由摘要；{save} 保存", "A one-line summary; {save} saves";
    HintAccount { next: String, save: String } =>
        "诉求及事实经过，可多行、可粘贴；{next} 离开，{save} 保存",
        "The request and the facts, several lines, paste welcome; {next} leaves, {save} saves";

    HelpMore { keys: String } => "{keys} 查看更多", "{keys} for more";

    // The steps of a case.
    StepTitle { step: String, number: String } => "{step}：{number}", "{step}: {number}";
    BulkTitle { step: String, count: usize } => "批量{step}：已选 {count} 件", "{step} for {count} marked cases";
    BulkDone { step: String, count: usize } => "已对 {count} 件案件{step}", "{step} done on {count} cases";
    Marked { count: usize } => "已选 {count} 件", "{count} marked";
    OpinionLine { handling: String, opinion: String } => "拟办意见：{handling}。{opinion}",
        "Proposed: {handling}. {opinion}";
    ReturnsTo { state: String } => "将退回至“{state}”", "goes back to \"{state}\"";
    ShareUnit { n: usize } => "分工{n} 单位", "Share {n} unit";
    ShareText { n: usize } => "分工{n} 内容", "Share {n} task";
    ShareDue { n: usize } => "分工{n} 期限", "Share {n} due";
    ValueMissing { field: String } => "请填写“{field}”", "fill in \"{field}\"";
    ValueBadDate { field: String } => "“{field}”应写成 年-月-日，如 2026-11-25", "\"{field}\" is a date, YYYY-MM-DD";
    ValueBadNumber { field: String } => "“{field}”应为数字", "\"{field}\" is a number";
    StepTaken { step: String, number: String, state: String } => "{number}：{step}已保存，现为“{state}”",
        "{number}: {step} saved; the case is now {state}";

    NoDocumentYet => "此案件尚无可出具的文书", "no document can be issued for this case yet";
    DocumentTitle { number: String } => "出具文书：{number}", "Issue a document: {number}";
    DocumentWritten { document: String, path: String } => "{document}已写入 {path}", "{document} written to {path}";
    DocumentPrinted { document: String, path: String } => "{document}已写入 {path}，正在送打印机",
        "{document} written to {path}, going to the printer";
    Printed { file: String } => "{file} 已送打印机", "{file} sent to the printer";
    NotPrinted { file: String, why: String } => "{file} 未能打印（文件已写好）：{why}",
        "{file} not printed (the file is written): {why}";
    MaterialTitle { number: String } => "登记材料：{number}", "Record a material: {number}";
    MaterialRecorded => "材料已登记", "material recorded";
    IncidentTitle { number: String } => "记录现场情况：{number}", "Record an incident: {number}";
    IncidentRecorded => "现场情况已记录（待领导确认）", "incident recorded (a manager confirms it)";
    IncidentConfirmed => "已确认，将作为记录显示在信访人名下", "confirmed; it now shows on the person";

    PersonNote { on: String, number: String, text: String } => "{on}（{number}）经确认：{text}",
        "{on} ({number}), confirmed: {text}";
    ReviewRound { round: u8 } => "（第{round}轮复查复核）", "(review round {round})";
    LeaderInCharge { name: String } => "领导包案：{name}", "in the charge of {name}";
    Recused { names: String } => "回避：{names}", "recused: {names}";
    DaysLeft { days: i64 } => "剩 {days} 天", "{days} days left";
    DaysOverdue { days: i64 } => "超期 {days} 天", "{days} days overdue";
    WindowPassed { days: i64 } => "已过 {days} 天", "ended {days} days ago";

    DocumentNotYet { document: String, step: String } => "尚不能出具{document}：此案件还没有“{step}”",
        "no {document} yet: the case has had no {step}";
    ReviewRequested => "请求复查", "review requested";

    // The queue and a case's detail.
    QueueTitle { total: u64, order: String } => "案件（共 {total} 件，{order}）", "Cases ({total} in all, {order})";
    QueueFound { total: u64, order: String } => "案件：找到 {total} 件，{order}", "Cases: {total} found, {order}";
    SearchHint { key: String } => "按 {key} 输入：编号、姓名、身份证号、电话、拼音首字母或事由中的词",
        "{key} to search: number, name, ID number, phone, pinyin initials or words";
    SearchShown { text: String, clear: String } => "{text}（{clear} 清除）", "{text} ({clear} clears)";
    FiltersHint { key: String } => "（{key} 更改）", "({key} to change)";
    NothingToSearchFor => "没有可搜索的内容：请输入编号、姓名、证件号、电话或文字", "nothing to search for: type a number, a name, an ID number, a phone or words";
    UnknownChoice { what: String, given: String, known: String } => "没有这个{what}：{given}（可用：{known}）",
        "no such {what}: {given} (known: {known})";
    CasesListed { shown: usize, total: u64 } => "列出 {shown} 件，共找到 {total} 件", "{shown} listed of {total} found";
    StepNotNow { step: String, state: String } => "现在不能{step}：案件处于“{state}”",
        "{step} does not apply now: the case is {state}";
    NoSuchCase { number: String } => "没有编号为 {number} 的案件", "no case numbered {number}";
    DaysLeftShort { n: i64 } => "剩{n}天", "{n}d left";
    DaysOver { n: i64 } => "超{n}天", "{n}d over";
    NoCasesYet { key: String } => "还没有案件。按 {key} 登记。", "No cases yet. Press {key} to register one.";
    IdRevealed => "已显示完整身份证号，此操作已记入操作日志", "ID number shown whole; this is in the audit log";
    NoIdOnRecord => "此信访人没有身份证号", "no ID number on record";
    CollectiveOf { n: u32 } => "集体访 {n} 人", "collective visit of {n}";
    RecordedBy { name: String } => "登记人 {name}", "by {name}";

    // The roster and supervision.
    RosterTitle { week: String } => "本周接访安排（{week} 起）", "Duty roster, week of {week}";
    OpenCount { n: u64 } => "在办 {n}", "open {n}";
    OverdueCount { n: u64 } => "! 超期 {n}", "! overdue {n}";
    DueSoonCount { days: u32, n: u64 } => "~ {days}个工作日内到期 {n}", "~ due within {days} working days {n}";
}
