//! Role grants (admin only, or anyone while the database is in single-user mode).

use rusqlite::params;

use super::access::{who, Who};
use super::agencies::referenced_agency;
use super::{audit, Store};
use crate::domain::{text, Grant, Role};
use crate::error::{Error, Result};
use crate::lang::facts::{Access, Act};

impl Store {
    /// The acting login and its effective role.
    pub fn whoami(&self) -> Result<Who> {
        who(self.conn(), self.login())
    }

    /// Every grant, by login.
    pub fn grants(&self) -> Result<Vec<Grant>> {
        let mut st = self.conn().prepare_cached(
            "SELECT g.login, g.role, a.code FROM role_grant g LEFT JOIN agency a ON a.id = g.agency_id ORDER BY g.login",
        )?;
        let rows = st.query_map([], |r| {
            let role: String = r.get(1)?;
            Ok(Grant {
                login: r.get(0)?,
                role: role.parse().unwrap_or(Role::Supervisor),
                agency: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Grants (or changes) a login's role. An operator needs an agency.
    pub fn grant(&mut self, login: &str, role: Role, agency: Option<&str>) -> Result<Grant> {
        let login = text::clean_line("login", login)?;
        if login.chars().any(char::is_whitespace) {
            return Err(Error::invalid(Access::LoginHasSpace { login }));
        }
        if role == Role::Operator && agency.is_none() {
            return Err(Error::Usage(Access::OperatorNeedsAgency.into()));
        }
        if role != Role::Operator && agency.is_some() {
            return Err(Error::Usage(Access::OnlyOperatorsBound { role }.into()));
        }
        self.write(|tx, who| {
            who.require_admin(Act::GrantRoles)?;
            let agency_id = match agency {
                Some(a) => Some(referenced_agency(tx, "agency", a)?),
                None => None,
            };
            let before = grant_of(tx, &login)?;
            if role != Role::Admin && is_last_admin(tx, before.as_ref())? {
                return Err(Error::PermissionDenied(
                    Access::LastAdminChange { login: login.clone(), role }.into(),
                ));
            }
            tx.execute(
                "INSERT INTO role_grant (login, role, agency_id) VALUES (?1, ?2, ?3) \
                 ON CONFLICT(login) DO UPDATE SET role = excluded.role, agency_id = excluded.agency_id",
                params![login, role.code(), agency_id],
            )?;
            let g = Grant {
                login: login.clone(),
                role,
                agency: agency.map(str::to_string),
            };
            audit(tx, who, "grant", "role", &login, before.as_ref(), Some(&g))?;
            Ok(g)
        })
    }

    /// Revokes a login's role (that login becomes a supervisor). The last admin cannot be
    /// revoked while other grants remain (nobody could grant or revoke any more). The last
    /// grant of all needs `force`: without grants the database is back in single-user
    /// mode, where every login that can open the file is admin. The audit row records the
    /// grant taken away.
    pub fn revoke(&mut self, login: &str, force: bool) -> Result<()> {
        self.write(|tx, who| {
            who.require_admin(Act::RevokeRoles)?;
            let Some(before) = grant_of(tx, login)? else {
                return Err(Error::NotFound(
                    Access::NoGrant {
                        login: text::escape(login).into_owned(),
                    }
                    .into(),
                ));
            };
            let grants: i64 = tx.query_row("SELECT count(*) FROM role_grant", [], |r| r.get(0))?;
            if grants == 1 && !force {
                return Err(Error::PermissionDenied(
                    Access::LastGrant {
                        login: login.to_string(),
                    }
                    .into(),
                ));
            }
            if grants > 1 && is_last_admin(tx, Some(&before))? {
                return Err(Error::PermissionDenied(
                    Access::LastAdminRevoke {
                        login: login.to_string(),
                    }
                    .into(),
                ));
            }
            tx.execute("DELETE FROM role_grant WHERE login = ?1", [login])?;
            audit(tx, who, "revoke", "role", login, Some(&before), None::<&()>)?;
            Ok(())
        })
    }
}

/// The grant of `login`, if any.
fn grant_of(conn: &rusqlite::Connection, login: &str) -> Result<Option<Grant>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT g.role, a.code FROM role_grant g LEFT JOIN agency a ON a.id = g.agency_id WHERE g.login = ?1",
            [login],
            |r| {
                let role: String = r.get(0)?;
                Ok(Grant {
                    login: login.to_string(),
                    role: role.parse().unwrap_or(Role::Supervisor),
                    agency: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// True when `grant` is an admin's and no other login is admin.
fn is_last_admin(conn: &rusqlite::Connection, grant: Option<&Grant>) -> Result<bool> {
    let Some(g) = grant.filter(|g| g.role == Role::Admin) else {
        return Ok(false);
    };
    let others: i64 = conn.query_row(
        "SELECT count(*) FROM role_grant WHERE role = 'admin' AND login <> ?1",
        [&g.login],
        |r| r.get(0),
    )?;
    Ok(others == 0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::domain::Role;
    use crate::store::test_support::{reopen_as, temp_store};

    fn last_audit(s: &crate::store::Store) -> (String, Option<String>) {
        s.conn()
            .query_row(
                "SELECT action, before FROM audit ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    }

    #[test]
    fn the_last_admin_is_neither_revoked_nor_demoted() {
        let (_dir, mut admin) = temp_store("vanphong");
        admin.grant("vanphong", Role::Admin, None).unwrap();
        admin.grant("lanhdao", Role::Supervisor, None).unwrap();
        for e in [
            admin.revoke("vanphong", false).unwrap_err(),
            admin.revoke("vanphong", true).unwrap_err(),
            admin.grant("vanphong", Role::Supervisor, None).unwrap_err(),
        ] {
            assert_eq!(e.exit_code(), 5, "{e}");
            assert!(e.to_string().contains("last admin"), "{e}");
        }
        assert_eq!(admin.whoami().unwrap().role, Role::Admin);
        // With a second admin, either may step down.
        admin.grant("hai", Role::Admin, None).unwrap();
        admin.grant("vanphong", Role::Supervisor, None).unwrap();
        let mut hai = reopen_as(&admin, "hai");
        assert_eq!(hai.revoke("hai", false).unwrap_err().exit_code(), 5);
        hai.revoke("lanhdao", false).unwrap();
        // Revoke records the grant taken away.
        let (action, before) = last_audit(&hai);
        assert_eq!(action, "revoke");
        let before: serde_json::Value = serde_json::from_str(&before.unwrap()).unwrap();
        assert_eq!(before["role"], "supervisor");
        assert_eq!(before["login"], "lanhdao");
    }

    #[test]
    fn the_last_grant_needs_force() {
        let (_dir, mut admin) = temp_store("vanphong");
        admin.grant("vanphong", Role::Admin, None).unwrap();
        let e = admin.revoke("vanphong", false).unwrap_err();
        assert_eq!(e.exit_code(), 5);
        assert!(e.to_string().contains("single-user mode"), "{e}");
        assert!(e.to_string().contains("--force"), "{e}");
        assert_eq!(admin.grants().unwrap().len(), 1);
        admin.revoke("vanphong", true).unwrap();
        assert!(admin.grants().unwrap().is_empty());
        assert!(admin.whoami().unwrap().single_user);
        let (_, before) = last_audit(&admin);
        assert!(before.unwrap().contains("\"admin\""));
    }
}
