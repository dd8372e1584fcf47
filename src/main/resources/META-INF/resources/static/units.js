// Unit pickers: an input above a <select> narrows its options by name (every word typed must occur) or by pinyin
// initials / full pinyin (data-keys), and selects the first match. Works without it: the select stays usable.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('input.unit-filter'), function (input) {
    var select = document.getElementById(input.dataset.for);
    if (!select) return;
    var options = Array.prototype.slice.call(select.options);
    input.addEventListener('input', function () {
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var first = null;
      options.forEach(function (o) {
        var hay = (o.textContent + ' ' + (o.dataset.keys || '')).toLowerCase();
        var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
        o.hidden = !ok;
        o.disabled = !ok;
        if (ok && !first) first = o;
      });
      if (first) select.value = first.value;
    });
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); select.focus(); } });
  });
  // Opened from the alert queue with the a key (…#assign): the cursor waits in the assignment form's unit filter.
  // After the load: the browser's own scroll to the #fragment would otherwise take the focus back.
  window.addEventListener('load', function () {
    var target = location.hash && document.getElementById(location.hash.substring(1));
    var filter = target && target.querySelector('input.unit-filter');
    if (filter) setTimeout(function () { filter.focus(); }, 0);
  });
})();
