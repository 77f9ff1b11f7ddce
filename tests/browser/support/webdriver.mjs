// A tiny W3C WebDriver client (the handful of endpoints the engine-neutral tests need) and the
// launcher for WebKitGTK's `WebKitWebDriver` under a private Xvfb display. Hand-written rather
// than an npm client: five HTTP calls, no dependency to pin.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the driver takes a port, not 0). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `command` and resolves once `ready(output)` is true for its stdout+stderr so far. */
function startProcess(command, args, { env, ready, timeout = 30_000 }) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never left behind, even when the test process fails.
  process.once('exit', () => child.kill());
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${command} did not start within ${timeout} ms:\n${output}`));
    }, timeout);
    const check = (chunk) => {
      output += chunk;
      if (ready(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    check('');
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}):\n${output}`));
    });
  });
}

/** Stops a child process and waits until it is gone. */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill();
  });
}

/**
 * Starts Xvfb on a display it picks itself (`-displayfd`), then WebKitWebDriver on a free
 * port with `env` (e.g. `TZ`), and opens one session (one MiniBrowser window).
 */
export async function launchWebKit({ env = {} } = {}) {
  const xvfb = await startProcess('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    env: process.env,
    ready: (output) => /^\d+\n/m.test(output), // the display number, after any complaints
  });
  const display = `:${xvfb.output().match(/^(\d+)\n/m)[1]}`;
  const port = await freePort();
  let driver;
  try {
    driver = await startProcess('WebKitWebDriver', [`--port=${port}`], {
      env: { ...process.env, ...env, DISPLAY: display },
      ready: () => true, // it prints nothing; newSession() waits for it to answer
    });
  } catch (error) {
    await stop(xvfb.child);
    throw error;
  }
  const base = `http://127.0.0.1:${port}`;
  const stopAll = async () => {
    await stop(driver.child);
    await stop(xvfb.child);
  };
  try {
    const session = await newSession(base);
    return { session, close: async () => { await session.close().catch(() => {}); await stopAll(); } };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** POST/GET/DELETE to the driver; returns `value` or throws the driver's error. */
async function call(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const { value } = await response.json();
  if (!response.ok || (value && value.error)) {
    throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
  }
  return value;
}

/** Waits for the driver to listen, then opens a session. */
async function newSession(base) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await call(base, 'GET', '/status');
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const created = await call(base, 'POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': { args: ['--automation'] },
        // Every script the tests run answers at once; a call lost around a wasm trap (see
        // `Tab.waitFor`) then costs 10 s instead of the default 30.
        timeouts: { script: 10_000 },
      },
    },
  });
  return new Session(base, created.sessionId, created.capabilities);
}

export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  #call(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  navigate(url) {
    return this.#call('POST', '/url', { url });
  }

  /**
   * Runs `fn(...args)` in the page and resolves to its (JSON) result, awaiting a promise;
   * an exception in the page rejects with its message.
   */
  async evaluate(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
  .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ thrown: String(error) }));`;
    const result = await this.#call('POST', '/execute/async', { script, args });
    if (result && 'thrown' in result) throw new Error(`in the page: ${result.thrown}`);
    return result?.value;
  }

  close() {
    return this.#call('DELETE', '');
  }
}
