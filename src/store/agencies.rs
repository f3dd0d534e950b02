//! Agencies: reads and admin-only writes.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{audit, unique_violation, Store};
use crate::domain::{Agency, AgencyKind};
use crate::error::{Error, Result};
use crate::search::fold;

/// Changes to an agency (`None` = unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgencyEdit {
    pub name: Option<String>,
    pub kind: Option<AgencyKind>,
    pub parent: Option<Option<String>>,
    pub head: Option<Option<String>>,
    pub members: Option<Option<i64>>,
    pub staff: Option<Option<i64>>,
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
        Error::invalid(format!(
            "The {field} `{}` is not a known agency code.",
            crate::domain::text::escape(code)
        ))
    })
}

/// Refuses a new agency name that looks the same as an existing one (Unicode's confusable
/// skeleton, UTS #39: `Ban Тuyên giáo` with a Cyrillic `Т`, or the same name again).
fn refuse_confusable_name(conn: &Connection, name: &str) -> Result<()> {
    let skeleton = |s: &str| unicode_security::skeleton(s).collect::<String>();
    let wanted = skeleton(name);
    let mut st = conn.prepare_cached("SELECT code, name FROM agency")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (code, existing): (String, String) = (r.get(0)?, r.get(1)?);
        if skeleton(&existing) == wanted {
            return Err(Error::invalid(format!(
                "The agency name `{}` looks the same as the name of agency {code} (`{}`); give a name that cannot be mistaken for it.",
                crate::domain::text::escape(name),
                crate::domain::text::escape(&existing)
            )));
        }
    }
    Ok(())
}

fn get(conn: &Connection, code: &str) -> Result<Agency> {
    conn.query_row(&format!("{SELECT} WHERE a.code = ?1"), [code], from_row)
        .optional()?
        .map(|(a, _)| a)
        .ok_or_else(|| {
            Error::NotFound(format!(
                "No agency has the code `{}`.",
                crate::domain::text::escape(code)
            ))
        })
}

impl Store {
    /// Every agency, ordered by code.
    pub fn agencies(&self) -> Result<Vec<Agency>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!("{SELECT} ORDER BY a.code"))?;
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
            who.require_admin("add agencies")?;
            refuse_confusable_name(tx, &a.name)?;
            let parent = match &a.parent {
                Some(p) => Some(referenced_agency(tx, "parent agency", p)?),
                None => None,
            };
            tx.execute(
                "INSERT INTO agency (code, name, name_fold, kind, parent_id, head, members, staff) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![a.code, a.name, fold(&a.name), a.kind.code(), parent, a.head, a.members, a.staff],
            )
            .map_err(|e| unique_violation(e, || format!("An agency with the code `{}` already exists.", a.code)))?;
            audit(tx, who, "add", "agency", &a.code, None::<&()>, Some(&a))?;
            Ok(a.clone())
        })
    }

    /// Changes an agency (admin only).
    pub fn edit_agency(&mut self, code: &str, edit: AgencyEdit) -> Result<Agency> {
        self.write(|tx, who| {
            who.require_admin("edit agencies")?;
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
                    return Err(Error::invalid(format!(
                        "Agency `{}` cannot be placed under `{}`: that would make a cycle.",
                        after.code,
                        after.parent.clone().unwrap_or_default()
                    )));
                }
                cursor = get(tx, &p)?.parent;
                hops += 1;
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
            who.require_admin("remove agencies")?;
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
                return Err(Error::invalid(format!(
                    "Agency `{code}` is still referred to {uses} times (tasks, programs, sub-agencies, roles or urges); reassign those first."
                )));
            }
            tx.execute("DELETE FROM agency WHERE id = ?1", [id])?;
            audit(tx, who, "remove", "agency", code, Some(&before), None::<&()>)?;
            Ok(())
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
}
