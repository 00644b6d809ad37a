// A real ASP.NET Core SignalR client (@microsoft/signalr, JSON protocol, WebSockets) against the EPBX simulator.
// Usage: node core-client.mjs --base http://127.0.0.1:PORT/Service/ --token T [--ramal 1000]
//        [--numero 11987654321] [--timeout 20000]
// Prints one JSON line per step; exits 0 when every step passed, 1 with {"step":"fail","reason"} otherwise.
import * as signalR from '@microsoft/signalr';
import { args, base, token, ramal, numero, out, fail, timer } from './common.mjs';


const connection = new signalR.HubConnectionBuilder()
  .withUrl(base + 'atendimentoHub', {
    accessTokenFactory: () => token,
    transport: signalR.HttpTransportType.WebSockets,
  })
  .configureLogging(process.env.EPBX_DEBUG ? signalR.LogLevel.Debug : signalR.LogLevel.None)
  .build();

const waiters = {};
function waitFor(event) { return new Promise((resolve) => { waiters[event] = resolve; }); }
for (const ev of ['onLogado', 'onLogadoErro', 'onDisca', 'onAtendido', 'onDesliga']) {
  connection.on(ev, (...a) => {
    out({ step: 'event', event: ev, args: a });
    if (waiters[ev]) { const r = waiters[ev]; delete waiters[ev]; r(a); }
  });
}
connection.on('onInfoIntervaloRamal', () => {});

try { await connection.start(); } catch (e) { fail('start: ' + e.message); }
out({ step: 'started', transport: 'WebSockets', connectionId: connection.connectionId });

const logado = waitFor('onLogado');
try { await connection.invoke('Iniciar', ramal, 3); } catch (e) { fail('Iniciar: ' + e.message); }
out({ step: 'iniciar', ok: true });
const [logRamal] = await logado;
out({ step: 'onLogado', ramal: logRamal && logRamal.Ramal });

try {
  await connection.invoke('Iniciar', ramal, 3);
  fail('second Iniciar was accepted');
} catch (e) { out({ step: 'iniciarAgain', ok: false, error: e.message }); }

const disca = waitFor('onDisca');
try { await connection.invoke('Discar', numero, 1); } catch (e) { fail('Discar: ' + e.message); }
out({ step: 'discar', ok: true });
const [discaRamal, call] = await disca;
out({ step: 'onDisca', ramal: discaRamal.Ramal, canalId: call.CanalId, telefone: call.Telefone, direcao: call.Direcao });

await connection.stop();
clearTimeout(timer);
out({ step: 'done' });
process.exit(0);
