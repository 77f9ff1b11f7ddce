// The memory run's control: a plain script that wakes every 5 minutes, as the widget does, and
// does nothing else. Its growth under the faked clock is the harness's own drift.
const tick = () => setTimeout(tick, 5 * 60 * 1000);
tick();
for (const element of document.querySelectorAll('digital-hotline')) element.setAttribute('state', 'open');
