// Unit tests of static/boot.js, the page's start-up state, in node: the file runs as it does in
// the page, on a small stand-in document, and is driven as start.js and the WebAssembly drive it
// (`window.baclofenBoot`). What it must do is in its header and ARCHITECTURE.md: the start-up
// failure message only when the guide's own files cannot load or run (with the words for damaged
// files, or for a sandboxed frame, where those apply); a helper that stops after the start is
// replaced by "This helper stopped" with the emergency number (never left on screen dead, never a
// page with no one to call); config.json read once, never from a redirect or an error page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const SCRIPT = readFileSync(new URL('../../static/boot.js', import.meta.url), 'utf8');

/** Events by type, as addEventListener keeps them. */
class Target {
  constructor() {
    this.listeners = {};
    // Also called bare (`addEventListener(…)` in a script is the window's).
    this.addEventListener = (type, listener) => {
      this.listeners[type] ??= [];
      this.listeners[type].push(listener);
    };
  }
  fire(type, event = { type }) {
    for (const listener of this.listeners[type] ?? []) listener(event);
  }
}

class Element extends Target {
  constructor(tag, { id = null, text = '', hidden = false, attributes = {}, children = [] } = {}) {
    super();
    this.tagName = tag.toUpperCase();
    this.attributes = { ...attributes };
    if (id) this.attributes.id = id;
    this.hidden = hidden;
    this.text = text;
    this.children = children;
  }
  get id() {
    return this.attributes.id ?? '';
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  get textContent() {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(value) {
    this.text = value;
    this.children = [];
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  getAttribute(name) {
    return name in this.attributes ? this.attributes[name] : null;
  }
  hasAttribute(name) {
    return name in this.attributes;
  }
  removeAttribute(name) {
    delete this.attributes[name];
  }
  appendChild(child) {
    this.children.push(child);
    return child;
  }
  removeChild(child) {
    this.children = this.children.filter((c) => c !== child);
    return child;
  }
  querySelector(selector) {
    const tag = selector.toUpperCase();
    const walk = (node) => node.children.find((c) => c.tagName === tag) ?? node.children.map(walk).find(Boolean);
    return walk(this) ?? null;
  }
  cloneNode() {
    const copy = new Element(this.tagName, { text: this.text, hidden: this.hidden, attributes: this.attributes });
    copy.children = this.children.map((c) => c.cloneNode());
    return copy;
  }
  click() {
    this.fire('click');
  }
}

/**
 * A page as the guide's shell writes it: the hidden start-up failure message (#boot-failed, its
 * first words in a <strong>), the hidden "This helper stopped" template with the emergency
 * number, a print button, and the page's helper placeholder when `helper` is set.
 */
function page({ helper = true, wasm = true, origin = 'https://guide.example', readyState = 'loading', fetch } = {}) {
  const failed = new Element('div', {
    id: 'boot-failed',
    hidden: true,
    children: [new Element('strong', { text: 'The guide could not start.' }), new Element('span', { text: ' Use another browser.' })],
  });
  const stopped = new Element('div', {
    id: 'helper-stopped',
    hidden: true,
    children: [
      new Element('p', { text: 'This helper stopped. Reload the page.' }),
      new Element('a', { text: 'Call 999', attributes: { class: 'call__button', href: 'tel:999' } }),
    ],
  });
  const island = new Element('div', {
    id: 'missed-dose-tool',
    attributes: { 'data-module': 'missed-dose' },
    children: [new Element('p', { text: 'The published rules, until the helper starts.' })],
  });
  const print = new Element('button', { hidden: true, attributes: { 'data-print': '' } });
  const byId = { 'boot-failed': failed, 'helper-stopped': stopped };
  const root = new Element('html');
  const errors = [];
  const printed = [];
  const document = Object.assign(new Target(), {
    documentElement: root,
    readyState,
    getElementById: (id) => byId[id] ?? null,
    querySelectorAll: (selector) => {
      if (selector === '[data-module]') return helper ? [island] : [];
      if (selector === '[data-print]') return [print];
      return [];
    },
    querySelector: () => null,
  });
  const window = Object.assign(new Target(), {
    document,
    origin,
    navigator: {},
    console: { error: (...args) => errors.push(args), info: () => {} },
    fetch,
    setTimeout,
    requestAnimationFrame: (callback) => setTimeout(callback, 0),
    SyntaxError,
    URL,
    print: () => printed.push(true),
  });
  // A context has a WebAssembly of its own: a browser without it is one where it is undefined.
  window.WebAssembly = wasm ? WebAssembly : undefined;
  window.window = window;
  const context = vm.createContext(window);
  vm.runInContext(SCRIPT, context);
  /** The page finishes parsing (DOMContentLoaded), then loads (load). */
  const parsed = () => {
    document.readyState = 'interactive';
    document.fire('DOMContentLoaded');
  };
  const loaded = () => {
    document.readyState = 'complete';
    window.fire('load');
  };
  return { window, boot: window.baclofenBoot, root, failed, stopped, island, print, errors, printed, parsed, loaded };
}

const state = (p) => p.root.getAttribute('data-boot');

test('a page starts loading, and is started when its module says so, with no failure message', () => {
  const p = page();
  assert.equal(state(p), 'loading');
  assert.equal(p.boot.state(), 'loading');
  p.parsed();
  p.boot.started();
  assert.equal(state(p), 'started');
  assert.ok(p.root.hasAttribute('data-app-started'), 'tests and the bench wait for data-app-started');
  assert.equal(p.failed.hidden, true);
  assert.deepEqual(p.errors, []);
});

test('the failure message shows when the guide\'s own files cannot load, once the page is there', () => {
  const p = page();
  p.boot.failed(new TypeError('Failed to fetch'));
  assert.equal(state(p), 'failed');
  // Still parsing: the message is shown once the page is whole.
  assert.equal(p.failed.hidden, true);
  p.parsed();
  assert.equal(p.failed.hidden, false);
  // A network failure is not damage: the first words stay the general ones.
  assert.equal(p.failed.querySelector('strong').textContent, 'The guide could not start.');
  // Said once to the console, however often it is reported.
  p.boot.failed(new TypeError('Failed to fetch'));
  assert.equal(p.errors.length, 1);
  // A module that arrives late and starts after all hides the message again.
  p.boot.started();
  assert.equal(p.failed.hidden, true);
  assert.equal(state(p), 'started');
});

test('damaged files (a broken upload) get their own words, not "use another browser"', () => {
  for (const reason of [
    new WebAssembly.CompileError('bad magic number'),
    new WebAssembly.LinkError('import missing'),
    new SyntaxError('Unexpected token'),
    new TypeError('Failed to fetch dynamically imported module: https://guide.example/keep-1.js'),
    new TypeError('Importing a module script failed.'),
  ]) {
    const p = page({ readyState: 'interactive' });
    p.boot.failed(reason);
    assert.equal(p.failed.hidden, false, String(reason));
    // xtask puts content/site.toml's words for damaged files in place of this placeholder.
    assert.equal(p.failed.querySelector('strong').textContent, '__DAMAGED__', String(reason));
  }
});

test('in a sandboxed frame the failure message says the embedding site can fix it', () => {
  const p = page({ origin: 'null', readyState: 'interactive' });
  p.boot.failed(new TypeError('Failed to fetch'));
  assert.equal(p.failed.hidden, false);
  assert.equal(p.failed.querySelector('strong').textContent, '__SANDBOXED__');
});

test('a browser with no WebAssembly is told at once (the page itself still reads)', () => {
  const p = page({ wasm: false });
  assert.equal(state(p), 'failed');
  p.parsed();
  assert.equal(p.failed.hidden, false);
  // The print button still works: it needs no WebAssembly.
  assert.equal(p.print.hidden, false);
});

test('a helper that stops after the start is replaced by "This helper stopped" with the number to call', () => {
  const p = page();
  p.parsed();
  p.boot.started();
  p.boot.stopped(new WebAssembly.RuntimeError('unreachable'));
  assert.equal(state(p), 'stopped');
  assert.equal(p.island.children.length, 1, 'the dead helper is gone');
  const message = p.island.children[0];
  assert.equal(message.hidden, false);
  assert.equal(message.getAttribute('id'), null, 'the copy has no id of its own (the template keeps it)');
  assert.match(message.textContent, /This helper stopped/);
  assert.equal(message.querySelector('a').getAttribute('href'), 'tel:999');
  // A stopped page does not claim to have started again, nor fail over the message.
  p.boot.started();
  assert.equal(state(p), 'stopped');
  p.boot.failed(new Error('later'));
  assert.equal(state(p), 'stopped');
  assert.equal(p.failed.hidden, true, 'the start-up failure message is for a page that never started');
});

test('a stop reported before the start is a start-up failure; a failure after the start is a stop', () => {
  const early = page({ readyState: 'interactive' });
  early.boot.stopped(new Error('panicked while setting up'));
  assert.equal(state(early), 'failed');
  assert.equal(early.failed.hidden, false);
  const late = page({ readyState: 'interactive' });
  late.boot.started();
  late.boot.failed(new Error('panicked'));
  assert.equal(state(late), 'stopped');
  assert.match(late.island.textContent, /This helper stopped/);
});

test('only a WebAssembly trap stops the helpers, never any other error on the page', () => {
  const p = page({ readyState: 'interactive' });
  p.boot.started();
  p.window.fire('error', { error: new TypeError('a clinic script broke') });
  p.window.fire('unhandledrejection', { reason: new Error('a request failed') });
  assert.equal(state(p), 'started');
  assert.match(p.island.textContent, /published rules/);
  p.window.fire('unhandledrejection', { reason: new WebAssembly.RuntimeError('unreachable') });
  assert.equal(state(p), 'stopped');
  const q = page({ readyState: 'interactive' });
  q.boot.started();
  q.window.fire('error', { error: new WebAssembly.RuntimeError('memory access out of bounds') });
  assert.equal(state(q), 'stopped');
});

test('the print button appears once the page is there, and prints', () => {
  const p = page();
  assert.equal(p.print.hidden, true);
  p.parsed();
  assert.equal(p.print.hidden, false);
  p.print.click();
  assert.equal(p.printed.length, 1);
});

test('config.json is asked for once, always checked with the host, never through a redirect', async () => {
  const asked = [];
  const answers = [
    { ok: true, redirected: false, text: async () => '{"clinic_name":"Riverside"}' },
  ];
  const p = page({
    fetch: async (url, options) => {
      asked.push([url, options]);
      return answers.shift();
    },
  });
  const one = p.boot.config();
  const two = p.boot.config();
  assert.equal(one, two, 'one request, one answer for start.js and the WebAssembly');
  assert.equal(await one, '{"clinic_name":"Riverside"}');
  assert.equal(asked.length, 1);
  assert.equal(asked[0][0], 'config.json');
  assert.equal(asked[0][1].cache, 'no-cache');
  assert.equal(asked[0][1].redirect, 'error');
});

test('config.json that is missing, redirected or unreachable is read as nothing set', async () => {
  for (const answer of [
    async () => ({ ok: false, redirected: false, status: 404, text: async () => '<h1>Not found</h1>' }),
    async () => ({ ok: true, redirected: true, text: async () => '{"clinic_phone":"0900 000 000"}' }),
    async () => {
      throw new TypeError('Failed to fetch');
    },
  ]) {
    const p = page({ fetch: answer });
    assert.equal(await p.boot.config(), null);
    assert.equal(state(p), 'loading', 'no settings is not a start-up failure');
  }
});

test('what the scripts do after the first paint waits for the page to load and paint', { timeout: 5000 }, async () => {
  const p = page();
  let ran = false;
  const done = new Promise((resolve) => {
    p.boot.afterPaint(() => {
      ran = true;
      resolve();
    });
  });
  p.parsed();
  // A frame and a task have passed since the page was parsed: it has not loaded, so nothing ran.
  await new Promise((resolve) => p.window.requestAnimationFrame(() => setTimeout(resolve, 0)));
  assert.equal(ran, false, 'not before the page has loaded');
  p.loaded();
  await done;
});
