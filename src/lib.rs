//! Den Digitale Hotline widget: is the shared phone line 70 20 00 00 open right now?
//!
//! Layers, each depending only on the ones above it:
//! - [`rules`]: time rules, pure Rust, tested natively with instants passed in;
//! - [`ui`]: texts and Leptos components, knows nothing about how it is mounted;
//! - `embed` (wasm only): the custom element, shadow root, timer and clock.

pub mod config;
pub mod rules;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod embed;
