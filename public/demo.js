// The demo page's embed builder: a live preview plus the snippet to copy. Not part of the
// widget. The preview shows a chosen moment through the widget's `preview-at` attribute,
// which the copied snippet never contains.
const form = document.querySelector('#builder-form');
const preview = document.querySelector('#preview-widget');
const snippet = document.querySelector('#snippet');
const css = document.querySelector('#snippet-css');
const DEFAULTS = { background: '#ffffff', color: '#1b1b1b', link: '#0a4a8f' };
const PROPERTIES = { background: '--dh-background', color: '--dh-color', link: '--dh-link-color' };
let release = { js: 'digital-hotline.js', integrity: '' };
/** The release's page stylesheet and the box rendered ahead of time per language and variant. */
let prerendered = null;

const json = (url) => fetch(url).then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.status))));
Promise.allSettled([json('dist/digital-hotline/release.json'), json('dist/digital-hotline/fallbacks.json')]).then(
  ([manifest, fallbacks]) => {
    if (manifest.status === 'fulfilled') release = manifest.value;
    if (fallbacks.status === 'fulfilled') prerendered = fallbacks.value;
    update();
  },
);

function setAttribute(name, value) {
  if (value) preview.setAttribute(name, value);
  else preview.removeAttribute(name);
}

function update() {
  const data = new FormData(form);
  const lang = data.get('lang');
  const variant = data.get('variant');
  // `label` only changes the compact line.
  const label = variant === 'compact' && data.get('label') === 'short' ? 'short' : '';
  const config = data.get('config').trim();
  setAttribute('lang', lang);
  setAttribute('variant', variant === 'full' ? '' : variant);
  setAttribute('label', label);
  setAttribute('config', config);
  setAttribute('preview-at', data.get('at'));

  const rules = [];
  for (const [field, property] of Object.entries(PROPERTIES)) {
    const value = data.get(field);
    preview.style.setProperty(property, value);
    if (value !== DEFAULTS[field]) rules.push(`  ${property}: ${value};`);
  }

  const attributes = [`lang="${lang}"`];
  if (variant !== 'full') attributes.push(`variant="${variant}"`);
  if (label) attributes.push(`label="${label}"`);
  if (config) attributes.push(`config="${config.replace(/"/g, '&quot;')}"`);
  const integrity = release.integrity ? ` integrity="${release.integrity}" crossorigin="anonymous"` : '';
  // The fallback is the box rendered by the release (`cargo xtask release`), never typed here.
  const fallback = prerendered?.fallbacks[`${lang}-${variant}`] ?? '<a href="tel:+4570200000">70 20 00 00</a>';
  const stylesheet = prerendered
    ? `<link rel="stylesheet" href="https://JERES-SERVER/digital-hotline/${prerendered.css}" integrity="${prerendered.cssIntegrity}" crossorigin="anonymous">\n`
    : '';
  snippet.textContent = `${stylesheet}<script src="https://JERES-SERVER/digital-hotline/${release.js}" defer${integrity}></script>
<digital-hotline ${attributes.join(' ')}>
${fallback}
</digital-hotline>`;
  css.textContent = rules.length ? `digital-hotline {\n${rules.join('\n')}\n}` : '/* standardfarver / default colours */';
}

form.addEventListener('input', update);
form.addEventListener('submit', (event) => event.preventDefault());
for (const button of form.querySelectorAll('[data-at]')) {
  button.addEventListener('click', () => {
    form.elements.at.value = button.dataset.at;
    update();
  });
}
