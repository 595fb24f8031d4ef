// Search as you type, offline: matches the reader's words against search-index.json (written
// by xtask from the content at build time). Every word typed must start a word of a section;
// words in headings and titles rank higher. Results are built as text, never as HTML.
(function () {
  var box = document.querySelector('.search');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!box || !input || !status || !list || !window.fetch) return;
  var STOP = ' a an and are as at be by can do for if in is it of on or so the to you your with ';
  var MOST = 10;
  var index = null;

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9]+/).filter(function (w) {
      return w && STOP.indexOf(' ' + w + ' ') < 0;
    });
  }

  // How well one typed word fits a section: its heading counts most, then the page's title and
  // keywords, then its text; a whole word beats the start of one. 0: no match. "fits" finds "fit".
  function score(entry, word) {
    var forms = word.length > 3 && word.slice(-1) === 's' ? [word, word.slice(0, -1)] : [word];
    function best(list, weight) {
      var found = 0;
      list.forEach(function (w) {
        forms.forEach(function (f) {
          if (w === f) found = Math.max(found, weight + 1);
          else if (w.lastIndexOf(f, 0) === 0) found = Math.max(found, weight);
        });
      });
      return found;
    }
    return best(entry.t, 6) || best(entry.p, 3) || best(entry.w, 1);
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show() {
    var query = input.value.trim();
    var wanted = words(query);
    list.textContent = '';
    if (!wanted.length) {
      status.textContent = query ? 'Type a longer word.' : '';
      return;
    }
    var found = [];
    index.forEach(function (entry, order) {
      var total = 0;
      for (var i = 0; i < wanted.length; i++) {
        var s = score(entry, wanted[i]);
        if (!s) return;
        total += s;
      }
      found.push({ entry: entry, total: total, order: order });
    });
    found.sort(function (a, b) { return b.total - a.total || a.order - b.order; });
    found.slice(0, MOST).forEach(function (hit) {
      var item = element('li', '', 'search__result');
      var link = element('a', hit.entry.title);
      link.href = hit.entry.href;
      item.appendChild(link);
      if (hit.entry.title !== hit.entry.page) item.appendChild(element('span', 'In: ' + hit.entry.page, 'search__page'));
      if (hit.entry.snippet) item.appendChild(element('p', hit.entry.snippet));
      list.appendChild(item);
    });
    var n = found.length;
    status.textContent = n === 0
      ? 'Nothing matches \u201c' + query + '\u201d. Try another word, or look through all sections below.'
      : (n === 1 ? '1 section matches' : n + ' sections match') + ' \u201c' + query + '\u201d' +
        (n > MOST ? '. The best ' + MOST + ' are shown.' : '.');
  }

  fetch('search-index.json')
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (entries) {
      index = entries.map(function (e) {
        return { title: e.title, page: e.page, href: e.href, snippet: e.snippet, t: e.t.split(' '), p: e.p.split(' '), w: e.w.split(' ') };
      });
      box.hidden = false;
      input.addEventListener('input', show);
      // A link such as search/?q=alcohol starts with its words filled in.
      var start = new URLSearchParams(location.search).get('q');
      if (start) input.value = start.slice(0, 100);
      if (input.value) show();
    })
    .catch(function () {
      status.textContent = 'Search could not start. All sections are listed below.';
      box.hidden = false;
      input.disabled = true;
    });
})();
