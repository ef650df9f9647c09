//! The user's notifications (^N): newest first, unread marked; Enter opens the case it is
//! about (and marks it read), Space marks it read, `a` marks them all read.

use super::After;
use crate::app::event::AppEvent;
use crate::app::panes::step;
use crate::domain::notification::Notification;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationsCommand {
    Up,
    Down,
    Open,
    MarkRead,
    MarkAllRead,
    Close,
}

/// What the list asks the application to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Mark it read and open its case, if it has one.
    Open {
        id: i64,
        case_id: Option<i64>,
    },
    MarkRead(i64),
    MarkAllRead,
}

/// How many notifications the list shows.
pub const LIST_LIMIT: u32 = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationsDialog {
    pub items: Vec<Notification>,
    pub pick: usize,
    pub unread: u32,
}

impl NotificationsDialog {
    pub fn new(items: Vec<Notification>, unread: u32) -> Self {
        Self {
            items,
            pick: 0,
            unread,
        }
    }

    /// The list read again, the highlight kept on the same notification where it still is.
    pub fn refresh(&mut self, items: Vec<Notification>, unread: u32) {
        let id = self.items.get(self.pick).map(|n| n.id);
        self.pick = id
            .and_then(|id| items.iter().position(|n| n.id == id))
            .unwrap_or(0);
        self.items = items;
        self.unread = unread;
    }

    pub fn handle(&mut self, command: NotificationsCommand, events: &mut Vec<AppEvent>) -> After {
        let current = self.items.get(self.pick);
        match command {
            NotificationsCommand::Up | NotificationsCommand::Down => step(
                &mut self.pick,
                self.items.len(),
                command == NotificationsCommand::Down,
            ),
            NotificationsCommand::Open => {
                if let Some(n) = current {
                    events.push(AppEvent::Notice(NoticeAction::Open {
                        id: n.id,
                        case_id: n.case_id,
                    }));
                }
            }
            NotificationsCommand::MarkRead => {
                if let Some(n) = current.filter(|n| !n.read) {
                    events.push(AppEvent::Notice(NoticeAction::MarkRead(n.id)));
                }
            }
            NotificationsCommand::MarkAllRead => {
                if self.unread > 0 {
                    events.push(AppEvent::Notice(NoticeAction::MarkAllRead));
                }
            }
            NotificationsCommand::Close => return After::Close,
        }
        After::Stay
    }
}
