//! Reusable drawing pieces: text fitting, the data table with its sort indicator, the
//! progress bar, the horizontal bar chart and text sparklines.

pub mod barchart;
pub mod data_table;
pub mod highlight;
pub mod progress;
pub mod spark;
pub mod text;

pub use barchart::BarChart;
pub use data_table::{Align, CellData, Column, DataTable};
pub use highlight::marked;
pub use progress::progress_bar;
pub use text::{fit, fit_left, fit_right, width, wrap};
