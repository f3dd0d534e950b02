//! Role grants (admin only, or anyone while the database is in single-user mode).

use rusqlite::params;

use super::access::{who, Who};
use super::agencies::referenced_agency;
use super::{audit, Store};
use crate::domain::{text, Grant, Role};
use crate::error::{Error, Result};

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
            return Err(Error::invalid(format!(
                "The login `{login}` contains a space."
            )));
        }
        if role == Role::Operator && agency.is_none() {
            return Err(Error::Usage(
                "An operator is bound to an agency: give --agency CODE.".into(),
            ));
        }
        if role != Role::Operator && agency.is_some() {
            return Err(Error::Usage(format!(
                "Only operators are bound to an agency; drop --agency for a {role}."
            )));
        }
        self.write(|tx, who| {
            who.require_admin("grant roles")?;
            let agency_id = match agency {
                Some(a) => Some(referenced_agency(tx, "agency", a)?),
                None => None,
            };
            let before: Option<Grant> = tx
                .query_row(
                    "SELECT g.role, a.code FROM role_grant g LEFT JOIN agency a ON a.id = g.agency_id WHERE g.login = ?1",
                    [&login],
                    |r| {
                        let role: String = r.get(0)?;
                        Ok(Grant { login: login.clone(), role: role.parse().unwrap_or(Role::Supervisor), agency: r.get(1)? })
                    },
                )
                .ok();
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

    /// Revokes a login's role (that login becomes a supervisor, or, when it was the last
    /// grant, the database returns to single-user mode).
    pub fn revoke(&mut self, login: &str) -> Result<()> {
        self.write(|tx, who| {
            who.require_admin("revoke roles")?;
            let n = tx.execute("DELETE FROM role_grant WHERE login = ?1", [login])?;
            if n == 0 {
                return Err(Error::NotFound(format!(
                    "The login `{}` has no role granted.",
                    text::escape(login)
                )));
            }
            audit(tx, who, "revoke", "role", login, Some(&login), None::<&()>)?;
            Ok(())
        })
    }
}
