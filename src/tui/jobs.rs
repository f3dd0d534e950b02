//! The one background job runner of the TUI, after gitui's `asyncgit`: slow work runs off
//! the key loop, each result comes back through the event loop as [`Event::Job`] (then
//! `Action::Job`) into `update()`, the only place the state changes.
//!
//! Two lanes, each one thread with its own [`Store`] connection, opened on its first job
//! from the same path and settings as the key loop's:
//! - [`Lane::Write`]: saves, deletes and undos, one at a time, in order. Its connection
//!   waits [`WRITE_WAIT`] for another writer's lock, then the write fails as
//!   [`crate::error::Error::Busy`] and the TUI offers to retry (the form's input kept).
//! - [`Lane::Read`]: slow reads (the dashboard's aggregates, read again after a change).
//! - [`Lane::Series`]: the Trends view's series (one pass over every version: a
//!   second or more at 1,000,000 tasks), a read lane of its own so that it never holds up the
//!   dashboard's delta refresh queued behind it (the live-refresh bar is 1 s).
//!
//! A job is a closure over the lane's store; its id is its generation: the state keeps the
//! id it waits for and drops any other (a result the user moved on from). Long-lived
//! workers (the search thread, which keeps its index and answers each query) are started
//! here too ([`Runner::spawn_worker`]), with their own connection and the same wake-up.

use std::any::Any;
use std::path::PathBuf;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::tui::event::Event;

/// How long a write from the TUI waits for another process's write lock before it
/// offers to retry. The key loop never waits for it: the write runs on its lane.
pub const WRITE_WAIT: Duration = Duration::from_secs(3);

/// How long a read of the key loop's own connection waits when SQLite reports the file
/// busy. Under WAL a held write lock never blocks a reader; this bounds the rare cases
/// that do (recovery after a crash, a restore), far below the store's 30 s.
pub const READ_WAIT: Duration = Duration::from_millis(500);

/// Debug builds only: each read-lane job waits this many milliseconds first, so that the
/// pty tests can watch the screen while a first read runs (a database large enough to
/// take seconds would take minutes to make in a test). Release builds ignore it.
pub const TEST_READ_DELAY_ENV: &str = "PHOIHOP_TEST_READ_DELAY_MS";

/// The read lane's test delay ([`TEST_READ_DELAY_ENV`]), in debug builds.
fn test_read_delay(lane: Lane) -> Option<Duration> {
    if !cfg!(debug_assertions) || lane != Lane::Read {
        return None;
    }
    let ms = std::env::var(TEST_READ_DELAY_ENV)
        .ok()?
        .parse::<u64>()
        .ok()?;
    Some(Duration::from_millis(ms))
}

/// Where a job runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    Write,
    Read,
    /// A second read lane, for the long series reads (`tui/state/trends.rs`).
    Series,
}

impl Lane {
    fn index(self) -> usize {
        match self {
            Lane::Write => 0,
            Lane::Read => 1,
            Lane::Series => 2,
        }
    }
}

type Output = Result<Box<dyn Any + Send>>;
type Work = Box<dyn FnOnce(&mut Store) -> Box<dyn Any + Send> + Send>;

/// A finished job: its id (generation) and lane, and its output, taken once by
/// `update()`. Compared by id.
#[derive(Clone)]
pub struct Done {
    pub id: u64,
    pub lane: Lane,
    out: Arc<Mutex<Option<Output>>>,
}

impl Done {
    /// The job's result as the type its closure returned (`Err` when the lane could not
    /// open its connection). `None` when taken already or of another type.
    pub fn take<T: 'static>(&self) -> Option<Result<T>> {
        let out = self.out.lock().ok()?.take()?;
        Some(match out {
            Ok(b) => match b.downcast::<T>() {
                Ok(t) => Ok(*t),
                Err(_) => return None,
            },
            Err(e) => Err(e),
        })
    }
}

impl PartialEq for Done {
    fn eq(&self, other: &Done) -> bool {
        self.id == other.id
    }
}

impl Eq for Done {}

impl std::fmt::Debug for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Done")
            .field("id", &self.id)
            .field("lane", &self.lane)
            .finish()
    }
}

/// What a long-lived worker gets: its own connection and a way to wake the event loop.
pub struct Worker {
    path: PathBuf,
    notify: Sender<Event>,
}

impl Worker {
    /// A read-only connection of its own to the database.
    pub fn open_reader(&self) -> Result<Store> {
        let store = Store::open(&self.path, true)?;
        store.set_busy_timeout(READ_WAIT)?;
        Ok(store)
    }

    /// Wakes the event loop (`Event::Background`); false when it is gone.
    pub fn wake(&self) -> bool {
        self.notify.send(Event::Background).is_ok()
    }
}

struct Job {
    id: u64,
    work: Work,
}

/// The runner: the lanes' queues, started on first use.
pub struct Runner {
    path: PathBuf,
    read_only: bool,
    notify: Sender<Event>,
    lanes: [Option<Sender<Job>>; 3],
    next_id: u64,
}

impl Runner {
    /// A runner over the database at `path` (opened read-only when `read_only`), whose
    /// results wake the event loop through `notify`.
    pub fn new(path: PathBuf, read_only: bool, notify: Sender<Event>) -> Runner {
        Runner {
            path,
            read_only,
            notify,
            lanes: [None, None, None],
            next_id: 0,
        }
    }

    /// Queues `work` on `lane`; returns its id (the generation to wait for).
    pub fn submit<T: Send + 'static>(
        &mut self,
        lane: Lane,
        work: impl FnOnce(&mut Store) -> T + Send + 'static,
    ) -> Result<u64> {
        self.next_id += 1;
        let id = self.next_id;
        let job = Job {
            id,
            work: Box::new(move |s: &mut Store| Box::new(work(s)) as Box<dyn Any + Send>),
        };
        let tx = match &self.lanes[lane.index()] {
            Some(tx) => tx.clone(),
            None => {
                let tx = self.start(lane)?;
                self.lanes[lane.index()] = Some(tx.clone());
                tx
            }
        };
        if let Err(mpsc::SendError(job)) = tx.send(job) {
            // The lane's thread is gone: start it again once.
            let tx = self.start(lane)?;
            self.lanes[lane.index()] = Some(tx.clone());
            tx.send(job)
                .map_err(|_| Error::Other(crate::lang::facts::Cli::WorkerStopped.into()))?;
        }
        Ok(id)
    }

    /// Starts a long-lived worker thread named `name` running `f`.
    pub fn spawn_worker(&self, name: &str, f: impl FnOnce(Worker) + Send + 'static) -> Result<()> {
        let worker = Worker {
            path: self.path.clone(),
            notify: self.notify.clone(),
        };
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || f(worker))
            .map_err(|e| {
                Error::Other(
                    crate::lang::facts::Cli::NoThread {
                        detail: e.to_string(),
                    }
                    .into(),
                )
            })?;
        Ok(())
    }

    fn start(&self, lane: Lane) -> Result<Sender<Job>> {
        let (tx, rx) = mpsc::channel::<Job>();
        let path = self.path.clone();
        let read_only = self.read_only;
        let notify = self.notify.clone();
        let name = match lane {
            Lane::Write => "phoihop-write",
            Lane::Read => "phoihop-read",
            Lane::Series => "phoihop-series",
        };
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let mut store: Option<Store> = None;
                let delay = test_read_delay(lane);
                for job in rx {
                    if let Some(d) = delay {
                        std::thread::sleep(d);
                    }
                    if store.is_none() {
                        store = match open(&path, read_only, lane) {
                            Ok(s) => Some(s),
                            Err(e) => {
                                let done = Done {
                                    id: job.id,
                                    lane,
                                    out: Arc::new(Mutex::new(Some(Err(e)))),
                                };
                                if notify.send(Event::Job(done)).is_err() {
                                    return;
                                }
                                continue;
                            }
                        };
                    }
                    let Some(s) = store.as_mut() else { continue };
                    let out = (job.work)(s);
                    let done = Done {
                        id: job.id,
                        lane,
                        out: Arc::new(Mutex::new(Some(Ok(out)))),
                    };
                    if notify.send(Event::Job(done)).is_err() {
                        return;
                    }
                }
            })
            .map_err(|e| {
                Error::Other(
                    crate::lang::facts::Cli::NoThread {
                        detail: e.to_string(),
                    }
                    .into(),
                )
            })?;
        Ok(tx)
    }
}

/// A lane's connection: the write lane's waits [`WRITE_WAIT`] for the lock.
fn open(path: &std::path::Path, read_only: bool, lane: Lane) -> Result<Store> {
    let store = Store::open(path, read_only || lane != Lane::Write)?;
    store.set_busy_timeout(match lane {
        Lane::Write => WRITE_WAIT,
        Lane::Read | Lane::Series => READ_WAIT,
    })?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_runs_on_its_lane_and_its_result_comes_back_as_an_event() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(Store::open(&path, false).unwrap());
        let (tx, rx) = mpsc::channel();
        let mut r = Runner::new(path, false, tx);
        let a = r
            .submit(Lane::Read, |s: &mut Store| s.data_version().is_ok())
            .unwrap();
        let b = r.submit(Lane::Write, |_s: &mut Store| 7_i32).unwrap();
        assert_ne!(a, b);
        let mut seen = Vec::new();
        for _ in 0..2 {
            match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
                Event::Job(d) => seen.push(d),
                other => panic!("{other:?}"),
            }
        }
        let da = seen.iter().find(|d| d.id == a).unwrap();
        assert_eq!(da.lane, Lane::Read);
        assert!(da.take::<bool>().unwrap().unwrap());
        assert!(da.take::<bool>().is_none(), "taken once");
        let db = seen.iter().find(|d| d.id == b).unwrap();
        assert!(db.take::<String>().is_none(), "another type");
    }
}
