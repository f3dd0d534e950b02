//! Review reports (Markdown, CSV, JSON, Excel).
