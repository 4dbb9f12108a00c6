//! The page's static parts: rendered at build time only (`ssr`), never in the
//! browser build. The browser hydrates the islands inside them.

pub mod app;
pub mod cite;
pub mod class_teaser;
pub mod draft_layer;
pub mod graphic;
pub mod later;
pub mod masthead;
pub mod point_card;
pub mod quote;
pub mod sources;
pub mod story_step;
pub mod territory_map;
