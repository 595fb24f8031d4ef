// The page's start-up state: loading → started, or loading → failed. A separate file, not an
// inline script, so the Content Security Policy needs no exception for it. Also turns on each
// page's "Print this page" button.
//
// The failure message (already in the page, hidden) appears only when the app's own files
// cannot be loaded or run: no WebAssembly, `start.js` reporting that the app's script or
// WebAssembly failed to load or instantiate, or a helper failing while it is being set up.
// Anything else (a service worker that cannot register, a slow network) is not a start-up
// failure: the static page is already readable and the helpers arrive when they arrive.
// When the app starts, the message is hidden again.
//
// After the start, a helper that stops (a Rust panic reported by the app, or a WebAssembly trap
// reaching the page as a RuntimeError) is replaced by "This helper stopped. Reload the page."
// with the emergency number, instead of staying on screen dead.
(() => {
  var root = document.documentElement;
  var state = 'loading';
  function helpers() {
    return document.querySelectorAll('[data-module]');
  }

  function element(id) {
    return document.getElementById(id);
  }
  function setState(next) {
    state = next;
    root.setAttribute('data-boot', next);
  }
  // The app's own files arrived damaged (a truncated or swapped module: a broken upload), so
  // "use another browser" would be wrong advice.
  function damaged(reason) {
    var wasm = typeof WebAssembly === 'object' ? WebAssembly : null;
    if (wasm && (reason instanceof wasm.CompileError || reason instanceof wasm.LinkError)) return true;
    if (reason instanceof SyntaxError) return true;
    return /dynamically imported module|Importing a module script failed/.test(String(reason && reason.message));
  }
  function showFailure(show, reason) {
    var failed = element('boot-failed');
    if (!failed) return;
    failed.hidden = !show;
    // A sandboxed frame without allow-same-origin has an opaque origin: the embedding page's web
    // team can fix it; the reader cannot.
    var words = window.origin === 'null' ? '__SANDBOXED__' : show && damaged(reason) ? '__DAMAGED__' : '';
    var first = failed.querySelector('strong');
    if (words && first) first.textContent = words;
  }

  // config.json, fetched once (for start.js and the WebAssembly, so the settings never wait for
  // a second round trip): its text, or null when it cannot be read (an HTTP error, no network,
  // or no answer within 5 s). start.js asks for it after the first paint, alongside the page's
  // module: a request made before the page's text is painted delays that paint on a slow
  // connection (the measurements: docs/adr/0002-start-up-after-first-paint.md).
  // Asked with `cache: 'no-cache'`: the browser checks with the host every time (a host that
  // sends Last-Modified and no Cache-Control would otherwise let a changed clinic number wait
  // days in the HTTP cache), and `redirect: 'error'`: a config.json that redirects (another
  // clinic's file on the same host) is not read.
  var configText = null;
  function config() {
    if (!configText) {
      /** @type {RequestInit} */
      const options = { cache: 'no-cache', redirect: 'error' };
      if (window.AbortSignal && AbortSignal.timeout) options.signal = AbortSignal.timeout(5000);
      configText = fetch('config.json', options)
        .then((response) => response.ok && !response.redirected ? response.text() : null)
        .catch(() => null);
    }
    return configText;
  }

  // Runs `then` once the page has loaded and its text is on screen, so nothing the scripts do
  // (a module's download, the offline copy's registration) delays that first paint: after the
  // browser's own first-contentful-paint entry where it has one (a frame callback can run before
  // that paint reaches the screen, and Lighthouse counts work and requests made then against the
  // largest paint), else after the next frame. A tab that never paints (opened in the
  // background) runs it after 3 s.
  function afterPaint(then) {
    function painted() {
      var done = false;
      function go() {
        if (done) return;
        done = true;
        setTimeout(then, 0);
      }
      var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
      if (types && types.indexOf('paint') >= 0) {
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName('first-contentful-paint').length) {
            observer.disconnect();
            go();
          }
        }).observe({ type: 'paint', buffered: true });
        setTimeout(go, 3000);
      } else {
        requestAnimationFrame(() => { setTimeout(go, 0); });
      }
    }
    if (document.readyState === 'complete') painted();
    else addEventListener('load', painted, { once: true });
  }

  var boot = {
    state: () => state,
    config: config,
    afterPaint: afterPaint,
    // Called by the page's module once the settings are applied and its helper, if any, is live.
    started: () => {
      if (state === 'stopped') return;
      setState('started');
      // Tests and the bench wait for this.
      root.setAttribute('data-app-started', '');
      showFailure(false);
    },
    // Called by start.js when the app's files cannot be loaded or instantiated, and by `stopped`
    // before the start.
    failed: (reason) => {
      if (state === 'started' || state === 'stopped') return boot.stopped(reason);
      if (state !== 'failed') console.error('The guide could not start:', reason);
      setState('failed');
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', () => { showFailure(true, reason); });
      } else {
        showFailure(true, reason);
      }
    },
    // Called by the app's panic hook, and below for WebAssembly traps.
    stopped: (reason) => {
      if (state === 'loading' || state === 'failed') return boot.failed(reason);
      if (state === 'stopped') return;
      setState('stopped');
      console.error('A helper stopped:', reason);
      var template = element('helper-stopped');
      var islands = helpers();
      for (let i = 0; i < islands.length; i++) {
        const island = islands[i];
        if (!template) continue;
        const message = /** @type {HTMLElement} */ (template.cloneNode(true));
        message.removeAttribute('id');
        message.hidden = false;
        while (island.firstChild) island.removeChild(island.firstChild);
        island.appendChild(message);
      }
    },
  };

  // "The guide is ready offline" (issue #29), said once. The visit that saves the offline copy
  // is not controlled by its service worker; the first page opened after it is, and says it at
  // its top, so nothing moves under a finger on the page being read. That it was said is kept in
  // the offline copy itself (a marker entry in the guide's own cache, which goes when the copy
  // goes), never in local storage: nothing else is stored without the person asking (a new
  // version's copy says it once again). Polite (a status), with a button to close it. Never where
  // the offline copy is refused (no worker controls a page), in development builds (none is
  // registered), or where storage is refused (the cache cannot be read). The words are in the
  // page (the footer's #offline-ready, from content/ui.toml).
  var CACHE_PREFIX = 'baclofen-guide-';
  function offlineReady() {
    var controller;
    var marker;
    try {
      controller = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (!controller || !window.caches) return;
      marker = new URL('offline-ready-said', controller.scriptURL).href;
    } catch (_error) {
      return;
    }
    caches
      .keys()
      .then((keys) => {
        var copies = keys.filter((key) => key.indexOf(CACHE_PREFIX) === 0);
        if (!copies.length) return;
        return caches.match(marker).then((said) => {
          if (said) return;
          return Promise.all(
            copies.map((key) => caches.open(key).then((cache) => cache.put(marker, new Response('')))),
          ).then(sayOfflineReady);
        });
      })
      .catch(() => {
        // Storage refused: nothing is said.
      });
  }
  function sayOfflineReady() {
    var words = element('offline-ready');
    var main = document.querySelector('main');
    if (!words || !main) return;
    var notice = document.createElement('div');
    notice.id = 'offline-ready-notice';
    notice.className = 'update-notice offline-ready';
    // A landmark named by its words, as the update notice is (all content is in a landmark).
    notice.setAttribute('role', 'region');
    notice.setAttribute('aria-labelledby', 'offline-ready-words');
    var text = document.createElement('p');
    text.id = 'offline-ready-words';
    text.setAttribute('role', 'status');
    text.textContent = words.textContent;
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'button button--secondary';
    close.textContent = words.getAttribute('data-close');
    close.addEventListener('click', () => {
      notice.parentNode.removeChild(notice);
      // Focus goes on to the page's main content, not back to the top of the page.
      if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
      main.focus({ preventScroll: true });
    });
    notice.appendChild(text);
    notice.appendChild(close);
    main.parentNode.insertBefore(notice, main);
  }

  window.baclofenBoot = boot;
  setState('loading');

  document.addEventListener('DOMContentLoaded', () => {
    if ('serviceWorker' in navigator) offlineReady();
    var buttons = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-print]'));
    for (let i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', () => { window.print(); });
    }
  });

  if (typeof WebAssembly !== 'object') {
    boot.failed('this browser has no WebAssembly');
    return;
  }
  // A trap in the WebAssembly (after a panic, or any other) leaves the app unable to run:
  // only these errors, never every error on the page.
  function trapped(error) {
    return error instanceof WebAssembly.RuntimeError;
  }
  window.addEventListener('error', (event) => {
    if (trapped(event.error)) boot.stopped(event.error);
  });
  window.addEventListener('unhandledrejection', (event) => {
    if (trapped(event.reason)) boot.stopped(event.reason);
  });
})();
