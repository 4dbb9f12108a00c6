//! Pure logic of Weigh the Plan. Nothing here touches the browser, so all of
//! it is tested natively with `cargo test -p plan-core`.

pub mod base64url;
pub mod class;
pub mod class_link;
pub mod content;
pub mod embed;
pub mod reader;
pub mod reasons;
pub mod route;
pub mod share;
pub mod step;
#[cfg(test)]
mod strategies;
pub mod tags;
pub mod tally;
#[cfg(feature = "prose")]
pub mod territory;
pub mod ui;
pub mod words;

pub use content::{content, POINT_COUNT};
pub use tags::{Tag, Tags};
pub use tally::Tally;
