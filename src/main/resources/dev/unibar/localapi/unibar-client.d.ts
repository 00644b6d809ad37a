// Typings of unibar-client.js (docs/local-api.md; the messages' JSON Schemas are in docs/local-api/).

export declare const API_VERSION: 1;
export declare const DEFAULT_URL: string;

export type AgentStateName = "READY" | "NOT_READY" | "WRAP_UP" | "OFFLINE";
export type DerivedState = "offline" | "ready" | "notReady" | "ringing" | "dialing" | "talking" | "held" | "wrapUp";
export type CommandName = "dial" | "answer" | "reject" | "hangup" | "hold" | "resume" | "mute" | "unmute"
  | "transfer" | "consult" | "completeTransfer" | "setState" | "setCallData" | "setDisposition" | "snapshot";

export interface Party { number?: string; name?: string; }

/** The call snapshot of docs/events.md. */
export interface Call {
  id: string;
  direction?: "inbound" | "outbound";
  from?: Party;
  to?: Party;
  queue?: { id?: string; name?: string; number?: string };
  campaign?: { id?: string; name?: string };
  customer?: { name?: string; number?: string; externalId?: string };
  data?: Record<string, string>;
  manual?: boolean;
  media?: string;
}

export interface CallOnLine {
  call: Call;
  status: "ringing" | "dialing" | "connected" | "held";
  muted: boolean;
  conference: boolean;
  since?: string;
  connectedAt?: string;
}

export interface Snapshot {
  vendor: string;
  connection: string;
  phase: string;
  agent?: { id?: string; name?: string; login?: string; extension?: string };
  agentState: { state?: AgentStateName; reason?: string; productive?: boolean; since?: string };
  derivedState: DerivedState;
  calls: CallOnLine[];
  supported: CommandName[];
  allowed: CommandName[];
}

/** A normalized event (docs/events.md), or one the bar adds: session.connection, call.disposition, call.logged. */
export interface UnibarEvent {
  type: string;
  vendor?: string;
  at?: string;
  callId?: string;
  call?: Call;
  [key: string]: unknown;
}

export interface EventMessage {
  type: "event";
  seq: number;
  event: UnibarEvent;
  derivedState: DerivedState;
  allowed: CommandName[];
}

/** The record of a finished call, as webhooks receive it (call-record.schema.json). */
export interface CallRecord extends UnibarEvent {
  type: "call.logged";
  id: string;
  vendor: string;
  callId: string;
  agent?: string;
  direction?: "inbound" | "outbound";
  from?: Party;
  to?: Party;
  ringingAt?: string;
  answeredAt?: string;
  endedAt?: string;
  wrapUpAt?: string;
  finishedAt?: string;
  loggedAt?: string;
  talkSeconds?: number;
  holdCount: number;
  heldSeconds: number;
  outcome?: string;
  transferTarget?: string;
  conference: boolean;
  recording?: { available: true };
  disposition?: string;
  notes?: string;
}

export interface Result { type: "result"; id?: string; ok: true; [key: string]: unknown; }

export declare class UnibarError extends Error {
  readonly code: string;
  readonly key?: string;
  readonly args?: string[];
}

export interface ClientOptions {
  /** ws://127.0.0.1:<localApi.port>/v1/ws */
  url?: string;
  reconnect?: boolean;
  pingSeconds?: number;
  timeoutSeconds?: number;
}

export declare class UnibarClient {
  constructor(options?: ClientOptions);
  readonly url: string;
  readonly state: "connecting" | "pending" | "paired" | "denied" | "revoked" | "closed";
  readonly snapshot: Snapshot | null;
  readonly seq: number;
  on(type: "hello", fn: (hello: { seq: number; snapshot: Snapshot }) => void): () => void;
  on(type: "pairing", fn: (p: { state: "pending" | "approved" | "denied" | "revoked"; origin: string }) => void): () => void;
  on(type: "event", fn: (m: EventMessage) => void): () => void;
  on(type: "gap", fn: (g: { expected: number; got: number }) => void): () => void;
  on(type: "close", fn: (c: { code: number; reason: string }) => void): () => void;
  on(type: "call.logged", fn: (record: CallRecord, m: EventMessage) => void): () => void;
  on(type: string, fn: (event: UnibarEvent, m: EventMessage) => void): () => void;
  connect(): Promise<Snapshot>;
  close(): void;
  command(name: CommandName, fields?: Record<string, unknown>): Promise<Result>;
  dial(number: string, opts?: { queueId?: string; internal?: boolean }): Promise<Result>;
  answer(callId?: string): Promise<Result>;
  reject(callId?: string): Promise<Result>;
  hangup(callId?: string): Promise<Result>;
  hold(callId?: string): Promise<Result>;
  resume(callId?: string): Promise<Result>;
  mute(callId?: string): Promise<Result>;
  unmute(callId?: string): Promise<Result>;
  transfer(target: string, opts?: { mode?: "blind" | "consult"; callId?: string; internal?: boolean }): Promise<Result>;
  completeTransfer(callId?: string): Promise<Result>;
  setState(state: AgentStateName, reasonId?: string): Promise<Result>;
  setCallData(data: Record<string, string>, callId?: string): Promise<Result>;
  setDisposition(opts: { callId?: string; disposition?: string; notes?: string }): Promise<Result>;
  getSnapshot(): Promise<Snapshot>;
}
