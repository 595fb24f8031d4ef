(function () {
  // 404.html, served by a static host for any missing address at any depth: find the guide's
  // folder (the nearest one above this address with the guide's manifest), then point the base,
  // and so every link, there and load the styles from there.
  var base = document.querySelector('base');
  function isGuide(folder) {
    return fetch(folder + 'manifest.webmanifest').then(function (response) {
      return response.ok && response.json().then(function (manifest) { return manifest.name === '__NAME__'; });
    }).catch(function () { return false; });
  }
  isGuide(document.baseURI).then(function (already) {
    if (already) return;
    var parts = location.pathname.split('/');
    var folders = [];
    for (var i = parts.length - 1; i > 0; i--) folders.push(parts.slice(0, i).join('/') + '/');
    return Promise.all(folders.map(isGuide)).then(function (found) {
      var folder = folders[found.indexOf(true)];
      if (!folder) return;
      base.href = location.origin + folder;
      var styles = document.querySelectorAll('link[rel="stylesheet"]');
      for (var j = 0; j < styles.length; j++) {
        var again = document.createElement('link');
        again.rel = 'stylesheet';
        again.href = new URL(styles[j].getAttribute('href'), base.href).href;
        styles[j].replaceWith(again);
      }
    });
  });
})();
