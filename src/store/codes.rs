//! The codes of the programs, categories and agencies by id, for the one task row
//! mapper ([`super::asof::task_row`]): read once and kept while nothing is written,
//! instead of three joins and one more for each coordinating agency in every row read
//! (a quarter of the time of reading a search's 56,000 ranked rows went to seeking
//! those small tables; docs/performance.md).
//!
//! Kept under the key (`PRAGMA data_version`, the connection's total changes): the first
//! changes when another connection commits, the second with every row this one writes,
//! so a write anywhere means a fresh read. Never kept inside a write transaction, which
//! may yet roll back to codes other than the ones it read.

use std::cell::RefCell;
use std::sync::Arc;

use rusqlite::{Connection, TransactionState};

use super::id_map::IdMap;
use super::Store;
use crate::error::Result;

/// The codes of one table by id.
#[derive(Debug, Default)]
pub(super) struct ById(IdMap<String>);

impl ById {
    fn read(conn: &Connection, table: &str) -> Result<ById> {
        let mut out = IdMap::default();
        let mut st = conn.prepare_cached(&format!("SELECT id, code FROM {table}"))?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            out.insert(r.get(0)?, r.get(1)?);
        }
        Ok(ById(out))
    }

    /// The code of `id`, when there is one.
    pub(super) fn get(&self, id: i64) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }
}

/// The codes a task's row names.
#[derive(Debug, Default)]
pub(super) struct Codes {
    pub programs: ById,
    pub categories: ById,
    pub agencies: ById,
}

impl Codes {
    /// The codes as `conn` sees them now.
    pub(super) fn read(conn: &Connection) -> Result<Codes> {
        Ok(Codes {
            programs: ById::read(conn, "program")?,
            categories: ById::read(conn, "category")?,
            agencies: ById::read(conn, "agency")?,
        })
    }
}

/// A store's kept [`Codes`] and the key they were read under.
pub(super) type Cache = RefCell<Option<((i64, u64), Arc<Codes>)>>;

impl Store {
    /// The codes as they stand in this connection's view: the kept ones while nothing
    /// has been written since, else read now (and kept, outside a write transaction).
    pub(super) fn codes(&self) -> Result<Arc<Codes>> {
        let conn = self.conn();
        let version: i64 = conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        let key = (version, conn.total_changes());
        let writing = conn.transaction_state(None::<&str>)? == TransactionState::Write;
        if !writing {
            if let Some((k, codes)) = &*self.codes.borrow() {
                if *k == key {
                    return Ok(Arc::clone(codes));
                }
            }
        }
        let codes = Arc::new(Codes::read(conn)?);
        if !writing {
            *self.codes.borrow_mut() = Some((key, Arc::clone(&codes)));
        }
        Ok(codes)
    }
}
