//! One public Leptos component per file (with its private parts). `page/` is the static page (build time
//! only); the files here are the islands and what they share; `class/` is
//! the class view (its own module).

pub mod choices;
#[cfg(feature = "class")]
pub mod class;
pub mod class_host;
pub mod counts;
pub mod dialog;
pub mod draft_switch;
pub mod embed_code;
pub mod graphic_controls;
pub mod help_dialog;
pub mod masthead_tools;
pub mod notices;
pub mod overview;
#[cfg(feature = "ssr")]
pub mod page;
pub mod progress;
pub mod qr_code;
pub mod qr_dialog;
pub mod reset;
pub mod share_panel;
pub mod shared_banner;
pub mod skip_link;
pub mod speakers;
pub mod stacked_bar;
pub mod summary;
pub mod tally;
pub mod theme_breakdown;
pub mod why_field;
