//! `xfdesk doc NUMBER KIND [--out FILE]`: a statutory document of a case, as plain text ready
//! to print, on standard output or in a new file (never written over one).

use super::{Cli, CliResult, Failure, current_staff, lang_of, output};
use crate::documents::notices::{self, Office};
use crate::domain::document::DocumentKind;
use crate::domain::permission::{Act, require};
use crate::domain::text::clean_line;
use crate::i18n::{Label, Msg};

#[derive(Debug, clap::Args)]
pub struct DocArgs {
    /// The case number (XF-2026-000123).
    pub number: String,
    /// accept, reject, transfer, extend, opinion, review, re-review or supervise (督办单).
    pub kind: String,
    /// Write the document to this new file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

pub fn run(cli: &Cli, args: &DocArgs) -> CliResult {
    let lang = lang_of(cli);
    let kind: DocumentKind = args
        .kind
        .parse()
        .map_err(|e: String| Failure::error(clean_line(&e)))?;
    let mut store = super::open_store_for_writing(cli, lang)?;
    let lang = super::lang_for(cli, &store);
    let me = current_staff(&store, lang)?;
    require(&me, Act::IssueDocument)
        .map_err(|e| Failure::denied(crate::i18n::errors::permission_denied(lang, &e)))?;
    let case = super::case::find_case(&store, &args.number, lang)?;
    let setting = |k: &str| store.setting(k).ok().flatten().unwrap_or_default();
    let office = Office {
        name: setting("office_name"),
        phone: setting("office_phone"),
        address: setting("office_address"),
        seal_line: setting("seal_line"),
    };
    // The place is checked before anything else: a refused place is said first.
    let target = args
        .out
        .as_deref()
        .map(|p| output::out_target(p, lang))
        .transpose()?;
    let text = notices::render(kind, &case, &office, store.today()).map_err(|e| {
        Failure::denied(
            Msg::DocumentNotYet {
                document: kind.label(lang).to_string(),
                step: e.needs.label(lang).to_string(),
            }
            .text(lang),
        )
    })?;
    match (&args.out, &target) {
        (Some(path), Some(target)) => {
            output::new_file(path, target, &text)?;
        }
        _ => output::line(text.trim_end())?,
    }
    store.record_document(&me, case.row.id, kind)?;
    Ok(0)
}
