//! Embedding: turns a `<digital-hotline>` host element into a live widget. The JS loader
//! (`loader.js`) defines the custom element and calls [`mount`] when an element is connected,
//! then `free()` on the returned [`Widget`] when it is disconnected.

#[cfg(feature = "checker")]
mod check;
mod clock;
mod element;
#[cfg(feature = "hosted-config")]
mod fetch;
#[cfg(feature = "hosted-config")]
mod hosted;
#[cfg(feature = "hosted-config")]
mod json;
mod listener;
mod runtime;
#[cfg(feature = "test-hooks")]
mod test_hooks;
mod timer;

pub use element::{Widget, mount};

/// `talc` in place of std's dlmalloc: −1.9 KB brotli. `lol_alloc`'s free list measured 0.5 KB
/// smaller, but a widget allocates and frees for days and talc is the maintained, binned,
/// coalescing one (no O(free list) walk, no fragmentation creeping up).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
