/*
 * Simulated AgentDesktop Widget SDK (Unibar's AgentDesktop simulator, not Enghouse code).
 * Same objects and function names as the documented SDK. The real SDK's postMessage wire format is
 * not public: the messages below are this simulator's own, so only code that uses the AGENTDESKTOP.*
 * functions (as every widget must) works against both.
 */
(function () {
  'use strict';
  var TAG = 'agentdesktop-sim';
  var METHODS = __AD_SDK_METHODS__;
  var script = document.currentScript;
  var adOrigin = new URL(script ? script.src : location.href, location.href).origin;
  var callbacks = [];

  function post(ns, method, args) {
    var list = [];
    for (var i = 0; i < args.length; i++) list.push(args[i] === undefined ? null : args[i]);
    window.parent.postMessage({ tag: TAG, type: 'call', ns: ns, method: method, args: list }, adOrigin);
  }

  function fn(ns, name) {
    return function () { post(ns, name, arguments); };
  }

  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || e.origin !== adOrigin) return;
    var m = e.data;
    if (!m || m.tag !== TAG || m.type !== 'contact' || typeof m.data !== 'string') return;
    // The real SDK hands a jQuery event first; widgets only read the second argument.
    var jqEvent = { type: 'agentdesktop', timeStamp: Date.now() };
    callbacks.slice().forEach(function (cb) {
      try { cb(jqEvent, m.data); } catch (err) { if (window.console) console.error(err); }
    });
  });

  var AD = window.AGENTDESKTOP = window.AGENTDESKTOP || {};
  AD.WIDGET = {
    bindContactCallback: function (cb) {
      if (typeof cb === 'function' && callbacks.indexOf(cb) < 0) callbacks.push(cb);
      post('WIDGET', 'bindContactCallback', []);
    },
    unbindContactCallback: function (cb) {
      var i = callbacks.indexOf(cb);
      if (i >= 0) callbacks.splice(i, 1);
    },
    getToken: function () { return ''; },
    getTokenOneShot: function () { return ''; },
    getContainerID: function () { return window.name || ''; }
  };
  AD.CONTACT = {};
  METHODS.CONTACT.forEach(function (n) { AD.CONTACT[n] = fn('CONTACT', n); });
  AD.AGENT = {};
  METHODS.AGENT.forEach(function (n) { AD.AGENT[n] = fn('AGENT', n); });
  // The documented error display's name is not public: the simulator offers ShowError (assumed).
  AD.ALERT = { ShowError: fn('ALERT', 'ShowError') };
  AD.TAB = {};
  AD.CHAT = {};
  AD.UI = {};
})();
