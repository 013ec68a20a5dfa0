// SmartVillage dashboard: the admin's settings view (its link and the view's place on the page, loaded on first
// use from settings-view.js) and the login gate while viewing is closed. Beside app.js, whose helpers (window.SV)
// and events it uses: sv:lang (language changed), sv:view (a view is shown), sv:admin (login state known).
(function () {
  'use strict';
  var SV = window.SV, el = SV.el, locked = false, loading = null;
  var $ = function (id) { return document.getElementById(id); };

  // ---- page furniture: the view, the link from the admin view, the notice shown while viewing needs login ----------
  function furnish() {
    var view = el('section', 'view'); view.id = 'view-settings'; view.hidden = true;
    var title = el('h2'); title.setAttribute('data-i18n', 'settings.title'); view.appendChild(title);
    var body = el('div'); body.id = 'settings-body'; view.appendChild(body);
    document.querySelector('main').appendChild(view);
    var link = el('a'); link.href = '#settings'; link.id = 'settings-link'; link.setAttribute('data-i18n', 'settings.link');
    var p = el('p'), session = $('admin-session'), first = session.querySelector('p');
    p.appendChild(link); session.insertBefore(p, first ? first.nextSibling : session.firstChild);
    var notice = el('p', 'notice'); notice.id = 'viewing-closed'; notice.hidden = true; notice.setAttribute('data-i18n', 'settings.closed.notice');
    document.body.insertBefore(notice, document.querySelector('main'));
  }
  // The view's script and styles are fetched the first time it is opened: most visits never need them.
  function view() {
    if (!loading) {
      var link = el('link'); link.rel = 'stylesheet'; link.href = '/assets/settings.css'; document.head.appendChild(link);
      loading = new Promise(function (resolve, reject) {
        var script = el('script'); script.src = '/assets/settings-view.js';
        script.onload = function () { resolve(window.SVSettings); };
        script.onerror = function () { loading = null; reject(new Error('settings-view.js')); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // ---- viewing closed: only the admin view until logged in --------------------------------------------------------
  function setLocked(on) {
    var was = locked;
    locked = on;
    $('viewing-closed').hidden = !on;
    $('tabs').hidden = on;
    if (on && location.hash !== '#admin') { location.hash = '#admin'; }
    if (was && !on && location.hash === '#admin') { location.hash = '#now'; }
  }
  function checkViewing() {
    return fetch('/api/admin/viewing').then(function (r) { return r.json(); }).then(function (v) {
      if (v.open) { setLocked(false); return; }
      return fetch('/api/admin/state', { credentials: 'same-origin' }).then(function (r) { return r.json(); })
        .then(function (s) { setLocked(!s.authenticated); });
    });
  }

  furnish();
  document.addEventListener('sv:lang', function () { if (window.SVSettings) { window.SVSettings.render(); } });
  document.addEventListener('sv:view', function (e) {
    if (locked && e.detail !== 'admin') { location.hash = '#admin'; return; }
    if (e.detail === 'settings') { view().then(function (settings) { settings.open(); }); }
  });
  document.addEventListener('sv:admin', function (e) {
    if (e.detail.authenticated) { if (locked) { setLocked(false); } } else { checkViewing(); }
  });
  checkViewing();
}());
