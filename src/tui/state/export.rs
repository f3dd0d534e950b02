//! `x`: the table shown written to a CSV or Excel file in the working directory (issue 16
//! item 7) — its rows as the screen has them (filters, search, sort, as-of date), every
//! row, not only the page — under a name like `nhiem-vu-2020-11-06.csv`, asked for first
//! in a one-line prompt where the name can be changed; Tab switches the name between
//! `.csv` and `.xlsx`, and a name ending in `.xlsx` writes a workbook
//! ([`crate::report::xlsx::table`]: bold frozen header, fitted columns, numbers and dates
//! as such). The file is created new, as the user (`safe_file::create_new`: never over an
//! existing file, never through a link). No cell can run as a formula: in the CSV every
//! cell a spreadsheet would take for one is neutralized with an apostrophe; in the
//! workbook text goes into text cells, which are never formulas.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::columns::{AgencyCol, ProgramCol, RankCol, TaskCol};
use super::{AppState, Layer, Notice};
use crate::domain::text::neutralize_formula;
use crate::error::{Error, Result};
use crate::lang::facts::{Files, Written};
use crate::store::{Store, TaskFilter, TaskSort};
use crate::tui::action::{Action, View};
use crate::tui::i18n::Lang;
use crate::tui::i18n::Msg;
use crate::tui::jobs::{Done, Lane};

/// The prompt for the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    pub name: String,
    /// The job writing the file (on the read lane, off the key loop): the prompt waits
    /// for it, its keys ignored, and closes when it is written.
    pub writing: Option<u64>,
}

/// Where an export's rows come from: a task table's, read again by the job (every row,
/// not only the page), or the rows already on screen (programs, agencies, ranking).
enum Source {
    Tasks {
        filter: TaskFilter,
        sort: TaskSort,
        descending: bool,
        past: Option<NaiveDate>,
        /// The matches by rank while a search narrows the table.
        ids: Option<Vec<i64>>,
    },
    Shown(Vec<Vec<String>>),
}

/// An export as the key loop hands it over: everything the job needs, no state.
struct Plan {
    lang: Lang,
    header: Vec<String>,
    /// The workbook's sheet name.
    sheet: String,
    source: Source,
}

/// A table's header and rows as text.
pub type Sheet = (Vec<String>, Vec<Vec<String>>);

impl AppState {
    /// The name offered for the table shown, `None` when no table is shown.
    fn export_name(&self) -> Option<String> {
        let view = match self.stack.last() {
            Some(Layer::Tasks(_)) => View::Tasks,
            Some(_) => return None,
            None => match self.view {
                View::Dashboard | View::Activity | View::Trends => return None,
                v => v,
            },
        };
        let words = crate::search::fold(self.lang.t(match view {
            View::Programs => Msg::ViewPrograms,
            View::Agencies => Msg::ViewAgencies,
            View::Ranking => Msg::ViewRanking,
            _ => Msg::ViewTasks,
        }));
        let slug = words.split_whitespace().collect::<Vec<_>>().join("-");
        Some(format!("{slug}-{}.csv", self.as_of))
    }

    /// `x`: asks for the file's name (or says there is no table here).
    pub(super) fn open_export(&mut self) {
        match self.export_name() {
            Some(name) => {
                self.export = Some(ExportPrompt {
                    name,
                    writing: None,
                })
            }
            None => self.notice = Some(Notice::Info(Msg::ExportNoTable)),
        }
    }

    /// A key in the name prompt.
    pub(super) fn export_key(&mut self, action: Action) -> Result<bool> {
        let Some(p) = self.export.as_mut() else {
            return Ok(false);
        };
        if p.writing.is_some() && action != Action::Quit {
            // Being written: the name is no longer the user's to change.
            return Ok(true);
        }
        match action {
            Action::Input(c) => p.name.push(c),
            Action::Paste(t) => p.name.push_str(&super::field::one_line(&t)),
            Action::Erase => {
                p.name.pop();
            }
            Action::ClearField => p.name.clear(),
            Action::NextField => p.name = other_format(&p.name),
            Action::Cancel => self.export = None,
            Action::Submit => {
                let name = p.name.trim().to_string();
                if name.is_empty() || name.contains('/') {
                    self.notice = Some(Notice::Info(Msg::ExportBadName));
                    return Ok(true);
                }
                let path = self.export_dir.join(&name);
                let plan = self.export_plan()?;
                let to = path.clone();
                let submitted = self
                    .jobs
                    .runner
                    .as_mut()
                    .map(|r| r.submit(Lane::Read, move |s: &mut Store| plan.write(s, &to)));
                match submitted {
                    Some(Ok(id)) => {
                        if let Some(p) = self.export.as_mut() {
                            p.writing = Some(id);
                        }
                    }
                    // No runner (tests, the plain mode): written here.
                    _ => {
                        let out = self.export_plan()?.write(&self.store, &path);
                        self.exported(out);
                    }
                }
            }
            Action::Quit => {
                self.export = None;
                return self.apply(action);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The end of the export's job: the prompt closes when the file is written, and
    /// stays open for another name when it could not be.
    pub(super) fn export_done(&mut self, done: &Done) -> bool {
        let out = done
            .take::<Result<usize>>()
            .unwrap_or_else(|| Err(Error::Other("lost result".into())))
            .and_then(|r| r);
        if let Some(p) = self.export.as_mut() {
            p.writing = None;
        }
        self.exported(out);
        true
    }

    /// The job an export prompt waits for, if any.
    pub(super) fn export_job(&self) -> Option<u64> {
        self.export.as_ref().and_then(|p| p.writing)
    }

    fn exported(&mut self, out: Result<usize>) {
        match out {
            Ok(_) => {
                let name = self.export.take().map(|p| p.name).unwrap_or_default();
                self.notice = Some(Notice::Done(Msg::Exported, name.trim().to_string()));
            }
            // The prompt stays open for another name.
            Err(e) => self.notice = Some(Notice::Error(e.to_string())),
        }
    }

    /// What the table shown exports: its header, and its rows or how to read them.
    fn export_plan(&self) -> Result<Plan> {
        let lang = self.lang;
        let head = |ms: &[Msg]| ms.iter().map(|m| lang.t(*m).to_string()).collect();
        let pct = |x: Option<f64>| x.map(|x| format!("{x:.1}")).unwrap_or_default();
        let sheet = |m: Msg| lang.t(m).to_string();
        let list = match self.stack.last() {
            Some(Layer::Tasks(t)) => Some(t.as_ref()),
            Some(_) => {
                return Ok(Plan {
                    lang,
                    header: Vec::new(),
                    sheet: sheet(Msg::ViewTasks),
                    source: Source::Shown(Vec::new()),
                })
            }
            None if self.view == View::Tasks => Some(&self.tasks),
            None => None,
        };
        if let Some(t) = list {
            let cols: Vec<Msg> = TaskCol::ALL.iter().map(|c| c.msg()).collect();
            let ids = t.search.as_ref().and_then(|s| s.window(0, t.total));
            return Ok(Plan {
                lang,
                header: head(&cols),
                sheet: sheet(Msg::ViewTasks),
                source: Source::Tasks {
                    filter: t.filter.clone(),
                    sort: t.sort_col().sort(),
                    descending: t.sort.descending,
                    past: t.past,
                    ids,
                },
            });
        }
        let (header, name, rows) = match self.view {
            View::Programs => (
                head(&ProgramCol::ALL.map(|c| c.msg())),
                Msg::ViewPrograms,
                self.programs
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.program.code.clone(),
                            r.program.title.clone(),
                            r.program.kind.code().to_string(),
                            format!("{}/{}", r.program.starts_on, r.program.ends_on),
                            r.counts.tasks.to_string(),
                            r.counts.overdue.to_string(),
                            format!("{:.1}", r.counts.progress),
                            r.next_review.map(|d| d.to_string()).unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ),
            View::Agencies => (
                head(&AgencyCol::ALL.map(|c| c.msg())),
                Msg::ViewAgencies,
                self.agencies
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            (r.order + 1).to_string(),
                            r.agency.code.clone(),
                            r.agency.name.clone(),
                            r.agency.kind.code().to_string(),
                            r.counts.tasks.to_string(),
                            r.counts.overdue.to_string(),
                            format!("{:.1}", r.counts.progress),
                        ]
                    })
                    .collect(),
            ),
            View::Ranking => (
                head(&RankCol::ALL.map(|c| c.msg())),
                Msg::ViewRanking,
                self.ranking
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            format!("{}{}", r.rank, if r.few { "*" } else { "" }),
                            r.name.clone(),
                            pct(r.on_time_rate),
                            r.counts.done_on_time.to_string(),
                            r.counts.done_late.to_string(),
                            r.counts.overdue.to_string(),
                            r.counts.in_time.to_string(),
                            r.urges.to_string(),
                            pct(r.mean_days_late),
                        ]
                    })
                    .collect(),
            ),
            _ => (Vec::new(), Msg::ViewTasks, Vec::new()),
        };
        Ok(Plan {
            lang,
            header,
            sheet: sheet(name),
            source: Source::Shown(rows),
        })
    }

    /// The header and every row of the table shown, in its order, as its cells read.
    pub fn sheet(&self) -> Result<Sheet> {
        self.export_plan()?.sheet_rows(&self.store)
    }
}

impl Plan {
    /// The header and the rows, read from `store` for a task table.
    fn sheet_rows(self, store: &Store) -> Result<Sheet> {
        let lang = self.lang;
        let rows = match self.source {
            Source::Shown(rows) => rows,
            Source::Tasks {
                filter,
                sort,
                descending,
                past,
                ids,
            } => {
                let tasks = match ids {
                    Some(ids) => store.tasks_by_ids_at(&ids, past)?,
                    None => store.tasks_at(&filter, sort, descending, 0, usize::MAX >> 1, past)?,
                };
                tasks
                    .into_iter()
                    .map(|t| {
                        vec![
                            t.id.to_string(),
                            t.title,
                            t.program,
                            t.category,
                            t.lead,
                            t.deadline.map(|d| d.to_string()).unwrap_or_default(),
                            lang.status(t.status).to_string(),
                            t.progress.get().to_string(),
                        ]
                    })
                    .collect()
            }
        };
        Ok((self.header, rows))
    }

    /// Reads the rows and writes them to `path` (a workbook when its name ends in
    /// `.xlsx`, else CSV), a new file made as the user; the number of rows written.
    fn write(self, store: &Store, path: &Path) -> Result<usize> {
        let sheet = self.sheet.clone();
        let (header, rows) = self.sheet_rows(store)?;
        let bytes = if is_xlsx(&path.to_string_lossy()) {
            crate::report::xlsx::table(&sheet, &header, &rows)?
        } else {
            csv_bytes(&header, &rows)?
        };
        let mut file = crate::safe_file::create_new(path, 0o644)?;
        file.write_all(&bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| {
                Error::Other(
                    Files::CannotWrite {
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    }
                    .into(),
                )
            })?;
        Ok(rows.len())
    }
}

/// The table as CSV, every cell a spreadsheet would take for a formula neutralized.
fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
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
    w.write_record(header).map_err(fail)?;
    for r in rows {
        w.write_record(r.iter().map(|c| neutralize_formula(c).into_owned()))
            .map_err(fail)?;
    }
    w.into_inner().map_err(|e| fail(e.into_error().into()))
}

/// Whether a file name asks for a workbook (ends in `.xlsx`, in any case).
fn is_xlsx(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx")
}

/// The name with the other format's ending: `.csv` ↔ `.xlsx`; a name with neither gets
/// `.xlsx` (without one it is written as CSV).
pub fn other_format(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".xlsx") {
        format!("{}.csv", &name[..name.len() - 5])
    } else if lower.ends_with(".csv") {
        format!("{}.xlsx", &name[..name.len() - 4])
    } else {
        format!("{name}.xlsx")
    }
}

/// Where `x` writes: the working directory.
pub fn default_dir() -> PathBuf {
    PathBuf::from(".")
}
