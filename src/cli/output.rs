//! Output of list and show commands: `--format table|json|csv`, shared by every command.
//!
//! A command builds [`Record`]s (ordered fields of typed [`Cell`]s) and hands them to
//! [`list`] or [`show`]. The three formats then agree on the fields:
//!
//! - **json**: pretty, stable; dates `YYYY-MM-DD` or `null`, lists as arrays, numbers as
//!   numbers. A list is an array of objects, a show one object.
//! - **csv**: a header row of the field keys, then one row per record (lists joined with
//!   `;`, absent values empty). Text is written as stored (no escaping: a machine format),
//!   except that a text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…)
//!   gets a leading apostrophe, as in reports and exports.
//! - **table**: for people at a terminal: headers in the interface language, columns
//!   aligned by display width, long cells cut with `…`, dates `dd/mm/yyyy` in Vietnamese,
//!   and every stored string passed through [`text::escape`], so no control character,
//!   escape sequence or bidi override reaches the terminal.
//!
//! Everything is written through [`emit`], which treats a closed pipe
//! (`phoihop task list | head`) as a normal end rather than an error.

use std::io::Write;

use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Format;
use crate::domain::{date, text};
use crate::error::{Error, Result};
use crate::lang::facts::{Files, Written};

/// The widest a table cell may be, in terminal columns, before it is cut with `…`.
pub const MAX_CELL_WIDTH: usize = 60;

/// One typed value of a record.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Stored text (escaped in tables).
    Text(String),
    /// A code of a closed vocabulary (status, bucket, cadence, kind, role): as is in JSON
    /// and CSV, its Vietnamese name in Vietnamese tables.
    Code(&'static str),
    /// A code of the database's own vocabulary (a category): as is in JSON, CSV and
    /// English tables, `vi` (its Vietnamese name) in Vietnamese tables.
    Named {
        code: String,
        /// Shared by every record of the category (one name, not a copy a row).
        vi: std::sync::Arc<str>,
    },
    /// Optional stored text (`null` in JSON, empty in CSV and tables).
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
    /// A date: `YYYY-MM-DD` in JSON and CSV, `dd/mm/yyyy` in Vietnamese tables.
    Date(Option<NaiveDate>),
    /// A list of codes: an array in JSON, `a;b` in CSV, `a, b` in tables.
    List(Vec<String>),
    Bool(bool),
}

impl Cell {
    /// The cell as CSV text (unescaped).
    fn csv(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Code(c) => c.to_string(),
            Cell::Named { code, .. } => code.clone(),
            Cell::OptText(s) => s.clone().unwrap_or_default(),
            Cell::Int(n) => n.to_string(),
            Cell::OptInt(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Date(d) => d.map(date::iso).unwrap_or_default(),
            Cell::List(v) => v.join(";"),
            Cell::Bool(b) => b.to_string(),
        }
    }

    /// The cell as written to a CSV file: text that would start a spreadsheet formula
    /// neutralized.
    fn csv_out(&self) -> String {
        match self {
            Cell::Text(s) | Cell::OptText(Some(s)) => text::neutralize_formula(s).into_owned(),
            other => other.csv(),
        }
    }

    /// The cell as table text for `lang`, escaped for the terminal.
    fn table(&self, lang: &str) -> String {
        let raw = match self {
            Cell::Date(Some(d)) if lang == "vi" => date::dmy(*d),
            Cell::Code(c) if lang == "vi" => code_vi(c).to_string(),
            Cell::Named { vi, .. } if lang == "vi" => vi.to_string(),
            Cell::List(v) => v.join(", "),
            Cell::Bool(b) => match (lang, b) {
                ("vi", true) => "có".into(),
                ("vi", false) => "không".into(),
                (_, true) => "yes".into(),
                (_, false) => "no".into(),
            },
            other => other.csv(),
        };
        text::escape(&raw).into_owned()
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => s.serialize_str(t),
            Cell::Code(c) => s.serialize_str(c),
            Cell::Named { code, .. } => s.serialize_str(code),
            Cell::OptText(t) => t.serialize(s),
            Cell::Int(n) => s.serialize_i64(*n),
            Cell::OptInt(n) => n.serialize(s),
            Cell::Date(d) => d.map(date::iso).serialize(s),
            Cell::List(v) => {
                let mut seq = s.serialize_seq(Some(v.len()))?;
                for x in v {
                    seq.serialize_element(x)?;
                }
                seq.end()
            }
            Cell::Bool(b) => s.serialize_bool(*b),
        }
    }
}

/// A record: fields in display order, each a stable key and a typed cell. Serializes as
/// a JSON object with the keys in this order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    pub fields: Vec<(&'static str, Cell)>,
    /// Nested lists shown only in JSON and, for `show`, as sub-tables (e.g. a task's
    /// `history` and `urges`).
    pub nested: Vec<(&'static str, Vec<Record>)>,
}

impl Record {
    /// An empty record.
    pub fn new() -> Self {
        Record::default()
    }

    /// An empty record with room for `n` fields.
    pub fn with_fields(n: usize) -> Self {
        Record {
            fields: Vec::with_capacity(n),
            nested: Vec::new(),
        }
    }

    /// Adds a field.
    pub fn field(mut self, key: &'static str, cell: Cell) -> Self {
        self.fields.push((key, cell));
        self
    }

    /// Adds a text field.
    pub fn text(self, key: &'static str, v: impl Into<String>) -> Self {
        self.field(key, Cell::Text(v.into()))
    }

    /// Adds a vocabulary code.
    pub fn code(self, key: &'static str, code: &'static str) -> Self {
        self.field(key, Cell::Code(code))
    }

    /// Adds a nested list of records.
    pub fn nest(mut self, key: &'static str, rows: Vec<Record>) -> Self {
        self.nested.push((key, rows));
        self
    }

    fn keys(&self) -> Vec<&'static str> {
        self.fields.iter().map(|(k, _)| *k).collect()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.fields.len() + self.nested.len()))?;
        for (k, v) in &self.fields {
            m.serialize_entry(k, v)?;
        }
        for (k, v) in &self.nested {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Column headers of tables, by field key: (English, Vietnamese). Unknown keys are shown
/// as they are.
const LABELS: &[(&str, &str, &str)] = &[
    ("id", "ID", "Mã"),
    ("code", "Code", "Mã"),
    ("name", "Name", "Tên"),
    ("kind", "Kind", "Loại"),
    ("parent", "Parent", "Trực thuộc"),
    ("head", "Head", "Người đứng đầu"),
    ("members", "Members", "Đảng viên"),
    ("staff", "Staff", "Cán bộ"),
    ("title", "Title", "Tiêu đề"),
    ("from", "From", "Từ ngày"),
    ("to", "To", "Đến ngày"),
    ("parties", "Parties", "Các bên ký"),
    ("basis", "Basis", "Căn cứ"),
    ("review_months", "Review (months)", "Sơ kết (tháng)"),
    ("program", "Program", "Chương trình"),
    ("category", "Category", "Lĩnh vực"),
    ("description", "Description", "Mô tả"),
    ("lead", "Lead", "Chủ trì"),
    ("with", "With", "Phối hợp"),
    ("cadence", "Cadence", "Tính chất"),
    ("deadline", "Deadline", "Thời hạn"),
    ("status", "Status", "Trạng thái"),
    ("progress", "Progress", "Tiến độ"),
    ("completed_on", "Completed", "Ngày hoàn thành"),
    ("created_on", "Created", "Ngày tạo"),
    ("version", "Version", "Phiên bản"),
    ("bucket", "Bucket", "Hạn"),
    ("due_soon", "Due soon", "Sắp đến hạn"),
    ("at", "At", "Lúc"),
    ("on", "On", "Ngày"),
    ("actor", "By", "Người thực hiện"),
    ("note", "Note", "Ghi chú"),
    ("message", "Message", "Nội dung"),
    ("task_id", "Task", "Nhiệm vụ"),
    ("login", "Login", "Tài khoản"),
    ("role", "Role", "Vai trò"),
    ("agency", "Agency", "Cơ quan"),
    ("what", "Finding", "Vấn đề"),
    ("history", "History", "Lịch sử cập nhật"),
    ("urges", "Urges", "Đôn đốc"),
];

/// The Vietnamese name of a vocabulary code, from the catalog (the code itself when
/// unknown).
pub fn code_vi(code: &str) -> &str {
    crate::lang::Lang::Vi.code_name(code).unwrap_or(code)
}

/// The table header of a field key in `lang`.
pub fn label(key: &str, lang: &str) -> String {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, en, vi)| if lang == "vi" { *vi } else { *en })
        .unwrap_or(key)
        .to_string()
}

/// Cuts `s` to at most `max` terminal columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Renders rows as a table: headers, a rule, rows; columns padded to their display width,
/// the last column not padded. Cells must already be escaped.
pub fn render_table(headers: &[String], rows: &[Vec<String>]) -> String {
    let n = headers.len();
    let cut = |s: &str| truncate(s, MAX_CELL_WIDTH);
    let headers: Vec<String> = headers.iter().map(|h| cut(&text::escape(h))).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate().take(n) {
            widths[i] = widths[i].max(c.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate().take(n) {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < n {
                s.push_str(&" ".repeat(widths[i].saturating_sub(c.width())));
            }
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
        s
    };
    let mut out = line(&headers);
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    out.push_str(&line(&rule));
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

/// Renders rows as CSV (header row first).
pub fn render_csv(headers: &[&str], rows: &[Vec<String>]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| {
        Error::Other(
            Files::Encode {
                what: Written::Csv,
                detail: e.to_string(),
            }
            .into(),
        )
    };
    w.write_record(headers).map_err(fail)?;
    for r in rows {
        w.write_record(r).map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|e| {
        Error::Other(
            Files::Encode {
                what: Written::Csv,
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        Error::Other(
            Files::Encode {
                what: Written::Csv,
                detail: e.to_string(),
            }
            .into(),
        )
    })
}

/// Renders any value as stable, pretty JSON with a final newline.
pub fn render_json<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| {
        Error::Other(
            Files::Encode {
                what: Written::Json,
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    s.push('\n');
    Ok(s)
}

/// Renders a list of records. `keys` are the columns when the list is empty (so an empty
/// table or CSV still has its header).
pub fn render_list(
    format: Format,
    lang: &str,
    keys: &[&'static str],
    records: &[Record],
) -> Result<String> {
    let keys: Vec<&'static str> = records.first().map(Record::keys).unwrap_or(keys.to_vec());
    match format {
        Format::Json => render_json(records),
        Format::Csv => {
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|r| r.fields.iter().map(|(_, c)| c.csv_out()).collect())
                .collect();
            render_csv(&keys, &rows)
        }
        Format::Table => {
            let headers: Vec<String> = keys.iter().map(|k| label(k, lang)).collect();
            let rows: Vec<Vec<String>> = records
                .iter()
                .map(|r| r.fields.iter().map(|(_, c)| c.table(lang)).collect())
                .collect();
            Ok(render_table(&headers, &rows))
        }
    }
}

/// Renders one record: JSON object (with its nested lists), CSV header + one row (nested
/// lists left out), or a two-column table of field and value followed by one sub-table
/// per nested list.
pub fn render_show(format: Format, lang: &str, record: &Record) -> Result<String> {
    match format {
        Format::Json => render_json(record),
        Format::Csv => {
            let row: Vec<String> = record.fields.iter().map(|(_, c)| c.csv_out()).collect();
            render_csv(&record.keys(), &[row])
        }
        Format::Table => {
            let width = record
                .fields
                .iter()
                .map(|(k, _)| label(k, lang).width())
                .max()
                .unwrap_or(0);
            let mut out = String::new();
            for (k, c) in &record.fields {
                let l = label(k, lang);
                let v = c.table(lang);
                out.push_str(&l);
                out.push_str(&" ".repeat(width - l.width() + 2));
                out.push_str(&v);
                out.truncate(out.trim_end_matches(' ').len());
                out.push('\n');
            }
            for (k, rows) in &record.nested {
                out.push('\n');
                out.push_str(&label(k, lang));
                out.push_str(&format!(" ({})\n", rows.len()));
                if let Some(first) = rows.first() {
                    let headers: Vec<String> =
                        first.keys().iter().map(|k| label(k, lang)).collect();
                    let cells: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| r.fields.iter().map(|(_, c)| c.table(lang)).collect())
                        .collect();
                    out.push_str(&render_table(&headers, &cells));
                }
            }
            Ok(out)
        }
    }
}

/// Writes text to stdout. A closed pipe ends the output quietly.
pub fn emit(s: &str) -> Result<()> {
    emit_with(|out| out.write_all(s.as_bytes()))
}

/// Writes to standard output with `f`, through a buffer; a closed pipe is not an error.
pub fn emit_with(f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match f(&mut out).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Other(
            Files::Output {
                detail: e.to_string(),
            }
            .into(),
        )),
    }
}

mod stream;
pub use stream::{
    render_part, stream_list, stream_list_to, stream_parts, stream_parts_to, Joinable, Part,
};

/// Prints a list of records in `format`.
pub fn list(format: Format, lang: &str, keys: &[&'static str], records: &[Record]) -> Result<()> {
    emit(&render_list(format, lang, keys, records)?)
}

/// Prints one record in `format`.
pub fn show(format: Format, lang: &str, record: &Record) -> Result<()> {
    emit(&render_show(format, lang, record)?)
}

/// Prints a one-line confirmation of a write (escaped: it may quote stored text).
pub fn confirm(line: &str) -> Result<()> {
    let mut s = text::escape(line).into_owned();
    s.push('\n');
    emit(&s)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
