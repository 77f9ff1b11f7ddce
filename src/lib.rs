//! Den Digitale Hotline widget: is the shared phone line 70 20 00 00 open right now?
//!
//! Layers, each depending only on the ones above it:
//! - [`rules`]: time rules, pure Rust, tested natively with instants passed in;
//! - [`config`]: the JSON config, validated into the rules with errors that name the field;
//! - [`ui`]: texts, the view worked out for an instant, and the Leptos components; knows
//!   nothing about how it is mounted and never reads the clock;
//! - `embed` (wasm only): the custom element's Rust side: shadow root, styles, attributes and
//!   event, timers, the hosted-config fetch, the clock, and the guard against panics.

pub mod config;
pub mod rules;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod embed;
