//! The typed row layer: the domain's codes, [`Progress`] and dates as SQLite values both
//! ways (dates through rusqlite's `chrono` feature, `YYYY-MM-DD`), and [`col`], which
//! reads a column of a task's row or fails with an error that names the task, what the
//! column holds and the stored value — never a default in its place.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::Row;

use crate::domain::{AgencyKind, Bucket, Cadence, ProgramKind, Progress, Role, Status};
pub use crate::lang::facts::Stored;

macro_rules! code_sql {
    ($($t:ty),+) => { $(
        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                v.as_str()?
                    .parse()
                    .map_err(|e: crate::error::Error| FromSqlError::Other(e.to_string().into()))
            }
        }
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }
    )+ };
}
code_sql!(AgencyKind, ProgramKind, Cadence, Status, Bucket, Role);

impl FromSql for Progress {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = v.as_i64()?;
        Progress::new(n).map_err(|_| FromSqlError::OutOfRange(n))
    }
}

impl ToSql for Progress {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.get())))
    }
}

/// The stored value of a column as text, for an error that quotes it.
fn shown(v: rusqlite::Result<ValueRef<'_>>) -> String {
    match v {
        Ok(ValueRef::Null) => "NULL".into(),
        Ok(ValueRef::Integer(i)) => i.to_string(),
        Ok(ValueRef::Real(f)) => f.to_string(),
        Ok(ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
        Ok(ValueRef::Blob(b)) => format!("<{} bytes>", b.len()),
        Err(e) => e.to_string(),
    }
}

/// A stored value that does not read as its type: an error that names the task.
pub(crate) fn bad_value(what: Stored, id: i64, value: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        Box::new(BadStored {
            id,
            what,
            value: crate::domain::text::escape(value).into_owned(),
        }),
    )
}

/// What [`bad_value`] carries, for `Error::from` to say in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStored {
    pub id: i64,
    pub what: Stored,
    pub value: String,
}

impl std::fmt::Display for BadStored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.fact().render(crate::lang::Lang::En))
    }
}

impl std::error::Error for BadStored {}

impl BadStored {
    pub fn fact(&self) -> crate::lang::facts::Db {
        crate::lang::facts::Db::BadStored {
            id: self.id,
            what: self.what,
            value: self.value.clone(),
        }
    }
}

/// Column `idx` of the row of task `id` as `T`. A stored value that is not a `T` is an
/// error that names the task, `what` and the value; other errors pass as they are.
pub(crate) fn col<T: FromSql>(
    r: &Row<'_>,
    idx: usize,
    id: i64,
    what: Stored,
) -> rusqlite::Result<T> {
    match r.get(idx) {
        Ok(v) => Ok(v),
        Err(
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..),
        ) => Err(bad_value(what, id, &shown(r.get_ref(idx)))),
        Err(e) => Err(e),
    }
}

/// A stored date read by [`crate::domain::date::parse_stored`]: rusqlite's `chrono`
/// reading parses its format string again for every value (a tenth of the time of
/// mapping a task's row).
struct Day(chrono::NaiveDate);

impl FromSql for Day {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = v.as_str()?;
        crate::domain::date::parse_stored(s)
            .map(Day)
            .ok_or_else(|| FromSqlError::Other(format!("not a date: {s}").into()))
    }
}

/// A date column's type: a date, or an optional one (NULL for none).
pub(crate) trait DateCol: Sized {
    fn read(r: &Row<'_>, idx: usize, id: i64, what: Stored) -> rusqlite::Result<Self>;
}

impl DateCol for chrono::NaiveDate {
    fn read(r: &Row<'_>, idx: usize, id: i64, what: Stored) -> rusqlite::Result<Self> {
        col::<Day>(r, idx, id, what).map(|d| d.0)
    }
}

impl DateCol for Option<chrono::NaiveDate> {
    fn read(r: &Row<'_>, idx: usize, id: i64, what: Stored) -> rusqlite::Result<Self> {
        col::<Option<Day>>(r, idx, id, what).map(|d| d.map(|d| d.0))
    }
}

/// Date column `idx` of the row of task `id`, as [`col`] reads other columns (the same
/// errors), without chrono's format string.
pub(crate) fn date<T: DateCol>(
    r: &Row<'_>,
    idx: usize,
    id: i64,
    what: Stored,
) -> rusqlite::Result<T> {
    T::read(r, idx, id, what)
}
