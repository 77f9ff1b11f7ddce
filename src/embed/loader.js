// The drop-in script. It loads the widget's wasm from the folder this script itself was served
// from (so the bundle can be hosted anywhere), then defines <digital-hotline>, which upgrades
// every such element on the page, now and later. Until then, and for good if anything fails,
// the element's own fallback content (the number as a plain link) stays visible.
// The logic lives in Rust; this file only wires the custom element to it.
import init, { mount } from 'digital-hotline-glue';

const TAG = 'digital-hotline';
const WASM_FILE = 'digital-hotline.wasm';
const LOADED = Symbol.for('digital-hotline.loader');

/** This script's URL; `currentScript` is set while a classic script (also defer/async) runs. */
function scriptUrl() {
  const current = document.currentScript;
  if (current && current.src) return current.src;
  const named = [...document.scripts].find((script) => /digital-hotline[^/]*\.js(?:[?#]|$)/.test(script.src));
  return named ? named.src : document.baseURI;
}

class DigitalHotline extends HTMLElement {
  static observedAttributes = ['lang', 'variant', 'config'];
  #widget = null;

  connectedCallback() {
    if (!this.#widget) this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  /** A live element re-renders when `lang`, `variant` or `config` changes. */
  attributeChangedCallback(_name, before, after) {
    if (this.#widget && before !== after) {
      this.#unmount();
      this.#mount();
    }
  }

  #mount() {
    try {
      this.#widget = mount(this);
    } catch (error) {
      console.error(`<${TAG}>: could not render; showing the fallback content.`, error);
      // A shadow root without a slot would hide the fallback: show it again.
      if (this.shadowRoot) this.shadowRoot.replaceChildren(document.createElement('slot'));
    }
  }

  #unmount() {
    if (!this.#widget) return;
    this.#widget.free();
    this.#widget = null;
  }
}

function start() {
  if (window[LOADED]) return; // the script is on the page twice
  window[LOADED] = true;
  const wasmUrl = new URL(WASM_FILE, scriptUrl());
  init({ module_or_path: wasmUrl }).then(
    () => {
      if (!customElements.get(TAG)) customElements.define(TAG, DigitalHotline);
    },
    (error) => console.error(`<${TAG}>: could not load ${wasmUrl}; showing the fallback content.`, error),
  );
}

start();
