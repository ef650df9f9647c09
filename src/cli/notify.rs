//! After a command's write: the notifications it committed go to the office's notify command
//! (all at once, each on a thread, the command waiting at most the command's timeout), and
//! what became of each is written down. The write itself is done before this starts; a
//! failing or slow notify command changes nothing of it, and is reported as a warning.

use crate::domain::Staff;
use crate::domain::text::clean_line;
use crate::i18n::Lang;
use crate::i18n::notifications::{event_message, office_lang};
use crate::os::notify::{NOTIFY_TIMEOUT, Notifier};
use crate::store::Store;

pub fn deliver(store: &mut Store, me: &Staff, lang: Lang) {
    let events = store.take_notification_events();
    if events.is_empty() {
        return;
    }
    let setting = store
        .setting("notify_command")
        .ok()
        .flatten()
        .unwrap_or_default();
    let Some(program) = crate::os::boundary().notify_command(&setting) else {
        return;
    };
    let office = store.setting("office_lang").ok().flatten();
    let message_lang = office_lang(office.as_deref());
    let mut notifier = Notifier::default();
    for e in &events {
        notifier.send(
            program.clone(),
            e.id,
            e.to_json(&event_message(message_lang, e)),
        );
    }
    let done = notifier.wait(NOTIFY_TIMEOUT + std::time::Duration::from_secs(1));
    for id in events.iter().map(|e| e.id) {
        let outcome = done.iter().find(|d| d.notification_id == id).map_or_else(
            || Err("the notify command did not finish in time".to_string()),
            |d| d.outcome.clone(),
        );
        if let Err(why) = &outcome {
            super::output::warn(clean_line(&match lang {
                Lang::Zh => format!("通知程序未能送出通知（已记入操作日志）：{why}"),
                Lang::En => {
                    format!("the notify command did not deliver (written to the audit log): {why}")
                }
            }));
        }
        let _ = store.record_delivery(me, id, &outcome);
    }
}
