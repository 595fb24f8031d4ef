// Embeds the baclofen guide in a clinic's page as an iframe that grows with its content.
// Paste one tag where the guide should appear (see README.md, "Embedding"):
//   <script src="https://guide.example/baclofen/embed.js" data-page="missed-dose"
//     data-region="uk" data-clinic-name="Riverside Neurology" data-clinic-phone="020 7946 0000" async></script>
// Settings go to the guide in its address, where the guide checks each one. The height arrives
// as a message from the guide's own origin; nothing else is read from it.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var guide = new URL('./', script.src);
  var SETTINGS = ['clinic_name', 'clinic_phone', 'out_of_hours_phone', 'emergency_number', 'region',
    'missed_dose_threshold', 'accent'];
  var params = new URLSearchParams({ embed: '1' });
  SETTINGS.forEach(function (name) {
    var value = script.getAttribute('data-' + name.replace(/_/g, '-'));
    if (value !== null) params.set(name, value);
  });
  // Page names are lower-case words and hyphens ("missed-dose"); anything else means the start page.
  var page = script.getAttribute('data-page') || '';
  var path = /^[a-z-]+$/.test(page) ? page + '/' : './';

  var frame = document.createElement('iframe');
  frame.src = new URL(path, guide).href + '?' + params.toString();
  frame.title = script.getAttribute('data-title') || 'Baclofen guide';
  frame.className = 'baclofen-guide-frame';
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  // Until the guide reports its height (or if the host has not listed this site in embed_origins).
  frame.style.height = '800px';
  script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== guide.origin) return;
    var data = event.data;
    if (!data || data.type !== 'baclofen-guide:height') return;
    var height = Number(data.height);
    if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
  });
})();
