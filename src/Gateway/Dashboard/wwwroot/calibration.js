// Calibration from the phone: choose a probe, put it in each buffer or standard, record each point once the reading is
// stable, see the result and apply it. Plain ES2017 over the gateway's /api/calibration; translations come from
// app.js (window.SV), which loads this script the first time the view opens. The admin login is required: every
// change carries the session's anti-forgery token.
(function () {
  'use strict';
  var POLL_MS = 1000;
  var overview = null, session = null, token = '', auth = null, chosen = '', pollTimer = 0, visible = false, screen = '';
  var $ = function (id) { return document.getElementById(id); };
  function t(key, values) { return window.SV ? window.SV.t(key, values) : key; }
  function has(key) { return window.SV && window.SV.has(key); }
  function lang() { return window.SV ? window.SV.lang() : 'en'; }
  function num(value, digits) {
    return new Intl.NumberFormat(lang(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); } });
    if (content !== undefined) { e.textContent = content; }
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function button(id, key, cls) { return el('button', { type: 'button', id: id, 'class': cls || 'primary' }, t(key)); }
  function value(x) { return x !== null && x !== undefined; }

  // ---- talking to the gateway -----------------------------------------------------------------------------------
  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'X-CSRF-Token': token } };
    if (body !== undefined) { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { var e = new Error(json.detail || String(r.status)); e.problem = json; e.status = r.status; throw e; }
        return json;
      });
    });
  }
  function problemText(e) {
    var p = e.problem || {}, values = {};
    Object.keys(p.values || {}).forEach(function (k) {
      var v = p.values[k];
      values[k] = k === 'side' ? t('cal.side.' + v) : /^-?\d+(\.\d+)?$/.test(v) ? num(Number(v), (String(v).split('.')[1] || '').length) : v;
    });
    return p.code && has('cal.error.' + p.code) ? t('cal.error.' + p.code, values) : t('cal.failed', { detail: e.message });
  }
  function say(text, kind) {
    var m = $('cal-message');
    if (m) { m.textContent = text || ''; m.className = 'cal-message ' + (kind || ''); }
  }
  function fail(e) {
    if (e.status === 401 || e.status === 403) { auth = null; token = ''; render(); }
    say(problemText(e), 'bad');
  }

  // ---- screens ----------------------------------------------------------------------------------------------------
  function frame() {
    var view = $('view-calibrate');
    view.textContent = '';
    add(view, el('h2', {}, t('cal.title')));
    var body = add(view, el('div', { id: 'cal-body' }));
    add(view, el('p', { id: 'cal-message', 'class': 'cal-message', 'aria-live': 'polite' }));
    return body;
  }
  function render() {
    stopPolling();
    if (!visible) { return; }
    if (!auth || !auth.authenticated) { screen = 'login'; return renderLogin(); }
    if (!overview) { return; }
    if (!session) { screen = 'choose'; return renderChooser(); }
    if (session.state === 'measuring' && value(session.next)) { screen = 'step'; renderStep(); return startPolling(); }
    if (session.state === 'computed') { screen = 'result'; return renderResult(); }
    screen = 'done';
    renderDone();
  }
  function renderLogin() {
    var body = frame();
    if (auth && auth.setupNeeded) {
      add(body, el('p', {}, t('cal.setup-first')));
      add(add(body, el('p')), el('a', { href: '#admin' }, t('admin.link')));
      return;
    }
    add(body, el('p', { 'class': 'muted' }, t('cal.login-help')));
    var form = add(body, el('form', { id: 'cal-login' }));
    var label = add(form, el('label', { 'class': 'field' }));
    add(label, el('span', {}, t('admin.password')));
    add(label, el('input', { type: 'password', id: 'cal-password', autocomplete: 'current-password', required: 'required' }));
    add(form, el('button', { type: 'submit', 'class': 'primary' }, t('admin.login')));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      api('POST', '/api/admin/login', { password: $('cal-password').value })
        .then(function (answer) { token = answer.antiForgeryToken; return load(); })
        .catch(function (err) { say(err.status === 429 ? t('admin.wait', { n: '…' }) : t('admin.wrong'), 'bad'); });
    });
  }
  function sensorOf(id) { return (overview.sensors.filter(function (s) { return s.id === id; })[0]) || null; }
  function statusText(s) {
    if (s.status === 'uncalibrated') { return t('cal.status.uncalibrated'); }
    var date = new Date(s.current.calibratedAt).toLocaleDateString(lang(), { day: 'numeric', month: 'short', year: 'numeric' });
    return t('cal.status.' + s.status, { date: date, age: num(Math.floor(s.ageDays), 0) });
  }
  function renderChooser() {
    var body = frame();
    if (overview.sensors.length === 0) { add(body, el('p', {}, t('cal.none'))); return; }
    if (!sensorOf(chosen)) { chosen = overview.sensors[0].id; }
    var s = sensorOf(chosen);
    var label = add(body, el('label', { 'class': 'field' }));
    add(label, el('span', {}, t('cal.probe')));
    var select = add(label, el('select', { id: 'cal-sensor', translate: 'no' }));
    overview.sensors.forEach(function (x) { add(select, el('option', { value: x.id }, x.id + ' · ' + t('cal.kind.' + x.kind))); });
    select.value = chosen;
    select.addEventListener('change', function () { chosen = select.value; say(''); render(); });
    add(body, el('p', { id: 'cal-status', 'class': 'cal-status ' + s.status }, statusText(s)));
    if (s.session) {
      add(body, el('p', {}, t('cal.open')));
      var resume = add(body, button('cal-resume', 'cal.resume'));
      resume.addEventListener('click', function () { api('GET', '/api/calibration/sessions/' + s.session).then(show).catch(fail); });
      return;
    }
    if (s.kind === 'ph') {
      var setLabel = add(body, el('label', { 'class': 'field' }));
      add(setLabel, el('span', {}, t('cal.set')));
      var sets = add(setLabel, el('select', { id: 'cal-set', translate: 'no' }));
      overview.bufferSets.forEach(function (b) {
        add(sets, el('option', { value: b.name }, [b.acid, b.neutral, b.alkaline].map(function (v) { return num(v, 2); }).join(' / ')));
      });
      var pointsLabel = add(body, el('label', { 'class': 'field' }));
      add(pointsLabel, el('span', {}, t('cal.points')));
      var points = add(pointsLabel, el('select', { id: 'cal-points' }));
      [3, 2, 1].forEach(function (n) { add(points, el('option', { value: String(n) }, t('cal.points.' + n))); });
    } else {
      var box = add(body, el('fieldset', { 'class': 'field', id: 'cal-standards' }));
      add(box, el('legend', {}, t('cal.standards')));
      overview.ecStandards.forEach(function (v) {
        var l = add(box, el('label', { translate: 'no' }));
        var input = add(l, el('input', { type: 'checkbox', value: String(v) }));
        input.checked = v === 1413;
        add(l, el('span', {}, num(v, 0)));
      });
    }
    var noteLabel = add(body, el('label', { 'class': 'field' }));
    add(noteLabel, el('span', {}, t('cal.note')));
    add(noteLabel, el('input', { id: 'cal-note', maxlength: '500', autocomplete: 'off' }));
    add(body, button('cal-start', 'cal.start')).addEventListener('click', start);
    history(body, s);
  }
  function history(body, s) {
    api('GET', '/api/calibration/sensors/' + encodeURIComponent(s.id) + '/history').then(function (list) {
      if (!list.length || screen !== 'choose' || chosen !== s.id) { return; }
      add(body, el('h3', {}, t('cal.history')));
      var ul = add(body, el('ul', { 'class': 'cal-history', translate: 'no' }));
      list.slice(0, 5).forEach(function (r) {
        var when = new Date(r.calibratedAt).toLocaleDateString(lang(), { day: 'numeric', month: 'short', year: 'numeric' });
        add(ul, el('li', {}, when + ' · ' + summary(r) + (r.note ? ' · ' + r.note : '')));
      });
    }).catch(function () { /* The history is extra; the chooser works without it. */ });
  }
  function summary(r) {
    if (r.ph) { return num(r.ph.acid.slopePercent, 1) + ' % · ' + num(r.ph.acid.offsetMillivolts, 1) + ' mV'; }
    return 'k = ' + num(r.ec.cellConstant, 3);
  }
  function start() {
    var s = sensorOf(chosen), request = { sensor: s.id, note: $('cal-note').value || null };
    if (s.kind === 'ph') {
      var set = overview.bufferSets.filter(function (b) { return b.name === $('cal-set').value; })[0];
      request.bufferSet = set.name;
      request.buffers = [[set.neutral], [set.neutral, set.acid], [set.neutral, set.acid, set.alkaline]][Number($('cal-points').value) - 1];
    } else {
      request.standards = Array.prototype.filter.call($('cal-standards').querySelectorAll('input'), function (i) { return i.checked; })
        .map(function (i) { return Number(i.value); });
    }
    say('');
    api('POST', '/api/calibration/sessions', request).then(show).catch(fail);
  }
  function show(next) { session = next; render(); }

  function renderStep() {
    var body = frame(), s = session, n = s.plan.indexOf(s.next) + 1;
    add(body, el('p', { id: 'cal-step', 'class': 'muted' }, t('cal.step', { n: num(n, 0), total: num(s.plan.length, 0) }) + ' · ')).appendChild(el('span', { translate: 'no' }, s.sensor));
    var place = s.kind === 'ph' ? t('cal.place.ph', { value: num(s.next, 2) }) : t('cal.place.ec', { value: num(s.next, 0) });
    add(body, el('p', { id: 'cal-instruction', 'class': 'cal-instruction' }, place));
    var live = add(body, el('div', { 'class': 'card cal-live', id: 'cal-live' }));
    add(live, el('p', { 'class': 'muted' }, t('cal.raw')));
    var reading = add(live, el('p', { 'class': 'value', translate: 'no' }));
    add(reading, el('span', { id: 'cal-raw', 'class': 'num' }, '–'));
    reading.appendChild(document.createTextNode(' '));
    add(reading, el('span', { id: 'cal-raw-unit', 'class': 'unit', dir: 'ltr' }));
    add(live, el('p', { id: 'cal-temperature', 'class': 'muted' }));
    add(live, el('progress', { id: 'cal-progress', max: '1', value: '0' }));
    add(live, el('p', { id: 'cal-stability', 'class': 'cal-stability', 'data-stable': 'false' }));
    var done = add(body, el('ul', { id: 'cal-points-done', 'class': 'cal-done' }));
    s.points.forEach(function (p) {
      add(done, el('li', { translate: 'no' }, (s.kind === 'ph' ? 'pH ' + num(p.reference, 2) : num(p.reference, 0) + ' µS/cm') + ': '
        + num(p.raw, p.rawUnit === 'mV' ? 1 : 3) + ' ' + p.rawUnit + ' ✓'));
    });
    var actions = add(body, el('p', { 'class': 'cal-actions' }));
    var record = add(actions, button('cal-record', 'cal.record'));
    record.disabled = true;
    record.addEventListener('click', function () {
      record.disabled = true;
      api('POST', '/api/calibration/sessions/' + s.id + '/points', { reference: s.next }).then(function (next) {
        say('');
        return value(next.next) ? next : api('POST', '/api/calibration/sessions/' + s.id + '/compute');
      }).then(show).catch(fail);
    });
    add(actions, button('cal-cancel', 'cal.cancel', 'secondary')).addEventListener('click', cancel);
    if (overview.simulated) {
      add(actions, button('cal-sim', 'cal.sim.place', 'secondary')).addEventListener('click', function () {
        api('POST', '/api/simulation/probes/' + encodeURIComponent(s.sensor), { solution: s.next }).catch(fail);
      });
    }
    updateLive();
  }
  function updateLive() {
    var live = session.live, raw = $('cal-raw');
    if (!raw) { return; }
    var stability = $('cal-stability'), progress = $('cal-progress'), record = $('cal-record');
    if (!live) {
      stability.textContent = t('cal.waiting');
      stability.setAttribute('data-stable', 'false');
      record.disabled = true;
      return;
    }
    raw.textContent = num(live.raw, live.rawUnit === 'mV' ? 1 : 3);
    $('cal-raw-unit').textContent = live.rawUnit;
    $('cal-temperature').textContent = t('cal.temperature', { value: num(live.temperatureCelsius, 1) }) + ' · '
      + t('cal.reads', { value: live.unit === 'pH' ? 'pH ' + num(live.value, 2) : num(live.value * 10000, 0) + ' µS/cm' });
    progress.max = live.windowSeconds;
    progress.value = Math.min(live.steadySeconds, live.windowSeconds);
    var stable = live.stable && live.fresh;
    stability.textContent = !live.fresh ? t('cal.stale') + (live.sensorError ? ' (' + live.sensorError + ')' : '')
      : stable ? '✓ ' + t('cal.stable') : t('cal.settling', { n: num(Math.floor(live.steadySeconds), 0), total: num(live.windowSeconds, 0) });
    stability.className = 'cal-stability' + (stable ? ' stable' : !live.fresh ? ' stale' : '');
    stability.setAttribute('data-stable', stable ? 'true' : 'false');
    record.disabled = !stable;
  }
  function renderResult() {
    var body = frame(), result = session.result, c = result.calibration, limits = overview.limits;
    add(body, el('h3', {}, t('cal.result') + ' · ')).appendChild(el('span', { translate: 'no' }, session.sensor));
    if (c) {
      var table = add(body, el('table', { id: 'cal-result', 'class': 'cal-result' }));
      var row = function (label, text) { var tr = add(table, el('tr')); add(tr, el('th', {}, label)); add(tr, el('td', { translate: 'no', dir: 'ltr' }, text)); };
      if (c.ph) {
        var sides = c.ph.acid.slopePercent === c.ph.alkaline.slopePercent && c.ph.acid.offsetMillivolts === c.ph.alkaline.offsetMillivolts
          ? [['electrode', c.ph.acid]] : [['acid', c.ph.acid], ['alkaline', c.ph.alkaline]];
        sides.forEach(function (x) {
          row(t('cal.side.' + x[0]) + ' · ' + t('cal.slope'), num(x[1].slopePercent, 1) + ' %');
          row(t('cal.side.' + x[0]) + ' · ' + t('cal.offset'), num(x[1].offsetMillivolts, 1) + ' mV');
        });
      } else {
        row(t('cal.cell'), num(c.ec.cellConstant, 3));
      }
    }
    add(body, el('p', { 'class': 'muted' }, session.kind === 'ph'
      ? t('cal.limits.ph', { min: num(limits.minSlopePercent, 0), max: num(limits.maxSlopePercent, 0), offset: num(limits.maxOffsetMillivolts, 0) })
      : t('cal.limits.ec', { min: num(limits.minCellConstant, 1), max: num(limits.maxCellConstant, 1) })));
    var verdict = add(body, el('p', { id: 'cal-verdict', 'class': 'cal-verdict ' + (result.accepted ? 'good' : 'bad') }));
    verdict.textContent = result.accepted ? '✓ ' + t('cal.passed') : '✗ ' + t('cal.refused');
    if (!result.accepted) {
      add(body, el('p', { id: 'cal-reason', 'class': 'cal-reason' }, problemText({ problem: result.refusal, message: result.refusal.message })));
    }
    var actions = add(body, el('p', { 'class': 'cal-actions' }));
    if (result.accepted) {
      add(actions, button('cal-apply', 'cal.apply')).addEventListener('click', function () {
        api('POST', '/api/calibration/sessions/' + session.id + '/apply').then(show).catch(fail);
      });
      add(actions, button('cal-cancel', 'cal.cancel', 'secondary')).addEventListener('click', cancel);
    } else {
      add(actions, button('cal-again', 'cal.again')).addEventListener('click', cancel);
    }
  }
  function renderDone() {
    var body = frame();
    var text = session.state === 'applied' ? t('cal.applied', { id: session.appliedId })
      : session.state === 'expired' ? t('cal.expired') : t('cal.cancelled');
    add(body, el('p', { id: 'cal-done', 'class': 'cal-verdict ' + (session.state === 'applied' ? 'good' : '') }, text));
    var actions = add(body, el('p', { 'class': 'cal-actions' }));
    add(actions, button('cal-back', 'cal.back')).addEventListener('click', function () { session = null; load(); });
    if (overview.simulated) {
      add(actions, button('cal-sim-water', 'cal.sim.water', 'secondary')).addEventListener('click', function () {
        api('POST', '/api/simulation/probes/' + encodeURIComponent(session.sensor), { water: true }).catch(fail);
      });
    }
  }
  function cancel() {
    api('DELETE', '/api/calibration/sessions/' + session.id).then(function () { session = null; return load(); }).catch(fail);
  }

  // ---- live updates -------------------------------------------------------------------------------------------------
  function startPolling() {
    stopPolling();
    pollTimer = setTimeout(function poll() {
      api('GET', '/api/calibration/sessions/' + session.id).then(function (next) {
        var stepChanged = next.state !== session.state || next.next !== session.next;
        session = next;
        if (stepChanged) { render(); } else { updateLive(); pollTimer = setTimeout(poll, POLL_MS); }
      }).catch(function (e) { fail(e); pollTimer = setTimeout(poll, POLL_MS * 3); });
    }, POLL_MS);
  }
  function stopPolling() { clearTimeout(pollTimer); pollTimer = 0; }

  function load() {
    return fetch('/api/admin/state', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (state) {
      auth = state; token = state.antiForgeryToken || '';
      return fetch('/api/calibration').then(function (r) { return r.json(); });
    }).then(function (o) { overview = o; render(); }).catch(function () { say(t('cal.failed', { detail: '' }), 'bad'); });
  }

  document.addEventListener('sv:view', function (e) {
    visible = e.detail === 'calibrate';
    if (visible) { say(''); load(); } else { stopPolling(); }
  });
  document.addEventListener('sv:language', function () { if (visible) { render(); } });
  // Loaded by the first visit to the view, after that visit's 'sv:view' event: open now.
  if ((location.hash || '').slice(1) === 'calibrate') { visible = true; load(); }
}());
