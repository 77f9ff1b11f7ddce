//! Embedding: turns a `<digital-hotline>` host element into a live widget. The JS loader
//! (`loader.js`) defines the custom element and calls [`mount`] when an element is connected,
//! then `free()` on the returned [`Widget`] when it is disconnected.

#[cfg(feature = "checker")]
mod check;
mod clock;
mod element;
mod fetch;
mod hosted;
mod json;
mod listener;
mod runtime;
#[cfg(feature = "test-hooks")]
mod test_hooks;
mod timer;

pub use element::{Widget, mount};
