//! Pure types and rules of the domain: no SQL, no terminal, no clap.

pub mod bucket;
pub mod codes;
pub mod date;
pub mod fold;
pub mod model;
pub mod progress;
pub mod text;
pub mod update;
pub mod validate;

pub use bucket::{bucket, days_late, due_soon, next_review, review_dates, DUE_SOON_DAYS};
pub use codes::{AgencyKind, Bucket, Cadence, ProgramKind, Role, Status};
pub use model::*;
pub use progress::Progress;
