// The floor for any widget whose code is a wasm file of this size, loaded by its script: the
// plain-JS element of baseline.js, but only once `WASM` (the widget's own wasm file; bench/run.mjs
// puts its path and `INTEGRITY` in front of this) is fetched, checked and compiled, as the
// loader does it. Nothing in it runs.
WebAssembly.compileStreaming(fetch(WASM, { integrity: INTEGRITY })).then(() => {
  for (const element of document.querySelectorAll('digital-hotline')) {
    const text = document.createElement('p');
    text.textContent = 'Åben nu';
    element.replaceChildren(text);
    element.setAttribute('state', 'open');
  }
});
