(() => {
  // 404.html, served by a static host for any missing address at any depth: find the guide's
  // folder (the first one, from the top of the site down, with the guide's manifest: one request
  // a level, and no more than the guide's own depth), point the base, and so every link, there,
  // load the styles from there, and only then start the page's script (start.js, which shows the
  // clinic's numbers). A script tag in the page would be asked for below the wrong address.
  var base = document.querySelector('base');
  function isGuide(folder) {
    return fetch(folder + 'manifest.webmanifest').then((response) => response.ok && response.json().then((manifest) => manifest.name === '__NAME__')).catch(() => false);
  }
  function start() {
    var script = document.createElement('script');
    script.src = new URL('start.js', base.href).href;
    document.head.appendChild(script);
  }
  function from(folders, i) {
    if (i >= folders.length) return Promise.resolve(null);
    return isGuide(folders[i]).then((found) => found ? folders[i] : from(folders, i + 1));
  }
  isGuide(document.baseURI).then((already) => {
    if (already) return start();
    var parts = location.pathname.split('/');
    var folders = [];
    for (let i = 1; i < parts.length; i++) folders.push(parts.slice(0, i).join('/') + '/');
    return from(folders, 0).then((folder) => {
      if (!folder) return start();
      base.href = location.origin + folder;
      var styles = document.querySelectorAll('link[rel="stylesheet"]');
      for (let j = 0; j < styles.length; j++) {
        const again = document.createElement('link');
        again.rel = 'stylesheet';
        again.href = new URL(styles[j].getAttribute('href'), base.href).href;
        styles[j].replaceWith(again);
      }
      start();
    });
  });
})();
