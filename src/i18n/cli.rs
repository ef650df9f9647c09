//! Messages of the command line, in zh-CN and en. Each takes the language and the facts.

use super::Lang;
use crate::domain::calendar::{CountError, MAX_RULE_DAYS, RuleError};
use crate::domain::settings::{SETTINGS, SettingError};
use crate::domain::text::clean_line;
use crate::store::{AuditReport, BreakReason, OpenRefusal};

/// `--out` names a file that is already there.
pub fn out_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 已存在：xfdesk 不覆盖已有文件，请换一个文件名"),
        Lang::En => {
            format!("{path} already exists: xfdesk never writes over a file; name a new one")
        }
    }
}

/// `--out` names a file in a folder that is not there.
pub fn out_no_folder(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::Zh => format!("没有文件夹 {dir}"),
        Lang::En => format!("there is no folder {dir}"),
    }
}

/// `check --date` far from today.
pub fn check_day_out_of_range(lang: Lang, earliest: &str, latest: &str) -> String {
    match lang {
        Lang::Zh => format!("检查日期须在 {earliest} 至 {latest} 之间"),
        Lang::En => format!("the check's date must be from {earliest} to {latest}"),
    }
}

/// The calling account is disabled.
pub fn account_disabled(lang: Lang, login: &str) -> String {
    match lang {
        Lang::Zh => format!("账号 {login} 已停用。请联系管理员。"),
        Lang::En => format!("the account {login} is disabled. Ask an administrator."),
    }
}

/// The calling account is not staff of this office.
pub fn not_staff(lang: Lang, login: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "账号 {login} 不是本系统的工作人员。请管理员执行：xfdesk staff add {login} --name 姓名 --role reception"
        ),
        Lang::En => format!(
            "the account {login} is not staff here. Ask an administrator to run: xfdesk staff add {login} --name NAME --role reception"
        ),
    }
}

/// A deadline rule that does not exist, with the names that do.
pub fn unknown_rule(lang: Lang, name: &str, known: &[String]) -> String {
    match lang {
        Lang::Zh => format!("没有名为“{name}”的期限规则。现有规则：{}", known.join("、")),
        Lang::En => format!(
            "no deadline rule '{name}'; the rules are: {}",
            known.join(", ")
        ),
    }
}

/// A setting's value refused, in words.
pub fn setting_refused(lang: Lang, e: &SettingError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        SettingError::Unknown { key } => {
            let keys: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
            format!("没有名为“{key}”的设置。现有设置：{}", keys.join("、"))
        }
        SettingError::Empty { key } => format!("{key} 不能为空"),
        SettingError::TooLong { key, max, has } => {
            format!("{key} 最多{max}个字符，现为{has}个")
        }
        SettingError::BadPhone => "office_phone 只能含数字、空格、-、+、括号和逗号".into(),
        SettingError::NotAbsolute { key } => format!("{key} 须为绝对路径（留空则用默认位置）"),
        SettingError::NotDate { key } => format!("{key} 须为日期，格式 YYYY-MM-DD，或留空"),
        SettingError::InFuture { key } => format!("{key} 不能晚于今天"),
        SettingError::BadPrinter => {
            "receipt_printer 是打印机名：字母、数字、_ - . @，且不能以 - 开头".into()
        }
        SettingError::BadTimeZone => "office_tz 须为时区名，如 Asia/Shanghai".into(),
        SettingError::NotTrueOrFalse { key } => format!("{key} 只能是 true 或 false"),
        SettingError::NotLanguage => "office_lang 只能是 zh 或 en".into(),
        SettingError::Days { key, min, max } => format!("{key} 须为整数天数，{min} 至 {max}"),
        SettingError::NotPlainPath { key } => {
            format!("{key} 须直接写出程序的绝对路径，不含 . 或 .. 部分")
        }
    }
}

/// A rule's period refused.
pub fn rule_refused(lang: Lang, e: &RuleError) -> String {
    match (lang, e) {
        (Lang::En, _) => e.to_string(),
        (
            Lang::Zh,
            RuleError::OutOfRange {
                rule,
                days,
                min,
                max,
            },
        ) => format!("期限规则“{rule}”只能是{min}至{max}日，不能是{days}日"),
    }
}

/// A period given on the command line that no count can take.
pub fn period_refused(lang: Lang, days: u64) -> String {
    match lang {
        Lang::Zh => {
            format!("--days {days}：期限只能是1至{MAX_RULE_DAYS}日（条例中最长的期限也不超过一年）")
        }
        Lang::En => format!(
            "--days {days}: a period is 1 to {MAX_RULE_DAYS} days (no deadline of the 条例 is longer than a year)"
        ),
    }
}

/// A due date that could not be counted.
pub fn count_failed(lang: Lang, e: &CountError) -> String {
    match (lang, e) {
        (Lang::En, _) => e.to_string(),
        (Lang::Zh, CountError::TooLong { days }) => {
            format!("{days}日的期限超过任何规则所允许的长度")
        }
        (Lang::Zh, CountError::OutOfRange) => "计算结果超出可用日期的范围".into(),
    }
}

/// A path that is not an xfdesk database, refused and left unchanged.
pub fn open_refused(lang: Lang, path: &str, why: &OpenRefusal) -> String {
    if lang == Lang::En {
        return format!("{path}: {why}");
    }
    let why = match why {
        OpenRefusal::Missing => "没有数据库（请先执行 xfdesk init，或用 --db 指定）".to_string(),
        OpenRefusal::Directory => "这是一个目录，不是数据库文件".into(),
        OpenRefusal::NotAFile => "这不是普通文件（是设备、管道或套接字）".into(),
        OpenRefusal::Empty => "这是空文件，不是信访接待台数据库（xfdesk init 可创建）".into(),
        OpenRefusal::NotSqlite => "这不是 SQLite 数据库".into(),
        OpenRefusal::OtherProgram { application_id } => {
            format!(
                "这是其他程序的 SQLite 数据库（application id {application_id:#x}），未作任何改动"
            )
        }
        OpenRefusal::NotXfdesk => "这是 SQLite 数据库，但不是信访接待台的，未作任何改动".into(),
        OpenRefusal::TooNew { version } => {
            format!("由更新版本的 xfdesk 创建（结构版本 {version}），请使用该版本")
        }
        OpenRefusal::LeftoverAudit => "旁边还留有先前数据库的审计密钥或检查点文件（.audit-key、.audit-digest），请先移走再在此创建新数据库".into(),
        OpenRefusal::Unreadable(e) => format!("无法读取：{e}"),
    };
    format!("{path}：{why}")
}

/// A writing command on a database this account may only read.
pub fn read_only(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 在此只能读取，不能修改；本命令需要写入"),
        Lang::En => format!("{path} is open for reading only here; this command would change it"),
    }
}

/// `audit verify` found the chain intact.
pub fn audit_intact(lang: Lang, r: &AuditReport) -> String {
    let last = r.last_checkpoint.as_ref();
    match lang {
        Lang::Zh => {
            let mut s = format!("审计链完好：共 {} 条", r.entries);
            if let Some(k) = r.keyed_from {
                s.push_str(&format!("（第 {k} 条起带密钥签名）"));
            }
            match last {
                Some(c) => s.push_str(&format!(
                    "，已与 {} 个检查点核对，最近一个为 {}（{}）",
                    r.checkpoints, c.at, c.reason
                )),
                None => s.push_str("；尚无检查点"),
            }
            s
        }
        Lang::En => {
            let mut s = format!("audit chain intact: {} entries", r.entries);
            if let Some(k) = r.keyed_from {
                s.push_str(&format!(" (keyed from entry {k})"));
            }
            match last {
                Some(c) => s.push_str(&format!(
                    ", checked against {} checkpoints, the last of {} ({})",
                    r.checkpoints, c.at, c.reason
                )),
                None => s.push_str("; no checkpoints yet"),
            }
            s
        }
    }
}

/// `audit verify` found the chain broken at an entry.
pub fn audit_broken(lang: Lang, id: i64, reason: &BreakReason) -> String {
    match lang {
        Lang::Zh => format!("审计链在第 {id} 条处断裂：{}", break_reason_zh(reason)),
        Lang::En => clean_line(&format!("audit chain broken at entry {id}: {reason}")),
    }
}

fn break_reason_zh(reason: &BreakReason) -> String {
    use BreakReason::*;
    let c = |s: &str| clean_line(s);
    match reason {
        KeyUnavailable { why } => format!("审计密钥不可用（{}），无法核对", c(why)),
        DigestUnreadable { path, error } => {
            format!("检查点文件 {} 无法读取：{}", c(path), c(error))
        }
        DigestLineAltered { line, path, why } => {
            let why = if why.contains("MAC") {
                "已被改动（签名与审计密钥不符）".to_string()
            } else {
                format!("内容不对（{}）", c(why))
            };
            format!("检查点文件 {} 第 {line} 行{why}", c(path))
        }
        KeptLineRejected { .. } => {
            "所给检查点行与本机构的审计密钥不符：密钥已被更换，或该行不属于本机构".into()
        }
        EntriesMissingBefore { from, to } if from == to => format!("其前第 {from} 条缺失"),
        EntriesMissingBefore { from, to } => format!("其前第 {from} 至 {to} 条缺失"),
        LinkBroken => "与前一条的链接不符".into(),
        SchemeMismatch { scheme, keyed_from } => {
            format!("标为 {}，但第 {keyed_from} 条起应带密钥签名", c(scheme))
        }
        ContentsChanged => "写入后内容被改动".into(),
        CheckpointRewritten { at, reason } => format!(
            "与 {}（{}）的检查点不符：此前的链已被改写",
            c(at),
            c(reason)
        ),
        CheckpointCount { at, counted, found } => {
            format!("{} 的检查点记到此处共 {counted} 条，现有 {found} 条", c(at))
        }
        CheckpointNamesMissing { at, reason } => {
            format!("{}（{}）的检查点记有此条，但它已缺失", c(at), c(reason))
        }
        TailMissing {
            from,
            at,
            reason,
            count,
            last_id,
        } => format!(
            "第 {from} 条及其后各条缺失：{}（{}）的检查点记到第 {last_id} 条共 {count} 条",
            c(at),
            c(reason)
        ),
        AllMissing => "全部条目缺失：数据库有工作人员，审计日志却为空".into(),
        DigestMissing { path } => {
            format!("检查点文件 {} 缺失或为空，无法据以核对", c(path))
        }
    }
}

/// What `audit verify` warns of on an intact chain: checkpoint lines cut short, and a
/// checkpoint file the service group could rewrite.
pub fn audit_warnings(lang: Lang, r: &AuditReport, digest: &str) -> Vec<String> {
    let digest = clean_line(digest);
    let mut out = Vec::new();
    for line in &r.torn_lines {
        out.push(match lang {
            Lang::Zh => format!(
                "提示：检查点文件 {digest} 第 {line} 行不完整（写入中断，如磁盘已满），已跳过；其余各行已核对"
            ),
            Lang::En => format!(
                "note: line {line} of the checkpoint file {digest} is incomplete (a write cut short, e.g. a full disk); skipped, the rest checked"
            ),
        });
    }
    if r.digest_append_only == Some(false) {
        out.push(match lang {
            Lang::Zh => format!(
                "警告：检查点文件 {digest} 不是只追加的：持有服务组者可连同检查点一起改写审计链。请以 root 执行 chattr +a {digest}，并把每晚 xfdesk audit checkpoint 打印的行另行保存（如 cron 邮件），核对时加 --checkpoints-from 文件"
            ),
            Lang::En => format!(
                "warning: the checkpoint file {digest} is not append-only: whoever holds the service group can rewrite the chain together with its checkpoints. As root, run chattr +a {digest}, and keep the line the nightly xfdesk audit checkpoint prints elsewhere (mailed by cron); verify with --checkpoints-from FILE"
            ),
        });
    }
    out
}

/// A backup written.
pub fn backup_done(lang: Lang, cases: u64, path: &str, seconds: f64) -> String {
    match lang {
        Lang::Zh => format!("已备份 {cases} 件案件到 {path}，用时 {seconds:.1} 秒"),
        Lang::En => format!("backed up {cases} cases to {path} in {seconds:.1} s"),
    }
}

/// A backup refused because its file is there already.
pub fn backup_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 已存在；备份从不覆盖已有文件"),
        Lang::En => format!("{path} already exists; a backup never overwrites a file"),
    }
}

/// `init` done.
pub fn initialised(lang: Lang, path: &str, admin: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "已创建 {path}；{admin} 为管理员。添加工作人员：xfdesk staff add 账号 --name 姓名 --role reception"
        ),
        Lang::En => format!(
            "created {path}; {admin} is admin. Add staff with: xfdesk staff add LOGIN --name NAME --role reception"
        ),
    }
}

/// `init` on a database that has staff already.
pub fn already_initialised(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 已经初始化过了"),
        Lang::En => format!("{path} is already initialised"),
    }
}

/// `init` across the setgid boundary by an account other than root.
pub fn init_needs_root(lang: Lang) -> String {
    match lang {
        Lang::Zh => "在共用服务器上，办公室的数据库只能由 root 初始化：sudo xfdesk init --admin 账号".into(),
        Lang::En => "on a shared server only root initialises the office's database: sudo xfdesk init --admin LOGIN".into(),
    }
}

/// `--demo` or `demo` making a database across the setgid boundary.
pub fn no_demo_here(lang: Lang) -> String {
    match lang {
        Lang::Zh => "这是为办公室安装的 xfdesk：演示数据不会进入办公室的数据库；请在自己的账号下用未安装的副本试用 --demo".into(),
        Lang::En => "this xfdesk is installed for the office: demo data never goes into the office's database; try --demo with a copy of your own".into(),
    }
}

/// `settings set receipt_dir` across the setgid boundary.
pub fn receipt_dir_is_system(lang: Lang, key: &str) -> String {
    let key = clean_line(key);
    match lang {
        Lang::Zh => format!(
            "在共用服务器上不能设置 {key}：回执和文书都写入 /etc/xfdesk.toml 的 receipt_dir"
        ),
        Lang::En => format!(
            "{key} cannot be set on a shared server: receipts and documents go where receipt_dir in /etc/xfdesk.toml says"
        ),
    }
}

/// `demo` done.
pub fn demo_done(lang: Lang, cases: u64, path: &str, seconds: f64) -> String {
    match lang {
        Lang::Zh => format!("已向 {path} 添加 {cases} 件演示案件，用时 {seconds:.1} 秒"),
        Lang::En => format!("{cases} cases added to {path} in {seconds:.1} s"),
    }
}
