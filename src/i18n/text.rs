//! Fixed texts of the screen: labels, headings, hints, the keymap's descriptions. Each entry
//! has its Chinese and its English; `TEMPLATES` lists them all for the tests.

use super::Lang;

macro_rules! texts {
    ($enum:ident $( + $ext:ident($ety:ty) )*; $( $(#[$doc:meta])* $name:ident => $zh:literal, $en:literal; )*) => {
        /// A fixed text of the screen.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum {
            $( $(#[$doc])* $name, )*
            $( /// A text of another catalog.
               $ext($ety), )*
        }

        impl $enum {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( ($enum::$name, Lang::Zh) => $zh, ($enum::$name, Lang::En) => $en, )*
                    $( ($enum::$ext(t), lang) => t.get(lang), )*
                }
            }

            /// Every text of this catalog: (name, Chinese, English).
            pub const TEMPLATES: &'static [(&'static str, &'static str, &'static str)] =
                &[ $( (stringify!($name), $zh, $en), )* ];
        }
    };
}
pub(crate) use texts;

texts! {
    Text + Roster(super::roster::RosterText) + Notice(super::notifications::NoticeText);
    // Before and after the screen.
    NotUtf8 => "xfdesk：终端编码不是 UTF-8，界面会显示成乱码。请把终端改为 UTF-8 后重新登录：\r\n  Xshell：文件 → 属性 → 终端 → 编码，选 Unicode (UTF-8)\r\n  SecureCRT：选项 → 会话选项 → 外观 → 字符编码，选 UTF-8\r\n",
        "xfdesk: this terminal does not decode UTF-8, so the screen would be garbled.\r\nSwitch the client to UTF-8 and log in again:\r\n  Xshell: File > Properties > Terminal > Encoding: Unicode (UTF-8)\r\n  SecureCRT: Options > Session Options > Appearance > Character encoding: UTF-8\r\n";
    InternalError => "xfdesk：内部错误", "xfdesk: internal error";
    InternalErrorDraftKept => "xfdesk：内部错误（已输入的内容已存为草稿）",
        "xfdesk: internal error (the form was kept as a draft)";

    // The frame around every pane.
    AppTitle => "信访接待台", "xfdesk";
    Database => "数据库", "db";
    PaneIntake => "登记", "Intake";
    PaneQueue => "案件", "Queue";
    PaneRoster => "值班", "Roster";
    PaneSupervision => "督办", "Supervision";
    Yes => "是", "yes";
    No => "否", "no";

    // What keys do (the legend and help).
    KeyNameAny => "任意键", "any key";
    KeyNameEnter => "回车", "Enter";
    KeyNameSpace => "空格", "Space";
    KeyNameBackspace => "退格", "Bksp";
    KeyNameCharacters => "文字", "text";
    KeyCloseHelp => "关闭帮助", "close help";
    KeyYes => "是", "yes";
    KeyNo => "否", "no";
    KeySave => "保存", "save";
    KeyNextField => "下一项", "next field";
    KeyPrevField => "上一项", "previous field";
    KeyIntakeEnter => "确认/下一项", "accept, next field";
    KeyPrevMatch => "上一个候选", "previous match";
    KeyNextMatch => "下一个候选", "next match";
    KeyPrevChoice => "选项左移", "previous choice";
    KeyNextChoice => "选项右移", "next choice";
    KeyChoiceDigit => "直接选择该项", "choose that option";
    KeyRemoveLastUnit => "删去最后一个单位", "remove the last unit";
    KeyClearForm => "清空表单", "clear the form";
    KeyMark => "标记/取消标记（批量办理）", "mark or unmark (for a bulk step)";
    KeyBulkTransfer => "批量转办", "transfer the marked";
    KeyBulkAssign => "批量改派首办", "reassign the marked";
    KeyBulkSupervise => "批量督办", "supervise the marked";
    KeyClearMarks => "取消全部标记", "unmark all";
    KeyGiveUpSave => "放弃保存（表单保留）", "give the save up (the form stays)";
    KeyHistory => "既往", "history";
    KeyRepresentatives => "代表", "representatives";
    KeyRoute => "分派", "route";
    KeyFill => "带入", "fill in";
    KeyReceipt => "回执", "receipt";
    KeyTypeText => "输入文字", "type text";
    KeyNewLine => "换行", "new line";
    KeyBackspace => "删除前一字", "delete back";
    KeyDelete => "删除后一字", "delete forward";
    KeyCursorLeft => "光标左移", "cursor left";
    KeyCursorRight => "光标右移", "cursor right";
    KeyCursorUp => "光标上移一行", "cursor up a line";
    KeyCursorDown => "光标下移一行", "cursor down a line";
    KeyLineStart => "到行首", "start of line";
    KeyLineEnd => "到行尾", "end of line";
    KeyDeleteWord => "删除前一词", "delete the word before";
    KeyPrevCase => "上一件", "previous case";
    KeyNextCase => "下一件", "next case";
    KeyAttachRepeat => "作为重复信访", "attach as repeat";
    KeyFillPerson => "带入信息", "fill in person";
    KeyBackToForm => "返回表单", "back to form";
    KeyNextCell => "下一格", "next cell";
    KeyPrevCell => "上一格", "previous cell";
    KeyPrevRow => "上一位", "previous row";
    KeyNextRow => "下一位", "next row";
    KeyDone => "完成", "done";
    KeyUp => "上移", "up";
    KeyDown => "下移", "down";
    KeyRouteToggle => "分派/取消", "route/unroute";
    KeyClose => "关闭", "close";
    KeyPageUp => "上页", "page up";
    KeyPageDown => "下页", "page down";
    KeyNewest => "最新", "newest";
    KeyDetails => "详情", "details";
    KeyBack => "返回", "back";
    KeySearch => "搜索", "search";
    KeyClearSearch => "清除搜索", "clear search";
    KeyFilters => "筛选", "filters";
    KeySort => "排序", "order";
    KeyPrevFilter => "上一项", "previous filter";
    KeyNextFilter => "下一项", "next filter";
    KeyPrevValue => "上一个值", "previous value";
    KeyNextValue => "下一个值", "next value";
    KeyApplyFilters => "按此筛选", "apply";
    KeyClearFilters => "全部清除", "clear all";
    KeyCancel => "取消", "cancel";
    KeyRevealId => "显示完整身份证号（留痕）", "show the whole ID number (audited)";
    KeyScrollUp => "上滚", "scroll up";
    KeyScrollDown => "下滚", "scroll down";
    KeyPropose => "拟办意见", "propose";
    KeyApprove => "阅批", "approve";
    KeyReturn => "退回", "return";
    KeyTransfer => "转办", "transfer";
    KeyHandleHere => "直接办理", "handle here";
    KeyReject => "不予受理", "not accepted";
    KeyReply => "调查处理意见", "unit's reply";
    KeyReview => "审核", "review reply";
    KeyFeedback => "反馈", "feedback";
    KeyClose2 => "办结", "close case";
    KeyFollowUp => "回访", "follow up";
    KeyReopen => "复查/复核请求", "review request";
    KeyExtend => "延期", "extend";
    KeySuspend => "中止计时", "suspend";
    KeyAssign => "改派首办", "reassign";
    KeyTakeCharge => "领导包案", "take charge";
    KeyRecuse => "回避", "recuse";
    KeyJointReview => "会审", "joint review";
    KeyDocument => "文书", "documents";
    KeyMaterial => "材料", "materials";
    KeyIncident => "记录现场情况", "record incident";
    KeyConfirmIncident => "确认现场情况", "confirm incident";
    KeyRemoveLastPick => "删去最后一个", "remove the last";
    KeyToggle => "切换", "toggle";
    KeyFormEnter => "选定/下一项", "pick, next field";
    KeyHelp => "帮助", "help";
    KeyHelpOutsideText => "帮助（不在输入框时）", "help (outside text fields)";
    KeyQuit => "退出", "quit";

    // Help.
    HelpTitle => "按键帮助", "Keys";
    HelpClose => "按任意键关闭", "Press any key to close";
    NotAvailableNow => "现在不可用", "not available now";

    // Questions.
    AskQuitWithUnsavedForm => "表单尚未保存，将留作草稿供下次恢复。退出吗？",
        "The form is not saved; it is kept as a draft for next time. Quit?";
    AskClearForm => "清空表单，丢弃已输入的内容吗？", "Clear the form and discard what was typed?";
    AskDiscardForm => "关闭此对话框，丢弃已输入的内容吗？", "Close this dialog and discard what was typed?";
    AskRestoreDraft => "有上次未保存的登记草稿，恢复吗？选“否”将丢弃它。",
        "An unsaved form was left last time. Restore it? No discards it.";

    // The intake form.
    IntakeTitle => "登记来信来访", "Register a letter or visit";
    SexNotGiven => "未填", "n/a";
    HintName => "姓名；输入拼音首字母（如 zs）也可查找", "Name; pinyin initials (zs) also look the person up";
    HintPhone => "手机或固定电话（区号-号码）", "Mobile, or landline as area-number";
    HintOptional => "可留空", "May be left empty";
    HintReceivedAt => "默认为现在；来信按收信时间填写，格式 2026-11-25 09:30",
        "Now by default; for a letter, when it arrived";
    HintHeadCount => "集体访人数（5人以上）", "People in the collective visit (5 or more)";
    HintUrgent => "重大、紧急事项（条例第二十五条）：保存时立即通知领导",
        "A major or urgent matter (Art. 25): managers are told on saving";
    CategoriesTitle => "问题类别", "Categories";
    UnitsTitle => "涉及单位", "Units";
    MatchedById => "身份证号相同", "same ID number";
    MatchedByPhone => "电话相同", "same phone";
    MatchedByName => "同名", "same name";
    MatchedByInitials => "拼音首字母", "initials";
    NoCases => "（无案件）", "(no cases)";
    RepName => "姓名", "Name";
    RepIdNumber => "身份证号", "ID number";
    RepPhone => "电话", "Phone";
    CoversCategory => "对口", "covers";

    // The queue and a case's detail.
    ColNumber => "编号", "Number";
    ColReceived => "收到", "Received";
    ColReceivedShort => "收到", "Date";
    ColDaysLeft => "剩余天数", "Days left";
    ColPetitioner => "信访人", "Name";
    ColCategory => "类别", "Category";
    ColState => "状态", "State";
    ColDue => "期限", "Due";
    ColSummary => "事由", "Summary";
    Anonymous => "匿名", "anonymous";
    SearchLabel => "搜索", "Search";
    FiltersLabel => "筛选", "Filters";
    FiltersNone => "无", "none";
    NoCaseMatches => "没有符合条件的案件。", "No case matches.";
    OrderReceived => "最新在前", "newest first";
    OrderDeadline => "按期限", "by deadline";
    OrderUpdated => "最近更新在前", "last updated first";
    DueToday => "今天", "today";
    FilterTitle => "筛选案件", "Filter cases";
    FilterState => "状态", "State";
    FilterUnit => "责任单位", "Unit";
    FilterCategory => "问题类别", "Category";
    FilterChannel => "渠道", "Channel";
    FilterDue => "期限", "Deadline";
    FilterContacts => "初访/重复", "Contacts";
    FilterMine => "我的案件", "Mine";
    FilterSupervised => "督办", "Supervised";
    FilterAll => "全部", "all";
    FilterOpen => "在办", "open";
    FilterFirstOnly => "仅初信初访", "first contact only";
    FilterRepeated => "有重复信访", "repeat contacts";
    FilterMineOn => "我的案件（首办或分派给我）", "mine (first handler or routed to me)";
    FilterSupervisedOn => "督办中", "under supervision";
    LabelPetitioner => "信访人", "Petitioner";
    LabelReceived => "收到", "Received";
    LabelCategoryKind => "类别/性质", "Category";
    LabelState => "状态", "State";
    LabelUnit => "责任单位", "Unit";
    LabelSummary => "事由", "Summary";
    LabelAccount => "经过", "Account";
    LabelTimeline => "办理经过", "Timeline";
    LabelFirstHandler => "首办责任人", "Handler";
    LabelShare => "会审分工", "Share";
    UrgentMark => "！紧急事项", "! urgent";
    Stopped => "已停止", "stopped";
    WindowNote => "（期间，不计逾期）", "(a window, never overdue)";
    FirstContact => "初信初访", "first contact";
    RepeatContact => "重复信访", "repeat";

    // The steps of a case: their fields.
    FieldHandling => "处理方式", "Handling";
    FieldUnit => "承办单位", "Unit";
    FieldReason => "理由", "Reason";
    FieldLegalChannel => "法定途径", "Legal channel";
    FieldOpinion => "拟办意见", "Opinion";
    FieldNote => "说明", "Note";
    FieldLeadUnit => "主办单位", "Lead unit";
    FieldCoUnits => "协办单位", "Co-units";
    FieldTransferKind => "方式", "Kind";
    TransferOnly => "转办", "transfer";
    AssignWithReport => "交办（限期报告结果）", "assign, report by a date";
    FieldReportBy => "报告期限", "Report by";
    FieldWhatWasDone => "办理情况", "What was done";
    FieldFindings => "调查情况", "Findings";
    FieldResolution => "处理意见", "Resolution";
    FieldDecision => "审核结论", "Decision";
    AcceptReply => "通过", "accept";
    ReturnToUnit => "退回承办单位", "return to the unit";
    FieldWay => "反馈方式", "Way";
    FieldDate => "日期", "Date";
    FieldRating => "满意度", "Evaluation";
    FieldFollowUp => "回访结果", "Follow-up";
    Settled => "案结事了", "settled";
    NotSettled => "案了事未了", "not settled";
    FieldLevel => "请求类别", "Level";
    FieldReceivedOn => "收到日期", "Received on";
    FieldRequest => "请求内容", "Request";
    FieldOverrideReason => "复核后重新受理的理由（新的事实）", "Reason to accept again (new facts)";
    FieldDays => "延长天数", "Days";
    FieldReasonToldToPerson => "理由（将告知信访人）", "Reason (told to the person)";
    FieldFrom => "自", "From";
    FieldUntil => "至", "Until";
    FieldNewFirstHandler => "新首办责任人", "New first handler";
    FieldHeldOn => "会审日期", "Held on";
    FieldSolution => "会审意见", "Solution";
    FormNothingPicked => "（未选）", "(none)";
    FieldDocument => "文书", "Document";
    FieldTitle => "材料名称", "Title";
    FieldPages => "页数", "Pages";
    FieldOriginal => "原件/复印件", "Original or copy";
    Copy => "复印件", "copy";
    Original => "原件", "original";
    FieldReturned => "退还/留存", "Returned or kept";
    Kept => "留存", "kept";
    Returned => "已退还", "returned";
    FieldScan => "扫描件路径（可空）", "Scanned file (optional)";
    FieldWhatHappened => "现场情况（如实记录经过，不作定性）", "What happened (in words, no labels)";
    IncidentHint => "只有领导确认后，才会作为带日期的记录显示在信访人名下。", "Only after a manager confirms it does it show, dated, on the person.";

    // The roster.
    ColDate => "日期", "Date";
    ColHalfDay => "时段", "Half";
    ColExpert => "专家", "Expert";
    ColRoom => "房间", "Room";
    ColWaiting => "候谈", "Waiting";
    ColSpecialties => "擅长类别", "Specialties";
    Morning => "上午", "am";
    Afternoon => "下午", "pm";
    Monday => "周一", "Mon";
    Tuesday => "周二", "Tue";
    Wednesday => "周三", "Wed";
    Thursday => "周四", "Thu";
    Friday => "周五", "Fri";
    Saturday => "周六", "Sat";
    Sunday => "周日", "Sun";
    RosterEmpty => "本周没有排班。", "Nobody is on the roster this week.";

    // The supervision pane's keys and the statistics view's.
    KeyOpenCase => "打开", "open";
    KeyUrge => "催办", "urge";
    KeySupervise => "督办立项", "supervise";
    KeyOrder => "督办单", "order";
    KeyTalk => "约谈", "talk";
    KeyExtensionRequest => "延期申请", "ask extension";
    KeyListSupervision => "挂牌督办", "list";
    KeyAccountability => "问责建议", "accountability";
    KeyNotice => "通报", "notice";
    KeyFilter => "筛选", "filter";
    KeyClearFilter => "清除筛选", "clear filter";
    KeyFindings => "检查结果", "check findings";
    KeyNotices => "通报列表", "notices";
    KeyStats => "统计", "stats";
    KeyBackToList => "返回", "back";
    KeyPrintNotice => "打印", "print";
    KeyFirstPage => "回到开头", "first page";
    KeyPrevPeriod => "上一期", "earlier";
    KeyNextPeriod => "下一期", "later";
    KeyMonthOrYear => "按月/按年", "month/year";
    KeyStatsPage => "总体/单位/首办", "overview/units/handlers";
    KeyRecount => "重新统计", "recount";
}
