//! Lists written as their rows are read: through a 64 KiB buffer in constant memory, a
//! closed pipe a normal end (`phoihop task list | head`).

use super::*;

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

fn json_err(e: serde_json::Error) -> Error {
    if e.is_io() {
        write_err(e.into())
    } else {
        Error::Other(
            Files::Encode {
                what: Written::Json,
                detail: e.to_string(),
            }
            .into(),
        )
    }
}

fn csv_err(e: csv::Error) -> Error {
    Error::Other(
        Files::Encode {
            what: Written::Csv,
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
    use serde::ser::{SerializeSeq, Serializer as _};
    // One pretty serializer over the whole array, its elements given as they come: the
    // same bytes as serializing the array at once, without printing each record apart
    // and indenting its lines again.
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    let mut seq = ser.serialize_seq(None).map_err(json_err)?;
    each(&mut |r: Record| seq.serialize_element(&r).map_err(json_err))?;
    SerializeSeq::end(seq).map_err(json_err)?;
    out.write_all(b"\n").map_err(write_err)
}

fn csv_stream<W: Write>(
    out: &mut W,
    keys: &[&'static str],
    each: &mut impl FnMut(&mut Sink<'_>) -> Result<()>,
) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut first = true;
    let mut row: Vec<String> = Vec::new();
    each(&mut |r: Record| {
        if first {
            first = false;
            w.write_record(r.keys()).map_err(csv_err)?;
        }
        row.clear();
        row.extend(r.fields.iter().map(|(_, c)| c.csv_out()));
        w.write_record(&row).map_err(csv_err)
    })?;
    if first {
        w.write_record(keys).map_err(csv_err)?;
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

/// The formats whose records can be rendered in parts apart (on any thread) and the
/// parts joined: JSON and CSV, not a table (its widths need every record first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joinable {
    Json,
    Csv,
}

impl Joinable {
    /// `format` when it can be joined.
    pub fn of(format: Format) -> Option<Joinable> {
        match format {
            Format::Json => Some(Joinable::Json),
            Format::Csv => Some(Joinable::Csv),
            Format::Table => None,
        }
    }
}

/// Records rendered apart by [`render_part`], for [`stream_parts`] to write in order.
#[derive(Debug, Default)]
pub struct Part {
    /// JSON: the records as serde_json's pretty array has them, one level in, joined
    /// by `,\n`, without the brackets. CSV: their lines.
    bytes: Vec<u8>,
}

/// `records` rendered as a part of a list in `format` (empty when there are none).
pub fn render_part(format: Joinable, records: impl IntoIterator<Item = Record>) -> Result<Part> {
    use serde::ser::{SerializeSeq, Serializer as _};
    let mut bytes = Vec::new();
    match format {
        Joinable::Json => {
            // The array of these records alone is `[\n`, the records as the whole
            // list has them, `\n]` (or `[]`): the part is what is between.
            let mut ser = serde_json::Serializer::pretty(&mut bytes);
            let mut seq = ser.serialize_seq(None).map_err(json_err)?;
            for r in records {
                seq.serialize_element(&r).map_err(json_err)?;
            }
            SerializeSeq::end(seq).map_err(json_err)?;
            if bytes.len() <= 2 {
                bytes.clear();
            } else {
                bytes.truncate(bytes.len() - 2);
                bytes.drain(..2);
            }
        }
        Joinable::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut bytes);
            let mut row: Vec<String> = Vec::new();
            for r in records {
                row.clear();
                row.extend(r.fields.iter().map(|(_, c)| c.csv_out()));
                w.write_record(&row).map_err(csv_err)?;
            }
            w.flush().map_err(write_err)?;
        }
    }
    Ok(Part { bytes })
}

/// Writes a list in `format` on stdout from the parts `each` hands on in order (each
/// rendered by [`render_part`], wherever): byte for byte what [`stream_list`] writes
/// for the same records, when their keys are `keys`.
pub fn stream_parts(
    format: Joinable,
    keys: &[&'static str],
    each: impl FnOnce(&mut dyn FnMut(Part) -> Result<()>) -> Result<()>,
) -> Result<()> {
    stream_parts_to(std::io::stdout().lock(), format, keys, each)
}

/// [`stream_parts`] to `w`.
pub fn stream_parts_to<W: Write>(
    w: W,
    format: Joinable,
    keys: &[&'static str],
    each: impl FnOnce(&mut dyn FnMut(Part) -> Result<()>) -> Result<()>,
) -> Result<()> {
    let mut out = Out::new(w);
    let r = (|| {
        let mut any = false;
        match format {
            Joinable::Json => out.write_all(b"[").map_err(write_err)?,
            Joinable::Csv => {
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(keys).map_err(csv_err)?;
                w.flush().map_err(write_err)?;
            }
        }
        each(&mut |p: Part| {
            if p.bytes.is_empty() {
                return Ok(());
            }
            if format == Joinable::Json {
                out.write_all(if any { b",\n" } else { b"\n" })
                    .map_err(write_err)?;
            }
            any = true;
            out.write_all(&p.bytes).map_err(write_err)
        })?;
        if format == Joinable::Json {
            out.write_all(if any { b"\n]\n" } else { b"]\n" })
                .map_err(write_err)?;
        }
        Ok(())
    })();
    out.finish(r)
}
