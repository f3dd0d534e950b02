//! Agencies: reads and admin-only writes.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, unique_violation, Store};
use crate::domain::fold::fold;
use crate::domain::{Agency, AgencyKind};
use crate::error::{Error, Result};
use crate::lang::facts::{Act, Record};

/// Changes to an agency (`None` = unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgencyEdit {
    pub name: Option<String>,
    pub kind: Option<AgencyKind>,
    pub parent: Option<Option<String>>,
    pub head: Option<Option<String>>,
    pub members: Option<Option<i64>>,
    pub staff: Option<Option<i64>>,
    /// The date a new name takes effect (a rename is dated: earlier dates keep the old
    /// name); required when the name changes.
    pub on: Option<chrono::NaiveDate>,
}

const SELECT: &str = "SELECT a.code, a.name, a.kind, p.code, a.head, a.members, a.staff \
                      FROM agency a LEFT JOIN agency p ON p.id = a.parent_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<(Agency, String)> {
    let kind: String = r.get(2)?;
    Ok((
        Agency {
            code: r.get(0)?,
            name: r.get(1)?,
            kind: kind.parse().unwrap_or(AgencyKind::Party),
            parent: r.get(3)?,
            head: r.get(4)?,
            members: r.get(5)?,
            staff: r.get(6)?,
        },
        kind,
    ))
}

/// SQL for the name agency alias `a` had at the end of the date bound to `?1`: its
/// latest recorded name from then or before (renames are in `agency_name`), else its
/// current name.
pub(crate) const NAME_AS_OF: &str =
    "coalesce((SELECT n.name FROM agency_name n WHERE n.agency_id = a.id \
     AND n.valid_from <= ?1 ORDER BY n.valid_from DESC LIMIT 1), a.name)";

/// The id of the agency with this code, if any.
pub(crate) fn agency_id(conn: &Connection, code: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM agency WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The id of an agency a record refers to; an unknown code is invalid data.
pub(crate) fn referenced_agency(conn: &Connection, field: &str, code: &str) -> Result<i64> {
    agency_id(conn, code)?.ok_or_else(|| {
        Error::invalid(Record::UnknownAgency {
            field: field.to_string(),
            code: crate::domain::text::escape(code).into_owned(),
        })
    })
}

/// Unicode's confusable skeleton of a name (UTS #39): two names with the same skeleton
/// look the same (`Ban Тuyên giáo` with a Cyrillic `Т` and `Ban Tuyên giáo`).
pub(crate) fn skeleton(s: &str) -> String {
    unicode_security::skeleton(s).collect()
}

/// The fact refusing an agency name that looks like agency `code`'s name `existing`.
pub(crate) fn confusable_agency(name: &str, code: &str, existing: &str) -> Record {
    Record::AgencyLooksLike {
        name: crate::domain::text::escape(name).into_owned(),
        code: code.to_string(),
        existing: crate::domain::text::escape(existing).into_owned(),
    }
}

/// The name and skeleton of every agency but `except` (the agency being renamed).
pub(crate) fn agency_skeletons(
    conn: &Connection,
    except: Option<&str>,
) -> Result<Vec<(String, String, String)>> {
    let mut st = conn.prepare_cached("SELECT code, name FROM agency")?;
    let mut rows = st.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let (code, name): (String, String) = (r.get(0)?, r.get(1)?);
        if except != Some(code.as_str()) {
            out.push((skeleton(&name), code, name));
        }
    }
    Ok(out)
}

/// Refuses an agency name (new, or the new name of agency `except`) that looks the same as
/// another agency's name (or is the same name again).
fn refuse_confusable_name(conn: &Connection, name: &str, except: Option<&str>) -> Result<()> {
    let wanted = skeleton(name);
    for (sk, code, existing) in agency_skeletons(conn, except)? {
        if sk == wanted {
            return Err(Error::invalid(confusable_agency(name, &code, &existing)));
        }
    }
    Ok(())
}

fn get(conn: &Connection, code: &str) -> Result<Agency> {
    conn.query_row(&format!("{SELECT} WHERE a.code = ?1"), [code], from_row)
        .optional()?
        .map(|(a, _)| a)
        .ok_or_else(|| {
            Error::NotFound(
                Record::NoAgency {
                    code: crate::domain::text::escape(code).into_owned(),
                }
                .into(),
            )
        })
}

impl Store {
    /// Every agency, in protocol order (the agency tree by position, see `order.rs`).
    pub fn agencies(&self) -> Result<Vec<Agency>> {
        let mut st = self.conn().prepare_cached(&format!(
            "{SELECT} {} ORDER BY {}",
            super::order::ORDER_JOIN,
            super::order::ORDER_BY
        ))?;
        let rows = st.query_map([], from_row)?;
        Ok(rows
            .map(|r| r.map(|(a, _)| a))
            .collect::<rusqlite::Result<_>>()?)
    }

    /// One agency by code.
    pub fn agency(&self, code: &str) -> Result<Agency> {
        get(self.conn(), code)
    }

    /// Agencies whose folded name or code contains the folded query (plain substring;
    /// the fuzzy ranking lives in `search`).
    pub fn agencies_matching(&self, query: &str) -> Result<Vec<Agency>> {
        let q = format!("%{}%", fold(query).replace(['%', '_'], ""));
        let mut st = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE a.name_fold LIKE ?1 OR lower(a.code) LIKE ?1 ORDER BY a.code"
        ))?;
        let rows = st.query_map([q], from_row)?;
        Ok(rows
            .map(|r| r.map(|(a, _)| a))
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Adds an agency (admin only).
    pub fn add_agency(&mut self, agency: Agency) -> Result<Agency> {
        let a = agency.validated()?;
        self.write(|tx, who| {
            who.require_admin(Act::AddAgencies)?;
            refuse_confusable_name(tx, &a.name, None)?;
            let parent = match &a.parent {
                Some(p) => Some(referenced_agency(tx, "parent agency", p)?),
                None => None,
            };
            tx.execute(
                "INSERT INTO agency (code, name, name_fold, kind, parent_id, head, members, staff) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![a.code, a.name, fold(&a.name), a.kind.code(), parent, a.head, a.members, a.staff],
            )
            .map_err(|e| unique_violation(e, || crate::lang::facts::Record::CodeTaken { program: false, code: a.code.clone() }.into()))?;
            audit(tx, who, "add", "agency", &a.code, None::<&()>, Some(&a))?;
            Ok(a.clone())
        })
    }

    /// Changes an agency (admin only).
    pub fn edit_agency(&mut self, code: &str, edit: AgencyEdit) -> Result<Agency> {
        self.write(|tx, who| {
            who.require_admin(Act::EditAgencies)?;
            let before = get(tx, code)?;
            let mut after = before.clone();
            if let Some(n) = edit.name {
                after.name = n;
            }
            if let Some(k) = edit.kind {
                after.kind = k;
            }
            if let Some(p) = edit.parent {
                after.parent = p;
            }
            if let Some(h) = edit.head {
                after.head = h;
            }
            if let Some(m) = edit.members {
                after.members = m;
            }
            if let Some(s) = edit.staff {
                after.staff = s;
            }
            let after = after.validated()?;
            let parent = match &after.parent {
                Some(p) => Some(referenced_agency(tx, "parent agency", p)?),
                None => None,
            };
            // Refuse a parent chain that comes back to this agency.
            let mut cursor = after.parent.clone();
            let mut hops = 0;
            while let Some(p) = cursor {
                if p == after.code || hops > 1000 {
                    return Err(Error::invalid(Record::AgencyCycle {
                        code: after.code.clone(),
                        parent: after.parent.clone().unwrap_or_default(),
                    }));
                }
                cursor = get(tx, &p)?.parent;
                hops += 1;
            }
            if after.name != before.name {
                refuse_confusable_name(tx, &after.name, Some(code))?;
                let on = edit.on.ok_or_else(|| {
                    Error::Usage(Record::RenameNeedsDate { code: code.to_string() }.into())
                })?;
                let id = referenced_agency(tx, "agency", code)?;
                // The old name stands from the beginning until the rename, unless an
                // earlier rename already dated it.
                tx.execute(
                    "INSERT OR IGNORE INTO agency_name (agency_id, valid_from, name) \
                     SELECT ?1, '0001-01-01', ?2 WHERE NOT EXISTS (SELECT 1 FROM agency_name WHERE agency_id = ?1)",
                    params![id, before.name],
                )?;
                tx.execute(
                    "INSERT OR REPLACE INTO agency_name (agency_id, valid_from, name) VALUES (?1, ?2, ?3)",
                    params![id, on.to_string(), after.name],
                )?;
            }
            tx.execute(
                "UPDATE agency SET name = ?2, name_fold = ?3, kind = ?4, parent_id = ?5, head = ?6, members = ?7, staff = ?8, version = version + 1 WHERE code = ?1",
                params![code, after.name, fold(&after.name), after.kind.code(), parent, after.head, after.members, after.staff],
            )?;
            audit(tx, who, "edit", "agency", code, Some(&before), Some(&after))?;
            Ok(after)
        })
    }

    /// Removes an agency that nothing refers to (admin only).
    pub fn remove_agency(&mut self, code: &str) -> Result<()> {
        self.write(|tx, who| {
            who.require_admin(Act::RemoveAgencies)?;
            let before = get(tx, code)?;
            let id = referenced_agency(tx, "agency", code)?;
            let uses: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM task WHERE lead_id = ?1) + (SELECT count(*) FROM task_with WHERE agency_id = ?1) \
                 + (SELECT count(*) FROM program_party WHERE agency_id = ?1) + (SELECT count(*) FROM agency WHERE parent_id = ?1) \
                 + (SELECT count(*) FROM role_grant WHERE agency_id = ?1) + (SELECT count(*) FROM urge WHERE agency_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if uses > 0 {
                return Err(Error::invalid(Record::AgencyInUse { code: code.to_string(), uses }));
            }
            // An agency the record of past dates names is kept, so the past still reads;
            // only one that nothing ever named is deleted.
            let past: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM task_version WHERE lead_id = ?1) \
                  + (SELECT count(*) FROM task_version v, json_each(v.with_ids) j WHERE j.value = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if past > 0 {
                return Err(Error::invalid(Record::AgencyHeldTasks { code: code.to_string() }));
            }
            tx.execute("DELETE FROM agency_name WHERE agency_id = ?1", [id])?;
            tx.execute("DELETE FROM agency WHERE id = ?1", [id])?;
            audit(tx, who, "remove", "agency", code, Some(&before), None::<&()>)?;
            Ok(())
        })
    }
}

/// What a merge of one agency into another changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Merged {
    /// Tasks whose lead passed to the new agency.
    pub led: u64,
    /// Tasks whose coordinating agency passed to the new agency.
    pub coordinated: u64,
}

impl Store {
    /// Merges agency `old` into `new` from `on` (admin only): every task the old agency
    /// leads or coordinates passes to the new one by a version dated `on` (as of earlier
    /// dates the old agency and its numbers show), and the old agency ends on `on`.
    /// Seed 002's office merger of 2018 and the 2025 reorganisation are of this kind.
    pub fn merge_agency(&mut self, old: &str, new: &str, on: chrono::NaiveDate) -> Result<Merged> {
        self.write(|tx, who| {
            who.require_admin(Act::MergeAgencies)?;
            if old == new {
                return Err(Error::invalid(Record::MergeIntoItself {
                    code: crate::domain::text::escape(old).into_owned(),
                }));
            }
            let old_id = referenced_agency(tx, "agency to merge", old)?;
            let new_id = referenced_agency(tx, "agency to merge into", new)?;
            let ended: Option<String> =
                tx.query_row("SELECT ended_on FROM agency WHERE id = ?1", [old_id], |r| r.get(0))?;
            if let Some(d) = ended {
                return Err(Error::invalid(Record::MergedAlready { code: old.to_string(), on: d }));
            }
            let tasks: Vec<(i64, bool)> = {
                let mut st = tx.prepare(
                    "SELECT id, lead_id = ?1 FROM task WHERE removed_on IS NULL AND (lead_id = ?1 \
                     OR id IN (SELECT task_id FROM task_with WHERE agency_id = ?1)) ORDER BY id",
                )?;
                let rows = st.query_map([old_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let note = format!("{old} → {new}");
            let mut out = Merged::default();
            for (id, led) in tasks {
                if led {
                    tx.execute(
                        "UPDATE task SET lead_id = ?2, version = version + 1 WHERE id = ?1",
                        params![id, new_id],
                    )?;
                    // The new lead no longer coordinates its own task.
                    tx.execute(
                        "DELETE FROM task_with WHERE task_id = ?1 AND agency_id = ?2",
                        params![id, new_id],
                    )?;
                    out.led += 1;
                } else {
                    tx.execute(
                        "UPDATE task SET version = version + 1 WHERE id = ?1",
                        [id],
                    )?;
                    out.coordinated += 1;
                }
                tx.execute(
                    "DELETE FROM task_with WHERE task_id = ?1 AND agency_id = ?2",
                    params![id, old_id],
                )?;
                if !led {
                    tx.execute(
                        "INSERT OR IGNORE INTO task_with (task_id, agency_id) \
                         SELECT ?1, ?2 WHERE ?2 <> (SELECT lead_id FROM task WHERE id = ?1)",
                        params![id, new_id],
                    )?;
                }
                super::task_writes::record_version(tx, who, id, on, "merge", Some(&note))?;
            }
            tx.execute(
                "UPDATE agency SET ended_on = ?2, merged_into = ?3, version = version + 1 WHERE id = ?1",
                params![old_id, on.to_string(), new_id],
            )?;
            audit(
                tx,
                who,
                "merge",
                "agency",
                old,
                None::<&()>,
                Some(&serde_json::json!({
                    "into": new, "on": on.to_string(), "led": out.led, "coordinated": out.coordinated
                })),
            )?;
            Ok(out)
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod confusable_tests {
    use crate::domain::{Agency, AgencyKind};
    use crate::store::test_support::temp_store;

    fn agency(code: &str, name: &str) -> Agency {
        Agency {
            code: code.into(),
            name: name.into(),
            kind: AgencyKind::Party,
            parent: None,
            head: None,
            members: None,
            staff: None,
        }
    }

    #[test]
    fn a_name_confusable_with_an_existing_one_is_refused() {
        let (_dir, mut s) = temp_store("me");
        s.add_agency(agency("BTG", "Ban Tuyên giáo")).unwrap();
        for look_alike in [
            "Ban Tuyên giáo",              // the same name
            "Ban \u{422}uyên giáo",        // Cyrillic Т
            "B\u{430}n Tuyên giáo",        // Cyrillic а
            "Ban Tuy\u{435}\u{302}n giáo", // Cyrillic е with a combining circumflex
        ] {
            let e = s.add_agency(agency("BTG2", look_alike)).unwrap_err();
            assert_eq!(e.exit_code(), 6, "{look_alike}");
            assert!(e.to_string().contains("BTG"), "{e}");
        }
        // Different Vietnamese names are not confusable, whatever their diacritics.
        s.add_agency(agency("BTC", "Ban Tổ chức")).unwrap();
        s.add_agency(agency("BTO", "Ban Tô chức")).unwrap();
        s.add_agency(agency("BTGTU", "Ban Tuyên giáo Tỉnh ủy"))
            .unwrap();
        assert_eq!(s.agencies().unwrap().len(), 4);
        // A code with a Cyrillic look-alike letter is refused before any lookup.
        let e = s.add_agency(agency("BTG\u{422}U", "Ban khác")).unwrap_err();
        assert_eq!(e.exit_code(), 6);
    }

    fn program(code: &str, title: &str) -> crate::domain::Program {
        crate::domain::Program {
            code: code.into(),
            title: title.into(),
            kind: crate::domain::ProgramKind::Coordination,
            starts_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            ends_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            parties: vec![],
            basis: None,
            review_months: 6,
        }
    }

    fn audit_rows(s: &crate::store::Store) -> i64 {
        s.conn()
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap()
    }

    /// A rename to a name that looks like another agency's is refused (exit 6, one
    /// sentence naming that agency, nothing written); renaming to one's own look-alike
    /// spelling or to a plainly different name works.
    #[test]
    fn an_agency_rename_confusable_with_another_agency_is_refused() {
        use crate::store::AgencyEdit;
        let (_dir, mut s) = temp_store("me");
        s.add_agency(agency("BTG", "Ban Tuyên giáo")).unwrap();
        s.add_agency(agency("BTC", "Ban Tổ chức")).unwrap();
        let rename = |name: &str| AgencyEdit {
            name: Some(name.into()),
            on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
            ..Default::default()
        };
        let n = audit_rows(&s);
        for look_alike in ["Ban Tuyên giáo", "Ban \u{422}uyên giáo"] {
            let e = s.edit_agency("BTC", rename(look_alike)).unwrap_err();
            assert_eq!(e.exit_code(), 6, "{look_alike}");
            assert!(e.to_string().contains("agency BTG"), "{e}");
            assert_eq!(e.to_string().matches(". ").count(), 0, "one sentence: {e}");
        }
        assert_eq!(s.agency("BTC").unwrap().name, "Ban Tổ chức");
        assert_eq!(audit_rows(&s), n);
        s.edit_agency("BTC", rename("Ban Tổ chức Tỉnh ủy")).unwrap();
        // A look-alike of its own name is no other agency's (the digit 1 and the letter l
        // share a skeleton).
        s.add_agency(agency("TCT", "Trường Chính trị số 1"))
            .unwrap();
        s.edit_agency("TCT", rename("Trường Chính trị số l"))
            .unwrap();
    }

    /// Program titles: add and edit refuse a title that looks like another program's.
    #[test]
    fn a_program_title_confusable_with_another_is_refused() {
        use crate::store::ProgramEdit;
        let (_dir, mut s) = temp_store("me");
        s.add_program(program("P1", "Chương trình phối hợp năm 2026"))
            .unwrap();
        let n = audit_rows(&s);
        for look_alike in [
            "Chương trình phối hợp năm 2026",
            "Chương trình phối hợ\u{440} năm 2026", // Cyrillic р
        ] {
            let e = s.add_program(program("P2", look_alike)).unwrap_err();
            assert_eq!(e.exit_code(), 6, "{look_alike}");
            assert!(e.to_string().contains("program P1"), "{e}");
        }
        assert_eq!(audit_rows(&s), n);
        s.add_program(program("P2", "Chương trình phối hợp năm 2027"))
            .unwrap();
        let e = s
            .edit_program(
                "P2",
                ProgramEdit {
                    title: Some("Chương trình phối hợp năm 2026".into()),
                    ..Default::default()
                },
            )
            .unwrap_err();
        assert_eq!(e.exit_code(), 6);
        assert!(e.to_string().contains("program P1"), "{e}");
        // Editing another field of a program keeps its title, which is no conflict.
        s.edit_program(
            "P1",
            ProgramEdit {
                review_months: Some(3),
                ..Default::default()
            },
        )
        .unwrap();
    }

    /// An import refuses an agency or a program that looks like one in the database or one
    /// earlier in the same import, naming the file, line and field; nothing is written.
    #[test]
    fn an_import_refuses_confusable_agencies_and_programs() {
        use crate::store::import::{ImportBatch, Origin, Sourced};
        let (_dir, mut s) = temp_store("me");
        s.add_agency(agency("BTG", "Ban Tuyên giáo")).unwrap();
        s.add_program(program("P1", "Chương trình phối hợp năm 2026"))
            .unwrap();
        fn src<T>(value: T, line: u64) -> Sourced<T> {
            Sourced {
                origin: Origin {
                    file: "nhap.json".into(),
                    line,
                },
                value,
            }
        }
        let n = audit_rows(&s);
        let cases = [
            ImportBatch {
                agencies: vec![src(agency("BTG2", "Ban \u{422}uyên giáo"), 2)],
                ..Default::default()
            },
            ImportBatch {
                agencies: vec![
                    src(agency("X1", "Ban Nội chính"), 2),
                    src(agency("X2", "B\u{430}n Nội chính"), 3), // Cyrillic а
                ],
                ..Default::default()
            },
            ImportBatch {
                programs: vec![src(program("P2", "Chương trình phối hợp năm 2026"), 4)],
                ..Default::default()
            },
            ImportBatch {
                programs: vec![
                    src(program("Q1", "Đề án chuyển đổi số"), 2),
                    src(program("Q2", "Đề án chuyển đổi số"), 3),
                ],
                ..Default::default()
            },
        ];
        for (i, b) in cases.iter().enumerate() {
            for dry in [true, false] {
                let e = s.import(b, dry).unwrap_err();
                assert_eq!(e.exit_code(), 6, "case {i}: {e}");
                let m = e.to_string();
                assert!(m.starts_with("nhap.json line "), "case {i}: {m}");
                assert!(m.contains("looks the same"), "case {i}: {m}");
            }
        }
        assert_eq!(s.agencies().unwrap().len(), 1);
        assert_eq!(s.programs().unwrap().len(), 1);
        assert_eq!(audit_rows(&s), n);
        // The same agency again, with the same data, is "unchanged", not confusable.
        let same = ImportBatch {
            agencies: vec![src(agency("BTG", "Ban Tuyên giáo"), 2)],
            ..Default::default()
        };
        assert_eq!(s.import(&same, false).unwrap().agencies_unchanged, 1);
    }
}
