/*
 * Unibar page shim. Host pages include it before any vendor script:
 *   <script src="/unibar/shim.js"></script>
 *
 * It captures what vendor bars hand the page (postMessage events, and lines the host page's own glue
 * passes to unibar.capture) and carries them to Java through window.unibarBridge.deliver(json).
 *
 * Why it looks like this (see docs/decisions/0002-webview-bridge.md):
 * - Vendor scripts can fire before Java has attached the bridge (it attaches when the page reaches
 *   SUCCEEDED), so everything is queued, in order, until attached() is called.
 * - Each JS-to-Java call costs a trip through the FX thread; a burst is coalesced into a few calls,
 *   each carrying ONE JSON string "[{"o":origin,"d":data}, ...]" that Java parses off the FX thread.
 * - Every entry is serialized when it is captured, so later mutation of a vendor object cannot change
 *   what was captured, and a value JSON cannot represent becomes {"__unserializable": reason}
 *   instead of breaking the whole batch.
 * - Console output is carried as separate {"c": level, "m": text} entries, never as vendor captures.
 * - Java says at attached(cfg) which origins it trusts: a postMessage from any other frame is counted, never
 *   serialized or kept ({"o": origin, "n": count} per batch). An entry over MAX_ENTRY_CHARS travels as
 *   {"o": origin, "big": length}, never whole: one message costs only itself (issue 22).
 * - Frames Unibar serves itself (the AgentDesktop widget) ask the top window for their per-run secret with
 *   postMessage {unibarFrame: 'hello'}; Java hands the secret to this shim only in documents it trusts, and
 *   the shim posts it to the asking window with that window's origin as the target, so no other frame can
 *   receive it (docs/decisions/0037-widget-secret-through-the-bridge.md).
 * - Inside JavaFX, window.WebSocket is replaced by a relay through Java (window.unibarSockets): the
 *   WebView's own WebSocket never opens (docs/decisions/0006-websocket-relay.md).
 */
(function () {
  'use strict';
  if (window.unibar && window.unibar.__shim) return;

  var MAX_ENTRIES = 2000;      // per deliver() call
  var MAX_CHARS = 1 << 20;     // per deliver() call, keeps one string well under parser limits
  var MAX_ENTRY_CHARS = 1 << 20; // one entry: the line limit Java reads with (StrictJson.MAX_LINE_BYTES)
  var MAX_PENDING = 20000;     // entries waiting for Java; more are counted as lost
  var MAX_PENDING_CHARS = 32 << 20;
  var MAX_CONSOLE_CHARS = 2000;

  var pending = [];            // serialized entries, in capture order
  var pendingChars = 0;
  var attached = false;
  var scheduled = false;
  var flushing = false;
  var trusted = null;          // origin -> true once Java has said (attached(cfg)); null: keep everything
  var droppedFrom = Object.create(null); // origin -> messages from untrusted frames since the last flush
  var droppedAny = false;
  var lost = 0;                // entries refused because too many waited for Java
  var frameSecrets = Object.create(null); // origin of a frame Unibar serves -> its secret (never on window)
  var askingFrames = [];       // [source, origin] of frames that asked before Java handed their secret

  /*
   * A new task without a timer. In JavaFX's WebView a setTimeout(0) waits for WebKit's next timer
   * tick (measured: about 15 ms per hop while the page is idle), and an event crossing the shim and
   * the WebSocket relay took two hops. A MessageChannel message is a task too — so a burst still
   * shares one flush and microtasks still run between two socket events — but it is run at once.
   */
  var nextTask = (function () {
    if (typeof MessageChannel === 'undefined') return function (fn) { setTimeout(fn, 0); };
    var queue = [];
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      var fn = queue.shift();
      if (fn) fn();
    };
    return function (fn) {
      queue.push(fn);
      channel.port2.postMessage(0);
    };
  })();

  function quote(s) {
    return JSON.stringify(String(s));
  }

  function unserializable(reason) {
    return '{"__unserializable":' + quote(reason) + '}';
  }

  function serializeData(d) {
    var s;
    try {
      s = JSON.stringify(d);
    } catch (e) {
      return unserializable((e && e.message) ? e.message : String(e));
    }
    if (s === undefined) return unserializable('value of type ' + typeof d);
    return s;
  }

  function push(entry) {
    if (pending.length >= MAX_PENDING || pendingChars + entry.length > MAX_PENDING_CHARS) {
      lost++;
      return;
    }
    pending.push(entry);
    pendingChars += entry.length;
    schedule();
  }

  function enqueue(origin, data) {
    var d = serializeData(data);
    // Only its size leaves the page: a huge message costs only itself, never its batch or the heap.
    if (d.length > MAX_ENTRY_CHARS) push('{"o":' + quote(origin) + ',"big":' + d.length + '}');
    else push('{"o":' + quote(origin) + ',"d":' + d + '}');
  }

  /** A message from a frame Java does not trust: counted, neither serialized nor kept. */
  function dropForeign(origin) {
    droppedFrom[origin] = (droppedFrom[origin] || 0) + 1;
    droppedAny = true;
    schedule();
  }

  /** The drop counts (and what was lost while detached) go out as entries of the next batch. */
  function takeCounts() {
    function add(entry) {
      pending.push(entry);
      pendingChars += entry.length;
    }
    if (droppedAny) {
      Object.keys(droppedFrom).forEach(function (o) { add('{"o":' + quote(o) + ',"n":' + droppedFrom[o] + '}'); });
      droppedFrom = Object.create(null);
      droppedAny = false;
    }
    if (lost > 0) {
      add('{"lost":' + lost + '}');
      lost = 0;
    }
  }

  function isFrameHello(data) {
    return data !== null && typeof data === 'object' && data.unibarFrame === 'hello';
  }

  /** Posts a frame its secret, to that window only if it still has the origin it asked from. */
  function answerFrame(source, origin) {
    var secret = frameSecrets[origin];
    if (secret === undefined) {
      if (askingFrames.length < 16) askingFrames.push([source, origin]);
      return;
    }
    try {
      source.postMessage({ unibarFrame: 'secret', secret: secret }, origin);
    } catch (ignored) { /* the frame went away */ }
  }

  function onMessage(event) {
    if (isFrameHello(event.data)) {
      // Never a vendor event; a frame without a secret of its own is simply not answered.
      if (event.isTrusted && event.source) answerFrame(event.source, event.origin);
      return;
    }
    if (trusted !== null && !trusted[event.origin]) {
      dropForeign(event.origin);
      return;
    }
    enqueue(event.origin, event.data);
  }

  /** What Java says about this document at attach time (trusted origins, secrets of its own frames). */
  function configure(cfg) {
    if (!cfg || typeof cfg !== 'object') return;
    if (Array.isArray(cfg.trusted)) {
      var t = Object.create(null);
      cfg.trusted.forEach(function (o) { t[String(o)] = true; });
      trusted = t;
    }
    if (cfg.frames && typeof cfg.frames === 'object') {
      Object.keys(cfg.frames).forEach(function (o) { frameSecrets[o] = String(cfg.frames[o]); });
      var asking = askingFrames;
      askingFrames = [];
      asking.forEach(function (a) { answerFrame(a[0], a[1]); });
    }
  }

  var BURST_MS = 25;           // within this span, the first QUICK_FLUSHES flushes leave at once
  var QUICK_FLUSHES = 8;
  var spanStart = -Infinity;
  var spanFlushes = 0;

  /** Whether this flush may leave at once: not during a burst. */
  function quick() {
    var now = Date.now();
    if (now - spanStart > BURST_MS) {
      spanStart = now;
      spanFlushes = 0;
    }
    return spanFlushes++ < QUICK_FLUSHES;
  }

  function schedule() {
    if (!attached || scheduled) return;
    // Nothing to send (attached() with an empty queue): a flush scheduled for nothing would hold back the
    // next capture until it ran, and in the WebView a promise job queued in a call from Java waits for a pulse.
    if (pending.length === 0 && !droppedAny && lost === 0) return;
    // A CTI event comes alone or with a few others (a call rings with its data and state), and each is
    // wanted at once: a capture with nothing else waiting leaves now, inside the vendor's callback. Waiting
    // for the end of the task would add whatever the vendor's page does after its callback (the UCS
    // operator page redraws itself: about 1 ms in Chromium), and a task queued behind it about 1 ms more
    // in Chromium, 5 at p99 on a loaded machine (issue 25). Only a burst — more flushes than a call's
    // events in a short span, e.g. thousands of postMessage events each in its own task — waits for a task
    // queued behind it, so the burst shares a few deliver() calls.
    if (!quick()) {
      scheduled = true;
      nextTask(flush);
    } else if (pending.length === 1 && !flushing) {
      flush();
    } else {
      scheduled = true;
      Promise.resolve().then(flush);
    }
  }

  function bridge() {
    var b = window.unibarBridge;
    return (b && typeof b.deliver !== 'undefined') ? b : null;
  }

  function flush() {
    scheduled = false;
    if (flushing || !attached) return;
    takeCounts();
    if (pending.length === 0) return;
    var b = bridge();
    if (!b) {
      // The Java object is gone (navigation in progress): wait for the next attached().
      attached = false;
      return;
    }
    flushing = true;
    try {
      while (pending.length > 0) {
        var n = 0;
        var chars = 0;
        while (n < pending.length && n < MAX_ENTRIES && (n === 0 || chars + pending[n].length <= MAX_CHARS)) {
          chars += pending[n].length;
          n++;
        }
        var batch = '[' + pending.slice(0, n).join(',') + ']';
        b.deliver(batch);
        pending.splice(0, n);
        pendingChars -= chars;
      }
    } catch (e) {
      // Keep what was not delivered; a persistent failure must not spin, so wait for attached().
      attached = false;
    } finally {
      flushing = false;
      if (pending.length > 0) schedule();
    }
  }

  function consoleEntry(level, args) {
    var parts = [];
    for (var i = 0; i < args.length; i++) {
      var a = args[i];
      var s;
      if (typeof a === 'string') {
        s = a;
      } else if (a instanceof Error) {
        s = String(a) + (a.stack ? '\n' + a.stack : '');
      } else {
        try { s = JSON.stringify(a); } catch (e) { s = undefined; }
        if (s === undefined) s = String(a);
      }
      parts.push(s);
    }
    var text = parts.join(' ');
    if (text.length > MAX_CONSOLE_CHARS) text = text.substring(0, MAX_CONSOLE_CHARS) + '...';
    push('{"c":' + quote(level) + ',"m":' + quote(text) + '}');
  }

  function hookConsole() {
    var c = window.console || (window.console = {});
    ['log', 'info', 'warn', 'error', 'debug'].forEach(function (level) {
      var original = c[level];
      c[level] = function () {
        try { consoleEntry(level, arguments); } catch (ignored) { /* diagnostics must never break the page */ }
        if (typeof original === 'function') {
          try { return original.apply(c, arguments); } catch (ignored2) { /* ditto */ }
        }
      };
    });
    window.addEventListener('error', function (e) {
      try {
        consoleEntry('error', ['uncaught: ' + (e.message || 'error') +
          (e.filename ? ' at ' + e.filename + ':' + e.lineno + ':' + e.colno : '')]);
      } catch (ignored) { /* ditto */ }
    });
  }

  // ------------------------------------------------------------------ WebSocket relay
  /*
   * JavaFX 21's WebView has a WebSocket constructor whose native callbacks are missing
   * (UnsatisfiedLinkError on open, JDK-8331765): a page's socket never opens. Inside JavaFX, or when
   * window.unibarForceRelay is set before this script, window.WebSocket is replaced by
   * UnibarWebSocket, which relays through Java (window.unibarSockets, see WebSocketRelay.java and
   * docs/decisions/0006-websocket-relay.md). Java answers with unibar.ws._events(batchJson), one
   * call per burst; each event is then dispatched in its own task, as browsers do.
   */
  var NativeWebSocket = window.WebSocket;
  var CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;
  var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  var sockets = {};        // id -> state, while Java may still send events for it
  var waitingOpens = [];   // states whose open waits for window.unibarSockets
  var tasks = [];          // [state, type, payload] not yet dispatched, in arrival order
  // Random start: should a document ever get a second shim instance, its ids do not collide in Java.
  var nextSocketId = 1 + Math.floor(Math.random() * 0x3fffffff);
  var priv = new WeakMap();

  function socketsBridge() {
    var b = window.unibarSockets;
    return (b && typeof b.open !== 'undefined') ? b : null;
  }

  function domError(name, message) {
    return new DOMException(message, name);
  }

  function utf8Length(s) {
    return new TextEncoder().encode(s).length;
  }

  function parseSocketUrl(url) {
    var u;
    try {
      u = new URL(String(url), location.href);
    } catch (e) {
      throw domError('SyntaxError', "The URL '" + url + "' is invalid.");
    }
    if (u.protocol === 'http:') u.protocol = 'ws:';
    else if (u.protocol === 'https:') u.protocol = 'wss:';
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
      throw domError('SyntaxError', "The URL's scheme must be either 'ws' or 'wss'. '" + u.protocol + "' is not allowed.");
    }
    u.hash = '';
    return u.href;
  }

  function parseProtocols(protocols) {
    var list = protocols === undefined ? [] :
      (typeof protocols === 'string' ? [protocols] : Array.from(protocols, String));
    var seen = {};
    list.forEach(function (p) {
      if (!TOKEN.test(p)) throw domError('SyntaxError', "The subprotocol '" + p + "' is invalid.");
      if (seen['$' + p]) throw domError('SyntaxError', "The subprotocol '" + p + "' is duplicated.");
      seen['$' + p] = true;
    });
    return list;
  }

  function state(ws) {
    var s = priv.get(ws);
    if (!s) throw new TypeError('Illegal invocation');
    return s;
  }

  function bytesToBase64(bytes) {
    var parts = [];
    for (var i = 0; i < bytes.length; i += 0x8000) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
    }
    return btoa(parts.join(''));
  }

  function base64ToBuffer(b64) {
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes.buffer;
  }

  // What send() was given, as {text}, {b64} or {blob}, with its size in bytes for bufferedAmount.
  function outgoing(data) {
    if (data instanceof ArrayBuffer) return { b64: bytesToBase64(new Uint8Array(data)), size: data.byteLength };
    if (ArrayBuffer.isView(data)) {
      var view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return { b64: bytesToBase64(view), size: view.length };
    }
    if (typeof Blob !== 'undefined' && data instanceof Blob) return { blob: data, size: data.size };
    var text = String(data);
    return { text: text, size: utf8Length(text) };
  }

  function requestOpen(s) {
    var b = socketsBridge();
    if (!b || !attached) {
      waitingOpens.push(s);
      return;
    }
    s.requested = true;
    try {
      b.open(s.id, s.url, JSON.stringify(s.protocols));
    } catch (e) {
      fail(s);
    }
  }

  function flushOpens() {
    if (!socketsBridge()) return;
    var waiting = waitingOpens;
    waitingOpens = [];
    waiting.forEach(function (s) {
      if (!s.done) requestOpen(s);
    });
  }

  // The connection failed on this side: no more Java events for it, error + close 1006 in a task.
  function fail(s) {
    if (s.done) return;
    s.done = true;
    s.readyState = CLOSING;
    delete sockets[s.id];
    var i = waitingOpens.indexOf(s);
    if (i >= 0) waitingOpens.splice(i, 1);
    if (s.requested) {
      var b = socketsBridge();
      try { if (b) b.close(s.id, 1000, ''); } catch (ignored) { /* Java has it closed already */ }
    }
    queueTask(s, 'close', { code: 1006, reason: '', wasClean: false, failed: true });
  }

  function queueTask(s, type, payload) {
    tasks.push([s, type, payload]);
    // One task per event, like a browser: microtasks (promises) run between two messages.
    nextTask(runTask);
  }

  function runTask() {
    var t = tasks.shift();
    if (!t) return;
    var s = t[0], type = t[1], p = t[2], ws = s.self;
    if (type === 'open') {
      if (s.readyState !== CONNECTING) return;
      s.readyState = OPEN;
      s.protocol = p.protocol || '';
      s.extensions = p.extensions || '';
      ws.dispatchEvent(new Event('open'));
    } else if (type === 'text' || type === 'binary') {
      if (s.readyState !== OPEN) return;
      var data = p;
      if (type === 'binary') {
        var buffer = base64ToBuffer(p);
        data = s.binaryType === 'arraybuffer' ? buffer : new Blob([buffer]);
      }
      ws.dispatchEvent(new MessageEvent('message', { data: data, origin: s.origin }));
    } else if (type === 'close') {
      s.readyState = CLOSED;
      s.done = true;
      delete sockets[s.id];
      if (p.failed) ws.dispatchEvent(new Event('error'));
      ws.dispatchEvent(new CloseEvent('close', { code: p.code, reason: p.reason || '', wasClean: !!p.wasClean }));
    }
  }

  // Sends keep their order even when a Blob has to be read first.
  function pumpSends(s) {
    var b = socketsBridge();
    while (s.outq.length && !s.reading) {
      var item = s.outq[0];
      if (item.blob) {
        s.reading = true;
        item.blob.arrayBuffer().then(function (buf) {
          var it = s.outq[0];
          it.blob = null;
          it.b64 = bytesToBase64(new Uint8Array(buf));
        }, function () {
          var dropped = s.outq.shift();
          s.queuedBytes -= dropped.size;
          s.lostBytes += dropped.size;
        }).then(function () {
          s.reading = false;
          pumpSends(s);
        });
        return;
      }
      s.outq.shift();
      s.queuedBytes -= item.size;
      if (s.done || s.readyState !== OPEN || !b) {
        s.lostBytes += item.size;
        continue;
      }
      try {
        if (item.text !== undefined) b.send(s.id, item.text); else b.sendBinary(s.id, item.b64);
      } catch (e) {
        s.lostBytes += item.size;
      }
    }
  }

  class UnibarWebSocket extends EventTarget {
    constructor(url, protocols) {
      super();
      if (arguments.length < 1) {
        throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
      }
      var href = parseSocketUrl(url);
      var list = parseProtocols(protocols);
      var origin;
      try { origin = new URL(href).origin; } catch (e) { origin = ''; }
      var s = {
        id: nextSocketId++, self: this, url: href, origin: origin, protocols: list,
        readyState: CONNECTING, protocol: '', extensions: '', binaryType: 'blob',
        handlers: {}, listeners: {}, outq: [], reading: false, queuedBytes: 0, lostBytes: 0,
        requested: false, done: false
      };
      priv.set(this, s);
      sockets[s.id] = s;
      requestOpen(s);
    }

    get url() { return state(this).url; }
    get readyState() { return state(this).readyState; }
    get protocol() { return state(this).protocol; }
    get extensions() { return state(this).extensions; }
    // Java takes each frame synchronously, so only Blobs being read and frames sent after close count.
    get bufferedAmount() { var s = state(this); return s.queuedBytes + s.lostBytes; }
    get binaryType() { return state(this).binaryType; }
    set binaryType(v) {
      if (v === 'blob' || v === 'arraybuffer') state(this).binaryType = v;
    }

    send(data) {
      var s = state(this);
      if (arguments.length < 1) {
        throw new TypeError("Failed to execute 'send' on 'WebSocket': 1 argument required, but only 0 present.");
      }
      if (s.readyState === CONNECTING) {
        throw domError('InvalidStateError', "Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.");
      }
      var item = outgoing(data);
      if (s.readyState !== OPEN) {
        s.lostBytes += item.size;
        return;
      }
      s.queuedBytes += item.size;
      s.outq.push(item);
      pumpSends(s);
    }

    close(code, reason) {
      var s = state(this);
      if (code !== undefined) {
        code = Number(code);
        code = isNaN(code) ? 0 : Math.min(65535, Math.max(0, Math.round(code)));
        if (code !== 1000 && (code < 3000 || code > 4999)) {
          throw domError('InvalidAccessError', "Failed to execute 'close' on 'WebSocket': The code must be either 1000, or between 3000 and 4999. " + code + ' is neither.');
        }
      }
      reason = reason === undefined ? '' : String(reason);
      if (utf8Length(reason) > 123) {
        throw domError('SyntaxError', "Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes.");
      }
      if (s.readyState === CLOSING || s.readyState === CLOSED) return;
      if (s.readyState === CONNECTING) {
        fail(s);
        return;
      }
      s.readyState = CLOSING;
      var b = socketsBridge();
      try {
        if (b) b.close(s.id, code === undefined ? 0 : code, reason);
        else fail(s);
      } catch (e) {
        fail(s);
      }
    }
  }

  function defineConstant(target, name, value) {
    Object.defineProperty(target, name, { value: value, enumerable: true });
  }
  [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING], ['CLOSED', CLOSED]].forEach(function (c) {
    defineConstant(UnibarWebSocket, c[0], c[1]);
    defineConstant(UnibarWebSocket.prototype, c[0], c[1]);
  });
  defineConstant(UnibarWebSocket, 'unibarRelay', true);

  // Event handler attributes: registered as a listener when first set, removed when set to null.
  ['open', 'message', 'error', 'close'].forEach(function (type) {
    Object.defineProperty(UnibarWebSocket.prototype, 'on' + type, {
      enumerable: true,
      configurable: true,
      get: function () {
        return state(this).handlers[type] || null;
      },
      set: function (fn) {
        var s = state(this);
        var h = (typeof fn === 'function') ? fn : null;
        s.handlers[type] = h;
        if (h && !s.listeners[type]) {
          s.listeners[type] = function (e) {
            var f = s.handlers[type];
            if (typeof f === 'function') return f.call(this, e);
          };
          this.addEventListener(type, s.listeners[type]);
        } else if (!h && s.listeners[type]) {
          this.removeEventListener(type, s.listeners[type]);
          s.listeners[type] = null;
        }
      }
    });
  });

  var wsApi = {
    UnibarWebSocket: UnibarWebSocket,
    NativeWebSocket: NativeWebSocket,
    installed: false,
    /** Java's events, a JSON array of [id, type, payload]: queued, dispatched one per task. */
    _events: function (batchJson) {
      var batch;
      try { batch = JSON.parse(batchJson); } catch (e) { return; }
      var wasIdle = tasks.length === 0;
      for (var i = 0; i < batch.length; i++) {
        var s = sockets[batch[i][0]];
        if (!s || s.done) continue;
        if (batch[i][1] === 'close') s.done = true;
        queueTask(s, batch[i][1], batch[i][2]);
      }
      // Java calls this from its own task, so the first event needs no further hop (each hop costs a
      // WebKit tick in the WebView); the rest of a burst still get a task each.
      if (wasIdle) runTask();
      // Captures the event caused leave now too: the WebView drains promise jobs queued inside a call
      // from Java only at its next tick, which would cost the event another ~15 ms.
      if (scheduled && attached && pending.length) flush();
    },
    _event: function (id, type, payloadJson) {
      wsApi._events(JSON.stringify([[id, type, payloadJson == null ? null : JSON.parse(payloadJson)]]));
    },
    /** Sockets this page has not seen closed (diagnostics). */
    openCount: function () {
      return Object.keys(sockets).length;
    }
  };

  if (/JavaFX/.test(navigator.userAgent || '') || window.unibarForceRelay) {
    window.WebSocket = UnibarWebSocket;
    wsApi.installed = true;
  }

  // A page going away takes its sockets with it ("going away"), as a browser's would.
  window.addEventListener('pagehide', function () {
    var b = socketsBridge();
    Object.keys(sockets).forEach(function (id) {
      var s = sockets[id];
      if (!b || !s.requested) return;
      try { b.close(s.id, 1001, ''); } catch (ignored) { /* Java closes them at the next page anyway */ }
    });
  });

  window.addEventListener('message', onMessage);
  hookConsole();

  window.unibar = {
    __shim: 1,
    /** A capture line from the host page's own glue: its origin is this page's. */
    capture: function (obj) {
      enqueue(location.origin, obj);
    },
    /**
     * Called by Java once window.unibarBridge (and window.unibarSockets) is set, with what it says about this
     * document: {trusted: [origins], frames: {origin: secret}} (either may be missing).
     */
    attached: function (cfg) {
      configure(cfg);
      attached = true;
      schedule();
      flushOpens();
    },
    isAttached: function () {
      return attached;
    },
    /** Entries not yet handed to Java (diagnostics). */
    pending: function () {
      return pending.length;
    },
    ws: wsApi
  };
})();
