// COMPARISON ONLY, never shipped: the same status done the way a web team might without this
// project, with the npm `opening_hours` library (OpenStreetMap syntax, Danish holidays). The
// benchmark bundles it with esbuild, minified, and loads it like the widget.
import OpeningHours from 'opening_hours';

const hours = new OpeningHours('Mo-Th 09:00-21:00; Fr 09:00-17:00; Su 17:00-21:00; PH off', {
  lat: 56.16,
  lon: 10.2,
  address: { country_code: 'dk', state: 'Midtjylland' },
});

for (const element of document.querySelectorAll('digital-hotline')) {
  const now = new Date();
  const open = hours.getState(now);
  const next = hours.getNextChange(now);
  const clock = (date) => `${date.getHours()}.${String(date.getMinutes()).padStart(2, '0')}`;
  const text = document.createElement('p');
  text.className = 'status';
  text.textContent = open ? `Åben nu · Lukker kl. ${clock(next)}` : `Lukket nu · Åbner kl. ${next ? clock(next) : '?'}`;
  element.replaceChildren(text);
  element.setAttribute('state', open ? 'open' : 'closed');
}
