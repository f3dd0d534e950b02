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
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
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

/// Stdout through a buffer, remembering a closed pipe: a write to a closed pipe fails
/// (which stops the read feeding it) and [`Out::finish`] then reports a normal end.
struct Out<W: Write> {
    w: std::io::BufWriter<W>,
    closed: bool,
}

impl<W: Write> Out<W> {
    fn new(w: W) -> Self {
        Out {
            w: std::io::BufWriter::with_capacity(64 * 1024, w),
            closed: false,
        }
    }

    fn note(&mut self, r: std::io::Result<()>) -> std::io::Result<()> {
        if let Err(e) = &r {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                self.closed = true;
            }
        }
        r
    }

    /// Flushes; a closed pipe (now or earlier) is a normal end of `r`.
    fn finish(mut self, r: Result<()>) -> Result<()> {
        let flushed = if self.closed {
            Ok(())
        } else {
            let f = self.w.flush();
            self.note(f)
        };
        if self.closed {
            return Ok(());
        }
        r?;
        flushed.map_err(|e| {
            Error::Other(
                Files::Output {
                    detail: e.to_string(),
                }
                .into(),
            )
        })
    }
}

impl<W: Write> Write for Out<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        let r = self.w.write(buf);
        match r {
            Ok(n) => Ok(n),
            Err(e) => {
                let kind = e.kind();
                let _ = self.note(Err(e));
                Err(kind.into())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.w.flush();
        self.note(r)
    }
}

fn write_err(e: std::io::Error) -> Error {
    Error::Other(
        Files::Output {
            detail: e.to_string(),
        }
        .into(),
    )
}

/// Feeds records to a sink; called once for JSON and CSV, twice for a table (the first
/// pass measures the columns), so it must give the same records each time (read them in
/// one snapshot).
pub type Sink<'a> = dyn FnMut(Record) -> Result<()> + 'a;

/// Writes a list of records in `format` as `each` produces them, through a buffer, in
/// constant memory: byte for byte what [`render_list`] renders for the same records.
/// `keys` are the columns when there is no record.
pub fn stream_list_to<W: Write>(
    w: W,
    format: Format,
    lang: &str,
    keys: &[&'static str],
    mut each: impl FnMut(&mut Sink<'_>) -> Result<()>,
) -> Result<()> {
    let mut out = Out::new(w);
    let r = match format {
        Format::Json => json_stream(&mut out, &mut each),
        Format::Csv => csv_stream(&mut out, keys, &mut each),
        Format::Table => table_stream(&mut out, lang, keys, &mut each),
    };
    out.finish(r)
}

/// [`stream_list_to`] on stdout.
pub fn stream_list(
    format: Format,
    lang: &str,
    keys: &[&'static str],
    each: impl FnMut(&mut Sink<'_>) -> Result<()>,
) -> Result<()> {
    stream_list_to(std::io::stdout().lock(), format, lang, keys, each)
}

/// `[`, each record pretty-printed one level in, `]`: serde_json's pretty form of the
/// whole array.
fn json_stream<W: Write>(
    out: &mut W,
    each: &mut impl FnMut(&mut Sink<'_>) -> Result<()>,
) -> Result<()> {
    let mut n = 0usize;
    let mut buf = Vec::with_capacity(1024);
    each(&mut |r: Record| {
        buf.clear();
        buf.extend_from_slice(if n == 0 { b"[\n  " } else { b",\n  " });
        let start = buf.len();
        serde_json::to_writer_pretty(&mut buf, &r).map_err(|e| {
            Error::Other(
                Files::Encode {
                    what: Written::Json,
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
        out.write_all(&buf[..start]).map_err(write_err)?;
        // JSON text holds no raw newline: every line break is the printer's.
        for (i, line) in buf[start..].split(|b| *b == b'\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n  ").map_err(write_err)?;
            }
            out.write_all(line).map_err(write_err)?;
        }
        n += 1;
        Ok(())
    })?;
    let end: &[u8] = if n == 0 { b"[]\n" } else { b"\n]\n" };
    out.write_all(end).map_err(write_err)
}

fn csv_stream<W: Write>(
    out: &mut W,
    keys: &[&'static str],
    each: &mut impl FnMut(&mut Sink<'_>) -> Result<()>,
) -> Result<()> {
    let fail = |e: csv::Error| {
        Error::Other(
            Files::Encode {
                what: Written::Csv,
                detail: e.to_string(),
            }
            .into(),
        )
    };
    let mut w = csv::Writer::from_writer(out);
    let mut first = true;
    let mut row: Vec<String> = Vec::new();
    each(&mut |r: Record| {
        if first {
            first = false;
            w.write_record(r.keys()).map_err(fail)?;
        }
        row.clear();
        row.extend(r.fields.iter().map(|(_, c)| c.csv_out()));
        w.write_record(&row).map_err(fail)
    })?;
    if first {
        w.write_record(keys).map_err(fail)?;
    }
    w.flush().map_err(write_err)
}

/// Two passes: the column widths, then the lines (as [`render_table`] lays them out).
fn table_stream<W: Write>(
    out: &mut W,
    lang: &str,
    keys: &[&'static str],
    each: &mut impl FnMut(&mut Sink<'_>) -> Result<()>,
) -> Result<()> {
    let cut = |s: &str| truncate(s, MAX_CELL_WIDTH);
    let mut headers: Option<Vec<String>> = None;
    let mut widths: Vec<usize> = Vec::new();
    each(&mut |r: Record| {
        let h = headers.get_or_insert_with(|| {
            let h: Vec<String> = r
                .keys()
                .iter()
                .map(|k| cut(&text::escape(&label(k, lang))))
                .collect();
            widths = h.iter().map(|h| h.width()).collect();
            h
        });
        for (i, (_, c)) in r.fields.iter().enumerate().take(h.len()) {
            widths[i] = widths[i].max(cut(&c.table(lang)).width());
        }
        Ok(())
    })?;
    let headers = headers.unwrap_or_else(|| {
        let h: Vec<String> = keys
            .iter()
            .map(|k| cut(&text::escape(&label(k, lang))))
            .collect();
        widths = h.iter().map(|h| h.width()).collect();
        h
    });
    let n = headers.len();
    let mut line = String::new();
    let mut put = |cells: &mut dyn Iterator<Item = String>, out: &mut W| -> Result<()> {
        line.clear();
        for (i, c) in cells.enumerate().take(n) {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(&c);
            if i + 1 < n {
                line.push_str(&" ".repeat(widths[i].saturating_sub(c.width())));
            }
        }
        line.truncate(line.trim_end().len());
        line.push('\n');
        out.write_all(line.as_bytes()).map_err(write_err)
    };
    put(&mut headers.iter().cloned(), out)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    put(&mut rule.into_iter(), out)?;
    each(&mut |r: Record| put(&mut r.fields.iter().map(|(_, c)| cut(&c.table(lang))), out))
}

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
mod tests {
    use super::*;

    fn rec(title: &str) -> Record {
        Record::new()
            .field("id", Cell::Int(7))
            .text("title", title)
            .field("deadline", Cell::Date(NaiveDate::from_ymd_opt(2018, 6, 30)))
            .field("with", Cell::List(vec!["BTC".into(), "BDV".into()]))
            .field("completed_on", Cell::Date(None))
    }

    #[test]
    fn json_keeps_order_and_types() {
        let s = render_list(Format::Json, "en", &[], &[rec("Rà soát")]).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v[0]["id"], 7);
        assert_eq!(v[0]["deadline"], "2018-06-30");
        assert_eq!(v[0]["with"][1], "BDV");
        assert!(v[0]["completed_on"].is_null());
        let id = s.find("\"id\"").unwrap();
        let title = s.find("\"title\"").unwrap();
        assert!(id < title);
    }

    #[test]
    fn table_escapes_and_aligns_by_width() {
        let s = render_list(
            Format::Table,
            "vi",
            &[],
            &[rec("Đảng ủy\u{1b}]52;c;x\u{7}"), rec("x\u{202e}y")],
        )
        .unwrap();
        assert!(
            s.lines().all(|l| !l.chars().any(text::is_dangerous)),
            "{s:?}"
        );
        assert!(s.contains("Đảng ủy␛]52;c;x␇"));
        assert!(s.contains("x\\u{202e}y"));
        assert!(s.contains("30/06/2018"));
        assert!(s.contains("Tiêu đề"));
        // Every data line starts its third column at the same display column.
        let lines: Vec<&str> = s.lines().collect();
        let col = |l: &str| {
            let i = l.find("30/06").unwrap_or(l.find("Thời hạn").unwrap_or(0));
            l[..i].width()
        };
        assert_eq!(col(lines[0]), col(lines[2]));
        assert_eq!(col(lines[2]), col(lines[3]));
    }

    #[test]
    fn csv_header_and_lists() {
        let s = render_list(Format::Csv, "en", &[], &[rec("a, \"b\"")]).unwrap();
        let mut r = csv::Reader::from_reader(s.as_bytes());
        assert_eq!(
            r.headers().unwrap().iter().collect::<Vec<_>>(),
            ["id", "title", "deadline", "with", "completed_on"]
        );
        let row = r.records().next().unwrap().unwrap();
        assert_eq!(&row[1], "a, \"b\"");
        assert_eq!(&row[3], "BTC;BDV");
        assert_eq!(&row[4], "");
    }

    #[test]
    fn empty_list_keeps_header() {
        let s = render_list(Format::Table, "en", &["id", "title"], &[]).unwrap();
        assert!(s.starts_with("ID  Title"));
        assert_eq!(
            render_list(Format::Json, "en", &["id"], &[]).unwrap(),
            "[]\n"
        );
    }

    #[test]
    fn streaming_writes_what_render_list_renders() {
        let recs = [
            rec("Rà soát"),
            rec("a, \"b\"\nc"),
            rec("Đảng ủy\u{1b}]52;c;x\u{7}").nest(
                "history",
                vec![Record::new().field("progress", Cell::Int(40))],
            ),
            rec(&"Đ".repeat(100)),
        ];
        for format in [Format::Json, Format::Csv, Format::Table] {
            for n in [0, 1, recs.len()] {
                let rows = &recs[..n];
                let mut out = Vec::new();
                stream_list_to(&mut out, format, "vi", &["id", "title"], |sink| {
                    for r in rows {
                        sink(r.clone())?;
                    }
                    Ok(())
                })
                .unwrap();
                let want = render_list(format, "vi", &["id", "title"], rows).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), want, "{format:?} {n}");
            }
        }
    }

    #[test]
    fn truncates_by_display_width() {
        let long = "Đ".repeat(100);
        let t = truncate(&long, 10);
        assert_eq!(t.width(), 10);
        assert!(t.ends_with('…'));
        let wide = "漢".repeat(10);
        assert!(truncate(&wide, 7).width() <= 7);
    }

    #[test]
    fn show_has_nested_tables() {
        let r = rec("T").nest(
            "history",
            vec![Record::new().field("progress", Cell::Int(40))],
        );
        let s = render_show(Format::Table, "en", &r).unwrap();
        assert!(s.contains("History (1)"));
        let j: serde_json::Value =
            serde_json::from_str(&render_show(Format::Json, "en", &r).unwrap()).unwrap();
        assert_eq!(j["history"][0]["progress"], 40);
    }
}
