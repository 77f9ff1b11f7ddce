//! Presentation: texts per language, the [`WidgetView`] worked out from them, and the Leptos
//! components that lay it out. Gets the instant from whoever mounts it; never reads the clock.

mod da;
mod en;
pub mod listing;
pub mod phone;
pub mod structured_data;
mod texts;
mod view;

#[cfg(target_arch = "wasm32")]
mod components;

#[cfg(target_arch = "wasm32")]
pub use components::HotlineWidget;
pub use texts::{Day, Lang, Texts};
pub use view::{DayRow, PhoneView, Variant, WidgetView, day_row};
