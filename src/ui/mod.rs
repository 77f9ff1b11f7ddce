//! Presentation: texts per language and the Leptos components. Takes a [`Reading`] of the
//! clock from whoever mounts it and never reads the clock itself.

mod da;
mod en;
pub mod phone;
mod status_line;
mod texts;

#[cfg(target_arch = "wasm32")]
mod components;

#[cfg(target_arch = "wasm32")]
pub use components::HotlineWidget;
pub use status_line::{Reading, StatusLine};
pub use texts::{Day, Lang, Texts};
