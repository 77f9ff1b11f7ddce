//! Presentation: texts per language, the [`WidgetView`] worked out from them, and the Leptos
//! components that lay it out. Gets the instant from whoever mounts it; never reads the clock.

mod da;
mod en;
pub mod listing;
pub mod phone;
pub mod structured_data;
mod texts;
mod view;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
mod components;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub use components::HotlineWidget;
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub use components::prerender;
pub use texts::{Day, Lang, Texts};
pub use view::{DayGroup, DayRow, Label, PhoneView, Variant, WidgetView, day_row};
