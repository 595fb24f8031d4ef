// The clinic setup page (clinic-setup/, docs/clinic-settings.md). Written by xtask. Every value
// is checked in a worker running WebAssembly built from the guide's own settings code
// (src/settings.rs via src/bin/setup.rs), so the page and the guide can never disagree. Nothing
// leaves the device: the only request is this site's own config.json.
(() => {
  'use strict';
  // Message codes (as the WebAssembly and the console give them) and their words.
  var MESSAGES = __MESSAGES__;
  // This page's own words (content/web-team.toml [setup_script]); `{name}` places filled by `say`.
  var WORDS = __WORDS__;
  function say(key, values) {
    return Object.keys(values || {}).reduce((text, name) => text.split('{' + name + '}').join(String(values[name])), WORDS[key]);
  }
  // The page's fields and outputs by id (inputs, text areas, a select and text elements).
  /** @type {(id: string) => HTMLInputElement} */
  var $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
  var zone = '';
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (_error) { zone = ''; }

  function words(code) { return MESSAGES[code] || code; }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attrs || {}).forEach((k) => { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /** "Riverside: 020 7946 0000" with the number isolated left to right, as the guide shows it. */
  function callLink(label, href, phone, className) {
    var a = el('a', '', { href: href, class: className });
    a.append(label + ': ');
    a.append(el('bdi', phone, { dir: 'ltr' }));
    return a;
  }

  function notices(list, target) {
    target.replaceChildren();
    list.forEach((n) => {
      var li = el('li');
      li.append(el('code', n[0] || 'settings'), ' ' + words(n[1]));
      target.append(li);
    });
  }

  /** The form as a config.json object: only what is filled in. */
  function formConfig() {
    var config = {};
    /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#setup-form [name]')).forEach((field) => {
      var value = field.value.trim();
      if (!value) return;
      if (field.name === 'embed_origins') config.embed_origins = value.split(/\s+/).filter(Boolean);
      else if (field.name === 'url_settings') config.url_settings = false;
      else if (field.name === 'missed_dose_threshold' && /^-?\d+$/.test(value)) config[field.name] = Number(value);
      else config[field.name] = value;
    });
    return config;
  }

  function fill(config) {
    /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#setup-form [name]')).forEach((field) => {
      var value = config[field.name];
      if (value === undefined || value === null) return;
      if (Array.isArray(value)) field.value = value.join('\n');
      else if (field.name === 'url_settings') field.value = value === false || value === 'false' ? 'false' : '';
      else field.value = String(value);
    });
  }

  function embedSnippet() {
    var guide = new URL('./', document.baseURI).href;
    var page = $('setup-embed-page').value;
    var frame = new URL(page ? page + '/' : './', guide).href + '?embed=1';
    return '<script src="' + guide + 'embed.js" data-page="' + page + '" async></script>\n' +
      '<!-- or, without JavaScript on your page (no automatic height): -->\n' +
      '<iframe src="' + frame + '" title="' + WORDS.frame_title.split('"').join('&quot;') + '" style="width:100%;height:800px;border:0"></iframe>';
  }

  function render(check) {
    return check(formConfig(), '', false).then((result) => { show(check, result); });
  }

  /** The first site the form lists in embed_origins: a link is checked as that site's frame. */
  function listedEmbedder() {
    var origins = formConfig().embed_origins;
    return origins && origins.length ? origins[0] : null;
  }

  function show(check, result) {
    document.querySelectorAll('#setup-form .field').forEach((field) => {
      var name = field.getAttribute('data-setting');
      var problem = result.notices.filter((n) => n[0] === name)[0];
      var error = $('set-' + name + '-error');
      var input = $('set-' + name);
      error.textContent = problem ? words(problem[1]) : '';
      error.hidden = !problem;
      field.classList.toggle('field--error', !!problem);
      if (problem) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    });
    $('preview-footer').textContent = result.footer || say('no_footer');
    $('preview-emergency-line').textContent = result.emergencyLine;
    var contacts = $('preview-contacts');
    contacts.replaceChildren();
    result.contacts.forEach((c) => {
      var li = el('li');
      li.append(callLink(c[0], c[1], c[2], 'button button--secondary'));
      contacts.append(li);
    });
    if (!result.contacts.length) contacts.append(el('li', say('no_contacts')));
    var call = $('preview-call');
    // No number applies (fact sheet §0c): the words only, no button to dial, as in the guide.
    call.replaceChildren(result.callNumber
      ? el('a', result.callLabel, { class: 'call__button', href: 'tel:' + result.callNumber })
      : el('span', result.callLabel, { class: 'call__local' }));
    if (result.emergencyNote) call.append(' ', el('span', result.emergencyNote, { class: 'call__note' }));
    var lines = $('preview-lines');
    lines.replaceChildren();
    [[say('crisis_line'), result.crisis], [say('poisons'), result.poisons]].forEach((pair) => {
      if (!pair[1]) return;
      var li = el('li');
      li.append(pair[0] + ': ', callLink(pair[1][0], pair[1][2], pair[1][1], ''));
      lines.append(li);
    });
    var problems = result.notices.length;
    var summary = $('setup-summary');
    // A refused emergency number blocks the file: the web team must fix it, never copy around it.
    var blocked = result.emergencyRefused;
    summary.textContent = blocked
      ? say('emergency_blocked')
      : problems
        ? say(problems === 1 ? 'needs_fixing_one' : 'needs_fixing_many', { n: problems })
        : say('ready');
    summary.setAttribute('role', blocked ? 'alert' : 'status');
    summary.classList.toggle('field-error', blocked);
    $('setup-config').value = blocked ? '' : JSON.stringify(result.config, null, 2) + '\n';
    /** @type {HTMLButtonElement} */ (document.querySelector('[data-copy="setup-config"]')).disabled = blocked;
    $('setup-embed').value = embedSnippet();
    checkLink(check);
  }

  function checkLink(check) {
    var target = $('setup-link-notices');
    var text = $('setup-link').value.trim();
    target.replaceChildren();
    if (!text) return;
    var url;
    try { url = new URL(text, document.baseURI); } catch (_error) { target.append(el('li', say('not_a_link'))); return; }
    Promise.all([check(formConfig(), url.search, true, listedEmbedder()), check(formConfig(), url.search, false)]).then((answers) => {
      showLink(target, answers[0], answers[1]);
    });
  }

  function showLink(target, framed, direct) {
    target.replaceChildren();
    target.append(el('li', say('opened_directly', { n: direct.notices.length })));
    target.append(el('li', say('inside_frame', { footer: framed.footer || say('none'), number: framed.callNumber })));
    var ignored = framed.notices.filter((n) => n[1] !== 'not-in-frame');
    if (ignored.length) {
      const item = el('li', say('ignored_in_frame'));
      notices(ignored, item.appendChild(el('ul')));
      target.append(item);
    }
    var unknown = framed.unknown;
    if (unknown) target.append(el('li', say(unknown === 1 ? 'unknown_one' : 'unknown_many', { n: unknown })));
  }

  /**
   * config.json's text. `fromHost`: straight from the host (`?setup`, which the offline copy
   * passes through untouched, and `no-store`), else as the guide reads it (the offline copy
   * answers with its saved copy when the host fails). Never a redirect, never the HTTP cache.
   */
  function fetchConfig(fromHost) {
    /** @type {RequestInit} */
    var options = { cache: fromHost ? 'no-store' : 'no-cache', redirect: 'error' };
    if (window.AbortSignal && AbortSignal.timeout) options.signal = AbortSignal.timeout(5000);
    return fetch(fromHost ? 'config.json?setup' : 'config.json', options).then((response) => {
      if (!response.ok || response.redirected) throw new Error(say('host_answered', { status: response.status }));
      return response.text();
    });
  }

  /** This site's config.json now: read, checked, and put in the form. */
  function readCurrent(check) {
    var status = $('setup-file');
    function why(error) {
      return error && error.name === 'TimeoutError' ? say('no_answer') : error.message;
    }
    function checked(text, saved) {
      var config;
      try { config = JSON.parse(text); } catch (_error) { config = null; }
      return check(config, '', false).then((result) => { showFile(check, config, result, saved); });
    }
    fetchConfig(true)
      .then((text) => checked(text, null))
      .catch((error) => {
        // The host failed: the copy saved on this device, if the offline copy has one, said so.
        return fetchConfig(false)
          .then((text) => checked(text, why(error)))
          .catch(() => {
            status.textContent = say('file_failed', { why: why(error) });
            render(check);
          });
      });
  }

  function showFile(check, config, result, saved) {
        var status = $('setup-file');
        var count = result.notices.length;
        status.textContent = (saved ? say('saved_copy_used', { why: saved }) + ' ' : '') + say('file_read', {
          used: Object.keys(result.config).length,
          ignored: count,
          unknown: say(result.unknown === 1 ? 'unknown_name_one' : 'unknown_names', { n: result.unknown }),
        });
        notices(result.notices, $('setup-file-notices'));
        if (config && typeof config === 'object' && !Array.isArray(config)) fill(result.config);
        return render(check);
  }

  function start(check) {
    $('setup-needs-js').hidden = true;
    $('setup-zone').textContent = zone || say('unknown_zone');
    ['setup-config', 'setup-embed', 'set-embed_origins'].forEach((id) => { $(id).style.width = '100%'; });
    $('setup-form').addEventListener('input', () => { render(check); });
    $('setup-form').addEventListener('submit', (event) => { event.preventDefault(); });
    $('setup-embed-page').addEventListener('change', () => { $('setup-embed').value = embedSnippet(); });
    $('setup-link').addEventListener('input', () => { checkLink(check); });
    document.querySelectorAll('[data-copy]').forEach((button) => {
      button.addEventListener('click', () => {
        var area = $(button.getAttribute('data-copy'));
        area.select();
        if (navigator.clipboard) navigator.clipboard.writeText(area.value).catch(() => {});
        button.textContent = say('copied');
      });
    });
    readCurrent(check);
  }

  // One worker; each request gets its answer back by id.
  var worker = new Worker('__SETUP_WORKER__');
  var waiting = {};
  var next = 0;
  var queue = [];
  worker.onmessage = (event) => {
    if (event.data === 'ready') {
      const sent = queue;
      queue = null;
      sent.forEach((request) => { worker.postMessage(request); });
      return;
    }
    var done = waiting[event.data.id];
    delete waiting[event.data.id];
    if (done) done(event.data);
  };
  function ask(config, query, inFrame, embedder) {
    return new Promise((resolve) => {
      next += 1;
      waiting[next] = resolve;
      var request = { id: next, config: config, query: query, inFrame: inFrame, timeZone: zone, embedder: embedder || null };
      // Until the worker says it is ready, requests wait here.
      if (queue) queue.push(request);
      else worker.postMessage(request);
    });
  }
  start(ask);
})();
