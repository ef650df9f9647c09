//! One case in detail: the person (ID number masked unless revealed, with an audit entry),
//! its clocks with their explanations, the account and every contact.

use crate::app::context::Ctx;
use crate::app::session::StatusKind;
use crate::domain::CaseDetail;
use crate::i18n::Msg;
use crate::store::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailCommand {
    Close,
    ScrollUp,
    ScrollDown,
    /// Show the petitioner's ID number whole (for roles that need it; audited).
    RevealId,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    pub case: CaseDetail,
    pub scroll: u16,
    /// The ID number shown whole, after an audited reveal.
    pub revealed_id: Option<String>,
}

impl DetailView {
    pub fn new(case: CaseDetail) -> Self {
        Self {
            case,
            scroll: 0,
            revealed_id: None,
        }
    }

    /// Read the case again; true if it changed.
    pub fn reload(&mut self, ctx: &mut Ctx<'_>) -> Result<bool> {
        match ctx.store.case_detail(self.case.row.id)? {
            Some(case) if case != self.case => {
                self.case = case;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

impl super::QueuePane {
    pub fn handle_detail(&mut self, command: DetailCommand, ctx: &mut Ctx<'_>) {
        let Some(view) = &mut self.detail else {
            return;
        };
        match command {
            DetailCommand::Close => self.detail = None,
            DetailCommand::ScrollUp => view.scroll = view.scroll.saturating_sub(1),
            DetailCommand::ScrollDown => view.scroll = view.scroll.saturating_add(1),
            DetailCommand::RevealId => match ctx
                .store
                .reveal_id_number(&ctx.session.me, view.case.row.id)
            {
                Ok(Some(id)) => {
                    view.revealed_id = Some(id);
                    ctx.say(StatusKind::Info, Msg::IdRevealed);
                }
                Ok(None) => ctx.say(StatusKind::Info, Msg::NoIdOnRecord),
                Err(e) => ctx.fail(&e),
            },
        }
    }
}
