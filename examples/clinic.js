// Writes the clinic's one embed tag (docs/embedding.md) for the guide at ?guide=… (any
// host or sub-path), or at this tag's data-guide (the guide `make example` serves).
(function () {
  var me = document.currentScript;
  var guide = new URLSearchParams(location.search).get('guide') || me.getAttribute('data-guide');
  var tag = document.createElement('script');
  tag.src = new URL('embed.js', new URL(guide, location.href)).href;
  tag.async = true;
  tag.setAttribute('data-page', 'missed-dose');
  tag.setAttribute('data-region', 'uk');
  tag.setAttribute('data-clinic-name', 'Riverside Neurology');
  tag.setAttribute('data-clinic-phone', '020 7946 0000');
  tag.setAttribute('data-target', 'guide');
  document.head.appendChild(tag);
})();
