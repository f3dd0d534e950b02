//! Import and export (CSV, JSON).
