// Embeds the baclofen guide in a clinic's page as an iframe that grows with its content.
// Paste one tag where the guide should appear (see docs/embedding.md):
//   <script src="https://guide.example/baclofen/embed.js" data-page="missed-dose"
//     data-region="uk" data-clinic-name="Riverside Neurology" data-clinic-phone="020 7946 0000" async></script>
// The frame goes where the tag is. A tag in <head> (some site builders only allow that) puts it
// at the start of the page's body, or in the element named by data-target="some-id".
// data-page="missed-dose" or "side-effects" embeds just that helper's page; empty: the start page.
// Settings go to the guide in its address, each value percent-encoded (a "+" in a phone number
// stays a "+"), where the guide checks each one. The height arrives as a message from the
// guide's own origin; nothing else is read from it.
(() => {
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script || !script.src) return;
  var guide = new URL('./', script.src);
  var SETTINGS = ['clinic_name', 'clinic_phone', 'out_of_hours_phone', 'emergency_number', 'region',
    'missed_dose_threshold', 'accent'];
  // encodeURIComponent, not URLSearchParams: a hand-written "+" must never turn into a space.
  var query = ['embed=1'];
  SETTINGS.forEach((name) => {
    var value = script.getAttribute('data-' + name.replace(/_/g, '-'));
    if (value !== null) query.push(name + '=' + encodeURIComponent(value));
  });
  // Page names are lower-case words and hyphens ("missed-dose"); anything else means the start page.
  var page = script.getAttribute('data-page') || '';
  var path = /^[a-z-]+$/.test(page) ? page + '/' : './';
  var targetId = script.getAttribute('data-target');

  var frame = document.createElement('iframe');
  frame.src = new URL(path, guide).href + '?' + query.join('&');
  frame.title = script.getAttribute('data-title') || 'Baclofen guide';
  frame.className = 'baclofen-guide-frame';
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  // Until the guide reports its height (or if the host has not listed this site in embed_origins).
  frame.style.height = '800px';

  // Where the frame goes: the data-target element, else right after this tag if it is in the
  // page's body, else (a tag in <head>) at the start of the body.
  function place() {
    var target = targetId && document.getElementById(targetId);
    if (target) {
      target.appendChild(frame);
      return true;
    }
    if (!targetId && script.parentNode && document.body && document.body.contains(script)) {
      script.parentNode.insertBefore(frame, script.nextSibling);
      return true;
    }
    if (document.readyState === 'loading') return false;
    if (!document.body) return false;
    if (targetId) console.warn('Baclofen guide: no element with id "' + targetId + '"; the guide goes at the start of the page.');
    document.body.insertBefore(frame, document.body.firstChild);
    return true;
  }
  if (!place()) document.addEventListener('DOMContentLoaded', place, { once: true });

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== guide.origin) return;
    var data = event.data;
    if (!data || data.type !== 'baclofen-guide:height') return;
    var height = Number(data.height);
    if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
  });
})();
