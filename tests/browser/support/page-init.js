// Loaded by the engine-neutral test pages before the widget's script (a classic script, not
// shipped). It carries in the page what Playwright's init scripts and `page.clock` do, so the
// same tests run in Chromium, Firefox (WebDriver BiDi) and WebKit (classic WebDriver):
// - `window.testLog`: console messages, uncaught errors, CSP violations and `statuschange`
//   events, recorded from the start (WebKit's driver cannot read the console at all);
// - `window.testClock`: a fake clock when the page URL has `?clock=<RFC 3339 instant>`.
(() => {
  const log = { console: [], errors: [], statusEvents: [], violations: [] };
  window.testLog = log;

  const describe = (value) => {
    if (value instanceof Error) return String(value);
    if (typeof value === 'object' && value !== null) {
      try {
        return JSON.stringify(value);
      } catch {
        return String(value);
      }
    }
    return String(value);
  };
  for (const type of ['error', 'warn', 'info', 'log', 'debug']) {
    const original = console[type];
    console[type] = function record(...args) {
      log.console.push({ type, text: args.map(describe).join(' ') });
      return original.apply(this, args);
    };
  }
  // Uncaught exceptions, also a script that fails to parse (a SyntaxError in the host page).
  addEventListener('error', (event) => log.errors.push(String(event.error ?? event.message)));
  addEventListener('unhandledrejection', (event) => log.errors.push(`unhandled rejection: ${describe(event.reason)}`));
  document.addEventListener('securitypolicyviolation', (event) => {
    log.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  document.addEventListener('statuschange', (event) => {
    log.statusEvents.push({ target: event.target.id, detail: event.detail });
  });

  const at = new URLSearchParams(location.search).get('clock');
  if (at) installClock(Date.parse(at));

  /**
   * Replaces `Date` and the timer functions. Two clocks, as in a browser: `ticks` (monotonic,
   * what timers count) and the wall clock (`Date.now()`), which `setSystemTime` can move alone,
   * as a laptop waking from sleep does.
   */
  function installClock(start) {
    if (!Number.isFinite(start)) throw new Error(`testClock: not an instant: ${at}`);
    const RealDate = Date;
    const realSetTimeout = window.setTimeout.bind(window);
    let ticks = 0;
    let wallOffset = start;
    let nextId = 1;
    const timers = new Map();
    const now = () => ticks + wallOffset;

    function FakeDate(...args) {
      if (!new.target) return new RealDate(now()).toString();
      return args.length ? new RealDate(...args) : new RealDate(now());
    }
    FakeDate.prototype = RealDate.prototype;
    FakeDate.now = now;
    FakeDate.parse = RealDate.parse;
    FakeDate.UTC = RealDate.UTC;
    window.Date = FakeDate;

    const schedule = (callback, delay, args, repeat) => {
      // WebIDL's `long`: a delay beyond 2³¹−1 ms wraps, as in browsers (the widget guards it).
      const ms = Math.max(0, Number(delay) | 0);
      const id = nextId++;
      if (typeof callback === 'function') timers.set(id, { at: ticks + ms, callback, args, every: repeat ? Math.max(1, ms) : 0 });
      return id;
    };
    window.setTimeout = (callback, delay, ...args) => schedule(callback, delay, args, false);
    window.setInterval = (callback, delay, ...args) => schedule(callback, delay, args, true);
    window.clearTimeout = (id) => void timers.delete(id);
    window.clearInterval = window.clearTimeout;

    /** A real task boundary, so promises and fetches started by a timer can settle. */
    const settle = () => new Promise((resolve) => realSetTimeout(resolve, 0));

    /** The earliest timer due at `until` or before (ties in creation order). */
    const due = (until) => {
      let found = null;
      for (const [id, timer] of timers) {
        if (timer.at <= until && (!found || timer.at < found[1].at)) found = [id, timer];
      }
      return found;
    };

    const fire = async ([id, timer]) => {
      if (timer.every) timer.at = ticks + timer.every;
      else timers.delete(id);
      try {
        timer.callback(...timer.args);
      } catch (error) {
        queueMicrotask(() => {
          throw error; // reported like an uncaught error in a real timer
        });
      }
      await settle();
    };

    window.testClock = {
      now,
      /** Advances time by `ms`, firing every due timer at its own moment, in order. */
      async runFor(ms) {
        await settle(); // timers run in tasks of their own, not in the caller's
        const until = ticks + ms;
        for (let next = due(until); next; next = due(until)) {
          ticks = Math.max(ticks, next[1].at);
          await fire(next);
        }
        ticks = until;
        await settle();
      },
      /** Jumps `ms` ahead; each timer due by then fires once, late (Playwright's fastForward). */
      async fastForward(ms) {
        await settle();
        ticks += ms;
        for (const next of [...timers].filter(([, timer]) => timer.at <= ticks)) {
          if (timers.has(next[0])) await fire(next);
        }
        await settle();
      },
      /** Sets the wall clock only: no timer moves or fires (a wall-clock jump). */
      setSystemTime(instant) {
        wallOffset = RealDate.parse(instant) - ticks;
      },
    };
  }
})();
