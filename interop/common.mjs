// What both interop clients share: their command line, their one-JSON-line-per-step output, and the
// overall time limit after which they fail rather than hang the test that runs them.
export const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
export const base = args.base;
export const token = args.token;
export const ramal = args.ramal || '1000';
export const numero = args.numero || '11987654321';
export const timeoutMs = Number(args.timeout || 20000);

export function out(obj) { process.stdout.write(JSON.stringify(obj) + '\n'); }
export function fail(reason) { out({ step: 'fail', reason: String(reason) }); process.exit(1); }
if (!base || !token) fail('usage: --base URL --token T');
export const timer = setTimeout(() => fail(`timeout after ${timeoutMs} ms`), timeoutMs);
