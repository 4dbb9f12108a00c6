//! The class view's components: a module of its own (`src/bin/class_view.rs`),
//! fetched at `#class` or a class result link.

pub mod camps;
pub mod classroom;
pub mod export;
pub mod gather;
pub mod measures;
pub mod names;
pub mod reasons;
pub mod report;
pub mod result;
pub mod result_page;
pub mod root;
pub mod scan;
pub mod scan_panel;
pub mod start;
pub mod state;
pub mod strip;
pub mod table;
pub mod view;
pub mod you;
