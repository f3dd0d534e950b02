//! The roll-up as JSON, Markdown and CSV. A province's numbers are taken from its own
//! report as the report layer renders it ([`report::json::render`]), so they are that
//! province's `report --format json`, key for key.

use serde_json::{json, Map, Value};

use super::{Province, Rollup, State};
use crate::error::{Error, Result};
use crate::io::cells;
use crate::report::prose::Words as ReportWords;
use crate::report::prose_parts::{counts_header, counts_row, overdue_table};
use crate::report::{self, days_late, mdtext::md, numbers};
use crate::store::Counts;

/// The keys of a province's own report JSON that its roll-up row carries.
pub const PROVINCE_KEYS: [&str; 6] = [
    "totals",
    "categories",
    "urges",
    "due_soon",
    "progress_made",
    "overdue_tasks",
];

/// A duration in seconds as words: `7d`, `36h`, `90m`, `45s` (the largest unit that
/// divides it).
pub fn age(secs: i64) -> String {
    match secs {
        s if s > 0 && s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s > 0 && s % 3_600 == 0 => format!("{}h", s / 3_600),
        s if s > 0 && s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

fn province_json(p: &Province, r: &Rollup) -> Result<Value> {
    let mut m = Map::new();
    m.insert("code".into(), json!(p.code));
    m.insert("name".into(), json!(p.name));
    m.insert("file".into(), json!(p.file.display().to_string()));
    m.insert("state".into(), json!(p.state.code()));
    m.insert("summed".into(), json!(p.state == State::Summed));
    m.insert("reason".into(), json!(p.state.reason("en", r.max_age)));
    m.insert("schema_version".into(), json!(p.schema_version));
    m.insert(
        "last_write".into(),
        json!(p
            .last_write
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))),
    );
    m.insert("open_mode".into(), json!(p.open_mode));
    if let State::Failed { findings } = &p.state {
        m.insert("findings".into(), json!(findings));
    }
    if let Some(rep) = &p.report {
        let mut own = report::json::province_keys(rep)?;
        for k in PROVINCE_KEYS {
            m.insert(k.into(), own.remove(k).unwrap_or(Value::Null));
        }
    }
    Ok(Value::Object(m))
}

/// The roll-up as pretty JSON, ending with a newline; the same in every language.
pub fn json(r: &Rollup) -> Result<String> {
    let provinces = r
        .provinces
        .iter()
        .map(|p| province_json(p, r))
        .collect::<Result<Vec<_>>>()?;
    let categories: Vec<Value> = r
        .categories
        .iter()
        .map(|c| {
            let mut v = json!({
                "code": c.category.code,
                "name_vi": c.category.name_vi,
                "name_en": c.category.name_en,
            });
            if let (Value::Object(m), Ok(Value::Object(counts))) =
                (&mut v, serde_json::to_value(c.counts))
            {
                m.extend(counts);
            }
            v
        })
        .collect();
    let doc = json!({
        "program": r.program,
        "from": r.from,
        "as_of": r.as_of,
        "read_at": r.read_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "max_age_seconds": r.max_age,
        "provinces_summed": r.summed().count(),
        "provinces_not_summed": r.provinces.len() - r.summed().count(),
        "totals": r.totals,
        "categories": categories,
        "urges": r.urges,
        "due_soon": r.due_soon,
        "provinces": provinces,
    });
    let mut s = serde_json::to_string_pretty(&doc).map_err(|e| {
        Error::Other(
            crate::lang::facts::Files::Encode {
                what: crate::lang::facts::Written::Json,
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    s.push('\n');
    Ok(s)
}

struct Words {
    vi: bool,
}

impl Words {
    fn t<'a>(&self, en: &'a str, vi: &'a str) -> &'a str {
        if self.vi {
            vi
        } else {
            en
        }
    }
}

fn table<S: AsRef<str>>(out: &mut String, head: &[S], rows: &[Vec<String>]) {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(head.iter().map(|h| h.as_ref().to_string()).collect()));
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for r in rows {
        out.push_str(&line(r.clone()));
    }
    out.push('\n');
}

/// The roll-up as Markdown in the language.
pub fn markdown(r: &Rollup, lang: &str) -> String {
    let w = Words { vi: lang == "vi" };
    let mut out = String::new();
    out.push_str(&format!(
        "# {}\n\n",
        w.t("National roll-up", "Tổng hợp kết quả thực hiện toàn quốc")
    ));
    let mut scope = format!(
        "{} {}",
        w.t("As of", "Tính đến ngày"),
        report::day(r.as_of, lang)
    );
    if let Some(f) = r.from {
        scope = format!(
            "{} {} {} {}",
            w.t("From", "Từ ngày"),
            report::day(f, lang),
            w.t("to", "đến ngày"),
            report::day(r.as_of, lang)
        );
    }
    if let Some(p) = &r.program {
        scope.push_str(&format!(", {} {}", w.t("program", "chương trình"), md(p)));
    }
    let summed = r.summed().count();
    out.push_str(&format!(
        "{scope}. {} {} / {} {}.\n\n",
        w.t("Summed:", "Đã tổng hợp"),
        summed,
        r.provinces.len(),
        w.t("provinces", "tỉnh, thành phố")
    ));
    // The same columns, words and numbers as the report's and the Word roll-up's tables.
    let pw = ReportWords::new(lang);
    out.push_str(&format!(
        "## {}\n\n",
        w.t("By province", "Theo tỉnh, thành phố")
    ));
    let mut t = counts_header(w.t("Province", "Tỉnh, thành phố"), &pw);
    t.header
        .push(w.t("Reminders", "Số lần đôn đốc").to_string());
    let mut rows = Vec::new();
    for (i, p) in r.summed().enumerate() {
        if let Some(rep) = &p.report {
            let mut row = counts_row(&(i + 1).to_string(), &md(&p.name), &rep.totals, &pw);
            row.push(numbers::int(rep.urges, lang));
            rows.push(row);
        }
    }
    let mut total = counts_row(
        "",
        &format!("**{}**", w.t("Total", "Tổng cộng")),
        &r.totals,
        &pw,
    );
    total.push(numbers::int(r.urges, lang));
    rows.push(total);
    table(&mut out, &t.header, &rows);
    let left: Vec<&Province> = r
        .provinces
        .iter()
        .filter(|p| p.state != State::Summed)
        .collect();
    if !left.is_empty() {
        out.push_str(&format!(
            "## {}\n\n",
            w.t("Not summed", "Chưa tổng hợp (bản sao không dùng được)")
        ));
        for p in left {
            out.push_str(&format!(
                "- {} ({}): {}\n",
                md(&p.name),
                md(&p.file.display().to_string()),
                md(&p.state.reason(lang, r.max_age))
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", w.t("By category", "Theo lĩnh vực")));
    let t = counts_header(w.t("Category", "Lĩnh vực"), &pw);
    let mut rows: Vec<Vec<String>> = r
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let name = if w.vi {
                &c.category.name_vi
            } else {
                &c.category.name_en
            };
            counts_row(&(i + 1).to_string(), &md(name), &c.counts, &pw)
        })
        .collect();
    rows.push(counts_row(
        "",
        &format!("**{}**", w.t("Total", "Tổng cộng")),
        &r.totals,
        &pw,
    ));
    table(&mut out, &t.header, &rows);
    out.push_str(&format!(
        "## {}\n\n",
        w.t(
            "Overdue tasks by province",
            "Nhiệm vụ quá hạn theo tỉnh, thành phố"
        )
    ));
    let mut any = false;
    for p in r.summed() {
        let Some(rep) = &p.report else { continue };
        if rep.overdue.is_empty() {
            continue;
        }
        any = true;
        out.push_str(&format!(
            "### {} ({} {})\n\n",
            md(&p.name),
            numbers::int(rep.overdue.len() as i64, lang),
            w.t("overdue", "nhiệm vụ quá hạn")
        ));
        let mut t = overdue_table(&rep.overdue, rep.as_of, &pw);
        for row in &mut t.rows {
            // The task's title and lead agency are the province's text: escaped.
            for c in [2, 3] {
                row[c] = md(&row[c]);
            }
        }
        table(&mut out, &t.header, &t.rows);
    }
    if !any {
        out.push_str(w.t("No task is overdue.\n", "Không có nhiệm vụ quá hạn.\n"));
    }
    out
}

/// The columns of the roll-up CSV.
pub const COLUMNS: [&str; 19] = [
    "section",
    "from",
    "as_of",
    "province",
    "province_name",
    "state",
    "code",
    "name_vi",
    "name_en",
    "tasks",
    "done_on_time",
    "done_late",
    "in_time",
    "overdue",
    "progress",
    "urges",
    "lead",
    "deadline",
    "days_late",
];

/// The roll-up as one CSV table, a row per section entry (`total`, `category`,
/// `province`, `overdue_task`); the same in every language. `excel` as for `report`.
pub fn csv(r: &Rollup, excel: bool) -> Result<Vec<u8>> {
    let mark = if excel { "vi" } else { "en" };
    let dates = [
        r.from.map(|d| d.to_string()).unwrap_or_default(),
        r.as_of.to_string(),
    ];
    let counts = |c: &Counts| -> Vec<String> {
        vec![
            c.tasks.to_string(),
            c.done_on_time.to_string(),
            c.done_late.to_string(),
            c.in_time.to_string(),
            c.overdue.to_string(),
            report::num(c.progress, mark),
        ]
    };
    let row = |section: &str, p: Option<&Province>, code: &str, names: [&str; 2]| {
        let mut v = vec![section.to_string(), dates[0].clone(), dates[1].clone()];
        v.push(p.map(|p| p.code.clone()).unwrap_or_default());
        v.push(p.map(|p| p.name.clone()).unwrap_or_default());
        v.push(p.map(|p| p.state.code().to_string()).unwrap_or_default());
        v.extend([code.to_string(), names[0].to_string(), names[1].to_string()]);
        v
    };
    let blank = |n: usize| vec![String::new(); n];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut t = row("total", None, "", ["", ""]);
    t.extend(counts(&r.totals));
    t.push(r.urges.to_string());
    t.extend(blank(3));
    rows.push(t);
    for c in &r.categories {
        let mut v = row(
            "category",
            None,
            &c.category.code,
            [&c.category.name_vi, &c.category.name_en],
        );
        v.extend(counts(&c.counts));
        v.extend(blank(4));
        rows.push(v);
    }
    for p in &r.provinces {
        let mut v = row(
            "province",
            Some(p),
            "",
            [&p.state.reason("vi", r.max_age), ""],
        );
        match &p.report {
            Some(rep) => {
                v.extend(counts(&rep.totals));
                v.push(rep.urges.to_string());
            }
            None => v.extend(blank(7)),
        }
        v.extend(blank(3));
        rows.push(v);
    }
    for p in r.summed() {
        let Some(rep) = &p.report else { continue };
        for t in &rep.overdue {
            let mut v = row("overdue_task", Some(p), &t.id.to_string(), [&t.title, ""]);
            v.extend(blank(5));
            v.push(t.progress.get().to_string());
            v.push(t.urges.to_string());
            v.push(t.lead.clone());
            v.push(t.deadline.map(|d| d.to_string()).unwrap_or_default());
            v.push(days_late(t, rep.as_of).to_string());
            rows.push(v);
        }
    }
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut w = if excel {
            crate::io::export::excel_writer(&mut out)
        } else {
            ::csv::Writer::from_writer(&mut out)
        };
        let err = |e: ::csv::Error| {
            Error::Other(
                crate::lang::facts::Files::Encode {
                    what: crate::lang::facts::Written::Rollup,
                    detail: e.to_string(),
                }
                .into(),
            )
        };
        w.write_record(COLUMNS).map_err(err)?;
        for row in rows {
            w.write_record(row.iter().map(|c| cells::write(c).into_owned()))
                .map_err(err)?;
        }
        w.flush().map_err(|e| {
            Error::Other(
                crate::lang::facts::Files::Encode {
                    what: crate::lang::facts::Written::Rollup,
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
    }
    Ok(out)
}
