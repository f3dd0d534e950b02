//! The rules of a progress/status update, as a pure function.

use chrono::NaiveDate;

use super::{Progress, ProgressUpdate, Status};
use crate::error::{Error, Result};
use crate::lang::facts::Value;

/// A task's state after an update: (status, progress, completed_on).
pub type TaskState = (Status, Progress, Option<NaiveDate>);

/// Applies an update to the current state.
///
/// - Progress 100 without a status marks the task done; progress above 0 on a task not
///   yet started, or below 100 on a done task, marks it in progress.
/// - Status done without a progress sets progress to 100; done with less than 100 is refused.
/// - Completing records the update's date as `completed_on` (kept if it was already done);
///   leaving done clears it.
/// - 100 % means done and done means 100 %: any other status at 100 % is refused (a done
///   task reopened needs a progress below 100); not started means 0 %.
/// - An update with neither progress, status nor note is refused.
pub fn apply_update(current: TaskState, upd: &ProgressUpdate) -> Result<TaskState> {
    let (cur_status, cur_progress, cur_completed) = current;
    if upd.progress.is_none() && upd.status.is_none() && upd.note.is_none() {
        return Err(Error::Usage(Value::NothingToUpdate.into()));
    }
    let status = match (upd.status, upd.progress) {
        (Some(s), _) => s,
        (None, Some(p)) if p == Progress::FULL => Status::Done,
        (None, Some(p)) if p.get() > 0 && cur_status == Status::NotStarted => Status::InProgress,
        (None, Some(_)) if cur_status == Status::Done => Status::InProgress,
        (None, _) => cur_status,
    };
    let progress = match (upd.progress, status) {
        (Some(p), Status::Done) if p != Progress::FULL => {
            return Err(Error::invalid(Value::DoneAt100 { progress: p.get() }))
        }
        (Some(p), _) => p,
        (None, Status::Done) => Progress::FULL,
        (None, _) => cur_progress,
    };
    // 100 % means done and done means 100 %; not started means 0 %.
    if progress == Progress::FULL && status != Status::Done {
        return Err(Error::invalid(Value::FullButNotDone { status, flag: true }));
    }
    if status == Status::NotStarted && progress.get() > 0 {
        return Err(Error::invalid(Value::NotStartedAtZero {
            progress: progress.get(),
        }));
    }
    let completed_on = match status {
        Status::Done if cur_status == Status::Done => cur_completed.or(Some(upd.on)),
        Status::Done => Some(upd.on),
        _ => None,
    };
    Ok((status, progress, completed_on))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upd(p: Option<i64>, s: Option<Status>) -> ProgressUpdate {
        ProgressUpdate {
            progress: p.map(|n| Progress::new(n).unwrap()),
            status: s,
            note: None,
            on: NaiveDate::from_ymd_opt(2020, 1, 2).unwrap(),
        }
    }

    #[test]
    fn full_means_done_and_not_started_means_zero() {
        let start = (Status::NotStarted, Progress::ZERO, None);
        let e = apply_update(start, &upd(Some(100), Some(Status::InProgress))).unwrap_err();
        assert_eq!(e.exit_code(), 6);
        assert!(e.to_string().contains("100%"), "{e}");
        let e = apply_update(start, &upd(Some(30), Some(Status::NotStarted))).unwrap_err();
        assert_eq!(e.exit_code(), 6);
        // Reopening a done task needs a progress below 100.
        let done = (
            Status::Done,
            Progress::FULL,
            NaiveDate::from_ymd_opt(2020, 1, 1),
        );
        assert_eq!(
            apply_update(done, &upd(None, Some(Status::InProgress)))
                .unwrap_err()
                .exit_code(),
            6
        );
        assert_eq!(
            apply_update(done, &upd(Some(90), Some(Status::InProgress)))
                .unwrap()
                .0,
            Status::InProgress
        );
        assert_eq!(
            apply_update(start, &upd(Some(100), Some(Status::Suspended)))
                .unwrap_err()
                .exit_code(),
            6
        );
    }

    #[test]
    fn rules() {
        let start = (Status::NotStarted, Progress::ZERO, None);
        let on = NaiveDate::from_ymd_opt(2020, 1, 2).unwrap();
        assert_eq!(
            apply_update(start, &upd(Some(40), None)).unwrap().0,
            Status::InProgress
        );
        assert_eq!(
            apply_update(start, &upd(Some(100), None)).unwrap(),
            (Status::Done, Progress::FULL, Some(on))
        );
        assert_eq!(
            apply_update(start, &upd(None, Some(Status::Done))).unwrap(),
            (Status::Done, Progress::FULL, Some(on))
        );
        assert!(apply_update(start, &upd(Some(50), Some(Status::Done))).is_err());
        assert!(apply_update(start, &upd(None, None)).is_err());
        let done = (
            Status::Done,
            Progress::FULL,
            NaiveDate::from_ymd_opt(2019, 1, 1),
        );
        assert_eq!(
            apply_update(done, &upd(Some(80), None)).unwrap(),
            (Status::InProgress, Progress::new(80).unwrap(), None)
        );
        assert_eq!(
            apply_update(done, &upd(None, Some(Status::Done))).unwrap(),
            done
        );
    }
}
