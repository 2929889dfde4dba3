// What every page does without the search data: the "Filters" toggle of narrow screens, and a
// clear message when the site is opened from a file. A classic script, not a module: browsers
// refuse module scripts on file:// pages, and this one must run there to say so.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var main = document.getElementById('main');
  if (location.protocol === 'file:' && main) {
    var note = document.createElement('div');
    note.className = 'notice';
    note.setAttribute('role', 'alert');
    note.innerHTML =
      '<p><strong>This catalog was opened as a file</strong>, and browsers do not let a page opened ' +
      'from a file load its data: search, filters and downloads do not work here.</p>' +
      '<p>Open it through a web server instead: run <code>npx dcr serve</code> in the contracts ' +
      'repository, or <code>python3 -m http.server</code> in this folder and open the address it prints.</p>';
    main.prepend(note);
    document.body.dataset.ready = 'file';
  }
  var toggle = document.querySelector('.filters-toggle');
  var facets = document.getElementById('facets');
  if (toggle && facets)
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      facets.classList.toggle('open', open);
    });
})();
