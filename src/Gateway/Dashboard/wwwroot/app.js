// SmartVillage dashboard. Plain ES2017, no library, no build step; every request goes to the gateway itself.
(function () {
  'use strict';
  var LANGS = ['en', 'fr', 'es', 'pt', 'sw', 'hi', 'ar'];
  var RTL = { ar: true };
  var UNITS = { Cel: ['°C', 1], '%RH': ['%', 1], Pa: ['hPa', 0.01], '/': ['m³/m³', 1], 'uS/cm': ['µS/cm', 1], pH: ['', 1], NTU: ['NTU', 1], 'mg/L': ['mg/L', 1], '%': ['%', 1] };
  var DIGITS = { Pa: 0, Cel: 1, '%RH': 0, '/': 2, pH: 2, NTU: 1, 'uS/cm': 0, 'mg/L': 0, '%': 0 };
  var lang = 'en', text = {}, snapshot = null, seriesList = [], historyRange = 'day', historyRequest = 0;
  var $ = function (id) { return document.getElementById(id); };

  function t(key, values) {
    var s = text[key] !== undefined ? text[key] : key;
    if (values) { Object.keys(values).forEach(function (k) { s = s.split('{' + k + '}').join(values[k]); }); }
    return s;
  }
  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined) { e.textContent = content; }
    return e;
  }
  function raw(tag, cls, content) { var e = el(tag, cls, content); e.setAttribute('translate', 'no'); return e; }
  function icon(name, cls) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), use = document.createElementNS(ns, 'use');
    use.setAttribute('href', '#i-' + name); svg.appendChild(use);
    if (cls) { svg.setAttribute('class', cls); }
    svg.setAttribute('aria-hidden', 'true');
    return svg;
  }
  function unitOf(unit) { return UNITS[unit] || [unit, 1]; }
  function fmt(value, unit, extra) {
    var u = unitOf(unit), d = DIGITS[unit] !== undefined ? DIGITS[unit] : 2;
    return new Intl.NumberFormat(lang, { maximumFractionDigits: d + (extra || 0), minimumFractionDigits: 0 }).format(value * u[1]);
  }
  function ago(time) {
    var s = Math.max(0, (Date.now() - new Date(time).getTime()) / 1000);
    if (s < 10) { return t('time.now'); }
    var n = function (v) { return new Intl.NumberFormat(lang).format(Math.floor(v)); };
    if (s < 90) { return t('time.seconds', { n: n(s) }); }
    if (s < 5400) { return t('time.minutes', { n: n(s / 60) }); }
    if (s < 172800) { return t('time.hours', { n: n(s / 3600) }); }
    return t('time.days', { n: n(s / 86400) });
  }
  function quantityName(q) { return text['q.' + q] !== undefined ? text['q.' + q] : null; }

  // ---- language -------------------------------------------------------------------------------------------------
  function pickLanguage() {
    var saved = localStorage.getItem('lang');
    if (saved && LANGS.indexOf(saved) >= 0) { return saved; }
    var wanted = navigator.languages || [navigator.language || 'en'];
    for (var i = 0; i < wanted.length; i++) {
      var base = String(wanted[i]).toLowerCase().split('-')[0];
      if (LANGS.indexOf(base) >= 0) { return base; }
    }
    return 'en';
  }
  function setLanguage(code) {
    return fetch('/assets/i18n/' + code + '.json').then(function (r) { return r.json(); }).then(function (json) {
      text = json; lang = code;
      document.documentElement.lang = code;
      document.documentElement.dir = RTL[code] ? 'rtl' : 'ltr';
      document.title = t('app.title');
      $('lang').value = code;
      Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
      renderAll();
      document.dispatchEvent(new Event('sv:language'));
      document.dispatchEvent(new CustomEvent('sv:lang'));
    });
  }

  // ---- now view -------------------------------------------------------------------------------------------------
  function tile(x) {
    var stale = (Date.now() - new Date(x.time).getTime()) > 15 * 60000;
    var a = el('article', 'tile ' + x.state + (stale ? ' stale' : ''));
    a.setAttribute('data-sensor', x.sensor); a.setAttribute('data-quantity', x.quantity);
    a.setAttribute('data-seq', x.sequence); a.setAttribute('data-value', x.value);
    var state = el('div', 'state'); state.appendChild(icon(x.state)); // Water is never called "OK": within the usual limit of a probe says nothing about germs.
    state.appendChild(el('span', '', t(x.water && x.state === 'good' ? 'water.within' : 'state.' + x.state)));
    a.appendChild(state);
    var name = quantityName(x.quantity);
    a.appendChild(name === null ? raw('h3', '', x.quantity) : el('h3', '', name));
    var v = raw('p', 'value'); v.appendChild(el('span', 'num', fmt(x.value, x.unit)));
    var u = el('span', 'unit', unitOf(x.unit)[0]); u.dir = 'ltr';
    v.appendChild(document.createTextNode(' ')); v.appendChild(u); a.appendChild(v);
    if (x.reason && x.state !== 'good') { a.appendChild(el('p', 'reason', t(x.reason))); }
    if (x.water) {
      if (x.state !== 'unknown') { a.appendChild(el('span', 'kind ' + x.kind, t('kind.' + x.kind))); }
      if (x.context) { a.appendChild(el('p', 'context', t(x.context))); }
    }
    var meta = el('p', 'meta'); meta.appendChild(el('span', 'fresh', ago(x.time)));
    if (stale) { meta.appendChild(document.createTextNode(' · ')); meta.appendChild(el('span', '', t('tile.stale'))); }
    meta.appendChild(document.createTextNode(' · ')); meta.appendChild(raw('span', 'sensor', x.sensor));
    a.appendChild(meta);
    return a;
  }
  function healthItem(list, state, message, detail) {
    var li = el('li'); li.appendChild(icon(state, state));
    var span = el('span', '', message); li.appendChild(span);
    if (detail) { span.appendChild(document.createTextNode(' ')); span.appendChild(raw('b', '', detail)); }
    list.appendChild(li);
  }
  function renderNow() {
    if (!snapshot) { return; }
    var farm = $('tiles'), water = $('water-tiles');
    farm.textContent = ''; water.textContent = '';
    snapshot.tiles.forEach(function (x) { (x.water ? water : farm).appendChild(tile(x)); });
    $('now-empty').hidden = snapshot.tiles.length > 0;
    $('site-name').textContent = snapshot.kit; $('site-name').hidden = !snapshot.kit;
    $('tab-water').hidden = !snapshot.tiles.some(function (x) { return x.water; });
    var h = snapshot.health, list = $('health-list'), badge = $('badge');
    list.textContent = '';
    if (!h.uplinkConfigured) {
      healthItem(list, 'unknown', t('health.uplink.none'));
      badge.className = 'badge'; $('badge-text').textContent = t('badge.local');
    } else if (h.uplinkConnected) {
      healthItem(list, 'good', t('health.uplink.on'));
      badge.className = 'badge on'; $('badge-text').textContent = t('badge.online');
    } else {
      healthItem(list, 'act', t('health.uplink.off'));
      badge.className = 'badge off'; $('badge-text').textContent = t('badge.offline');
    }
    if (h.uplinkConfigured) {
      healthItem(list, h.readingsWaiting > 1000 ? 'watch' : 'good', t('health.waiting'), new Intl.NumberFormat(lang).format(h.readingsWaiting));
      if (h.oldestUnsentAt) { healthItem(list, 'watch', t('health.oldest'), ago(h.oldestUnsentAt)); }
    }
    if (h.storageDaysLeft !== null && h.storageDaysLeft !== undefined) {
      var days = Math.floor(h.storageDaysLeft);
      healthItem(list, days < 7 ? 'act' : days < 30 ? 'watch' : 'good', t('health.storage'),
        days > 3650 ? t('health.storage.plenty') : t('health.storage.days', { n: new Intl.NumberFormat(lang).format(days) }));
    }
    h.quietNodes.forEach(function (n) {
      healthItem(list, 'watch', t('health.nodes.quiet'), (n.name || n.id) + ' · ' + (n.lastSeen ? ago(n.lastSeen) : t('health.nodes.never')));
    });
    if (h.nodesKnown > 0 && h.quietNodes.length === 0) { healthItem(list, 'good', t('health.nodes.ok')); }
    if (h.sensorProblems.length === 0) {
      healthItem(list, 'good', t('health.sensors.ok'));
    } else {
      h.sensorProblems.forEach(function (p) { healthItem(list, 'act', t('health.sensors.problem'), p.sensor); });
    }
  }
  function connectLive() {
    if (!window.EventSource) { poll(); return; }
    var source = new EventSource('/api/events');
    source.addEventListener('now', function (e) { $('live-lost').hidden = true; snapshot = JSON.parse(e.data); renderNow(); });
    // A refused stream (viewing closed until login) is not retried by the browser: try again after a pause.
    source.onerror = function () { $('live-lost').hidden = false; if (source.readyState === 2) { setTimeout(connectLive, 5000); } };
  }
  function poll() {
    fetch('/api/now').then(function (r) { return r.json(); }).then(function (s) { snapshot = s; renderNow(); })
      .catch(function () { $('live-lost').hidden = false; })
      .then(function () { setTimeout(poll, 10000); });
  }

  // ---- history --------------------------------------------------------------------------------------------------
  function renderSeriesPicker() {
    var select = $('history-series'), keep = select.value;
    select.textContent = '';
    seriesList.forEach(function (s) {
      var o = el('option', '', s.sensor + ' · ' + (quantityName(s.quantity) || s.quantity));
      o.value = s.sensor + '|' + s.quantity; select.appendChild(o);
    });
    if (keep) { select.value = keep; }
  }
  function loadHistory() {
    var v = $('history-series').value;
    Array.prototype.forEach.call(document.querySelectorAll('#ranges button'), function (b) { b.classList.toggle('active', b.getAttribute('data-range') === historyRange); });
    if (!v) { return; }
    var p = v.split('|'), unit = (seriesList.filter(function (s) { return s.sensor === p[0] && s.quantity === p[1]; })[0] || {}).unit;
    var request = ++historyRequest;
    fetch('/api/history?sensor=' + encodeURIComponent(p[0]) + '&quantity=' + encodeURIComponent(p[1]) + '&range=' + historyRange)
      .then(function (r) { return r.json(); })
      .then(function (h) { if (request === historyRequest) { drawChart(h, unit); } });
  }
  function drawChart(h, unit) {
    var ns = 'http://www.w3.org/2000/svg', W = 360, H = 210, L = 38, R = 8, T = 8, B = 22;
    var chart = $('chart'); chart.textContent = '';
    $('history-empty').hidden = h.buckets.length > 0;
    var factor = unitOf(unit)[1], from = new Date(h.from).getTime(), to = new Date(h.to).getTime();
    var limits = [];
    var th = h.threshold || {};
    [['actBelow', 'act'], ['watchBelow', 'watch'], ['watchAbove', 'watch'], ['actAbove', 'act']].forEach(function (k) {
      if (th[k[0]] !== null && th[k[0]] !== undefined) { limits.push({ v: th[k[0]] * factor, c: k[1] }); }
    });
    var lo = Infinity, hi = -Infinity;
    h.buckets.forEach(function (b) { lo = Math.min(lo, b.min * factor); hi = Math.max(hi, b.max * factor); });
    limits.forEach(function (l) { if (isFinite(lo) && l.v > lo - (hi - lo) && l.v < hi + (hi - lo)) { lo = Math.min(lo, l.v); hi = Math.max(hi, l.v); } });
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
    var pad = (hi - lo) * 0.08; lo -= pad; hi += pad;
    var x = function (ms) { return L + (ms - from) / (to - from) * (W - L - R); };
    var y = function (v) { return T + (hi - v) / (hi - lo) * (H - T - B); };
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H); svg.setAttribute('role', 'img');
    var add = function (tag, attrs, content) {
      var e = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (content !== undefined) { e.textContent = content; }
      svg.appendChild(e); return e;
    };
    for (var i = 0; i <= 4; i++) {
      var gv = lo + (hi - lo) * i / 4;
      add('line', { x1: L, x2: W - R, y1: y(gv), y2: y(gv), 'class': 'grid' });
      add('text', { x: L - 3, y: y(gv) + 3, 'text-anchor': 'end' }, fmt(gv / factor, unit, 1));
    }
    var days = h.range === 'day' ? 6 : h.range === 'week' ? 7 : 6;
    for (var d = 1; d < days; d++) {
      var ms = from + (to - from) * d / days, date = new Date(ms);
      var label = h.range === 'day' ? date.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : date.toLocaleDateString(lang, { day: 'numeric', month: 'short' });
      add('text', { x: x(ms), y: H - 6, 'text-anchor': 'middle' }, label);
    }
    var gap = h.bucketSeconds * 1500, segments = [], current = [];
    h.buckets.forEach(function (b, idx) {
      var t0 = new Date(b.t).getTime() + h.bucketSeconds * 500;
      if (idx > 0 && t0 - segments.lastT > gap) { segments.push(current); current = []; }
      current.push({ t: t0, min: b.min * factor, mean: b.mean * factor, max: b.max * factor }); segments.lastT = t0;
    });
    if (current.length) { segments.push(current); }
    segments.forEach(function (seg) {
      var top = seg.map(function (p) { return x(p.t).toFixed(1) + ',' + y(p.max).toFixed(1); });
      var bottom = seg.slice().reverse().map(function (p) { return x(p.t).toFixed(1) + ',' + y(p.min).toFixed(1); });
      add('polygon', { points: top.concat(bottom).join(' '), 'class': 'band' });
      add('polyline', { points: seg.map(function (p) { return x(p.t).toFixed(1) + ',' + y(p.mean).toFixed(1); }).join(' '), 'class': 'mean' });
    });
    limits.forEach(function (l) {
      if (l.v >= lo && l.v <= hi) { add('line', { x1: L, x2: W - R, y1: y(l.v), y2: y(l.v), 'class': 'limit ' + l.c }); }
    });
    svg.setAttribute('data-buckets', h.buckets.length);
    chart.appendChild(svg);
  }

  // ---- export ---------------------------------------------------------------------------------------------------
  function isoDay(date) { return date.toISOString().slice(0, 10); }
  function renderExportSensors() {
    var box = $('export-sensors'), checked = {};
    Array.prototype.forEach.call(box.querySelectorAll('input'), function (i) { checked[i.value] = i.checked; });
    box.textContent = '';
    var seen = {};
    seriesList.forEach(function (s) {
      if (seen[s.sensor]) { return; }
      seen[s.sensor] = true;
      var label = el('label'), input = el('input');
      input.type = 'checkbox'; input.value = s.sensor; input.checked = checked[s.sensor] !== false;
      label.appendChild(input); label.appendChild(raw('span', '', s.sensor)); box.appendChild(label);
    });
  }
  function startExport(e) {
    e.preventDefault();
    var from = $('export-from').value, toDay = $('export-to').value;
    var to = isoDay(new Date(new Date(toDay + 'T00:00:00Z').getTime() + 86400000));
    var sensors = Array.prototype.filter.call($('export-sensors').querySelectorAll('input'), function (i) { return i.checked; }).map(function (i) { return i.value; });
    exportCsv('/api/export.csv?from=' + from + '&to=' + to + '&sensors=' + encodeURIComponent(sensors.join(',')),
      new Date(from + 'T00:00:00Z').getTime(), new Date(to + 'T00:00:00Z').getTime());
  }
  function exportCsv(url, fromMs, toMs) {
    var bar = $('export-progress'), status = $('export-status'), button = $('export-go');
    bar.hidden = false; bar.value = 0; button.disabled = true; status.textContent = '';
    var rows = -1, chunks = [], decoder = new TextDecoder(), tail = '', name = 'export.csv';
    var nf = new Intl.NumberFormat(lang);
    fetch(url).then(function (r) {
      if (!r.ok || !r.body) { throw new Error(String(r.status)); }
      var m = /filename="([^"]+)"/.exec(r.headers.get('Content-Disposition') || '');
      if (m) { name = m[1]; }
      var reader = r.body.getReader();
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) { return; }
          chunks.push(step.value);
          var lines = (tail + decoder.decode(step.value, { stream: true })).split('\n');
          tail = lines.pop(); rows += lines.length;
          var last = lines.length ? lines[lines.length - 1].split(',')[5] : null, at = last ? Date.parse(last) : NaN;
          var percent = isFinite(at) ? Math.min(99, Math.max(0, Math.round((at - fromMs) / (toMs - fromMs) * 100))) : bar.value;
          bar.value = percent;
          status.textContent = t('export.progress', { rows: nf.format(Math.max(rows, 0)), percent: nf.format(percent) });
          return pump();
        });
      }
      return pump();
    }).then(function () {
      bar.value = 100;
      status.textContent = t('export.done', { rows: nf.format(Math.max(rows, 0)) });
      var a = el('a'); a.href = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' })); a.download = name;
      document.body.appendChild(a); a.click(); a.remove();
    }).catch(function () { status.textContent = t('export.failed'); }).then(function () { button.disabled = false; });
  }

  // ---- admin ----------------------------------------------------------------------------------------------------
  var adminToken = '';
  function adminState() {
    return fetch('/api/admin/state', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
      adminToken = s.antiForgeryToken || '';
      $('admin-setup').hidden = !s.setupNeeded;
      $('admin-login').hidden = s.setupNeeded || s.authenticated;
      $('admin-session').hidden = !s.authenticated;
      document.dispatchEvent(new CustomEvent('sv:admin', { detail: s }));
    });
  }
  function adminPost(path, body) {
    return fetch(path, {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': adminToken }
    }).then(function (r) {
      var message = $('admin-message');
      if (r.ok) { message.textContent = t('admin.done'); }
      else if (r.status === 429) { message.textContent = t('admin.wait', { n: r.headers.get('Retry-After') || '1' }); }
      else if (r.status === 400) { message.textContent = t('admin.short'); }
      else { message.textContent = t('admin.wrong'); }
      Array.prototype.forEach.call(document.querySelectorAll('#view-admin input'), function (i) { i.value = ''; });
      return adminState();
    });
  }
  function onSubmit(id, handler) { $(id).addEventListener('submit', function (e) { e.preventDefault(); handler(); }); }
  function wireAdmin() {
    onSubmit('admin-setup', function () { adminPost('/api/admin/setup', { code: $('admin-code').value, password: $('admin-setup-password').value }); });
    onSubmit('admin-login', function () { adminPost('/api/admin/login', { password: $('admin-password').value }); });
    onSubmit('admin-change', function () { adminPost('/api/admin/password', { currentPassword: $('admin-current').value, newPassword: $('admin-new').value }); });
    $('admin-logout').addEventListener('click', function () { adminPost('/api/admin/logout', {}); });
  }

  // ---- views ----------------------------------------------------------------------------------------------------
  function showView() {
    var view = (location.hash || '#now').slice(1);
    if (!/^[a-z]+$/.test(view) || !$('view-' + view)) { view = 'now'; }
    Array.prototype.forEach.call(document.querySelectorAll('.view'), function (v) { v.hidden = v.id !== 'view-' + view; });
    Array.prototype.forEach.call(document.querySelectorAll('#tabs a'), function (a) { a.classList.toggle('active', a.getAttribute('data-view') === view); });
    if (view === 'history' || view === 'export') { loadSeries(); }
    if (view === 'admin') { $('admin-message').textContent = ''; adminState(); }
    if (view === 'calibrate') { loadCalibration(); }
    document.dispatchEvent(new CustomEvent('sv:view', { detail: view }));
  }
  // The calibration view is for the field officer, not the farmer: its script and styles load only when it opens.
  function loadCalibration() {
    if (document.getElementById('calibration-js')) { return; }
    var css = el('link'); css.rel = 'stylesheet'; css.href = '/assets/calibration.css'; document.head.appendChild(css);
    var js = el('script'); js.id = 'calibration-js'; js.src = '/assets/calibration.js'; document.head.appendChild(js);
  }
  function loadSeries() {
    return fetch('/api/series').then(function (r) { return r.json(); }).then(function (list) {
      seriesList = list; renderSeriesPicker(); renderExportSensors(); loadHistory();
    });
  }
  function renderAll() { renderNow(); renderSeriesPicker(); if (!$('view-history').hidden) { loadHistory(); } }

  // For the page's other scripts (settings.js, calibration.js): translation, elements and units, one copy of each;
  // they hear of language, view and login changes by events (sv:lang / sv:language, sv:view, sv:admin).
  window.SV = {
    t: t, has: function (key) { return text[key] !== undefined; }, el: el, raw: raw, fmt: fmt, unitOf: unitOf,
    quantityName: quantityName, lang: function () { return lang; },
  };

  document.addEventListener('DOMContentLoaded', function () {
    var today = new Date();
    $('export-to').value = isoDay(today);
    $('export-from').value = isoDay(new Date(today.getTime() - 6 * 86400000));
    $('lang').addEventListener('change', function () { localStorage.setItem('lang', this.value); setLanguage(this.value); });
    $('history-series').addEventListener('change', loadHistory);
    Array.prototype.forEach.call(document.querySelectorAll('#ranges button'), function (b) {
      b.addEventListener('click', function () { historyRange = b.getAttribute('data-range'); loadHistory(); });
    });
    $('export-form').addEventListener('submit', startExport);
    wireAdmin();
    window.addEventListener('hashchange', showView);
    setInterval(renderNow, 10000);
    setLanguage(pickLanguage()).then(function () { showView(); connectLive(); });
  });
}());
