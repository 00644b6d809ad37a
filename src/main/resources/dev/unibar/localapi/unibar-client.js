// Unibar local API client (docs/local-api.md). An ES module with no dependencies; typings in unibar-client.d.ts.
// The bar serves this file at http://127.0.0.1:47183/v1/unibar-client.js (the port is localApi.port).
//
//   import { UnibarClient } from "http://127.0.0.1:47183/v1/unibar-client.js";
//   const bar = new UnibarClient();
//   bar.on("call.ringing", (e) => popRecord(e.call.from?.number));
//   await bar.connect();            // resolves once the agent allowed this site and the snapshot came
//   await bar.dial("+420777123456");

export const API_VERSION = 1;
export const DEFAULT_URL = "ws://127.0.0.1:47183/v1/ws";

/** A command the bar refused: `code` is the API's (not_allowed_now, not_supported, vendor_refused, ...). */
export class UnibarError extends Error {
  constructor(error) {
    super(error && error.message ? error.message : "refused");
    this.name = "UnibarError";
    this.code = error && error.code ? error.code : "failed";
    this.key = error ? error.key : undefined;
    this.args = error ? error.args : undefined;
  }
}

export class UnibarClient {
  /**
   * @param {{url?: string, reconnect?: boolean, pingSeconds?: number, timeoutSeconds?: number}} [options]
   */
  constructor(options = {}) {
    this.url = options.url || DEFAULT_URL;
    this.reconnect = options.reconnect !== false;
    this.pingSeconds = options.pingSeconds || 25;
    this.timeoutSeconds = options.timeoutSeconds || 20;
    /** connecting | pending | paired | denied | revoked | closed */
    this.state = "closed";
    this.snapshot = null;
    this.seq = 0;
    this._listeners = new Map();
    this._waiting = new Map();
    this._nextId = 1;
    this._socket = null;
    this._ping = null;
    this._retry = 1000;
    this._closedByUs = false;
    this._hello = null;
  }

  /**
   * Listens for a message type: "hello", "pairing", "event" (every event), "gap", "close", or an event type
   * ("call.ringing", "call.logged", "agent.state", ...). Returns a function that removes the listener.
   */
  on(type, fn) {
    if (!this._listeners.has(type)) this._listeners.set(type, new Set());
    this._listeners.get(type).add(fn);
    return () => this._listeners.get(type).delete(fn);
  }

  /** Opens the socket; resolves with the snapshot once paired, rejects when the agent denies this site. */
  connect() {
    this._closedByUs = false;
    if (this._hello) return this._hello.promise;
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    this._hello = { promise, resolve, reject };
    this._open();
    return promise;
  }

  close() {
    this._closedByUs = true;
    clearInterval(this._ping);
    if (this._socket) this._socket.close(1000, "client closed");
    this._setState("closed");
  }

  /** Sends any command by name; resolves with the result, rejects with a UnibarError when refused. */
  command(name, fields = {}) {
    const id = String(this._nextId++);
    const msg = Object.assign({}, fields, { type: "command", id, command: name });
    return new Promise((resolve, reject) => {
      if (!this._socket || this._socket.readyState !== 1) {
        reject(new UnibarError({ code: "not_connected", message: "not connected to the bar" }));
        return;
      }
      const timer = setTimeout(() => {
        this._waiting.delete(id);
        reject(new UnibarError({ code: "timeout", message: "the bar did not answer" }));
      }, this.timeoutSeconds * 1000);
      this._waiting.set(id, { resolve, reject, timer });
      this._socket.send(JSON.stringify(msg));
    });
  }

  dial(number, opts = {}) { return this.command("dial", { number, queueId: opts.queueId, internal: opts.internal }); }
  answer(callId) { return this.command("answer", { callId }); }
  reject(callId) { return this.command("reject", { callId }); }
  hangup(callId) { return this.command("hangup", { callId }); }
  hold(callId) { return this.command("hold", { callId }); }
  resume(callId) { return this.command("resume", { callId }); }
  mute(callId) { return this.command("mute", { callId }); }
  unmute(callId) { return this.command("unmute", { callId }); }
  transfer(target, opts = {}) {
    return this.command("transfer", { target, mode: opts.mode || "blind", callId: opts.callId, internal: opts.internal });
  }
  completeTransfer(callId) { return this.command("completeTransfer", { callId }); }
  setState(state, reasonId) { return this.command("setState", { state, reasonId }); }
  setCallData(data, callId) { return this.command("setCallData", { data, callId }); }
  setDisposition(opts) {
    return this.command("setDisposition", { callId: opts.callId, disposition: opts.disposition, notes: opts.notes });
  }
  getSnapshot() { return this.command("snapshot").then((r) => r.snapshot); }

  _open() {
    this._setState("connecting");
    let socket;
    try {
      socket = new WebSocket(this.url);
    } catch (e) {
      this._failed(e);
      return;
    }
    this._socket = socket;
    socket.onmessage = (m) => this._message(m.data);
    socket.onclose = (c) => this._closed(c);
    socket.onerror = () => { /* onclose follows */ };
    socket.onopen = () => {
      this._retry = 1000;
      clearInterval(this._ping);
      this._ping = setInterval(() => {
        if (socket.readyState === 1) socket.send('{"type":"ping"}');
      }, this.pingSeconds * 1000);
    };
  }

  _message(text) {
    let m;
    try { m = JSON.parse(text); } catch (e) { return; }
    switch (m.type) {
      case "pairing":
        this._setState(m.state === "approved" ? "paired" : m.state);
        this._emit("pairing", m);
        if (m.state === "denied" && this._hello) {
          this._hello.reject(new UnibarError({ code: "denied", message: "the agent did not allow this site" }));
          this._hello = null;
        }
        break;
      case "hello":
        this.seq = m.seq;
        this.snapshot = m.snapshot;
        this._setState("paired");
        this._emit("hello", m);
        if (this._hello) { this._hello.resolve(m.snapshot); this._hello = null; }
        break;
      case "event":
        if (m.seq !== this.seq + 1) {
          // Something was missed: a new connection brings a fresh snapshot.
          this._emit("gap", { expected: this.seq + 1, got: m.seq });
          this.seq = m.seq;
          if (this._socket) this._socket.close(4000, "gap");
          return;
        }
        this.seq = m.seq;
        this._emit("event", m);
        this._emit(m.event.type, m.event, m);
        break;
      case "result": {
        const w = this._waiting.get(m.id);
        if (!w) break;
        this._waiting.delete(m.id);
        clearTimeout(w.timer);
        if (m.ok) w.resolve(m); else w.reject(new UnibarError(m.error));
        break;
      }
      default:
        break;
    }
  }

  _closed(c) {
    clearInterval(this._ping);
    this._socket = null;
    for (const [id, w] of this._waiting) {
      clearTimeout(w.timer);
      w.reject(new UnibarError({ code: "not_connected", message: "the connection closed" }));
      this._waiting.delete(id);
    }
    this._emit("close", { code: c.code, reason: c.reason });
    const refused = this.state === "denied" || this.state === "revoked";
    if (!refused) this._setState("closed");
    if (this._closedByUs || refused || !this.reconnect) return;
    setTimeout(() => { if (!this._closedByUs) this._open(); }, this._retry);
    this._retry = Math.min(30000, this._retry * 2);
  }

  _failed(e) {
    if (this._hello) { this._hello.reject(e); this._hello = null; }
  }

  _setState(s) {
    this.state = s;
  }

  _emit(type, value, message) {
    const set = this._listeners.get(type);
    if (!set) return;
    for (const fn of set) {
      try { fn(value, message); } catch (e) { setTimeout(() => { throw e; }); }
    }
  }
}
