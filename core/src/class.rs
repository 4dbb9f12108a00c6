//! The class view's pure half: a teacher pastes the share links their
//! students sent, and the page shows the class as a whole.
//!
//! - [`gather`]: reads pasted text (one link a line, links inside sentences,
//!   CSV exports) into entries, and says what it skipped and why;
//! - [`counts`]: per-point counts of the class (`ClassCounts`);
//! - [`measures`]: where the class agrees and where it is split;
//! - [`camps`]: groups of students who tagged alike, and what sets each apart;
//! - [`compare`]: a reader's own tags beside the class's most common answers;
//! - [`csv`]: spreadsheet exports;
//! - [`words`]: every sentence the class view shows, so the UI formats none.
//!
//! Names stay in [`gather::Entry`] and the per-student export only: counts,
//! measures and camps never carry them.

pub mod camps;
pub mod compare;
pub mod counts;
pub mod csv;
pub mod gather;
pub mod measures;
pub mod words;

pub use counts::ClassCounts;
pub use gather::{gather, Entry, Gathered};
