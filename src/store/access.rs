//! Who is acting, and what they may do. Roles are enforced here, in the store, so the CLI
//! and the TUI obey the same rules.
//!
//! Until any role is granted the database is in single-user mode: everyone is admin.
//! After that, a login without a grant is a supervisor.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::Role;
use crate::error::{Error, Result};
use crate::lang::facts::{Access, Act, Standing, Why};

/// The acting login and its effective role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub login: String,
    pub role: Role,
    /// The agency an operator is bound to: (id, code).
    pub agency: Option<(i64, String)>,
    /// True while no role has been granted (everyone is admin).
    pub single_user: bool,
    /// True when the login has no grant of its own (and so is a supervisor).
    pub ungranted: bool,
}

/// The OS login of the process's real uid (not `$USER`, which anyone can set).
pub fn os_login() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) => u.name,
        _ => format!("uid{}", uid.as_raw()),
    }
}

/// Resolves the effective role of `login`.
pub(crate) fn who(conn: &Connection, login: &str) -> Result<Who> {
    let any: i64 = conn.query_row("SELECT count(*) FROM role_grant", [], |r| r.get(0))?;
    if any == 0 {
        return Ok(Who {
            login: login.to_string(),
            role: Role::Admin,
            agency: None,
            single_user: true,
            ungranted: false,
        });
    }
    let row: Option<(String, Option<i64>, Option<String>)> = conn
        .query_row(
            "SELECT g.role, g.agency_id, a.code FROM role_grant g LEFT JOIN agency a ON a.id = g.agency_id WHERE g.login = ?1",
            [login],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match row {
        Some((role, id, code)) => Who {
            login: login.to_string(),
            role: role.parse()?,
            agency: id.zip(code),
            single_user: false,
            ungranted: false,
        },
        None => Who {
            login: login.to_string(),
            role: Role::Supervisor,
            agency: None,
            single_user: false,
            ungranted: true,
        },
    })
}

impl Who {
    fn denied(&self, act: Act, why: Option<Why>) -> Error {
        let standing = if self.ungranted {
            Standing::Ungranted
        } else {
            match (&self.role, &self.agency) {
                (Role::Operator, Some((_, code))) => Standing::OperatorOf(code.clone()),
                (r, _) => Standing::Is(*r),
            }
        };
        Error::PermissionDenied(
            Access::Denied {
                login: self.login.clone(),
                standing,
                act,
                why,
            }
            .into(),
        )
    }

    /// Admin-only writes: agencies, programs, categories, roles.
    pub fn require_admin(&self, what: impl Into<Act>) -> Result<()> {
        if self.role == Role::Admin {
            Ok(())
        } else {
            Err(self.denied(what.into(), None))
        }
    }

    /// Writes to a task led or coordinated by these agencies (ids).
    pub fn require_task_write(&self, lead: i64, with: &[i64], what: impl Into<Act>) -> Result<()> {
        match self.role {
            Role::Admin => Ok(()),
            Role::Operator => match &self.agency {
                Some((a, _)) if *a == lead || with.contains(a) => Ok(()),
                _ => Err(self.denied(what.into(), Some(Why::OwnAgencyOnly))),
            },
            Role::Supervisor => Err(self.denied(what.into(), Some(Why::SupervisorsUrge))),
        }
    }

    /// Writes only the lead agency (*chủ trì*) answers for: progress, status, the task's
    /// fields, its deadline. A coordinating agency's operator may only add a note.
    pub fn require_lead(&self, lead: i64, what: impl Into<Act>) -> Result<()> {
        match self.role {
            Role::Admin => Ok(()),
            Role::Operator => match &self.agency {
                Some((a, _)) if *a == lead => Ok(()),
                _ => Err(self.denied(what.into(), Some(Why::LeadOnly))),
            },
            Role::Supervisor => Err(self.denied(what.into(), Some(Why::SupervisorsUrge))),
        }
    }

    /// True when this login may change a task with these agencies (for showing, not
    /// enforcing: the write functions enforce).
    pub fn may_write_task(&self, lead: i64, with: &[i64]) -> bool {
        self.require_task_write(lead, with, "").is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_is_not_from_env() {
        let before = os_login();
        std::env::set_var("USER", "somebody-else");
        std::env::set_var("LOGNAME", "somebody-else");
        assert_eq!(os_login(), before);
        assert_ne!(os_login(), "somebody-else");
    }
}
