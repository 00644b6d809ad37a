// A real jQuery SignalR 2 client (npm "signalr" + jQuery in a jsdom window) against the EPBX simulator.
// Usage: node classic-client.mjs --base http://127.0.0.1:PORT/Service/ --token T [--ramal 1000]
//        [--numero 11987654321] [--timeout 20000] [--origin http://localhost:PORT/app/]
// After the call it cuts the socket (sim/scenario/drop), waits for the client's reconnect and receives
// onDesliga on the reconnected socket. Prints one JSON line per step; exits 0 when every step passed, 1 with {"step":"fail","reason"} otherwise.
// The page runs on a different origin than the service (localhost vs 127.0.0.1) so CORS is exercised.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { args, base, token, ramal, numero, out, fail, timer } from './common.mjs';

const require = createRequire(import.meta.url);

const origin = args.origin || base.replace('127.0.0.1', 'localhost').replace(/\/Service\/?$/i, '/app/');
const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: origin, runScripts: 'outside-only' });
const w = dom.window;
w.eval(readFileSync(require.resolve('jquery/dist/jquery.js'), 'utf8'));
w.eval(readFileSync(require.resolve('signalr/jquery.signalR.js'), 'utf8'));

// The page of the vendor's sample loads <base>signalr/hubs with a script tag: do the same.
const hubsResponse = await fetch(base + 'signalr/hubs');
const contentType = hubsResponse.headers.get('content-type') || '';
if (!hubsResponse.ok) fail(`signalr/hubs answered ${hubsResponse.status}`);
w.eval(await hubsResponse.text());
const $ = w.jQuery;
if (!$.connection || !$.connection.atendimentoHub) fail('signalr/hubs did not create $.connection.atendimentoHub');
// The vendor's adapter reads its enums from the generated proxy (atendimentoHubProxy.TipoLogon,
// atendimentoHubProxy.TipoDiscagem.LigacaoExterna): the simulator's proxy must carry them.
const enums = { TipoLogon: $.connection.atendimentoHub.TipoLogon, TipoDiscagem: $.connection.atendimentoHub.TipoDiscagem };
out({ step: 'hubs', contentType, methods: Object.keys($.connection.atendimentoHub.server).sort(), enums });
if (!enums.TipoDiscagem || enums.TipoDiscagem.LigacaoExterna !== 1) fail('signalr/hubs has no TipoDiscagem.LigacaoExterna');
if (!enums.TipoLogon || enums.TipoLogon.RamalVirtual !== 3) fail('signalr/hubs has no TipoLogon.RamalVirtual');

const promise = (d) => new Promise((resolve, reject) => d.done(resolve).fail(reject));
const waiters = {};
function waitFor(event) { return new Promise((resolve) => { waiters[event] = resolve; }); }
const hub = $.connection.atendimentoHub;
for (const ev of ['onLogado', 'onLogadoErro', 'onInfoIntervaloRamal', 'onDisca', 'onAtendido', 'onDesliga']) {
  hub.client[ev] = function (...a) {
    if (ev !== 'onInfoIntervaloRamal') out({ step: 'event', event: ev, args: a });
    if (waiters[ev]) { const r = waiters[ev]; delete waiters[ev]; r(a); }
  };
}

$.connection.hub.url = base + 'signalr';
if (process.env.EPBX_DEBUG) $.connection.hub.logging = true;
$.connection.hub.qs = { access_token: token };
try {
  await promise($.connection.hub.start({ transport: 'webSockets' }));
} catch (e) { fail('start: ' + (e && e.message)); }
out({ step: 'started', transport: $.connection.hub.transport.name, connectionId: $.connection.hub.id });

const logado = waitFor('onLogado');
try { await promise(hub.server.iniciar(ramal, enums.TipoLogon.RamalVirtual)); } catch (e) { fail('iniciar: ' + e.message); }
out({ step: 'iniciar', ok: true });
// Every hub event's first argument is the RamalInfo object; the vendor's sample reads ramal.Ramal.
const [logRamal] = await logado;
out({ step: 'onLogado', ramal: logRamal && logRamal.Ramal });

// A refused call must come back as a rejected promise carrying the server's message.
try {
  await promise(hub.server.iniciar(ramal, enums.TipoLogon.RamalVirtual));
  fail('second iniciar was accepted');
} catch (e) { out({ step: 'iniciarAgain', ok: false, error: e.message }); }

const disca = waitFor('onDisca');
try { await promise(hub.server.discar(numero, enums.TipoDiscagem.LigacaoExterna)); } catch (e) { fail('discar: ' + e.message); }
out({ step: 'discar', ok: true });
const [discaRamal, call] = await disca;
out({ step: 'onDisca', ramal: discaRamal.Ramal, canalId: call.CanalId, telefone: call.Telefone, direcao: call.Direcao });

// Cut the socket (simulator fault "drop"): the client must reconnect with its cursor and keep the hub state.
const reconnected = new Promise((resolve) => $.connection.hub.reconnected(resolve));
await fetch(base + 'sim/scenario/drop', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sim-Secret': args.secret }, body: '{}' });
await reconnected;
out({ step: 'reconnected', messageId: $.connection.hub.messageId });
const desliga = waitFor('onDesliga');
const hangup = await fetch(base + 'sim/scenario/hangup', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sim-Secret': args.secret }, body: '{}' });
if (!hangup.ok) fail('hangup scenario answered ' + hangup.status);
const [, ended] = await desliga;
out({ step: 'onDesliga', canalId: ended.CanalId });

$.connection.hub.stop();
clearTimeout(timer);
out({ step: 'done' });
w.close();
process.exit(0);
