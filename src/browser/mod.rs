//! Browser glue, all in one place, split by concern. Components and
//! navigation call these small functions; they name `web_sys` types only to
//! read their own events (a file picked, a `<details>` toggled) through
//! Leptos's typed events, and hold `NodeRef`s they hand to these functions.

mod address;
// The class view's camera: the class module only.
#[cfg(feature = "class")]
mod camera;
mod clipboard;
mod early;
mod forms;
mod islands;
mod media;
mod modules;
mod qr;
mod scroll;
mod storage;
mod task;

pub use address::*;
#[cfg(feature = "class")]
pub use camera::*;
pub use clipboard::*;
pub use early::*;
pub use forms::*;
pub use islands::*;
pub use media::*;
pub use modules::*;
pub use qr::*;
pub use scroll::*;
pub use storage::*;
pub use task::*;
