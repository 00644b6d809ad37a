/*
 * Unibar's UCS simulator: a fake of UCS's operator-v4.0.0.js (seed 002). It keeps the documented surface
 * of window.ucsOperator (configuration flags in, methods added, onX callbacks out) and talks to the
 * simulator over one websocket:
 *   page -> server  {"hello": {flags}}            once connected
 *                   {"m": "dial", "a": [...]}      every method call
 *   server -> page  {"cb": "onCallRinging", "a": [...], "s": snapshot}
 *                   {"s": snapshot}                 state changes without a callback
 * Not the real bundle: no softphone, no CRM tabs, no history or recordings UI.
 */
(function () {
  'use strict';
  var W = window;
  var op = W.ucsOperator = W.ucsOperator || {};
  var METHODS = ['login', 'sso', 'logout', 'selectIdentifier', 'provision', 'identify', 'changeStatus',
    'suspend', 'resume', 'answer', 'dial', 'hangup', 'transfer', 'finishTransfer', 'blindTransfer', 'hold',
    'unhold', 'mute', 'notify', 'setAccountCode', 'selectRingingSound', 'testRingingSound',
    'stopRingingSoundTest'];
  var MAX_RECONNECTS = 5;
  var scriptSrc = (document.currentScript && document.currentScript.src) || '';
  var outbox = [], snap = null, started = false, reconnects = 0, closedByUs = false;
  var guiPhase = null;

  function log(level, msg, err) {
    try { (console[level] || console.log).call(console, '[ucs-sim] ' + msg, err || ''); } catch (e) { /* no console */ }
  }

  // The transport in use: {send(text), close()}; null until connected.
  var transport = null;

  function send(m, args) {
    var text = JSON.stringify({ m: m, a: args });
    if (transport && transport.ready) transport.send(text); else outbox.push(text);
  }

  METHODS.forEach(function (name) {
    op[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      // Functions and DOM nodes cannot cross the socket; drop them rather than fail the call.
      send(name, JSON.parse(JSON.stringify(args, function (k, v) { return typeof v === 'function' ? undefined : v; }) || '[]'));
    };
  });
  op.state = function () {
    send('state', []);
    return snap && snap.state ? JSON.parse(JSON.stringify(snap.state)) : undefined;
  };

  function invoke(cb, args) {
    var fn = op[cb];
    if (typeof fn !== 'function') return;
    try {
      fn.apply(op, args || []);
    } catch (e) {
      // The host's callback threw: UCS's bundle keeps running, so do we.
      log('error', 'callback ' + cb + ' threw', e);
    }
  }

  function endpoint() {
    var api = op.api || {}, ws = api.ws || {};
    var origin = null;
    try { origin = scriptSrc ? new URL(scriptSrc) : null; } catch (e) { origin = null; }
    var loc = origin || W.location;
    var secure = ws.secure != null ? !!ws.secure : api.secure != null ? !!api.secure : loc.protocol === 'https:';
    var host = ws.hostname || api.hostname || loc.hostname;
    var port = ws.port || api.port || loc.port;
    var path = ws.path || api.path || '/operator/ws';
    if (path.charAt(0) !== '/') path = '/' + path;
    var hostPort = host + (port ? ':' + port : '');
    return { ws: (secure ? 'wss://' : 'ws://') + hostPort + path, http: (secure ? 'https://' : 'http://') + hostPort };
  }

  function flags() {
    var f = {};
    Object.keys(op).forEach(function (k) {
      var v = op[k];
      if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') f[k] = v;
    });
    f.scriptVersion = '4.0.0';
    return f;
  }

  function onServerText(text) {
    var msg;
    try { msg = JSON.parse(text); } catch (e) { log('warn', 'bad message from UCS', e); return; }
    onServerMessage(msg);
  }

  function onServerMessage(msg) {
    if (msg.s) snap = msg.s;
    if (msg.cb) invoke(msg.cb, msg.a);
    render();
  }

  function connected(t) {
    transport = t;
    t.ready = true;
    reconnects = 0;
    while (outbox.length) t.send(outbox.shift());
  }

  function lost() {
    transport = null;
    if (closedByUs) return;
    if (reconnects < MAX_RECONNECTS) {
      reconnects++;
      invoke('onWarning', ['Connection to UCS lost, reconnecting (' + reconnects + '/' + MAX_RECONNECTS + ')']);
      setTimeout(connect, 1000 * reconnects);
    } else {
      invoke('onError', ['Connection to UCS failed']);
    }
  }

  /*
   * api.transport: 'websocket' | 'poll' | 'auto' (default). JavaFX 21.0.5's WebView has a WebSocket
   * constructor but its native callbacks are missing (no open, no message), so in JavaFX 'auto' uses
   * WebSocket only when it is Unibar's relay (window.WebSocket.unibarRelay, installed by Unibar's page
   * shim), as the real UCS bundle would; otherwise it long-polls. 'auto' also falls back to polling
   * when a websocket does not open within 3 s.
   */
  function connect() {
    var mode = (op.api && op.api.transport) || 'auto';
    var javafx = /JavaFX/.test(navigator.userAgent || '');
    var relay = !!(W.WebSocket && W.WebSocket.unibarRelay === true);
    if (mode === 'poll' || (mode === 'auto' && javafx && !relay)) connectPoll();
    else connectWs(mode === 'auto');
  }

  function connectWs(fallback) {
    var url = endpoint().ws, sock, opened = false, gaveUp = false;
    try {
      sock = new WebSocket(url);
    } catch (e) {
      if (fallback) { connectPoll(); return; }
      invoke('onError', ['Cannot connect to UCS at ' + url + ': ' + e.message]);
      return;
    }
    var timer = fallback ? setTimeout(function () {
      if (opened) return;
      gaveUp = true;
      try { sock.close(); } catch (e) { /* already closed */ }
      connectPoll();
    }, 3000) : null;
    var t = { send: function (text) { sock.send(text); }, close: function () { sock.close(); } };
    sock.onopen = function () {
      opened = true;
      if (timer) clearTimeout(timer);
      sock.send(JSON.stringify({ hello: flags() }));
      connected(t);
    };
    sock.onmessage = function (ev) { onServerText(ev.data); };
    sock.onclose = function () {
      if (gaveUp) return;
      if (timer) clearTimeout(timer);
      if (!opened && fallback) { connectPoll(); return; }
      lost();
    };
  }

  function xhr(method, url, body, done) {
    var r = new XMLHttpRequest();
    r.open(method, url, true);
    // text/plain keeps cross-origin POSTs "simple": no CORS preflight.
    if (body != null) r.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
    r.onload = function () { done(r.status, r.responseText); };
    r.onerror = function () { done(0, null); };
    r.send(body);
  }

  function connectPoll() {
    var base = endpoint().http + '/operator/poll';
    xhr('POST', base + '/open', JSON.stringify({ hello: flags() }), function (status, body) {
      if (status !== 200) { lost(); return; }
      var sid = JSON.parse(body).sid, queue = [], busy = false, alive = true, failures = 0;
      // One request at a time, so the simulator sees method calls in the order they were made.
      function pump() {
        if (busy || !queue.length || !alive) return;
        busy = true;
        xhr('POST', base + '/' + sid + '/send', queue.shift(), function () { busy = false; pump(); });
      }
      var t = {
        send: function (text) { queue.push(text); pump(); },
        close: function () { alive = false; xhr('POST', base + '/' + sid + '/close', '', function () {}); }
      };
      function poll(after) {
        if (!alive) return;
        xhr('GET', base + '/' + sid + '?after=' + after, null, function (st, text) {
          if (!alive) return;
          if (st === 200) {
            failures = 0;
            var r = JSON.parse(text);
            r.messages.forEach(onServerMessage);
            poll(r.next);
          } else if (st === 404 || ++failures > 3) {
            alive = false;
            lost();
          } else {
            setTimeout(function () { poll(after); }, 500 * failures);
          }
        });
      }
      connected(t);
      poll(0);
    });
  }

  // ------------------------------------------------------------------ GUI (plain DOM, not with headless)
  var CSS = 'font:13px/1.4 sans-serif;color:#222;border:1px solid #9ab;border-radius:4px;padding:8px;background:#f6f9fb;max-width:520px';
  var CALL_STATES = ['nový', 'spojování', 'vyzvání', 'spojen', 'zavěšeno', 'přidržen'];

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'style') el.style.cssText = attrs[k];
      else if (k === 'onclick') el.addEventListener('click', attrs[k]);
      else if (k === 'text') el.textContent = attrs[k];
      else el.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return el;
  }

  function btn(id, label, fn) {
    return h('button', { id: id, type: 'button', style: 'margin:2px 4px 2px 0', onclick: fn, text: label });
  }

  function root() {
    if (op.headless) return null;
    return document.getElementById(op.renderTo || 'app');
  }

  function render() {
    var el = root();
    if (!el || !snap) return;
    var phase = snap.phase;
    // Rebuilding the login form would wipe what the agent is typing: keep it, update the error only.
    if (phase === 'CREDENTIALS' && guiPhase === 'CREDENTIALS') {
      var err = document.getElementById('ucs-login-error');
      if (err) err.textContent = snap.loginError || '';
      return;
    }
    var dialValue = (document.getElementById('ucs-dial-number') || {}).value || '';
    guiPhase = phase;
    el.innerHTML = '';
    var box = h('div', { id: 'ucs-sim-gui', 'data-phase': phase, style: CSS }, [
      h('div', { style: 'font-weight:bold;margin-bottom:6px', text: 'UCS operátor (simulátor) — ' + phase })]);
    if (phase === 'CREDENTIALS') box.appendChild(loginForm());
    else if (phase === 'IDENTIFY') box.appendChild(deviceList());
    else if (phase === 'DEVICE') box.appendChild(deviceConfirm());
    else if (phase === 'READY') box.appendChild(readyView(dialValue));
    el.appendChild(box);
  }

  function loginForm() {
    var user = h('input', { id: 'ucs-username', placeholder: 'uživatelské jméno', autocomplete: 'username' });
    var pass = h('input', { id: 'ucs-password', type: 'password', placeholder: 'heslo', autocomplete: 'current-password' });
    var remember = h('input', { id: 'ucs-remember', type: 'checkbox' });
    var saved = null;
    try { saved = W.localStorage.getItem('ucsSimUser'); } catch (e) { saved = null; }
    if (saved) user.value = saved;
    var doLogin = function () {
      try { if (remember.checked) W.localStorage.setItem('ucsSimUser', user.value); } catch (e) { /* no storage */ }
      op.login(user.value, pass.value, remember.checked);
    };
    return h('div', {}, [
      h('div', {}, [user, ' ', pass]),
      h('label', {}, [remember, ' zapamatovat']), ' ',
      btn('ucs-login', 'Přihlásit', doLogin),
      h('div', { id: 'ucs-login-error', style: 'color:#b00', text: snap.loginError || '' })]);
  }

  function deviceList() {
    var list = h('div', { id: 'ucs-devices' }, [h('div', { text: 'Vyberte telefon:' })]);
    (snap.devices || []).forEach(function (d) {
      list.appendChild(h('div', {}, [btn('ucs-device-' + d.identifier, d.name + ' (' + d.identifier + ')',
        function () { op.selectIdentifier(d.identifier); })]));
    });
    var manual = h('input', { id: 'ucs-identifier', placeholder: 'identifikátor' });
    list.appendChild(h('div', {}, [manual, ' ', btn('ucs-identifier-ok', 'Spárovat', function () { op.selectIdentifier(manual.value); })]));
    list.appendChild(btn('ucs-logout', 'Odhlásit', function () { op.logout(); }));
    return list;
  }

  function deviceConfirm() {
    var d = snap.device || {};
    return h('div', {}, [h('div', { text: 'Spárovaný telefon: ' + (d.name || '?') }),
      btn('ucs-provision', 'Potvrdit', function () { op.provision(); }),
      btn('ucs-identify', 'Jiný telefon', function () { op.identify(); }),
      btn('ucs-logout', 'Odhlásit', function () { op.logout(); })]);
  }

  function readyView(dialValue) {
    var s = snap;
    var status = h('select', { id: 'ucs-status' });
    var options = [['READY', ''], ['ACW', ''], ['OFFLINE', '']];
    (s.auxReasons || []).forEach(function (r) { options.push(['AUX', r]); });
    options.forEach(function (o) {
      var opt = h('option', { value: o[0] + '|' + o[1], text: o[1] ? 'AUX: ' + o[1] : o[0] });
      if (o[0] === s.status && (o[1] || null) === (s.reason || null)) opt.selected = true;
      status.appendChild(opt);
    });
    status.addEventListener('change', function () {
      var v = status.value.split('|');
      if (v[1]) op.changeStatus(v[0], v[1]); else op.changeStatus(v[0]);
    });
    var calls = h('div', { id: 'ucs-calls' });
    (s.calls || []).forEach(function (c) {
      var ringingIn = c.direction === 'INCOMING' && c.state === 2;
      calls.appendChild(h('div', { 'class': 'ucs-call', 'data-uniqueid': c.uniqueid, style: 'border-top:1px solid #cde;padding:4px 0' }, [
        h('span', { 'class': 'ucs-call-number', text: (c.direction === 'INCOMING' ? '← ' : '→ ') + c.number + (c.name ? ' ' + c.name : '') }),
        h('span', { 'class': 'ucs-call-state', style: 'margin-left:8px;color:#357', text: CALL_STATES[c.state] || String(c.state) }),
        h('br'),
        ringingIn ? btn('ucs-answer', 'Přijmout', function () { op.answer(); }) : null,
        btn('ucs-hangup', ringingIn ? 'Odmítnout' : 'Zavěsit', function () { op.hangup(); }),
        c.state === 3 ? btn('ucs-hold', 'Přidržet', function () { op.hold(); }) : null,
        c.state === 5 ? btn('ucs-unhold', 'Obnovit', function () { op.unhold(); }) : null,
        c.state === 3 || c.state === 5 ? btn('ucs-mute', (c.caller_muted || c.connected_muted) ? 'Zapnout mikrofon' : 'Ztlumit', function () { op.mute(); }) : null,
        s.transferring && c.state === 3 ? btn('ucs-finish-transfer', 'Dokončit přepojení', function () { op.finishTransfer(); }) : null
      ]));
    });
    if (!(s.calls || []).length) calls.appendChild(h('div', { style: 'color:#777', text: 'Žádný hovor' }));
    var number = h('input', { id: 'ucs-dial-number', placeholder: 'číslo' });
    number.value = dialValue;
    return h('div', {}, [
      h('div', {}, [h('span', { id: 'ucs-agent', text: (s.displayname || s.username) + ' — ' }),
        h('span', { id: 'ucs-agent-status', text: s.status + (s.reason ? ' (' + s.reason + ')' : '') }), ' ', status]),
      h('div', { id: 'ucs-waiting', text: 'Čekající ve frontách: ' + (s.waitingCallers || 0) }),
      calls,
      h('div', { style: 'margin-top:6px' }, [number, ' ',
        btn('ucs-dial', 'Vytočit', function () { op.dial(number.value); }),
        btn('ucs-transfer', 'Přepojit', function () { op.transfer(number.value || undefined); }),
        btn('ucs-logout', 'Odhlásit', function () { op.logout(); })])]);
  }

  function start() {
    if (started) return;
    started = true;
    var el = root();
    if (el) el.textContent = 'Připojování k UCS...';
    else if (!op.headless) log('warn', 'element #' + (op.renderTo || 'app') + ' not found, no GUI');
    connect();
  }

  W.addEventListener('beforeunload', function () { closedByUs = true; if (transport) transport.close(); });
  // Seed 002: the app starts on the window's load event unless legacyStartup; a script added after
  // load would otherwise never start, so it starts at once then.
  if (op.legacyStartup || document.readyState === 'complete') start();
  else W.addEventListener('load', start);
})();
