// The sample CRM's glue to Unibar: click-to-dial, a pop of the ringing caller's record, the call logged with its
// disposition when it ends. Everything goes through the bar's JavaScript client.
import { CONTACTS, byNumber } from "./contacts.js";

const params = new URLSearchParams(location.search);
const port = params.get("api") || "47183";
const apiHost = params.get("apiHost") || "127.0.0.1";
const $ = (id) => document.getElementById(id);

// What the page saw, for people reading it and for the end-to-end test.
const seen = { state: "loading", pops: [], logged: [], events: 0, error: null, call: null, codes: [] };
window.crm = {
  seen,
  answer: () => bar.answer(seen.call),
  hangup: () => bar.hangup(seen.call),
  logCall: (disposition, notes) => logCall(disposition, notes)
};

let bar;
try {
  const { UnibarClient } = await import(`http://${apiHost}:${port}/v1/unibar-client.js`);
  bar = new UnibarClient({ url: `ws://${apiHost}:${port}/v1/ws` });
} catch (e) {
  fail("Unibar is not reachable from this page: " + e.message);
}

function fail(text) {
  seen.error = text;
  seen.state = "unreachable";
  $("error").textContent = text;
  $("link").textContent = "Unibar unreachable";
}

function contacts() {
  const body = document.querySelector("#contacts tbody");
  for (const c of CONTACTS) {
    const tr = document.createElement("tr");
    const a = document.createElement("a");
    a.href = "tel:" + c.phone;
    a.textContent = c.phone;
    a.className = "dial";
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      bar.dial(c.phone).catch((e) => { $("error").textContent = e.message; });
    });
    tr.innerHTML = "<td></td><td></td><td></td>";
    tr.children[0].textContent = c.name;
    tr.children[1].textContent = c.company;
    tr.children[2].appendChild(a);
    body.appendChild(tr);
  }
}

function pop(call) {
  const number = call.direction === "outbound" ? call.to?.number : call.from?.number;
  const c = byNumber(number);
  const card = $("pop");
  card.className = c ? "card" : "card unknown";
  card.textContent = "";
  const h = document.createElement("strong");
  h.textContent = c ? `${c.name} — ${c.company}` : `Unknown caller ${number || ""}`;
  card.appendChild(h);
  if (c) {
    const p = document.createElement("p");
    p.textContent = c.notes;
    card.appendChild(p);
  }
  seen.pops.push({ callId: call.id, number, contact: c ? c.id : null });
  $("callPane").hidden = false;
}

function buttons(allowed) {
  $("answer").disabled = !allowed.includes("answer");
  $("hangup").disabled = !allowed.includes("hangup");
  $("hold").disabled = !allowed.includes("hold");
}

function logCall(disposition, notes) {
  return bar.setDisposition({ callId: seen.call, disposition: disposition || undefined, notes: notes || undefined })
    .then((r) => { $("logForm").hidden = true; return r; })
    .catch((e) => { $("error").textContent = e.message; throw e; });
}

if (bar) {
  contacts();
  bar.on("pairing", (p) => {
    seen.state = p.state === "approved" ? "paired" : p.state;
    $("link").textContent = p.state === "pending" ? "waiting for the agent to allow this page in Unibar" : "Unibar: " + p.state;
  });
  bar.on("hello", (h) => {
    seen.state = "paired";
    seen.codes = h.snapshot.dispositions;
    $("link").textContent = "Unibar: " + h.snapshot.vendor;
    $("agent").textContent = h.snapshot.derivedState;
    const select = $("disposition");
    select.textContent = "";
    for (const code of h.snapshot.dispositions) select.add(new Option(code, code));
    buttons(h.snapshot.allowed);
    const ringing = h.snapshot.calls.find((c) => c.status === "ringing");
    if (ringing) { seen.call = ringing.call.id; pop(ringing.call); }
  });
  bar.on("event", (m) => {
    seen.events++;
    $("agent").textContent = m.derivedState;
    buttons(m.allowed);
  });
  bar.on("call.ringing", (e) => { seen.call = e.callId; pop(e.call); $("logForm").hidden = true; });
  bar.on("call.dialing", (e) => { seen.call = e.callId; pop(e.call); });
  bar.on("call.ended", (e) => { if (e.callId === seen.call) $("logForm").hidden = false; });
  bar.on("call.logged", (r) => {
    seen.logged.push(r);
    const li = document.createElement("li");
    li.textContent = `${r.from?.number || r.to?.number || ""} — ${r.disposition || "no disposition"}${r.notes ? ": " + r.notes : ""}`;
    $("history").appendChild(li);
  });
  $("answer").addEventListener("click", () => window.crm.answer());
  $("hangup").addEventListener("click", () => window.crm.hangup());
  $("hold").addEventListener("click", () => bar.hold(seen.call));
  $("logForm").addEventListener("submit", (ev) => {
    ev.preventDefault();
    logCall($("disposition").value, $("notes").value);
  });
  seen.state = "connecting";
  bar.connect().catch((e) => { seen.state = e.code || "closed"; $("link").textContent = "Unibar: " + seen.state; });
}
