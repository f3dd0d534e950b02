//! Numbered migrations under `PRAGMA user_version`. Migration N takes a database at
//! version N-1 to version N; every older database opens and migrates with data intact.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::lang::facts::Db;

/// The migrations, in order; index 0 is version 1.
const MIGRATIONS: &[&str] = &[
    V1,
    V2,
    V3,
    V4,
    super::audit_chain::MIGRATION_SQL,
    // Version 6: agencies in protocol order (`agency.position`, the view `agency_order`)
    // and a program's own review dates (`program.reviews`); see store/order.rs.
    super::order::MIGRATION_SQL,
];

/// The schema version this binary knows.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE agency (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('party', 'government', 'front')),
    parent_id INTEGER REFERENCES agency(id),
    head      TEXT,
    members   INTEGER CHECK (members IS NULL OR members >= 0),
    staff     INTEGER CHECK (staff IS NULL OR staff >= 0),
    version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE category (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE program (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('coordination', 'building', 'action')),
    starts_on     TEXT NOT NULL,
    ends_on       TEXT NOT NULL CHECK (ends_on >= starts_on),
    basis         TEXT,
    review_months INTEGER NOT NULL DEFAULT 6 CHECK (review_months BETWEEN 0 AND 120),
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE program_party (
    program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,
    agency_id  INTEGER NOT NULL REFERENCES agency(id),
    PRIMARY KEY (program_id, agency_id)
) WITHOUT ROWID;

CREATE TABLE task (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES program(id),
    category_id  INTEGER NOT NULL REFERENCES category(id),
    title        TEXT NOT NULL,
    title_fold   TEXT NOT NULL,
    description  TEXT,
    lead_id      INTEGER NOT NULL REFERENCES agency(id),
    cadence      TEXT NOT NULL CHECK (cadence IN ('roadmap', 'recurring')),
    deadline     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'suspended')),
    progress     INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    completed_on TEXT,
    basis        TEXT,
    created_on   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1
);
-- Covering indexes: the dashboard's GROUP BY queries read only these.
CREATE INDEX task_by_program ON task(program_id, category_id, lead_id, status, deadline, completed_on, progress);
CREATE INDEX task_by_category ON task(category_id, lead_id, status, deadline, completed_on, progress);
CREATE INDEX task_by_lead ON task(lead_id, status, deadline, completed_on, progress);
CREATE INDEX task_by_deadline ON task(deadline) WHERE status <> 'done';

CREATE TABLE task_with (
    task_id   INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    PRIMARY KEY (task_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX task_with_by_agency ON task_with(agency_id, task_id);

CREATE TABLE task_history (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    at           TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    actor        TEXT NOT NULL,
    status       TEXT NOT NULL,
    progress     INTEGER NOT NULL,
    completed_on TEXT,
    note         TEXT
);
CREATE INDEX task_history_by_task ON task_history(task_id, on_date, id);

CREATE TABLE urge (
    id        INTEGER PRIMARY KEY,
    task_id   INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    at        TEXT NOT NULL,
    on_date   TEXT NOT NULL,
    actor     TEXT NOT NULL,
    message   TEXT NOT NULL
);
CREATE INDEX urge_by_task ON urge(task_id);
CREATE INDEX urge_by_agency ON urge(agency_id, id);

CREATE TABLE role_grant (
    login     TEXT PRIMARY KEY,
    role      TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'supervisor')),
    agency_id INTEGER REFERENCES agency(id),
    CHECK (role <> 'operator' OR agency_id IS NOT NULL)
);

CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_key TEXT NOT NULL,
    before     TEXT,
    after      TEXT
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

INSERT INTO category (code, name_vi, name_en, position) VALUES
    ('ideology', 'Công tác tư tưởng', 'Ideology', 1),
    ('organization', 'Công tác tổ chức xây dựng Đảng', 'Party organization', 2),
    ('inspection', 'Công tác kiểm tra, giám sát', 'Inspection & supervision', 3),
    ('mass_mobilization', 'Công tác dân vận', 'Mass mobilization', 4),
    ('internal_affairs', 'Công tác nội chính', 'Internal affairs', 5),
    ('government', 'Công tác xây dựng bộ máy chính quyền', 'Government apparatus', 6),
    ('front', 'Công tác MTTQ và các đoàn thể', 'Fatherland Front & mass organizations', 7);
"#;

/// Version 2: `INSERT OR REPLACE` (and `REPLACE INTO`) on an existing audit id deletes the
/// old row without firing the DELETE trigger (unless `recursive_triggers` is on), so an
/// audit row could be overwritten. Refuse an insert that reuses an id.
const V2: &str = r#"
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"#;

/// Version 3: one covering index in (program, id) order instead of three sorted by
/// category, lead and program.
///
/// - `task_by_program` (program, id, then every column the aggregates read) serves the
///   dashboard and reports (a range of one program, or a scan of all, folded in Rust), a
///   program's task window in id order without a sort, and its count. Tasks are added
///   with growing ids, so this index grows by appending at one point per program: an
///   import keeps it live instead of sorting a million keys at the end.
/// - `task_by_lead` narrows to one lead agency's tasks, in id order.
/// - `task_by_deadline` (open tasks) is unchanged.
const V3: &str = r#"
DROP INDEX task_by_program;
DROP INDEX task_by_category;
DROP INDEX task_by_lead;
CREATE INDEX task_by_program ON task(program_id, id, category_id, lead_id, status, deadline, completed_on, progress);
CREATE INDEX task_by_lead ON task(lead_id);
"#;

/// Version 4: the record as it stood. Every change of a task is a dated version in
/// `task_version` (valid from one local date to the next version's), which replaces
/// `task_history` (kept as a view of the versions). Tasks are never deleted: a removal is
/// a dated version with `removed = 1` and `task.removed_on`. Task ids come from
/// AUTOINCREMENT, so an id is never given twice. Runs with foreign keys off (the table is
/// rebuilt the way SQLite's ALTER TABLE documentation describes).
const V4: &str = r#"
CREATE TABLE task_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id   INTEGER NOT NULL REFERENCES program(id),
    category_id  INTEGER NOT NULL REFERENCES category(id),
    title        TEXT NOT NULL,
    title_fold   TEXT NOT NULL,
    description  TEXT,
    lead_id      INTEGER NOT NULL REFERENCES agency(id),
    cadence      TEXT NOT NULL CHECK (cadence IN ('roadmap', 'recurring')),
    deadline     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'suspended')),
    progress     INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    completed_on TEXT,
    basis        TEXT,
    created_on   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    removed_on   TEXT
);
INSERT INTO task_new (id, program_id, category_id, title, title_fold, description, lead_id, cadence,
                      deadline, status, progress, completed_on, basis, created_on, version)
    SELECT id, program_id, category_id, title, title_fold, description, lead_id, cadence,
           deadline, status, progress, completed_on, basis, created_on, version FROM task;

CREATE TABLE task_version (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id      INTEGER NOT NULL REFERENCES task(id),
    valid_from   TEXT NOT NULL,
    valid_to     TEXT NOT NULL DEFAULT '9999-12-31',
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    change       TEXT NOT NULL CHECK (change IN ('create', 'progress', 'edit', 'deadline', 'move', 'lead', 'remove', 'restore', 'merge')),
    note         TEXT,
    removed      INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    program_id   INTEGER NOT NULL REFERENCES program(id),
    category_id  INTEGER NOT NULL REFERENCES category(id),
    title        TEXT NOT NULL,
    title_fold   TEXT NOT NULL,
    description  TEXT,
    lead_id      INTEGER NOT NULL REFERENCES agency(id),
    with_ids     TEXT NOT NULL DEFAULT '[]',
    cadence      TEXT NOT NULL,
    deadline     TEXT,
    status       TEXT NOT NULL,
    progress     INTEGER NOT NULL,
    completed_on TEXT,
    basis        TEXT,
    CHECK (valid_to >= valid_from)
);
-- Every history row becomes a version: the task's other fields are the only ones known
-- (deadline and lead changes were in the audit log only), its state is the row's.
INSERT INTO task_version (id, task_id, valid_from, valid_to, at, actor, change, note,
                          program_id, category_id, title, title_fold, description, lead_id, with_ids,
                          cadence, deadline, status, progress, completed_on, basis)
    SELECT h.id, h.task_id, h.on_date,
           coalesce(lead(h.on_date) OVER (PARTITION BY h.task_id ORDER BY h.on_date, h.id), '9999-12-31'),
           h.at, h.actor,
           CASE WHEN row_number() OVER (PARTITION BY h.task_id ORDER BY h.on_date, h.id) = 1 THEN 'create' ELSE 'progress' END,
           h.note, t.program_id, t.category_id, t.title, t.title_fold, t.description, t.lead_id,
           (SELECT json_group_array(w.agency_id) FROM (SELECT agency_id FROM task_with WHERE task_id = t.id ORDER BY agency_id) w),
           t.cadence, t.deadline, h.status, h.progress, h.completed_on, t.basis
    FROM task_history h JOIN task_new t ON t.id = h.task_id
    ORDER BY h.id;
-- A task without history gets one version from its creation.
INSERT INTO task_version (task_id, valid_from, at, actor, change, program_id, category_id, title,
                          title_fold, description, lead_id, with_ids, cadence, deadline, status,
                          progress, completed_on, basis)
    SELECT t.id, t.created_on, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration', 'create',
           t.program_id, t.category_id, t.title, t.title_fold, t.description, t.lead_id,
           (SELECT json_group_array(w.agency_id) FROM (SELECT agency_id FROM task_with WHERE task_id = t.id ORDER BY agency_id) w),
           t.cadence, t.deadline, t.status, t.progress, t.completed_on, t.basis
    FROM task_new t WHERE NOT EXISTS (SELECT 1 FROM task_history h WHERE h.task_id = t.id);

DROP TABLE task_history;
DROP TABLE task;
ALTER TABLE task_new RENAME TO task;

-- `removed_on` and `removed` are columns of their partial indexes too: without them the
-- planner reads each row from the table to test the index's own WHERE (not covering).
CREATE INDEX task_by_program ON task(program_id, id, category_id, lead_id, status, deadline, completed_on, progress, removed_on) WHERE removed_on IS NULL;
CREATE INDEX task_by_lead ON task(lead_id, removed_on) WHERE removed_on IS NULL;
CREATE INDEX task_by_deadline ON task(deadline) WHERE status <> 'done' AND removed_on IS NULL;
CREATE INDEX task_version_by_task ON task_version(task_id, valid_from, id);
CREATE INDEX task_version_at ON task_version(valid_to, valid_from, program_id, task_id, category_id, lead_id, status, deadline, completed_on, progress, removed) WHERE removed = 0;

CREATE VIEW task_history AS
    SELECT id, task_id, at, valid_from AS on_date, actor, status, progress, completed_on, note, change, removed
    FROM task_version;

ALTER TABLE agency ADD COLUMN ended_on TEXT;
ALTER TABLE agency ADD COLUMN merged_into INTEGER REFERENCES agency(id);
ALTER TABLE program ADD COLUMN removed_on TEXT;
CREATE TABLE agency_name (
    agency_id  INTEGER NOT NULL REFERENCES agency(id),
    valid_from TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (agency_id, valid_from)
) WITHOUT ROWID;
"#;

/// The schema version of an open database.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Refuses a database whose schema is newer than this binary knows.
pub fn check_not_newer(conn: &Connection) -> Result<i64> {
    let v = version(conn)?;
    if v < 0 {
        return Err(Error::Other(Db::SchemaDamaged { version: v }.into()));
    }
    if v > LATEST {
        return Err(Error::Other(
            Db::SchemaNewer {
                version: v,
                latest: LATEST,
            }
            .into(),
        ));
    }
    Ok(v)
}

/// Refuses an SQLite file of another program: tables but no phoihop schema version
/// (version 0 is otherwise a new, empty file). Called before anything is written.
pub fn refuse_foreign(conn: &Connection) -> Result<()> {
    if version(conn)? == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(Error::Other(Db::Foreign.into()));
        }
    }
    Ok(())
}

/// Brings the database up to [`LATEST`], each step in its own immediate transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let v = check_not_newer(conn)?;
    if v >= LATEST {
        return Ok(());
    }
    // Version 4 rebuilds the task table: foreign keys are off while it runs (a pragma
    // that has no effect inside a transaction), and checked before each step commits.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let r = migrate_steps(conn, v);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    r
}

fn migrate_steps(conn: &mut Connection, mut v: i64) -> Result<()> {
    while v < LATEST {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Re-read inside the write lock: another process may have migrated meanwhile.
        let now = version(&tx)?;
        if now != v {
            v = now;
            tx.commit()?;
            continue;
        }
        tx.execute_batch(MIGRATIONS[v as usize])?;
        if v == 4 {
            // Version 5: each audit row's hash chains the one before (store/audit_chain.rs);
            // the rows already there are chained in order.
            super::audit_chain::backfill(&tx)?;
        }
        let dangling: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if dangling > 0 {
            return Err(Error::Other(
                Db::MigrationDangling {
                    to: v + 1,
                    rows: dangling,
                }
                .into(),
            ));
        }
        tx.pragma_update(None, "user_version", v + 1)?;
        tx.commit()?;
        v += 1;
    }
    Ok(())
}
