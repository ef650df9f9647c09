//! One table of keys. The loop dispatches from it, the bottom-line legend and the help overlay
//! are drawn from it, so what the screen says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The panes, one key away from anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Intake,
    Queue,
    Roster,
    Supervision,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Intake, Pane::Queue, Pane::Roster, Pane::Supervision];
    pub fn name_zh(self) -> &'static str {
        match self {
            Pane::Intake => "登记",
            Pane::Queue => "案件",
            Pane::Roster => "值班",
            Pane::Supervision => "督办",
        }
    }
    pub fn name_en(self) -> &'static str {
        match self {
            Pane::Intake => "Intake",
            Pane::Queue => "Queue",
            Pane::Roster => "Roster",
            Pane::Supervision => "Supervision",
        }
    }
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowPane(Pane),
    ToggleHelp,
    Save,
    NextField,
    PrevField,
    /// Enter: next field in a form, open in a list.
    Confirm,
    /// Esc: close what is open; in a form, clear it after asking.
    Cancel,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    ChoiceLeft,
    ChoiceRight,
    Yes,
    No,
    /// F5: the panel of the person's earlier cases.
    History,
    /// F6: the representatives of a collective visit.
    Representatives,
    /// F7: route the visitor to a duty expert.
    Route,
    /// F8: fill the person's details from the record found.
    Fill,
    /// F9: the receipt of the case saved last.
    Receipt,
    /// Show the petitioner's ID number whole (audited).
    RevealId,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Intake,
    /// The queue list.
    Queue,
    /// The detail view of one case.
    Detail,
    /// Roster and supervision lists.
    List,
    /// A yes/no question.
    Confirm,
    /// The intake's history panel.
    History,
    /// The representatives dialog.
    Representatives,
    /// The duty-expert picker.
    Experts,
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
    pub scope: Scope,
    /// The key as the legend and help show it.
    pub key_label: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// Shown on the bottom line (the rest only in help).
    pub legend: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($code:expr, $mods:expr, $action:expr, $scope:expr, $label:literal, $zh:literal, $en:literal, $legend:literal) => {
        Binding {
            code: $code,
            mods: $mods,
            action: $action,
            scope: $scope,
            key_label: $label,
            zh: $zh,
            en: $en,
            legend: $legend,
        }
    };
}

use Action as A;
use KeyCode as K;
use Scope as S;

// One line per binding reads as a table; rustfmt would spread each over ten lines. The pane
// keys F1–F4 stay off the bottom line: the tab bar at the top shows them.
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    bind!(K::Char('y'), NONE, A::Yes, S::Confirm, "y", "是", "yes", true),
    bind!(K::Char('n'), NONE, A::No, S::Confirm, "n", "否", "no", true),
    bind!(K::Esc, NONE, A::No, S::Confirm, "Esc", "否", "no", false),
    bind!(K::Char('s'), CTRL, A::Save, S::Intake, "^S", "保存", "save", true),
    bind!(K::Tab, NONE, A::NextField, S::Intake, "Tab", "下一项", "next field", true),
    bind!(K::BackTab, SHIFT, A::PrevField, S::Intake, "S-Tab", "上一项", "previous field", false),
    bind!(K::Enter, NONE, A::Confirm, S::Intake, "Enter", "确认/下一项", "accept, next field", false),
    bind!(K::Up, NONE, A::Up, S::Intake, "↑", "上一个候选", "previous match", false),
    bind!(K::Down, NONE, A::Down, S::Intake, "↓", "下一个候选", "next match", false),
    bind!(K::Left, NONE, A::ChoiceLeft, S::Intake, "←", "选项左移", "previous choice", false),
    bind!(K::Right, NONE, A::ChoiceRight, S::Intake, "→", "选项右移", "next choice", false),
    bind!(K::Esc, NONE, A::Cancel, S::Intake, "Esc", "清空表单", "clear the form", false),
    bind!(K::F(5), NONE, A::History, S::Intake, "F5", "既往", "history", true),
    bind!(K::F(6), NONE, A::Representatives, S::Intake, "F6", "代表", "representatives", false),
    bind!(K::F(7), NONE, A::Route, S::Intake, "F7", "分派", "route", true),
    bind!(K::F(8), NONE, A::Fill, S::Intake, "F8", "带入", "fill in", false),
    bind!(K::F(9), NONE, A::Receipt, S::Intake, "F9", "回执", "receipt", true),
    bind!(K::Up, NONE, A::Up, S::History, "↑", "上一件", "previous case", false),
    bind!(K::Down, NONE, A::Down, S::History, "↓", "下一件", "next case", false),
    bind!(K::Enter, NONE, A::Confirm, S::History, "Enter", "作为重复信访", "attach as repeat", true),
    bind!(K::F(8), NONE, A::Fill, S::History, "F8", "带入信息", "fill in person", true),
    bind!(K::F(5), NONE, A::History, S::History, "F5", "返回表单", "back to form", true),
    bind!(K::Esc, NONE, A::Cancel, S::History, "Esc", "返回表单", "back to form", false),
    bind!(K::Tab, NONE, A::NextField, S::Representatives, "Tab", "下一格", "next cell", true),
    bind!(K::BackTab, SHIFT, A::PrevField, S::Representatives, "S-Tab", "上一格", "previous cell", false),
    bind!(K::Enter, NONE, A::Confirm, S::Representatives, "Enter", "下一格", "next cell", false),
    bind!(K::Up, NONE, A::Up, S::Representatives, "↑", "上一位", "previous row", false),
    bind!(K::Down, NONE, A::Down, S::Representatives, "↓", "下一位", "next row", false),
    bind!(K::F(6), NONE, A::Representatives, S::Representatives, "F6", "完成", "done", true),
    bind!(K::Esc, NONE, A::Cancel, S::Representatives, "Esc", "完成", "done", false),
    bind!(K::Char('s'), CTRL, A::Save, S::Representatives, "^S", "保存", "save", true),
    bind!(K::Up, NONE, A::Up, S::Experts, "↑", "上移", "up", false),
    bind!(K::Down, NONE, A::Down, S::Experts, "↓", "下移", "down", false),
    bind!(K::Enter, NONE, A::Confirm, S::Experts, "Enter", "分派/取消", "route/unroute", true),
    bind!(K::Esc, NONE, A::Cancel, S::Experts, "Esc", "关闭", "close", true),
    bind!(K::Up, NONE, A::Up, S::Queue, "↑", "上移", "up", false),
    bind!(K::Down, NONE, A::Down, S::Queue, "↓", "下移", "down", false),
    bind!(K::Char('k'), NONE, A::Up, S::Queue, "k", "上移", "up", false),
    bind!(K::Char('j'), NONE, A::Down, S::Queue, "j", "下移", "down", false),
    bind!(K::PageUp, NONE, A::PageUp, S::Queue, "PgUp", "上页", "page up", true),
    bind!(K::PageDown, NONE, A::PageDown, S::Queue, "PgDn", "下页", "page down", true),
    bind!(K::Home, NONE, A::Top, S::Queue, "Home", "最新", "newest", false),
    bind!(K::Enter, NONE, A::Confirm, S::Queue, "Enter", "详情", "details", true),
    bind!(K::Esc, NONE, A::Cancel, S::Detail, "Esc", "返回", "back", true),
    bind!(K::Char('v'), NONE, A::RevealId, S::Detail, "v", "显示完整身份证号（留痕）", "show the whole ID number (audited)", true),
    bind!(K::Up, NONE, A::Up, S::Detail, "↑", "上滚", "scroll up", false),
    bind!(K::Down, NONE, A::Down, S::Detail, "↓", "下滚", "scroll down", false),
    bind!(K::Up, NONE, A::Up, S::List, "↑", "上移", "up", false),
    bind!(K::Down, NONE, A::Down, S::List, "↓", "下移", "down", false),
    bind!(K::F(1), NONE, A::ShowPane(Pane::Intake), S::Global, "F1", "登记", "intake", false),
    bind!(K::F(2), NONE, A::ShowPane(Pane::Queue), S::Global, "F2", "案件", "queue", false),
    bind!(K::F(3), NONE, A::ShowPane(Pane::Roster), S::Global, "F3", "值班", "roster", false),
    bind!(K::F(4), NONE, A::ShowPane(Pane::Supervision), S::Global, "F4", "督办", "supervision", false),
    bind!(K::Char('1'), ALT, A::ShowPane(Pane::Intake), S::Global, "M-1", "登记", "intake", false),
    bind!(K::Char('2'), ALT, A::ShowPane(Pane::Queue), S::Global, "M-2", "案件", "queue", false),
    bind!(K::Char('3'), ALT, A::ShowPane(Pane::Roster), S::Global, "M-3", "值班", "roster", false),
    bind!(K::Char('4'), ALT, A::ShowPane(Pane::Supervision), S::Global, "M-4", "督办", "supervision", false),
    bind!(K::F(12), NONE, A::ToggleHelp, S::Global, "F12", "帮助", "help", true),
    bind!(K::Char('?'), NONE, A::ToggleHelp, S::Global, "?", "帮助（不在输入框时）", "help (outside text fields)", false),
    bind!(K::Char('q'), CTRL, A::Quit, S::Global, "^Q", "退出", "quit", true),
    bind!(K::F(10), NONE, A::Quit, S::Global, "F10", "退出", "quit", false),
    bind!(K::Char('c'), CTRL, A::Quit, S::Global, "^C", "退出", "quit", false),
];

fn matches(b: &Binding, key: &KeyEvent) -> bool {
    if b.code != key.code {
        return false;
    }
    // Shift is part of the character for printable keys ('?' arrives with SHIFT on some
    // terminals) so only Control and Alt must match exactly.
    let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    match key.code {
        KeyCode::BackTab => true,
        _ => (key.modifiers & relevant) == (b.mods & relevant),
    }
}

/// The binding for `key` in the first of `scopes` that has one.
pub fn lookup(scopes: &[Scope], key: &KeyEvent) -> Option<&'static Binding> {
    scopes
        .iter()
        .find_map(|scope| KEYMAP.iter().find(|b| b.scope == *scope && matches(b, key)))
}

/// The bindings of `scopes`, for the legend and the help overlay (one per action and scope).
pub fn bindings(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    for scope in scopes {
        for b in KEYMAP.iter().filter(|b| b.scope == *scope) {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pane_has_an_f_key_and_an_alt_digit() {
        for pane in Pane::ALL {
            let keys: Vec<_> = KEYMAP
                .iter()
                .filter(|b| b.action == Action::ShowPane(pane))
                .collect();
            assert!(keys.iter().any(|b| matches!(b.code, KeyCode::F(_))));
            assert!(keys.iter().any(|b| b.mods == ALT));
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert!(
                    !(a.scope == b.scope && a.code == b.code && a.mods == b.mods),
                    "{} bound twice",
                    a.key_label
                );
            }
        }
    }

    #[test]
    fn lookup_prefers_the_first_scope() {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Scope::Detail, Scope::Queue, Scope::Global], &esc).map(|b| b.action),
            Some(Action::Cancel)
        );
        let f2 = KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE);
        assert_eq!(
            lookup(&[Scope::Intake, Scope::Global], &f2).map(|b| b.action),
            Some(Action::ShowPane(Pane::Queue))
        );
    }
}
