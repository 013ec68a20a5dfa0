// SmartVillage dashboard: the admin's settings (site name, who may view, sensors, limits, recent changes). Loaded by
// settings.js the first time the view is opened; uses app.js's helpers (window.SV). Plain ES2017, no library.
(function () {
  'use strict';
  var SV = window.SV, data = null, token = '', status = {};
  var LIMITS = ['actBelow', 'watchBelow', 'watchAbove', 'actAbove'];
  var $ = function (id) { return document.getElementById(id); };
  var t = SV.t, el = SV.el, raw = SV.raw;

  // ---- talking to the gateway --------------------------------------------------------------------------------------
  function api(method, path, body) {
    var headers = { 'X-CSRF-Token': token };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, credentials: 'same-origin', headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, status: r.status, body: j }; }); });
  }
  function load() {
    return fetch('/api/admin/state', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (s) {
      token = s.antiForgeryToken || '';
      if (!s.authenticated) { location.hash = '#admin'; return null; }
      return api('GET', '/api/admin/settings').then(function (res) {
        if (res.status === 401) { location.hash = '#admin'; return; }
        data = res.body; render();
      });
    });
  }
  function save(key, form, method, path, body) {
    status[key] = { text: t('settings.saving') };
    showStatus(form, key);
    return api(method, path, body).then(function (res) {
      if (res.ok) { data = res.body; status[key] = { text: t('settings.saved'), ok: true }; render(); return; }
      if (res.status === 401) { status[key] = { text: t('settings.login-again') }; location.hash = '#admin'; return; }
      status[key] = { text: res.status === 400 ? t('settings.check') : t('settings.failed') + ' ' + (res.body.detail || res.status) };
      showStatus(form, key);
      showErrors(form, res.body.errors || {}, true);
    }).catch(function () { status[key] = { text: t('settings.failed') }; showStatus(form, key); });
  }

  // ---- building blocks ---------------------------------------------------------------------------------------------
  function card(titleKey, key) {
    var form = el('form', 'card settings-card'); form.noValidate = true; form.setAttribute('data-key', key);
    form.appendChild(el('h3', '', t(titleKey)));
    return form;
  }
  function field(parent, labelText, type, name) {
    var label = el('label', 'field'), input = el('input');
    label.appendChild(el('span', '', labelText));
    input.type = type; input.setAttribute('data-field', name); input.name = name;
    label.appendChild(input); parent.appendChild(label);
    return input;
  }
  function check(parent, labelText, name, checked) {
    var label = el('label', 'check'), input = el('input');
    input.type = 'checkbox'; input.checked = checked; input.setAttribute('data-field', name); input.name = name;
    label.appendChild(input); label.appendChild(el('span', '', labelText)); parent.appendChild(label);
    return input;
  }
  function hint(parent, text, changed) {
    var p = el('p', 'muted');
    if (changed) { p.appendChild(el('span', 'changed', t('settings.changed'))); p.appendChild(document.createTextNode(' ')); }
    p.appendChild(el('span', '', text)); parent.appendChild(p);
  }
  function actions(form, key, resetKey, onReset) {
    var row = el('div', 'actions'), saveButton = el('button', 'primary', t('settings.save'));
    saveButton.type = 'submit'; row.appendChild(saveButton);
    if (onReset) {
      var reset = el('button', 'secondary', t(resetKey)); reset.type = 'button'; reset.setAttribute('data-action', 'reset');
      reset.addEventListener('click', onReset); row.appendChild(reset);
    }
    form.appendChild(row);
    var msg = el('p', 'form-status'); msg.setAttribute('aria-live', 'polite'); form.appendChild(msg);
    showStatus(form, key);
  }
  function showStatus(form, key) {
    var msg = form.querySelector('.form-status'), s = status[key];
    if (!msg) { return; }
    msg.textContent = s ? s.text : ''; msg.className = 'form-status' + (s && s.ok ? ' ok' : '');
  }
  function showErrors(form, errors, fromGateway) {
    Array.prototype.forEach.call(form.querySelectorAll('.error'), function (e) { e.remove(); });
    Array.prototype.forEach.call(form.querySelectorAll('[data-field]'), function (input) {
      var list = errors[input.getAttribute('data-field')];
      input.setAttribute('aria-invalid', list ? 'true' : 'false');
      if (list) {
        var e = fromGateway ? raw('p', 'error', list[0]) : el('p', 'error', list[0]);
        input.parentNode.appendChild(e);
      }
    });
    return Object.keys(errors).length === 0;
  }
  function number(value) { return value === null || value === undefined ? '' : String(Number(value.toPrecision(6))); }
  function quantityLabel(q) { return SV.quantityName(q) || q; }

  // ---- the cards ---------------------------------------------------------------------------------------------------
  function nameCard() {
    var form = card('settings.name.title', 'name');
    var input = field(form, t('settings.name.label'), 'text', 'name');
    input.id = 'set-name'; input.value = data.name; input.maxLength = 60; input.autocomplete = 'off';
    hint(form, t('settings.kit-says', { value: data.kitName || '—' }), data.nameChanged);
    actions(form, 'name', 'settings.reset.kit', data.nameChanged ? function () { save('name', form, 'DELETE', '/api/admin/settings/name'); } : null);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var name = input.value.trim();
      if (!showErrors(form, name ? {} : { name: [t('settings.error.name')] })) { return; }
      save('name', form, 'PUT', '/api/admin/settings/name', { name: name });
    });
    return form;
  }
  function viewingCard() {
    var form = card('settings.viewing.title', 'viewing');
    var open = check(form, t('settings.viewing.open'), 'open', data.openViewing);
    open.id = 'set-open';
    form.appendChild(el('p', 'muted', t('settings.viewing.help')));
    hint(form, t('settings.kit-says', { value: t(data.kitOpenViewing ? 'settings.viewing.is-open' : 'settings.viewing.is-closed') }), data.viewingChanged);
    actions(form, 'viewing', 'settings.reset.kit', data.viewingChanged ? function () { save('viewing', form, 'DELETE', '/api/admin/settings/viewing'); } : null);
    form.addEventListener('submit', function (e) { e.preventDefault(); save('viewing', form, 'PUT', '/api/admin/settings/viewing', { open: open.checked }); });
    return form;
  }
  function sensorsCard() {
    var box = el('div', 'card settings-card'); box.appendChild(el('h3', '', t('settings.sensors.title')));
    box.appendChild(el('p', 'muted', t('settings.sensors.help')));
    if (data.sensors.length === 0) { box.appendChild(el('p', 'muted', t('settings.sensors.none'))); }
    data.sensors.forEach(function (s) {
      var key = 'sensor:' + s.id, form = el('form', 'sub'); form.noValidate = true;
      form.setAttribute('data-sensor', s.id);
      form.appendChild(raw('h4', '', s.id + ' · ' + s.type));
      var interval = field(form, t('settings.sensor.interval'), 'number', 'intervalSeconds');
      interval.step = 'any'; interval.min = '0.1'; interval.max = '86400'; interval.inputMode = 'decimal'; interval.value = number(s.intervalSeconds);
      var enabled = check(form, t('settings.sensor.enabled'), 'enabled', s.enabled);
      hint(form, t('settings.kit-says', { value: t('settings.sensor.every', { n: number(s.kitIntervalSeconds) }) + ', ' + t(s.kitEnabled ? 'settings.on' : 'settings.off') }), s.changed);
      actions(form, key, 'settings.reset.kit', s.changed ? function () { save(key, form, 'DELETE', '/api/admin/settings/sensors/' + encodeURIComponent(s.id)); } : null);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var seconds = interval.valueAsNumber;
        if (!showErrors(form, isFinite(seconds) && seconds >= 0.1 && seconds <= 86400 ? {} : { intervalSeconds: [t('settings.error.interval')] })) { return; }
        save(key, form, 'PUT', '/api/admin/settings/sensors/' + encodeURIComponent(s.id), { intervalSeconds: seconds, enabled: enabled.checked });
      });
      box.appendChild(form);
    });
    return box;
  }
  function limitForm(th) {
    var key = 'limit:' + th.quantity, u = th.unit ? SV.unitOf(th.unit) : ['', 1], factor = u[1];
    var form = el('form', 'sub limits'); form.noValidate = true; form.setAttribute('data-quantity', th.quantity);
    var h = el('h4', '', quantityLabel(th.quantity));
    if (u[0]) { h.appendChild(document.createTextNode(' ')); var unit = raw('span', 'unit', '(' + u[0] + ')'); unit.dir = 'ltr'; h.appendChild(unit); }
    form.appendChild(h);
    var grid = el('div', 'limit-grid'), inputs = {};
    LIMITS.forEach(function (name) {
      var input = field(grid, t('settings.limit.' + name), 'number', name);
      input.step = 'any'; input.inputMode = 'decimal';
      input.value = th.limits[name] === null ? '' : number(th.limits[name] * factor);
      inputs[name] = input;
    });
    form.appendChild(grid);
    var configured = LIMITS.map(function (name) { return th.configured[name] === null ? '–' : number(th.configured[name] * factor); }).join(' · ');
    var none = LIMITS.every(function (name) { return th.configured[name] === null; });
    hint(form, none ? t('settings.limits.no-default') : t('settings.limits.default', { values: configured }), th.changed);
    actions(form, key, 'settings.reset.default', th.changed ? function () { save(key, form, 'DELETE', '/api/admin/settings/thresholds/' + encodeURIComponent(th.quantity)); } : null);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = {}, errors = {};
      LIMITS.forEach(function (name) {
        var v = inputs[name].value === '' ? null : inputs[name].valueAsNumber;
        if (v !== null && !isFinite(v)) { errors[name] = [t('settings.error.number')]; }
        body[name] = v === null || !isFinite(v) ? null : v / factor;
      });
      var order = LIMITS.filter(function (n) { return body[n] !== null; });
      for (var i = 1; i < order.length; i++) {
        var a = body[order[i - 1]], b = body[order[i]], strict = order[i - 1].indexOf('Below') > 0 && order[i].indexOf('Above') > 0;
        if (strict ? b <= a : b < a) { errors[order[i]] = [t('settings.error.order')]; }
      }
      if (!showErrors(form, errors)) { return; }
      save(key, form, 'PUT', '/api/admin/settings/thresholds/' + encodeURIComponent(th.quantity), body);
    });
    return form;
  }
  function limitsCard() {
    var box = el('div', 'card settings-card'); box.id = 'settings-limits';
    box.appendChild(el('h3', '', t('settings.limits.title')));
    box.appendChild(el('p', 'muted', t('settings.limits.help')));
    var measured = data.thresholds.filter(function (th) { return th.unit; }), others = data.thresholds.filter(function (th) { return !th.unit; });
    measured.forEach(function (th) { box.appendChild(limitForm(th)); });
    if (others.length) {
      var more = el('details'); more.appendChild(el('summary', '', t('settings.limits.others')));
      others.forEach(function (th) { more.appendChild(limitForm(th)); });
      box.appendChild(more);
    }
    return box;
  }
  function changesCard() {
    var box = el('div', 'card settings-card'); box.appendChild(el('h3', '', t('settings.changes.title')));
    var list = el('ul', 'changes'); list.id = 'settings-changes';
    if (data.changes.length === 0) { box.appendChild(el('p', 'muted', t('settings.changes.none'))); }
    data.changes.forEach(function (c) {
      var li = el('li'), head = el('div');
      var what = text('change.' + c.setting, c.setting);
      head.appendChild(el('b', '', what));
      if (c.subject) { head.appendChild(document.createTextNode(' ')); head.appendChild(c.setting.indexOf('threshold') === 0 && SV.quantityName(c.subject) ? el('span', '', SV.quantityName(c.subject)) : raw('span', '', c.subject)); }
      li.appendChild(head);
      li.appendChild(raw('div', 'detail', c.detail));
      li.appendChild(el('div', 'muted', t('settings.changes.who', { time: new Date(c.at).toLocaleString(SV.lang()), client: c.client })));
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }
  function text(key, fallback) { var s = t(key); return s === key ? fallback : s; }
  function render() {
    var body = $('settings-body');
    if (!body || !data) { return; }
    body.textContent = '';
    var intro = el('p', 'muted', t('settings.help'));
    body.appendChild(intro);
    var file = raw('p', 'muted file', data.overlayFile); file.dir = 'ltr'; body.appendChild(file);
    [nameCard(), viewingCard(), sensorsCard(), limitsCard(), changesCard()].forEach(function (c) { body.appendChild(c); });
  }

  window.SVSettings = { open: function () { status = {}; load(); }, render: render };
}());
