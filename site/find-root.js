// The way home from the 404 page. A static host (GitHub Pages, nginx's `try_files`) answers a
// missing URL at any depth with 404.html, whose links are written for the site's top folder.
// This script, inlined into that page (its hash in the page's CSP: it cannot be fetched before
// the top folder is known), finds the top folder, the nearest folder above the URL that holds
// the catalog's stylesheet, and points the page's links, styles and scripts there. Behind
// `dcr serve` the links are right already (body[data-root] is set) and nothing is done.
(function () {
  'use strict';
  /** Links, forms and scripts written relative to the top folder (not `#main`, not `mailto:`). */
  var RELATIVE = /^(?![a-z][a-z0-9+.-]*:|[/#?])/i;

  /** The folders from the URL's own up to the host's top, nearest first. */
  function folders() {
    var dirs = [];
    for (var dir = location.pathname.replace(/[^/]*$/, ''); dir; dir = dir.replace(/[^/]*\/$/, ''))
      dirs.push(dir);
    return dirs;
  }

  /** Whether the site's top folder is `dir`: its stylesheet is there (not a 404 page in its place). */
  function isTop(dir) {
    return fetch(dir + 'assets/style.css').then(
      function (res) {
        return res.ok && /^text\/css\b/i.test(res.headers.get('content-type') || '');
      },
      function () {
        return false;
      },
    );
  }

  function find(dirs, i) {
    if (i >= dirs.length) return Promise.resolve(null);
    return isTop(dirs[i]).then(function (yes) {
      return yes ? dirs[i] : find(dirs, i + 1);
    });
  }

  function place(top) {
    document.body.dataset.root = top;
    var els = document.querySelectorAll('[href], [action], script[src]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var name = el.hasAttribute('href') ? 'href' : el.hasAttribute('action') ? 'action' : 'src';
      var value = el.getAttribute(name);
      if (!RELATIVE.test(value)) continue;
      if (el.tagName === 'SCRIPT') {
        // A script element runs once: a new one, from the right address.
        var script = document.createElement('script');
        if (el.type) script.type = el.type;
        script.src = top + value;
        el.replaceWith(script);
      } else el.setAttribute(name, top + value);
    }
  }

  function start() {
    if (document.body.dataset.root) return;
    var here = location.pathname.replace(/[^/]*$/, '');
    find(folders(), 0).then(function (top) {
      if (top !== null && top !== here) place(top);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
