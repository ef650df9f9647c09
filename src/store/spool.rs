//! Drafts that could not reach the database. A session that ends while another process holds
//! the write lock (a stopped writer, a long import) cannot save its draft in the drafts table;
//! rather than lose what was typed, it writes the draft to a file of its own in a folder beside
//! the database (`DB.drafts/`, inside the office's directory across the setgid boundary). The
//! next start offers the newest draft from either place, and saving or dropping a draft clears
//! the files.

use super::{Result, Store, StoreError, fmt_ts};
use crate::domain::intake::StoredDraft;
use std::path::PathBuf;

/// The first part of a spooled draft's file name: the staff member's id.
fn prefix(staff_id: i64) -> String {
    format!("{staff_id}-")
}

impl Store {
    fn spool_dir(&self) -> PathBuf {
        super::open::sidecar(self.path(), ".drafts")
    }

    /// Write this staff member's draft to a file of its own, for when the database cannot
    /// take it now. Returns where it went.
    pub fn spool_draft(&self, staff_id: i64, body: &str) -> Result<PathBuf> {
        let dir = self.spool_dir();
        let failed = |e: std::io::Error| {
            StoreError::Invalid(format!(
                "the draft could not be kept in {}: {e}",
                dir.display()
            ))
        };
        crate::os::files::ensure_private_dir(&dir).map_err(failed)?;
        let saved_at = fmt_ts(self.now());
        let name = format!(
            "{}{}-{}.json",
            prefix(staff_id),
            saved_at.replace([' ', ':', '-'], ""),
            std::process::id()
        );
        let file = serde_json::json!({ "saved_at": saved_at, "body": body }).to_string();
        crate::os::files::create_new_file(&dir, &name, file.as_bytes()).map_err(failed)
    }

    /// The newest spooled draft of this staff member, if any (unreadable files are passed
    /// over: a draft is a convenience, never a reason not to start).
    pub(crate) fn spooled_draft(&self, staff_id: i64) -> Option<StoredDraft> {
        let dir = self.spool_dir();
        let names = crate::os::files::names_in(&dir).ok()?;
        names
            .iter()
            .filter(|n| n.starts_with(&prefix(staff_id)) && n.ends_with(".json"))
            .filter_map(|n| crate::os::files::read_no_follow(&dir, n).ok())
            .filter_map(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .filter_map(|v| {
                Some(StoredDraft {
                    saved_at: v.get("saved_at")?.as_str()?.to_string(),
                    body: v.get("body")?.as_str()?.to_string(),
                })
            })
            .max_by(|a, b| a.saved_at.cmp(&b.saved_at))
    }

    /// Remove this staff member's spooled drafts (the draft now lives in the database, or was
    /// dropped).
    pub(crate) fn clear_spooled_drafts(&self, staff_id: i64) {
        let dir = self.spool_dir();
        let Ok(names) = crate::os::files::names_in(&dir) else {
            return;
        };
        for name in names
            .iter()
            .filter(|n| n.starts_with(&prefix(staff_id)) && n.ends_with(".json"))
        {
            let _ = crate::os::files::remove_in(&dir, name);
        }
    }
}
