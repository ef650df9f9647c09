//! Versioned schema migrations, applied at open. Add a new `M::up` at the end; never edit one
//! that has shipped.

use rusqlite_migration::{M, Migrations};

const V1: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE staff_roles (
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    role     TEXT NOT NULL CHECK (role IN ('reception','expert','supervisor','manager','admin')),
    PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_zh  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    initials TEXT NOT NULL
);

CREATE TABLE units (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    initials TEXT NOT NULL
);

CREATE TABLE petitioners (
    id         INTEGER PRIMARY KEY,
    id_number  TEXT UNIQUE,
    name       TEXT NOT NULL,
    phone      TEXT,
    created_at TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX petitioners_phone ON petitioners(phone) WHERE phone IS NOT NULL;
CREATE INDEX petitioners_name ON petitioners(name);

CREATE TABLE case_numbers (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

-- Case ids are assigned in receipt order, so "newest first" is also id order.
CREATE TABLE cases (
    id            INTEGER PRIMARY KEY,
    number        TEXT NOT NULL UNIQUE,
    petitioner_id INTEGER REFERENCES petitioners(id),
    kind          TEXT NOT NULL CHECK (kind IN ('request','suggestion','accusation')),
    category_id   INTEGER NOT NULL REFERENCES categories(id),
    unit_id       INTEGER REFERENCES units(id),
    expert_id     INTEGER REFERENCES staff(id),
    state         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    account       TEXT NOT NULL DEFAULT '',
    received_at   TEXT NOT NULL,
    accept_due    TEXT,
    handle_due    TEXT,
    due           TEXT,
    urgent        INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 1,
    updated_at    TEXT NOT NULL,
    updated_by    INTEGER REFERENCES staff(id)
);
CREATE INDEX cases_received ON cases(received_at DESC, id DESC);
CREATE INDEX cases_petitioner ON cases(petitioner_id, received_at DESC);
-- Partial indexes hold only open cases: the supervision views and the nightly check read them.
CREATE INDEX cases_open_due ON cases(due) WHERE state <> 'closed';
CREATE INDEX cases_open_unit_due ON cases(unit_id, due) WHERE state <> 'closed';
CREATE INDEX cases_expert_waiting ON cases(expert_id) WHERE state = 'with_expert';

-- count(*) over a million cases takes tens of milliseconds; the queue shows the total on
-- every refresh, so it is kept here by triggers instead.
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('cases', 0);
CREATE TRIGGER cases_counted_in AFTER INSERT ON cases
BEGIN UPDATE counters SET value = value + 1 WHERE name = 'cases'; END;
CREATE TRIGGER cases_counted_out AFTER DELETE ON cases
BEGIN UPDATE counters SET value = value - 1 WHERE name = 'cases'; END;

CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    petitioner_id INTEGER REFERENCES petitioners(id),
    channel       TEXT NOT NULL CHECK (channel IN ('letter','visit','online','phone')),
    received_at   TEXT NOT NULL,
    is_repeat     INTEGER NOT NULL DEFAULT 0,
    head_count    INTEGER NOT NULL DEFAULT 1,
    leapfrog      INTEGER NOT NULL DEFAULT 0,
    recorded_by   INTEGER NOT NULL REFERENCES staff(id),
    recorded_at   TEXT NOT NULL
);
CREATE INDEX contacts_case ON contacts(case_id, received_at);
CREATE INDEX contacts_petitioner ON contacts(petitioner_id, received_at DESC);

CREATE TABLE duty_slots (
    id       INTEGER PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    day      TEXT NOT NULL,
    half     TEXT NOT NULL CHECK (half IN ('am','pm')),
    room     TEXT NOT NULL,
    UNIQUE (day, half, staff_id)
);

CREATE TABLE staff_specialties (
    staff_id    INTEGER NOT NULL REFERENCES staff(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    PRIMARY KEY (staff_id, category_id)
) WITHOUT ROWID;

CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    sent_at       TEXT NOT NULL,
    objection_due TEXT NOT NULL,
    due           TEXT NOT NULL,
    sent_by       INTEGER NOT NULL REFERENCES staff(id)
);
CREATE INDEX transfers_case ON transfers(case_id);

CREATE TABLE deadline_rules (
    name    TEXT PRIMARY KEY,
    event   TEXT NOT NULL,
    days    INTEGER NOT NULL CHECK (days > 0),
    working INTEGER NOT NULL CHECK (working IN (0, 1)),
    article TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE calendar_years (
    year   INTEGER PRIMARY KEY,
    notice TEXT NOT NULL
);
CREATE TABLE calendar_days (
    day  TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday','working')),
    name TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only and hash-chained: each entry carries the hash of the one before it.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    staff_id  INTEGER,
    login     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: UPDATE refused'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: DELETE refused'); END;
"#;

/// Each case carries its running clocks, counted when their event happens. The due date is
/// stored for queries; the explanation is counted again from the inputs when shown.
const V2: &str = r#"
CREATE TABLE clocks (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id),
    rule           TEXT NOT NULL,
    started        TEXT NOT NULL,
    days           INTEGER NOT NULL,
    working        INTEGER NOT NULL CHECK (working IN (0, 1)),
    extension_days INTEGER NOT NULL DEFAULT 0,
    due            TEXT NOT NULL,
    stopped        TEXT,
    UNIQUE (case_id, rule)
);
CREATE INDEX clocks_running_due ON clocks(due) WHERE stopped IS NULL;

CREATE TABLE clock_suspensions (
    id       INTEGER PRIMARY KEY,
    clock_id INTEGER NOT NULL REFERENCES clocks(id),
    from_day TEXT NOT NULL,
    to_day   TEXT NOT NULL,
    reason   TEXT NOT NULL,
    by_staff INTEGER NOT NULL REFERENCES staff(id),
    at       TEXT NOT NULL
);
CREATE INDEX clock_suspensions_clock ON clock_suspensions(clock_id);

INSERT INTO settings (key, value) VALUES ('count_start_day', 'false'), ('roll_forward', 'true')
    ON CONFLICT(key) DO NOTHING;
"#;

/// The whole intake form: the person's details, pinyin initials for lookup, representatives
/// of collective visits, the units concerned, leapfrogging, routing, and per-staff drafts.
const V3: &str = r#"
ALTER TABLE petitioners ADD COLUMN sex TEXT CHECK (sex IN ('male', 'female'));
ALTER TABLE petitioners ADD COLUMN address TEXT;
ALTER TABLE petitioners ADD COLUMN work_unit TEXT;
ALTER TABLE petitioners ADD COLUMN name_initials TEXT;
CREATE INDEX petitioners_initials ON petitioners(name_initials) WHERE name_initials IS NOT NULL;

ALTER TABLE contacts ADD COLUMN skipped_level TEXT;
-- What a repeat contact said this time (a first contact's words are the case's own).
ALTER TABLE contacts ADD COLUMN summary TEXT;
ALTER TABLE contacts ADD COLUMN account TEXT;
ALTER TABLE contacts ADD COLUMN expert_id INTEGER REFERENCES staff(id);

CREATE TABLE representatives (
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    position   INTEGER NOT NULL CHECK (position BETWEEN 1 AND 5),
    name       TEXT NOT NULL,
    id_number  TEXT,
    phone      TEXT,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;

CREATE TABLE case_units (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (case_id, unit_id)
) WITHOUT ROWID;

CREATE TABLE drafts (
    staff_id INTEGER PRIMARY KEY REFERENCES staff(id),
    saved_at TEXT NOT NULL,
    body     TEXT NOT NULL
);

INSERT INTO settings (key, value) VALUES
    ('office_name', '县信访局'),
    ('office_phone', '0000-12345'),
    ('office_address', '县人民路1号'),
    ('receipt_dir', ''),
    ('receipt_printer', '')
    ON CONFLICT(key) DO NOTHING;
"#;

/// When a case was flagged major or urgent (条例 Art. 25); managers' sessions watch for it.
const V4: &str = r#"
ALTER TABLE cases ADD COLUMN urgent_at TEXT;
CREATE INDEX cases_urgent ON cases(urgent_at) WHERE urgent = 1;
"#;

/// xfdesk's own application id ("XFDK", `store::APPLICATION_ID`), so that a file is recognised
/// from its header before anything touches it; the audit chain's scheme per entry (entries
/// before this version are plain SHA-256, later ones HMAC-SHA256 with the office's key); and
/// the office's language.
const V5: &str = r#"
PRAGMA application_id = 1481000011;
ALTER TABLE audit ADD COLUMN scheme TEXT NOT NULL DEFAULT 'sha256'
    CHECK (scheme IN ('sha256', 'hmac-sha256'));
INSERT INTO settings (key, value) VALUES ('office_lang', 'zh') ON CONFLICT(key) DO NOTHING;
"#;

/// The life of a case: every step in order (the timeline, and what statistics count as
/// columns), the first handler and a leader's charge, review rounds, recusals, joint reviews
/// with each unit's dated share, the materials received with a contact and incidents during
/// a visit.
const WORKFLOW: &str = r#"
CREATE TABLE case_steps (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    kind       TEXT NOT NULL,
    round      INTEGER NOT NULL DEFAULT 0,
    from_state TEXT,
    to_state   TEXT,
    at         TEXT NOT NULL,
    staff_id   INTEGER NOT NULL REFERENCES staff(id),
    text       TEXT NOT NULL DEFAULT '',
    handling   TEXT,
    unit_id    INTEGER REFERENCES units(id),
    rating     TEXT,
    settled    INTEGER,
    on_day     TEXT,
    detail     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_steps_case ON case_steps(case_id, id);
CREATE INDEX case_steps_kind_at ON case_steps(kind, at);

ALTER TABLE cases ADD COLUMN first_handler_id INTEGER REFERENCES staff(id);
ALTER TABLE cases ADD COLUMN leader_id INTEGER REFERENCES staff(id);
ALTER TABLE cases ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
UPDATE cases SET first_handler_id = (
    SELECT ct.recorded_by FROM contacts ct WHERE ct.case_id = cases.id
    ORDER BY ct.received_at, ct.id LIMIT 1
) WHERE first_handler_id IS NULL;
CREATE INDEX cases_leader ON cases(leader_id) WHERE leader_id IS NOT NULL;

-- A contact that is a 复查 or 复核 request says so.
ALTER TABLE contacts ADD COLUMN review_level TEXT CHECK (review_level IN ('review', 'rereview'));

CREATE TABLE recusals (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    reason   TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (case_id, staff_id)
) WITHOUT ROWID;

CREATE TABLE joint_review_shares (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    step_id INTEGER NOT NULL REFERENCES case_steps(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    share   TEXT NOT NULL,
    due     TEXT NOT NULL,
    done_on TEXT
);
CREATE INDEX joint_review_shares_case ON joint_review_shares(case_id);
CREATE INDEX joint_review_shares_open ON joint_review_shares(due) WHERE done_on IS NULL;

CREATE TABLE materials (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    contact_id  INTEGER NOT NULL REFERENCES contacts(id),
    title       TEXT NOT NULL,
    pages       INTEGER NOT NULL CHECK (pages BETWEEN 0 AND 100000),
    original    INTEGER NOT NULL CHECK (original IN (0, 1)),
    returned    INTEGER NOT NULL CHECK (returned IN (0, 1)),
    file        TEXT,
    recorded_by INTEGER NOT NULL REFERENCES staff(id),
    at          TEXT NOT NULL
);
CREATE INDEX materials_case ON materials(case_id);

CREATE TABLE incidents (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases(id),
    contact_id    INTEGER NOT NULL REFERENCES contacts(id),
    petitioner_id INTEGER REFERENCES petitioners(id),
    text          TEXT NOT NULL,
    recorded_by   INTEGER NOT NULL REFERENCES staff(id),
    at            TEXT NOT NULL,
    confirmed_by  INTEGER REFERENCES staff(id),
    confirmed_at  TEXT
);
CREATE INDEX incidents_case ON incidents(case_id);
CREATE INDEX incidents_petitioner ON incidents(petitioner_id) WHERE confirmed_at IS NOT NULL;
"#;

/// Finding cases (the queue and `xfdesk cases`): the columns the filters read, kept as the
/// contacts come in; indexes for the lists managers and supervisors page through; and the
/// search index over the words of the summary and account.
///
/// The search index holds the text split into overlapping pairs of CJK characters (see
/// `domain::words`), which answers words of any length, two-character ones included (a
/// trigram index cannot match 征地). It keeps no copy of the text: its content is a view that
/// splits the case's own columns with `xf_words`, a function the store registers on every
/// connection it opens. The cases already there are indexed by `fill_search_index`.
const SEARCH: &str = r#"
ALTER TABLE cases ADD COLUMN channel TEXT CHECK (channel IN ('letter','visit','online','phone'));
-- Every case comes with its first contact: a new case counts one, and each repeat one more.
ALTER TABLE cases ADD COLUMN contact_count INTEGER NOT NULL DEFAULT 1;
-- The supervisor following the case (督办); set by the supervision work.
ALTER TABLE cases ADD COLUMN supervisor_id INTEGER REFERENCES staff(id);

UPDATE cases SET
    contact_count = (SELECT count(*) FROM contacts ct WHERE ct.case_id = cases.id),
    channel = (SELECT ct.channel FROM contacts ct WHERE ct.case_id = cases.id
               ORDER BY ct.is_repeat, ct.received_at, ct.id LIMIT 1);

-- A repeat contact counts on its case. (The writer of a new case sets its channel and first
-- handler with it: rewriting every new case's row from a trigger made a million-case load
-- several seconds slower.)
CREATE TRIGGER contacts_counted_in AFTER INSERT ON contacts WHEN NEW.is_repeat
BEGIN
    UPDATE cases SET contact_count = contact_count + 1 WHERE id = NEW.case_id;
END;
CREATE TRIGGER contacts_counted_out AFTER DELETE ON contacts WHEN OLD.is_repeat
BEGIN
    UPDATE cases SET contact_count = contact_count - 1 WHERE id = OLD.case_id;
END;

-- An equality on any of these gives its cases in id order (newest first, read backwards)
-- and counts them without reading the cases.
CREATE INDEX cases_state ON cases(state);
CREATE INDEX cases_unit ON cases(unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX cases_category ON cases(category_id);
CREATE INDEX cases_channel ON cases(channel);
CREATE INDEX cases_contacts ON cases(contact_count);
CREATE INDEX cases_first_handler ON cases(first_handler_id);
CREATE INDEX cases_expert ON cases(expert_id) WHERE expert_id IS NOT NULL;
CREATE INDEX cases_supervisor ON cases(supervisor_id) WHERE supervisor_id IS NOT NULL;
CREATE INDEX cases_updated ON cases(updated_at);
-- Open cases are a few percent of all: one small index holding every column the filters
-- read lets any mix of filters count them, and page them by deadline, from the index alone
-- (in (due, id) order, the keyset of the deadline order).
CREATE INDEX cases_open_cover ON cases(due, id, state, unit_id, category_id, channel,
    contact_count, first_handler_id, expert_id, supervisor_id, petitioner_id)
    WHERE state <> 'closed';

CREATE VIEW case_words (id, words) AS SELECT id, xf_words(summary, account) FROM cases;
-- prefix = '1' keeps every token under its first character too: a one-character search
-- reads one list, newest first, instead of merging every pair that starts with it (0.03 ms
-- instead of 3 ms for a page at a million cases; the index grows by about 140 MB).
CREATE VIRTUAL TABLE case_search USING fts5(
    words,
    content = 'case_words',
    content_rowid = 'id',
    columnsize = 0,
    prefix = '1',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER case_words_in AFTER INSERT ON cases
BEGIN
    INSERT INTO case_search (rowid, words) VALUES (NEW.id, xf_words(NEW.summary, NEW.account));
END;
CREATE TRIGGER case_words_out AFTER DELETE ON cases
BEGIN
    INSERT INTO case_search (case_search, rowid, words)
        VALUES ('delete', OLD.id, xf_words(OLD.summary, OLD.account));
END;
CREATE TRIGGER case_words_changed AFTER UPDATE OF summary, account ON cases
BEGIN
    INSERT INTO case_search (case_search, rowid, words)
        VALUES ('delete', OLD.id, xf_words(OLD.summary, OLD.account));
    INSERT INTO case_search (rowid, words) VALUES (NEW.id, xf_words(NEW.summary, NEW.account));
END;
"#;

/// The duty roster as managers keep it (专家门诊式接访), and notifications.
///
/// - `duty_patterns`: weekly patterns (a person, a weekday and half, a room, from a day until
///   a last day or for good).
/// - `duty_slots` rows now say what they are: `on` (on duty at that date, in that room,
///   whatever a pattern says: a slot added, moved, swapped or a stand-in, with whom they stand
///   in for) or `off` (a pattern's occurrence taken away), with the reason. Rows made before
///   are `on`.
/// - `expert_profiles`: leader or cadre, title, in petition work since (seniority).
/// - `notifications`: one row per recipient; read or not; and what became of the office's
///   notify command for it (`delivery`: sent or failed, with the reason).
const ROSTER: &str = r#"
CREATE TABLE duty_patterns (
    id       INTEGER PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    weekday  INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    half     TEXT NOT NULL CHECK (half IN ('am','pm')),
    room     TEXT NOT NULL,
    from_day TEXT NOT NULL,
    until_day TEXT,
    CHECK (until_day IS NULL OR until_day >= from_day)
);
CREATE INDEX duty_patterns_when ON duty_patterns(weekday, half);

ALTER TABLE duty_slots ADD COLUMN kind TEXT NOT NULL DEFAULT 'on' CHECK (kind IN ('on','off'));
ALTER TABLE duty_slots ADD COLUMN substitute_for INTEGER REFERENCES staff(id);
ALTER TABLE duty_slots ADD COLUMN note TEXT NOT NULL DEFAULT '';

CREATE TABLE expert_profiles (
    staff_id INTEGER PRIMARY KEY REFERENCES staff(id),
    rank     TEXT NOT NULL DEFAULT 'cadre' CHECK (rank IN ('leader','cadre')),
    title    TEXT NOT NULL DEFAULT '',
    since    TEXT
) WITHOUT ROWID;

CREATE TABLE notifications (
    id            INTEGER PRIMARY KEY,
    staff_id      INTEGER NOT NULL REFERENCES staff(id),
    kind          TEXT NOT NULL,
    case_id       INTEGER REFERENCES cases(id),
    at            TEXT NOT NULL,
    by_staff      INTEGER REFERENCES staff(id),
    note          TEXT NOT NULL DEFAULT '',
    place         TEXT NOT NULL DEFAULT '',
    read_at       TEXT,
    delivery      TEXT CHECK (delivery IN ('sent','failed')),
    delivery_note TEXT NOT NULL DEFAULT '',
    delivered_at  TEXT
);
CREATE INDEX notifications_staff ON notifications(staff_id, id DESC);
CREATE INDEX notifications_unread ON notifications(staff_id, id DESC) WHERE read_at IS NULL;
"#;

/// Supervision (督办) and accountability: the ladder's steps are `case_steps` of their own
/// kinds (supervise, urge, extension-request, supervision-order, talk, list, accountability);
/// here are what is not a step. Accountability notices (通报), numbered per year, each naming a
/// unit or a staff member and the cases; what each nightly check found, once per day, so the
/// supervision pane shows the same the next morning; indexes the check and the statistics read
/// (open cases by last activity, unsettled follow-ups, feedback by evaluation, repeat contacts
/// by date); the check's settings and waits.
const SUPERVISION: &str = r#"
CREATE TABLE notices (
    id              INTEGER PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,
    at              TEXT NOT NULL,
    staff_id        INTEGER NOT NULL REFERENCES staff(id),
    unit_id         INTEGER REFERENCES units(id),
    target_staff_id INTEGER REFERENCES staff(id),
    failure         TEXT NOT NULL,
    measures        TEXT NOT NULL DEFAULT '',
    CHECK ((unit_id IS NULL) <> (target_staff_id IS NULL))
);
CREATE INDEX notices_at ON notices(at);
CREATE TABLE notice_cases (
    notice_id INTEGER NOT NULL REFERENCES notices(id),
    case_id   INTEGER NOT NULL REFERENCES cases(id),
    PRIMARY KEY (notice_id, case_id)
) WITHOUT ROWID;
CREATE INDEX notice_cases_case ON notice_cases(case_id);

CREATE TABLE check_runs (
    id       INTEGER PRIMARY KEY,
    day      TEXT NOT NULL UNIQUE,
    at       TEXT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    soon_until TEXT NOT NULL,
    total    INTEGER NOT NULL,
    overdue  INTEGER NOT NULL,
    -- Counts by kind of lapse, as JSON.
    counts   TEXT NOT NULL
);
-- Rows in the order the check reports them (by unit, first handler, kind, due date): a page
-- of the findings is a range of ids.
CREATE TABLE check_findings (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES check_runs(id),
    case_id          INTEGER NOT NULL REFERENCES cases(id),
    kind             TEXT NOT NULL,
    unit_id          INTEGER REFERENCES units(id),
    first_handler_id INTEGER REFERENCES staff(id),
    due              TEXT NOT NULL,
    overdue          INTEGER NOT NULL CHECK (overdue IN (0, 1))
);
CREATE INDEX check_findings_run ON check_findings(run_id, id);

CREATE INDEX cases_open_updated ON cases(updated_at) WHERE state <> 'closed';
CREATE INDEX case_steps_unsettled ON case_steps(case_id) WHERE kind = 'follow-up' AND settled = 0;
CREATE INDEX case_steps_feedback ON case_steps(case_id, rating) WHERE kind = 'feedback';
CREATE INDEX contacts_repeats ON contacts(received_at, review_level, is_repeat) WHERE is_repeat = 1;

INSERT INTO settings (key, value) VALUES ('inactivity_days', '30') ON CONFLICT(key) DO NOTHING;
INSERT INTO deadline_rules (name, event, days, working, article) VALUES
    ('review-wait', 'reply', 5, 1, '调查处理意见报送后审核（本机关规定）'),
    ('feedback-wait', 'review', 5, 1, '审核或办理后答复信访人（本机关规定）')
    ON CONFLICT(name) DO NOTHING;
"#;

pub const LATEST: i64 = 9;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(V1),
        M::up(V2),
        M::up(V3),
        M::up(V4),
        M::up(V5),
        M::up(WORKFLOW),
        M::up_with_hook(SEARCH, fill_search_index),
        M::up(ROSTER),
        M::up(SUPERVISION),
    ])
}

/// Index the words of the cases already in the file (the function that splits them is
/// registered on the migrating connection first: a fresh one, as in `validate`, has none).
fn fill_search_index(tx: &rusqlite::Transaction<'_>) -> rusqlite_migration::HookResult {
    super::search::register_functions(tx)?;
    tx.execute_batch("INSERT INTO case_search (case_search) VALUES ('rebuild')")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }

    #[test]
    fn the_application_id_in_v5_is_the_store_s() {
        assert_eq!(1481000011, crate::store::APPLICATION_ID);
        assert!(super::V5.contains(&crate::store::APPLICATION_ID.to_string()));
    }
}
