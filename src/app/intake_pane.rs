//! What the intake pane does: lookup as the form is typed, pickers, repeat contacts, routing to
//! a duty expert, saving, receipts and drafts.

use super::intake::{IntakeDraft, IntakeForm, match_categories, match_units, text_of};
use super::{App, MessageKind, Outcome};
use crate::documents::receipt::{ReceiptFacts, receipt_text};
use crate::domain::intake::{IntakeField, validate_intake};
use crate::domain::lookup::PriorCase;
use crate::domain::lookup::{ContactKind, lookup_keys};
use crate::domain::text::clean_line;
use crate::domain::{Category, Sex, Unit};
use crate::i18n::{self, Lang};
use crossterm::event::KeyEvent;
use std::time::{Duration, Instant};

/// Typing pauses this long before the draft is written (and on hang-up at once).
pub const DRAFT_DEBOUNCE: Duration = Duration::from_millis(700);

impl App {
    pub(super) fn type_into_form(&mut self, key: KeyEvent) -> Outcome {
        let field = self.intake.focus;
        if self.intake.type_key(key.into()) {
            if self.intake.error.as_ref().is_some_and(|(f, _)| *f == field) {
                self.intake.error = None;
            }
            self.form_changed();
            if matches!(
                field,
                IntakeField::IdNumber | IntakeField::Phone | IntakeField::Name
            ) && self.intake.rep_focus.is_none()
            {
                self.look_up();
            }
        }
        // Cursor moves change nothing but the cursor; the frame still has to place it.
        Outcome::Redraw
    }

    /// Note that the form changed: its draft is due after the debounce.
    pub(super) fn form_changed(&mut self) {
        self.draft_changed_at = Some(Instant::now());
    }

    /// When the pending draft should be written, if one is pending.
    pub fn draft_due(&self) -> Option<Instant> {
        self.draft_changed_at.map(|t| t + DRAFT_DEBOUNCE)
    }

    /// Write the draft now if the form changed (called after the debounce and on hang-up).
    pub fn save_draft(&mut self) {
        if self.draft_changed_at.take().is_none() {
            return;
        }
        let result = if self.intake.has_text() {
            serde_json::to_string(&self.intake.to_draft())
                .map_err(|e| e.to_string())
                .and_then(|body| {
                    self.store
                        .save_draft(self.me.id, &body)
                        .map_err(|e| e.to_string())
                })
        } else {
            self.store
                .delete_draft(self.me.id)
                .map_err(|e| e.to_string())
        };
        if let Err(e) = result {
            let msg = format!("{}{e}", self.t("草稿未能保存：", "draft not saved: "));
            self.say(MessageKind::Error, msg);
        }
    }

    pub(super) fn restore_draft(&mut self) {
        match self.store.draft(self.me.id) {
            Ok(Some(crate::domain::intake::StoredDraft { saved_at, body })) => {
                match serde_json::from_str::<IntakeDraft>(&body) {
                    Ok(d) => {
                        self.intake = IntakeForm::from_draft(
                            &d,
                            self.store.now(),
                            &self.categories,
                            &self.units,
                        );
                        self.look_up();
                        let msg = match self.lang {
                            Lang::Zh => format!("已恢复 {saved_at} 的草稿"),
                            Lang::En => format!("draft of {saved_at} restored"),
                        };
                        self.say(MessageKind::Info, msg);
                    }
                    Err(e) => self.say(MessageKind::Error, format!("draft unreadable: {e}")),
                }
            }
            Ok(None) => {}
            Err(e) => self.say(MessageKind::Error, e.to_string()),
        }
    }

    pub(super) fn discard_draft(&mut self) {
        if let Err(e) = self.store.delete_draft(self.me.id) {
            self.say(MessageKind::Error, e.to_string());
        }
    }

    pub(super) fn clear_form(&mut self) {
        self.intake = IntakeForm::new(self.store.now());
        self.history.clear();
        self.history_focus = false;
        self.expert_choices = None;
        self.draft_changed_at = None;
        self.discard_draft();
    }

    /// Look the person up from the ID number, phone and name typed so far.
    pub(super) fn look_up(&mut self) {
        let keys = lookup_keys(
            &self.intake.text(IntakeField::IdNumber),
            &self.intake.text(IntakeField::Phone),
            &self.intake.text(IntakeField::Name),
            self.store.today(),
        );
        self.history = if keys.is_empty() {
            vec![]
        } else {
            match self.store.find_history(&keys) {
                Ok(h) => h,
                Err(e) => {
                    self.say(MessageKind::Error, e.to_string());
                    vec![]
                }
            }
        };
        self.history_pick = 0;
        if self.history.is_empty() {
            self.history_focus = false;
        }
        // A valid ID number says the person's sex: no need to ask.
        if self.intake.sex.is_none()
            && let Ok(id) = crate::domain::id_number::IdNumber::parse(
                &self.intake.text(IntakeField::IdNumber),
                self.store.today(),
            )
        {
            self.intake.sex = Some(if id.is_male() { Sex::Male } else { Sex::Female });
        }
    }

    /// Prior cases across the people found, in the order the panel lists them.
    pub fn history_cases(&self) -> Vec<(usize, &PriorCase)> {
        self.history
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.cases.iter().map(move |c| (i, c)))
            .collect()
    }

    pub(super) fn toggle_history(&mut self) {
        if self.history.is_empty() {
            self.say(
                MessageKind::Info,
                self.t(
                    "没有查到此人的既往记录（输入身份证号、电话或姓名后自动查找）",
                    "no earlier record found (looked up from the ID number, phone or name)",
                )
                .to_string(),
            );
            return;
        }
        self.history_focus = !self.history_focus;
    }

    /// Enter in the history panel: make this contact a repeat on the chosen open case, or undo.
    pub(super) fn attach_repeat(&mut self) {
        let Some((_, case)) = self
            .history_cases()
            .get(self.history_pick)
            .map(|(i, c)| (*i, (*c).clone()))
        else {
            return;
        };
        if self.intake.contact == ContactKind::RepeatOf(case.case_id) {
            self.intake.contact = ContactKind::FirstContact;
            self.intake.repeat_number = None;
            self.say(
                MessageKind::Info,
                self.t(
                    "已改为新案件（初信初访）",
                    "back to a new case (first contact)",
                )
                .to_string(),
            );
        } else if !case.state.is_open() {
            let msg = match self.lang {
                Lang::Zh => format!(
                    "{} 已办结：不能作为重复信访；如对处理意见不服，应申请复查",
                    case.number
                ),
                Lang::En => format!(
                    "{} is closed: not a repeat; a person who disputes the reply asks for a review",
                    case.number
                ),
            };
            self.say(MessageKind::Error, msg);
            return;
        } else {
            self.intake.contact = ContactKind::RepeatOf(case.case_id);
            self.intake.repeat_number = Some(case.number.clone());
            if self.intake.category.is_none()
                && let Some(c) = self
                    .categories
                    .iter()
                    .find(|c| c.name_zh == case.category)
                    .cloned()
            {
                self.intake.set_category(c);
            }
            let msg = match self.lang {
                Lang::Zh => format!(
                    "本次登记为 {} 的重复信访；该事项正在办理，请告知信访人（期限 {}）",
                    case.number,
                    case.due.map(|d| d.to_string()).unwrap_or_default()
                ),
                Lang::En => format!(
                    "this contact is a repeat on {}; tell the person it is in progress (due {})",
                    case.number,
                    case.due.map(|d| d.to_string()).unwrap_or_default()
                ),
            };
            self.say(MessageKind::Info, msg);
        }
        self.history_focus = false;
        self.form_changed();
    }

    /// Fill the form's person fields from the person found (the selected case's owner).
    pub(super) fn fill_from_history(&mut self) {
        let person_index = self
            .history_cases()
            .get(self.history_pick)
            .map(|(i, _)| *i)
            .unwrap_or(0);
        let Some(p) = self.history.get(person_index).cloned() else {
            self.toggle_history();
            return;
        };
        let set = |form: &mut IntakeForm, f: IntakeField, v: &Option<String>| {
            if let Some(v) = v {
                form.set_text(f, &clean_line(v));
            }
        };
        set(&mut self.intake, IntakeField::IdNumber, &p.id_number);
        self.intake
            .set_text(IntakeField::Name, &clean_line(&p.name));
        set(&mut self.intake, IntakeField::Phone, &p.phone);
        set(&mut self.intake, IntakeField::Address, &p.address);
        set(&mut self.intake, IntakeField::WorkUnit, &p.work_unit);
        self.intake.sex = p.sex.or(self.intake.sex);
        self.history_focus = false;
        self.intake.focus = IntakeField::Channel;
        self.form_changed();
        let msg = match self.lang {
            Lang::Zh => format!("已带入 {} 的登记信息", clean_line(&p.name)),
            Lang::En => format!("filled in from {}'s record", clean_line(&p.name)),
        };
        self.say(MessageKind::Info, msg);
    }

    pub(super) fn toggle_representatives(&mut self) {
        if self.intake.rep_focus.is_some() {
            self.intake.rep_focus = None;
        } else if self.intake.collective {
            self.intake.rep_focus = Some((0, 0));
        } else {
            self.say(
                MessageKind::Info,
                self.t(
                    "集体访才需要填写代表：先把“集体访”选为“是”",
                    "representatives are for a collective visit: set Collective to yes first",
                )
                .to_string(),
            );
        }
    }

    pub(super) fn open_experts(&mut self) {
        let category = self.intake.category.as_ref().map(|c| c.id);
        match self.store.experts_on_duty(self.store.now(), category) {
            Ok(list) if list.is_empty() => self.say(
                MessageKind::Info,
                self.t("现在没有值班专家", "no expert is on duty now")
                    .to_string(),
            ),
            Ok(list) => {
                self.expert_pick = 0;
                self.expert_choices = Some(list);
            }
            Err(e) => self.say(MessageKind::Error, e.to_string()),
        }
    }

    fn pick_expert(&mut self) {
        let Some(list) = self.expert_choices.take() else {
            return;
        };
        let Some(e) = list.get(self.expert_pick).cloned() else {
            return;
        };
        if self
            .intake
            .expert
            .as_ref()
            .is_some_and(|x| x.staff_id == e.staff_id)
        {
            self.intake.expert = None;
            self.say(
                MessageKind::Info,
                self.t("已取消分派", "routing removed").to_string(),
            );
        } else {
            let msg = match self.lang {
                Lang::Zh => format!(
                    "保存后分派给 {}（{}）",
                    clean_line(&e.name),
                    clean_line(&e.room)
                ),
                Lang::En => format!(
                    "on saving, routed to {} ({})",
                    clean_line(&e.name),
                    clean_line(&e.room)
                ),
            };
            self.intake.expert = Some(e);
            self.say(MessageKind::Info, msg);
        }
        self.form_changed();
    }

    /// ↑/↓ in the intake pane move whichever list is open.
    pub(super) fn intake_up_down(&mut self, down: bool) {
        if let Some(list) = &self.expert_choices {
            super::step(&mut self.expert_pick, list.len(), down);
        } else if self.history_focus {
            let n = self.history_cases().len();
            super::step(&mut self.history_pick, n, down);
        } else if self.intake.rep_focus.is_some() {
            self.intake.rep_move(down);
            self.intake.rep_move(down);
            self.intake.rep_move(down);
        } else {
            let n = match self.intake.focus {
                IntakeField::Category => self.category_matches().len(),
                IntakeField::Units => self.unit_matches().len(),
                _ => return,
            };
            super::step(&mut self.intake.pick, n, down);
        }
    }

    pub fn category_matches(&self) -> Vec<&Category> {
        match_categories(&self.categories, &self.intake.text(IntakeField::Category))
    }

    pub fn unit_matches(&self) -> Vec<&Unit> {
        match_units(&self.units, &self.intake.text(IntakeField::Units))
    }

    pub(super) fn intake_enter(&mut self) {
        if self.expert_choices.is_some() {
            return self.pick_expert();
        }
        if self.history_focus {
            return self.attach_repeat();
        }
        if self.intake.rep_focus.is_some() {
            return self.intake.rep_move(true);
        }
        match self.intake.focus {
            IntakeField::IdNumber => {
                // An ID-card reader types the number and Enter: look up, then move on.
                self.look_up();
                self.intake.move_focus(true);
            }
            IntakeField::Category => {
                let picked = self
                    .category_matches()
                    .get(self.intake.pick)
                    .map(|c| (*c).clone());
                match picked {
                    Some(c) => {
                        self.intake.set_category(c);
                        self.form_changed();
                        self.intake.move_focus(true);
                    }
                    None => self.say(
                        MessageKind::Error,
                        self.t("没有匹配的问题类别", "no category matches")
                            .to_string(),
                    ),
                }
            }
            IntakeField::Units => {
                if self.intake.text(IntakeField::Units).trim().is_empty() {
                    self.intake.move_focus(true);
                    return;
                }
                let picked = self
                    .unit_matches()
                    .get(self.intake.pick)
                    .map(|u| (*u).clone());
                match picked {
                    Some(u) => {
                        self.intake.add_unit(u);
                        self.form_changed();
                    }
                    None => self.say(
                        MessageKind::Error,
                        self.t("没有匹配的单位", "no unit matches").to_string(),
                    ),
                }
            }
            IntakeField::Representatives => self.toggle_representatives(),
            _ => self.intake.move_focus(true),
        }
    }

    pub(super) fn save_intake(&mut self) {
        if self.intake.rep_focus.is_some() {
            self.intake.rep_focus = None;
        }
        // A category typed but not picked is taken if exactly one matches.
        if self.intake.category.is_none() && !self.intake.text(IntakeField::Category).is_empty() {
            let matches = self.category_matches();
            if matches.len() == 1 {
                let c = matches[0].clone();
                self.intake.set_category(c);
            }
        }
        let now = self.store.now();
        let valid = match validate_intake(&self.intake.input(), now) {
            Ok(v) => v,
            Err(e) => {
                let text = i18n::intake_error(self.lang, &e);
                self.intake.focus = e.field;
                self.history_focus = false;
                if e.field == IntakeField::Representatives {
                    self.intake.rep_focus = Some((0, 0));
                }
                self.intake.error = Some((e.field, text.clone()));
                self.say(MessageKind::Error, text);
                return;
            }
        };
        match self.store.save_intake(&self.me, &valid) {
            Ok(saved) => {
                let mut text = match (self.lang, &saved.accept) {
                    (Lang::Zh, Some(a)) => format!(
                        "已保存 {}（初信初访）；受理告知期限 {}",
                        saved.number, a.due
                    ),
                    (Lang::En, Some(a)) => format!(
                        "saved {}, first contact; acceptance notice due {}",
                        saved.number, a.due
                    ),
                    (Lang::Zh, None) => format!("已登记为 {} 的重复信访", saved.number),
                    (Lang::En, None) => format!("saved as a repeat contact on {}", saved.number),
                };
                // Where to send the visitor is what the receptionist says next: it goes first,
                // so a narrow status line never cuts it off.
                if let Some(crate::domain::RoutedTo {
                    expert_name: name,
                    room,
                }) = &saved.routed_to
                {
                    let go = match self.lang {
                        Lang::Zh => {
                            format!("请引导至 {}（{}）；", clean_line(room), clean_line(name))
                        }
                        Lang::En => format!(
                            "send the visitor to {} ({}); ",
                            clean_line(room),
                            clean_line(name)
                        ),
                    };
                    text.insert_str(0, &go);
                }
                self.last_saved = Some(saved);
                self.intake = IntakeForm::new(self.store.now());
                self.history.clear();
                self.draft_changed_at = None;
                self.discard_draft();
                self.say(MessageKind::Success, text);
                // Our own write does not change data_version for this connection: reload here.
                self.queue.page_after = None;
                self.queue.selected = 0;
                let _ = self.load_queue();
            }
            Err(e) => self.say(
                MessageKind::Error,
                format!("{}{e}", self.t("未保存：", "not saved: ")),
            ),
        }
    }

    /// Write the receipt (回执) of the case saved last to a text file, and to `lp` when a
    /// printer is configured.
    pub(super) fn print_receipt(&mut self) {
        let Some(saved) = self.last_saved.clone() else {
            self.say(
                MessageKind::Info,
                self.t("还没有刚保存的案件", "no case saved yet in this session")
                    .to_string(),
            );
            return;
        };
        match self.write_receipt(&saved) {
            Ok(msg) => self.say(MessageKind::Success, msg),
            Err(e) => self.say(
                MessageKind::Error,
                format!("{}{e}", self.t("回执未生成：", "receipt failed: ")),
            ),
        }
    }

    fn write_receipt(&mut self, saved: &crate::domain::SavedCase) -> Result<String, String> {
        let detail = self
            .store
            .case_detail(saved.case_id)
            .map_err(|e| e.to_string())?
            .ok_or("case not found")?;
        let setting = |k: &str| self.store.setting(k).ok().flatten().unwrap_or_default();
        let accept = detail
            .clocks
            .iter()
            .find(|c| c.rule == "accept")
            .map(|c| c.due.clone());
        let facts = ReceiptFacts {
            number: detail.row.number.clone(),
            petitioner: detail
                .petitioner
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            received_at: if saved.repeat {
                detail
                    .contacts
                    .last()
                    .map_or(detail.row.received_at, |c| c.received_at)
            } else {
                detail.row.received_at
            },
            first_received_at: detail.row.received_at,
            channel: detail
                .contacts
                .last()
                .map(|c| c.channel)
                .unwrap_or(crate::domain::Channel::Visit),
            category: detail.row.category.clone(),
            summary: detail.row.summary.clone(),
            accept,
            repeat: saved.repeat,
            office_name: setting("office_name"),
            office_phone: setting("office_phone"),
            office_address: setting("office_address"),
            clerk: self.me.name.clone(),
            printed_on: self.store.today(),
        };
        let text = receipt_text(&facts);
        let dir = match setting("receipt_dir") {
            d if d.is_empty() => self
                .store
                .path()
                .parent()
                .map(|p| p.join("receipts"))
                .unwrap_or_else(|| "receipts".into()),
            d => d.into(),
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let file = dir.join(format!("{}.txt", detail.row.number));
        std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
        let printer = setting("receipt_printer");
        if !printer.is_empty() {
            let out = std::process::Command::new("lp")
                .arg("-d")
                .arg(&printer)
                .arg(&file)
                .stdin(std::process::Stdio::null())
                .output()
                .map_err(|e| format!("lp: {e}"))?;
            if !out.status.success() {
                return Err(format!(
                    "lp: {}",
                    clean_line(&String::from_utf8_lossy(&out.stderr))
                ));
            }
        }
        Ok(match self.lang {
            Lang::Zh => format!(
                "回执已写入 {}{}",
                file.display(),
                if printer.is_empty() {
                    ""
                } else {
                    "，并已送打印"
                }
            ),
            Lang::En => format!(
                "receipt written to {}{}",
                file.display(),
                if printer.is_empty() {
                    ""
                } else {
                    " and sent to the printer"
                }
            ),
        })
    }

    /// Representative `row`'s cells, for drawing.
    pub fn rep_texts(&self, row: usize) -> [String; 3] {
        let r = &self.intake.reps[row];
        [text_of(&r[0]), text_of(&r[1]), text_of(&r[2])]
    }
}
