//! One Leptos component per file.

pub mod app;
pub mod class_view;
pub mod classroom;
pub mod counts;
pub mod dialog;
pub mod draft_layer;
pub mod graphic;
pub mod help_dialog;
pub mod masthead;
pub mod notices;
pub mod overview;
pub mod point_card;
pub mod progress;
pub mod qr_code;
pub mod qr_dialog;
pub mod reset;
pub mod share_panel;
pub mod shared_banner;
pub mod sources;
pub mod speakers;
pub mod stacked_bar;
pub mod story_step;
pub mod summary;
pub mod tally;
pub mod theme_breakdown;
