// Search as you type, offline: matches the reader's words against search-index.json (written
// by xtask from the content and content/search.toml at build time). A typed word finds itself,
// its stem, longer words it starts and its synonyms; headings rank higher. Results are built
// as text, never as HTML. Words about harming or killing oneself bring up the crisis box first
// (src/pages/search.rs). tests/e2e/search-node.test.mjs runs the everyday queries through this
// file in node, and search.test.mjs in the page.
(() => {
  var box = /** @type {HTMLElement} */ (document.querySelector('.search'));
  var input = /** @type {HTMLInputElement} */ (document.getElementById('search-input'));
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!box || !input || !status || !list || !window.fetch) return;
  // The words come from the page (content/ui.toml [shell], as data-* attributes).
  var say = box.dataset;
  // xtask/src/search_index.rs leaves the same words out of the index.
  var STOP = ' a am an and are as at be been by can cant did do does don dont for get got had has have how i if im in is it just me my of on or should so the to was what were will with you your ';
  var MOST = 10;
  var index = null;
  var groups = [];
  var groupOf = Object.create(null);
  // Words about harming or killing oneself (content/search.toml [crisis]): each phrase as its
  // words' stems. Any of them brings the crisis box up first, above every result.
  var crisis = { href: '', phrases: [] };
  var crisisBox = document.getElementById('search-crisis');
  var crisisOrder = -1;

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && STOP.indexOf(' ' + w + ' ') < 0 && (w.length > 1 || /\d/.test(w)));
  }

  // Every section is about baclofen: beside other words, its name only adds noise ("can I drink
  // on baclofen" is about drinking), as do a few words people type around what they ask
  // ("going into hospital"); alone, they are the words to find.
  var VAGUE = ' baclofen take off into going about this that there some any when ';
  function searchTerms(typed) {
    var all = terms(typed);
    var rest = all.filter((term) => !term.own.length || VAGUE.indexOf(' ' + term.own[0] + ' ') < 0);
    return rest.length ? rest : all;
  }

  // A word found in a sixth of the guide or more ("dose", "tablets") says little about where to
  // go: it still adds to a section's score, but a section is not picked for having it.
  function spread(term) {
    var n = 0;
    index.forEach((entry) => { if (score(entry, term)) n++; });
    return n;
  }

  // "beeping" → "beep", "stopped" → "stop", "babies" → "baby", "fits" → "fit".
  function stem(w) {
    var n = w.length, cut = w;
    if (n >= 5 && /ing$/.test(w)) cut = w.slice(0, -3);
    else if (n >= 5 && /ies$/.test(w)) return w.slice(0, -3) + 'y';
    else if (n >= 5 && /ed$/.test(w)) cut = w.slice(0, -2);
    else if (n >= 4 && /[^s]s$/.test(w)) cut = w.slice(0, -1);
    var last = cut.charAt(cut.length - 1);
    if (cut.length >= 4 && cut.length < n && last === cut.charAt(cut.length - 2) && 'lsz'.indexOf(last) < 0) cut = cut.slice(0, -1);
    return cut;
  }

  // Typed words as terms: a phrase or word from a synonym group of content/search.toml ("threw
  // up") stands for the group's single words; any word also stands for itself and its stem.
  function terms(typed) {
    var out = [];
    var i = 0;
    while (i < typed.length) {
      // The longest run of up to three words that is a synonym group's phrase, else one word.
      let n = Math.min(3, typed.length - i);
      let g;
      while (n > 1) {
        g = groupOf[typed.slice(i, i + n).join(' ')];
        if (g !== undefined) break;
        n--;
      }
      const own = n > 1 ? [] : [typed[i], stem(typed[i])];
      if (n === 1) g = groupOf[typed[i]] !== undefined ? groupOf[typed[i]] : groupOf[own[1]];
      out.push({ own: own, syn: g === undefined ? [] : groups[g] });
      i += n;
    }
    return out;
  }

  // How well one term fits a section: its heading counts most, then the page's title and
  // keywords, then its text. Within each: the whole typed word ("liquid" is "liquids"), a whole
  // synonym (a phrase: all its words), the start of a word (synonyms of under 4 letters must be whole: "wee" is not
  // "week"). 0: no match.
  function score(entry, term) {
    function best(list, weight) {
      var found = 0;
      term.syn.forEach((f) => {
        if (f.indexOf(' ') > 0 && f.split(' ').every((p) => list.indexOf(p) >= 0)) found = weight + 2;
      });
      list.forEach((w) => {
        var ws = stem(w);
        term.own.forEach((f) => {
          if (w === f || ws === f) found = Math.max(found, weight + 3);
          else if (w.lastIndexOf(f, 0) === 0) found = Math.max(found, weight + 1);
        });
        term.syn.forEach((f) => {
          if (w === f) found = Math.max(found, weight + 2);
          else if (f.length >= 4 && w.lastIndexOf(f, 0) === 0) found = Math.max(found, weight);
        });
      });
      return found;
    }
    return best(entry.t, 12) || best(entry.p, 6) || best(entry.w, 2);
  }

  // A crisis phrase is in the typed words, in order, as stems ("feel like killing myself" has
  // "kill myself"; "I want to die" has "want die").
  function inCrisis(typed) {
    var stems = typed.map(stem);
    return crisis.phrases.some((phrase) => {
      for (let i = 0; i + phrase.length <= stems.length; i++) {
        if (phrase.every((p, j) => stems[i + j] === p)) return true;
      }
      return false;
    });
  }

  // The crisis box with the part for the clinic's chosen region (set on <html> by the settings)
  // or the device's time zone, as start.js picks the emergency number; none where the guide
  // knows no number for the region (its words still say to call the local emergency number).
  function showCrisis(show) {
    if (!crisisBox) return;
    crisisBox.hidden = !show;
    if (!show) return;
    var chosen = document.documentElement.getAttribute('data-region');
    var zone = '';
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (_error) {}
    zone = zone.toLowerCase();
    var parts = /** @type {NodeListOf<HTMLElement>} */ (crisisBox.querySelectorAll('[data-crisis-region]'));
    var picked = null;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const match = chosen
        ? part.getAttribute('data-crisis-region') === chosen
        : part.getAttribute('data-crisis-zones').toLowerCase().split(' ').some((pattern) => {
          var area = pattern.charAt(pattern.length - 1) === '*' ? pattern.slice(0, -1) : null;
          return area ? zone.length > area.length && zone.indexOf(area) === 0 : zone === pattern;
        });
      part.hidden = true;
      if (match && !picked) picked = part;
    }
    if (picked) picked.hidden = false;
  }

  // Characters that hide or reorder text (bidi controls and isolates, zero-width characters,
  // line separators, tags, fillers): the same set as src/settings.rs `hidden`.
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point is removed on its own (a combining joiner or a variation selector is hidden text), never a character with its mark
  var HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/gu;
  function plain(text) {
    return text.replace(HIDDEN, '');
  }
  // More than two digits, in any script and however spaced, could be read as a number to call:
  // such words are never echoed back as if the guide said them.
  function holdsANumber(text) {
    return (text.match(/\p{N}/gu) || []).length > 2;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show() {
    var query = input.value.trim();
    var typed = words(query);
    var wanted = searchTerms(typed);
    list.textContent = '';
    var help = inCrisis(typed);
    showCrisis(help);
    if (!wanted.length) {
      status.textContent = query ? say.tooShort : '';
      return;
    }
    // Sections with all the words; if none has them all, those with the most ("my child was
    // sick after his medicine", "glass of wine").
    var found = [], most = 1;
    var counts = wanted.map(spread);
    var counted = counts.map((n) => n > 0 && n * 6 < index.length);
    if (counted.indexOf(true) < 0) counted = counts.map((n) => n > 0);
    var needed = counted.filter(Boolean).length;
    var known = counts.filter((n) => n > 0).length;
    index.forEach((entry, order) => {
      var total = 0, hits = 0;
      wanted.forEach((term, i) => {
        var s = score(entry, term);
        if (s) { total += s; if (counted[i]) hits++; }
      });
      if (hits < most) return;
      // The whole heading or question typed as it is written comes first; then a heading whose
      // every word was asked for ("missed dose" is "If you miss a dose" more than "Missed two
      // or more doses").
      if (entry.heading === typed.join(' ')) total += 2;
      // Within equal scores for a question of several words, a heading more of whose words were
      // asked for comes first (a fraction, less than any whole point).
      var asked = entry.t.filter((w) => wanted.some((term) => score({ t: [w], p: [], w: [] }, term))).length;
      if (entry.t.length > 1 && asked === entry.t.length) total += 2;
      if (known > 1) total += asked / (entry.t.length + 1);
      if (hits > most) { most = hits; found = []; }
      found.push({ entry: entry, total: total, order: order });
    });
    // Equal scores: in the index's order, with the top of a page after its own parts (less to
    // scroll: "driving" is "Driving and machines" before "Other medicines, alcohol and driving").
    found.sort((a, b) => b.total - a.total || a.order - b.order);
    // With crisis words, the section about those thoughts comes first, found or not.
    if (help && crisisOrder >= 0) {
      found = found.filter((hit) => hit.order !== crisisOrder);
      found.unshift({ entry: index[crisisOrder], total: 0, order: crisisOrder });
    }
    found.slice(0, MOST).forEach((hit) => {
      var item = element('li', '', 'search__result');
      var link = element('a', hit.entry.title);
      link.href = hit.entry.href;
      item.appendChild(link);
      if (hit.entry.title !== hit.entry.page) item.appendChild(element('span', say.in + ' ' + hit.entry.page, 'search__page'));
      if (hit.entry.snippet) item.appendChild(element('p', hit.entry.snippet));
      list.appendChild(item);
    });
    var n = found.length;
    // The person's words are shown as theirs: quoted, in an isolate of their own (so no bidi
    // control can reorder the sentence around them), and never when they hold a number.
    var echoed = plain(query).slice(0, 60);
    var echo = echoed && !holdsANumber(echoed);
    function fill(text) {
      text = text.split('{n}').join(String(n)).split('{most}').join(String(MOST));
      return echo ? text : text.replace(/\s*\u201c\{query\}\u201d/, '').replace(/\s*\{query\}/, '');
    }
    // Said first: the crisis box's title and the numbers it offers.
    var first = help && crisisBox
      ? [].slice.call(crisisBox.querySelectorAll('h2, [data-crisis-region]:not([hidden]) .call__button'))
        .map((node) => node.textContent).join('. ') + '. '
      : '';
    var sentence = first + (n === 0
      ? fill(say.none)
      : fill(n === 1 ? say.one : say.many) +
        (n > MOST ? ' ' + fill(say.best) : '') +
        (most < needed ? ' ' + say.partial : ''));
    var parts = sentence.split('{query}');
    status.textContent = parts[0];
    if (parts.length > 1) {
      const theirs = element('bdi', echoed, 'search__query');
      status.appendChild(theirs);
      status.appendChild(document.createTextNode(parts.slice(1).join('')));
    }
  }

  function load() {
    return fetch('search-index.json')
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((data) => {
        data.synonyms.forEach((members, g) => {
          members.forEach((m) => { groupOf[m] = g; });
          groups.push(members);
        });
        index = data.entries.map((e) => ({ title: e.title, page: e.page, href: e.href, snippet: e.snippet, heading: e.t, t: e.t.split(' '), p: e.p.split(' '), w: e.w.split(' ') }));
        crisis = { href: data.crisis.href, phrases: data.crisis.phrases.map((p) => p.split(' ').map(stem)) };
        index.forEach((entry, order) => { if (crisisOrder < 0 && entry.href === crisis.href) crisisOrder = order; });
      });
  }

  function failed() {
    status.textContent = say.failed;
    box.hidden = false;
    input.disabled = true;
  }

  // The start page's box (data-lazy) is there at once and fetches the index when the reader
  // starts to type, so a visit that never searches never downloads it.
  if (box.hasAttribute('data-lazy')) {
    box.hidden = false;
    let loading = null;
    const start = () => {
      if (!loading) loading = load().then(() => { if (input.value) show(); }, failed);
      return loading;
    };
    input.addEventListener('focus', start, { once: true });
    input.addEventListener('input', () => { if (index) show(); else start(); });
    return;
  }

  load()
    .then(() => {
      box.hidden = false;
      input.addEventListener('input', show);
      // A link such as search/?q=alcohol starts with its words filled in: without hidden
      // formatting, and not at all if they hold a number (a link's words are not the guide's).
      var start = plain(new URLSearchParams(location.search).get('q') || '');
      if (start && !holdsANumber(start)) input.value = start.slice(0, 100);
      if (input.value) show();
    })
    .catch(failed);
})();
