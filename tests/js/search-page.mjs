// static/search.js run as it runs in the page, in node: a small stand-in for the page's search
// box (the elements and data-* words src/pages/search.rs writes) and a search-index.json given
// by the caller. Used by tests/js/search.test.mjs (hand-made indexes) and
// tests/e2e/search-node.test.mjs (the index the build wrote).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const SCRIPT = readFileSync(new URL('../../static/search.js', import.meta.url), 'utf8');

/** A page element as search.js uses it: text, children, attributes, `hidden`, listeners. */
export class Element {
  constructor(tag, attributes = {}) {
    this.tagName = tag.toUpperCase();
    this.attributes = { ...attributes };
    this.children = [];
    this.hidden = 'hidden' in attributes;
    this.listeners = {};
    this.text = '';
    this.value = '';
    this.className = '';
    this.dataset = {};
  }
  get textContent() {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
  set textContent(value) {
    this.text = value;
    this.children = [];
  }
  appendChild(child) {
    this.children.push(child);
    return child;
  }
  getAttribute(name) {
    return name in this.attributes ? this.attributes[name] : null;
  }
  hasAttribute(name) {
    return name in this.attributes;
  }
  addEventListener(type, listener) {
    this.listeners[type] ??= [];
    this.listeners[type].push(listener);
  }
  dispatch(type) {
    for (const listener of this.listeners[type] ?? []) listener({ type });
  }
  querySelectorAll(selector) {
    return this.query(selector);
  }
}

/**
 * The crisis lines of the fact sheet's §0c table (UK and Ireland, US, Australia), as the page's
 * crisis box holds them: a title, and one part per region with its time zones.
 */
export const CRISIS_LINES = [
  ['uk', 'Europe/London Europe/Belfast Europe/Dublin', 'Call Samaritans: 116 123'],
  ['us', 'America/New_York America/Indiana/*', 'Call 988 Suicide & Crisis Lifeline: 988'],
  ['au', 'Australia/*', 'Call Lifeline: 13 11 14'],
];

function crisisBox() {
  const box = new Element('section', { hidden: '' });
  const title = new Element('h2');
  title.text = 'Crisis';
  const parts = CRISIS_LINES.map(([id, zones, call]) => {
    const part = new Element('div', { 'data-crisis-region': id, 'data-crisis-zones': zones, hidden: '' });
    const button = new Element('a');
    button.text = call;
    part.appendChild(button);
    return part;
  });
  box.children = [title, ...parts];
  box.query = (selector) =>
    selector === '[data-crisis-region]' ? parts : [title, ...parts.filter((p) => !p.hidden).map((p) => p.children[0])];
  return box;
}

/** The page's words for the status line (content/ui.toml [shell]), as data-* attributes. */
export const WORDS = {
  tooShort: 'Type a longer word.',
  none: 'Nothing matches “{query}”.',
  one: '1 section matches “{query}”.',
  many: '{n} sections match “{query}”.',
  best: 'The best {most} are shown.',
  partial: 'None has all your words.',
  in: 'In:',
  failed: 'Search could not start.',
};

/**
 * Runs search.js on a stand-in search page; returns `search(query)`, which types the query and
 * reads back the results, the status line and the crisis box. `index` is search-index.json's
 * text; `region` is the clinic's chosen region (set on <html> by the settings); `address` the
 * page's query string (search/?q=…).
 */
export async function searchPage({ index, timeZone = 'Europe/London', lazy = false, region = null, address = '' }) {
  const box = new Element('div', lazy ? { hidden: '', 'data-lazy': '' } : { hidden: '' });
  Object.assign(box.dataset, WORDS);
  const elements = {
    'search-input': new Element('input'),
    'search-status': new Element('p'),
    'search-results': new Element('ol'),
    'search-crisis': crisisBox(),
  };
  const html = new Element('html', region ? { 'data-region': region } : {});
  let loaded;
  const fetched = new Promise((resolve) => {
    loaded = resolve;
  });
  const context = vm.createContext({
    document: {
      querySelector: (selector) => (selector === '.search' ? box : null),
      getElementById: (id) => elements[id] ?? null,
      createElement: (tag) => new Element(tag),
      createTextNode: (text) => ({ textContent: text }),
      documentElement: html,
    },
    location: { search: address },
    URLSearchParams,
    Intl: { DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone }) }) },
    fetch: async () => {
      setTimeout(loaded, 0);
      return { ok: true, json: async () => JSON.parse(index) };
    },
  });
  context.window = context;
  vm.runInContext(SCRIPT, context);
  if (lazy) elements['search-input'].dispatch('focus');
  await fetched;
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(box.hidden, false, 'the search box is shown once the index is there');
  const input = elements['search-input'];
  const read = () => {
    const status = elements['search-status'];
    const crisis = elements['search-crisis'];
    const line = crisis.children.slice(1).find((part) => !part.hidden);
    return {
      results: elements['search-results'].children.map((item) => ({
        heading: item.children[0].textContent,
        href: item.children[0].href,
        page: item.children.find((c) => c.className === 'search__page')?.textContent ?? null,
      })),
      status: status.textContent,
      // The reader's own words, when the status line shows them (in an isolate of their own).
      echoed: status.children.find((c) => c.tagName === 'BDI')?.textContent ?? null,
      crisis: !crisis.hidden,
      crisisLine: crisis.hidden || !line ? null : line.children[0].textContent,
    };
  };
  const search = (query) => {
    input.value = query;
    input.dispatch('input');
    return read();
  };
  search.input = input;
  search.read = read;
  return search;
}
