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
 */
(function () {
  'use strict';
  if (window.unibar && window.unibar.__shim) return;

  var MAX_ENTRIES = 2000;      // per deliver() call
  var MAX_CHARS = 1 << 20;     // per deliver() call, keeps one string well under parser limits
  var MAX_CONSOLE_CHARS = 2000;

  var pending = [];            // serialized entries, in capture order
  var attached = false;
  var scheduled = false;
  var flushing = false;

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
    pending.push(entry);
    schedule();
  }

  function enqueue(origin, data) {
    push('{"o":' + quote(origin) + ',"d":' + serializeData(data) + '}');
  }

  function schedule() {
    if (!attached || scheduled) return;
    scheduled = true;
    // A timer task rather than a microtask: postMessage events each arrive in their own task, and a
    // timer lets a burst of them share one deliver() call.
    setTimeout(flush, 0);
  }

  function bridge() {
    var b = window.unibarBridge;
    return (b && typeof b.deliver !== 'undefined') ? b : null;
  }

  function flush() {
    scheduled = false;
    if (flushing || !attached || pending.length === 0) return;
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

  window.addEventListener('message', function (event) {
    enqueue(event.origin, event.data);
  });
  hookConsole();

  window.unibar = {
    __shim: 1,
    /** A capture line from the host page's own glue: its origin is this page's. */
    capture: function (obj) {
      enqueue(location.origin, obj);
    },
    /** Called by Java once window.unibarBridge is set. */
    attached: function () {
      attached = true;
      schedule();
    },
    isAttached: function () {
      return attached;
    },
    /** Entries not yet handed to Java (diagnostics). */
    pending: function () {
      return pending.length;
    }
  };
})();
