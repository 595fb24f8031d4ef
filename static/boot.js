// Shows the start-up failure message (already in the page, hidden) when the app cannot start:
// no WebAssembly, a failed download, or no start within 30 seconds. The static page below it
// stays readable. A separate file, not an inline script, so the Content Security Policy needs
// no exception for it. Also turns on each page's "Print this page" button.
(function () {
  function started() {
    return document.documentElement.hasAttribute('data-app-started');
  }
  function showFailure() {
    if (started()) return;
    var failed = document.getElementById('boot-failed');
    if (failed) failed.hidden = false;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () { window.print(); });
    }
  });
  if (typeof WebAssembly !== 'object') {
    document.addEventListener('DOMContentLoaded', showFailure);
    return;
  }
  window.addEventListener('unhandledrejection', showFailure);
  window.addEventListener('error', showFailure);
  setTimeout(showFailure, 30000);
})();
