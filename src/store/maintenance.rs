//! Backup and consistency checks.

use std::path::Path;
use std::time::Duration;

use rusqlite::OpenFlags;

use super::Store;
use crate::error::{Error, Result};
use crate::lang::facts::{Audit, Fact, Files, Rule};

/// One finding of `check`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finding {
    /// In JSON, its English sentence.
    #[serde(serialize_with = "crate::lang::facts::serialize_rendered")]
    pub what: Fact,
}

impl Store {
    /// Writes an online, consistent copy of the database to `dest` (SQLite's backup API),
    /// while other sessions go on writing. `dest` must not exist. It is a file the user
    /// names: created without following a link, mode 0660 whatever the umask, and under a
    /// setgid install written with the user's own group (`crate::safe_file`).
    pub fn backup(&self, dest: &Path) -> Result<()> {
        self.backup_reporting(dest, None)
    }

    /// [`Store::backup`], calling `step` after each batch of pages (a progress bar).
    pub fn backup_reporting(
        &self,
        dest: &Path,
        step: Option<fn(rusqlite::backup::Progress)>,
    ) -> Result<()> {
        crate::safe_file::as_real_group(|| {
            // Looked at with the user's own group: whether a file exists in a directory
            // only the install's group can read is not the user's to learn.
            if dest.exists() {
                return Err(Error::Usage(
                    Files::BackupExists {
                        path: dest.display().to_string(),
                    }
                    .into(),
                ));
            }
            drop(crate::safe_file::create_new(
                dest,
                crate::safe_file::DATABASE_MODE,
            )?);
            let mut out = rusqlite::Connection::open_with_flags(
                dest,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_NOFOLLOW
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let result = {
                let b = rusqlite::backup::Backup::new(self.conn(), &mut out)?;
                b.run_to_completion(1000, Duration::from_millis(5), step)
            };
            if let Err(e) = result {
                drop(out);
                let _ = std::fs::remove_file(dest);
                return Err(e.into());
            }
            out.execute_batch("PRAGMA journal_mode=DELETE")?;
            Ok(())
        })
    }

    /// Integrity and consistency check: SQLite's `integrity_check`, foreign keys, and
    /// the domain's rules on every task. Returns the problems found (empty = healthy).
    pub fn check(&self) -> Result<Vec<Finding>> {
        let mut out = Vec::new();
        let conn = self.conn();
        let mut st = conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if rows != ["ok"] {
            // SQLite's own words.
            out.extend(rows.into_iter().map(|what| Finding { what: what.into() }));
        }
        let mut st = conn.prepare("PRAGMA foreign_key_check")?;
        let fk: Vec<Audit> = st
            .query_map([], |r| {
                Ok(Audit::Dangling {
                    row: r.get::<_, i64>(1).unwrap_or(0),
                    table: r.get::<_, String>(0)?,
                    parent: r.get::<_, String>(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.extend(fk.into_iter().map(|what| Finding { what: what.into() }));
        if let Some(what) = super::audit_chain::verify(conn)?.problem {
            out.push(Finding { what: what.into() });
        }
        let rules: &[(&str, Rule)] = &[
            ("SELECT id FROM task WHERE status = 'done' AND progress <> 100", Rule::DoneNotFull),
            ("SELECT id FROM task WHERE status = 'done' AND completed_on IS NULL", Rule::DoneNoDate),
            ("SELECT id FROM task WHERE status <> 'done' AND completed_on IS NOT NULL", Rule::OpenWithDate),
            ("SELECT id FROM task WHERE cadence = 'roadmap' AND deadline IS NULL", Rule::RoadmapNoDeadline),
            ("SELECT id FROM task WHERE completed_on < created_on", Rule::CompletedBeforeCreated),
            // The history rules: versions in date order, each ending where the next
            // begins, the first on the day of creation, none done before its completion
            // date, and the current row equal to the last version.
            ("SELECT t.id FROM task t WHERE NOT EXISTS (SELECT 1 FROM task_version v WHERE v.task_id = t.id)", Rule::NoHistory),
            ("SELECT DISTINCT task_id FROM (SELECT task_id, valid_to, \
                coalesce(lead(valid_from) OVER w, '9999-12-31') AS next_from FROM task_version \
                WINDOW w AS (PARTITION BY task_id ORDER BY valid_from, id)) WHERE valid_to <> next_from ORDER BY task_id",
             Rule::VersionsGap),
            ("SELECT t.id FROM task t WHERE t.created_on <> (SELECT min(v.valid_from) FROM task_version v WHERE v.task_id = t.id)",
             Rule::FirstVersionDate),
            ("SELECT DISTINCT task_id FROM task_version WHERE status = 'done' AND (completed_on IS NULL OR completed_on > valid_from) ORDER BY task_id",
             Rule::VersionDoneEarly),
            ("SELECT DISTINCT task_id FROM task_version WHERE removed = 0 AND status <> 'done' AND completed_on IS NOT NULL ORDER BY task_id",
             Rule::VersionOpenWithDate),
            ("SELECT t.id FROM task t LEFT JOIN task_version v ON v.task_id = t.id AND v.valid_to = '9999-12-31' \
              WHERE v.id IS NULL OR NOT (v.program_id = t.program_id AND v.category_id = t.category_id \
                AND v.title = t.title AND v.title_fold = t.title_fold AND v.description IS t.description \
                AND v.lead_id = t.lead_id AND v.cadence = t.cadence AND v.deadline IS t.deadline \
                AND v.status = t.status AND v.progress = t.progress AND v.completed_on IS t.completed_on \
                AND v.basis IS t.basis AND v.removed = (t.removed_on IS NOT NULL) \
                AND v.with_ids = (SELECT json_group_array(x.agency_id) FROM \
                    (SELECT agency_id FROM task_with WHERE task_id = t.id ORDER BY agency_id) x))",
             Rule::DiffersFromVersion),
        ];
        for &(sql, rule) in rules {
            let mut st = conn.prepare(sql)?;
            let ids: Vec<i64> = st
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids.iter().take(20) {
                out.push(Finding {
                    what: Audit::Task { id: *id, rule }.into(),
                });
            }
            if ids.len() > 20 {
                out.push(Finding {
                    what: Audit::MoreTasks {
                        n: ids.len() - 20,
                        rule,
                    }
                    .into(),
                });
            }
        }
        Ok(out)
    }
}
