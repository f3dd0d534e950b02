//! The command palette (`:`, issue 16 item 4): one line of input matched, with the folding
//! and the matcher of `/`, over the commands of the screen under it (the keymap's, the
//! list help draws: [`keymap::commands`]), the agencies, the programs and the tasks
//! (`70`, `#70` or words of a title). `Enter` runs the command or opens the record.
//!
//! The tasks' titles are indexed when the palette opens if the scope holds at most
//! [`SYNC_INDEX_LIMIT`] tasks (a few milliseconds); above that only a task number is
//! looked up, so the key loop never reads a large table.

use std::sync::Arc;

use super::search::{build_index, SYNC_INDEX_LIMIT};
use super::tasks::{TaskList, TaskListKind};
use super::{AppState, Detail, Layer, Notice};
use crate::error::{Error, Result};
use crate::search::{Narrower, SearchIndex};
use crate::tui::action::Action;
use crate::tui::i18n::Msg;
use crate::tui::keymap::{self, remap};

/// What an entry does.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Runs the action, as its key would.
    Run(Action),
    /// Opens the tasks the agency leads (code, name).
    Agency(String, String),
    /// Opens the program's tasks (code).
    Program(String),
    /// Opens the task's detail.
    Task(i64),
}

/// One line of the palette.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What it is (command, agency, program, task).
    pub kind: Msg,
    /// What it says: the help's description, the name, the title.
    pub label: String,
    /// The key of a command, the code of a record, `#70` for a task.
    pub key: String,
    pub target: Target,
}

/// The palette shown.
#[derive(Debug, Clone)]
pub struct Palette {
    pub query: String,
    /// The entries matching the query, best first (every command and record when blank).
    pub shown: Vec<Entry>,
    pub cursor: super::cursor::Cursor,
    /// Commands, agencies and programs, in this order.
    fixed: Vec<Entry>,
    fixed_index: Arc<SearchIndex>,
    /// The titles of the tasks in scope, when they are few enough to index here.
    tasks: Option<Arc<SearchIndex>>,
}

/// Lines the palette shows at most.
pub const PALETTE_ROWS: usize = 12;
/// Tasks matched by title that are listed at most.
const TASK_ROWS: usize = 50;

impl Palette {
    /// The text an entry is matched on: its label, its key, and a command's config name
    /// (`tasks`, `reload`: the words of `--plain` and of the keys file).
    fn text(e: &Entry) -> String {
        let word = match &e.target {
            Target::Run(a) => remap::action_name(a).unwrap_or_default().replace('_', " "),
            _ => String::new(),
        };
        format!("{} {} {word}", e.label, e.key)
    }
}

impl AppState {
    /// `:`: opens the palette over the screen shown.
    pub(super) fn open_palette(&mut self) -> Result<()> {
        self.help = false;
        let lang = self.lang;
        let here = self.here_in(self.base_mode());
        let mut fixed: Vec<Entry> = Vec::new();
        for b in keymap::commands(&here) {
            if b.action == Action::Palette
                || fixed
                    .iter()
                    .any(|e| e.target == Target::Run(b.action.clone()))
            {
                continue;
            }
            fixed.push(Entry {
                kind: Msg::PaletteCommand,
                label: lang.t(b.help).to_string(),
                key: b.keys_label(),
                target: Target::Run(b.action.clone()),
            });
        }
        for a in self.store.agencies()? {
            fixed.push(Entry {
                kind: Msg::PaletteAgency,
                key: a.code.clone(),
                target: Target::Agency(a.code, a.name.clone()),
                label: a.name,
            });
        }
        for p in self.store.programs()? {
            fixed.push(Entry {
                kind: Msg::PaletteProgram,
                key: p.code.clone(),
                target: Target::Program(p.code),
                label: p.title,
            });
        }
        let texts: Vec<String> = fixed.iter().map(Palette::text).collect();
        let fixed_index = Arc::new(SearchIndex::from_originals(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| (i as i64, t.as_str())),
        )?);
        let filter = self.task_filter(&TaskListKind::All);
        let past = self.past();
        let count = usize::try_from(self.store.count_tasks_at(&filter, past)?).unwrap_or(0);
        let tasks = if count <= SYNC_INDEX_LIMIT {
            Some(Arc::new(build_index(&self.store, &filter, past)?))
        } else {
            None
        };
        let mut p = Palette {
            query: String::new(),
            shown: Vec::new(),
            cursor: Default::default(),
            fixed,
            fixed_index,
            tasks,
        };
        self.narrow_palette(&mut p)?;
        self.palette = Some(p);
        Ok(())
    }

    /// The entries matching the palette's query: a task number first, then the commands
    /// and records, then the tasks by title, each best first.
    fn narrow_palette(&self, p: &mut Palette) -> Result<()> {
        p.cursor = Default::default();
        let q = p.query.trim();
        if q.is_empty() {
            p.shown = p.fixed.clone();
            return Ok(());
        }
        let mut shown = Vec::new();
        if let Some(id) = task_number(q) {
            match self.store.task_as_of(id, self.past()) {
                Ok(t) => shown.push(task_entry(id, t.title)),
                Err(Error::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        let texts: Vec<String> = p.fixed.iter().map(Palette::text).collect();
        let mut n = Narrower::new(Arc::clone(&p.fixed_index));
        let hits = n.filter_with(q, |ids| {
            Ok(ids
                .iter()
                .map(|&i| texts.get(i as usize).cloned().unwrap_or_default())
                .collect())
        })?;
        shown.extend(
            hits.iter()
                .filter_map(|&i| p.fixed.get(i as usize).cloned()),
        );
        if let (Some(index), None) = (&p.tasks, task_number(q)) {
            let mut n = Narrower::new(Arc::clone(index));
            let hits = n.filter_with(q, |ids| self.store.task_titles(ids))?;
            let ids: Vec<i64> = hits
                .iter()
                .take(TASK_ROWS)
                .map(|&pos| index.id(pos as usize))
                .collect();
            let titles = self.store.task_titles(&ids)?;
            shown.extend(ids.into_iter().zip(titles).map(|(id, t)| task_entry(id, t)));
        }
        p.shown = shown;
        Ok(())
    }

    /// A key while the palette is open.
    pub(super) fn palette_key(&mut self, action: Action) -> Result<bool> {
        let Some(mut p) = self.palette.take() else {
            return Ok(false);
        };
        let edit = |p: &mut Palette, f: &dyn Fn(&mut String)| {
            f(&mut p.query);
        };
        match action {
            Action::Input(c) => edit(&mut p, &|q| q.push(c)),
            Action::Paste(text) => {
                let text = super::field::one_line(&text);
                edit(&mut p, &|q| q.push_str(&text))
            }
            Action::Erase => edit(&mut p, &|q| {
                q.pop();
            }),
            Action::ClearField => edit(&mut p, &|q| q.clear()),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                p.cursor.apply(action, p.shown.len(), PALETTE_ROWS);
                self.palette = Some(p);
                return Ok(true);
            }
            Action::Cancel => return Ok(true),
            Action::Submit => {
                let Some(e) = p.shown.get(p.cursor.selected).cloned() else {
                    self.notice = Some(Notice::Info(Msg::PaletteNothing));
                    return Ok(true);
                };
                self.run_entry(e.target)?;
                return Ok(true);
            }
            // The runner's results still arrive.
            Action::Resize(..) | Action::DataChanged | Action::DateChanged(_) | Action::Quit => {
                self.palette = Some(p);
                return self.apply(action);
            }
            _ => {
                self.palette = Some(p);
                return Ok(false);
            }
        }
        self.narrow_palette(&mut p)?;
        self.palette = Some(p);
        Ok(true)
    }

    fn run_entry(&mut self, target: Target) -> Result<()> {
        let page = self.page();
        match target {
            Target::Run(a) => {
                self.apply(a)?;
            }
            Target::Task(id) => {
                let d = Detail::load(&self.store, id, self.past())?;
                self.stack.push(Layer::Detail(Box::new(d)));
            }
            Target::Agency(code, name) => self.push_tasks(TaskListKind::LedBy(code, name), page)?,
            Target::Program(code) => self.push_tasks(TaskListKind::OfProgram(code), page)?,
        }
        Ok(())
    }

    fn push_tasks(&mut self, kind: TaskListKind, page: usize) -> Result<()> {
        let mut t = TaskList::new(kind.clone(), self.task_filter(&kind));
        t.past = self.past();
        t.load(&self.store, page)?;
        self.stack.push(Layer::Tasks(Box::new(t)));
        Ok(())
    }
}

fn task_entry(id: i64, title: String) -> Entry {
    Entry {
        kind: Msg::PaletteTask,
        label: title,
        key: format!("#{id}"),
        target: Target::Task(id),
    }
}

/// `70`, `#70` or `:70`: a task number.
fn task_number(q: &str) -> Option<i64> {
    let q = q.trim();
    let digits = q
        .strip_prefix('#')
        .or_else(|| q.strip_prefix(':'))
        .unwrap_or(q);
    digits.trim().parse().ok().filter(|&n: &i64| n > 0)
}
