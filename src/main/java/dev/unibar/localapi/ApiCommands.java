package dev.unibar.localapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unibar.core.Failures;
import dev.unibar.core.Session;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.command.Guard;
import dev.unibar.core.model.AgentState;
import dev.unibar.core.model.Notices;
import dev.unibar.core.state.BarState;
import dev.unibar.core.state.CallView;
import dev.unibar.crm.Dispositions;
import dev.unibar.json.EventJson;

import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Runs one API command (docs/local-api.md, "Commands") and answers it: {@code {type: result, id, ok: true}} or
 * {@code ok: false} with the refusal the bar itself would give — {@code not_supported} where the bar shows no
 * control (the vendor lacks it), {@code not_allowed_now} where its control is disabled (the guard), the vendor's
 * own refusal ({@code vendor_refused}, with the notice key the bar shows it in), or a bad message
 * ({@code bad_request}). Which call a command is about, when the client names none, is chosen as the bar's own
 * buttons choose it. Never silent: every command gets exactly one result.
 */
record ApiCommands(Session session, ApiFeed feed, Dispositions dispositions) {

    static final int MAX_FIELD = 256;
    static final int MAX_DATA_KEYS = 50;
    /** The vendor's answer is waited for this long; after it the result says the command was sent. */
    static final long VENDOR_WAIT_SECONDS = 15;


    /** Never fails: a refusal completes normally with {@code ok: false}. */
    CompletionStage<ObjectNode> run(JsonNode msg) {
        String id = msg.path("id").isTextual() || msg.path("id").isNumber() ? msg.path("id").asText() : null;
        String name = msg.path("command").asText("");
        try {
            return execute(name, msg).thenApply(extra -> ok(id, extra))
                    .exceptionally(err -> refusal(id, Failures.unwrap(err)))
                    .toCompletableFuture().completeOnTimeout(ok(id, sent()), VENDOR_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Refused r) {
            return CompletableFuture.completedFuture(error(id, r.code, r.getMessage(), null));
        }
    }

    private CompletionStage<ObjectNode> execute(String name, JsonNode m) {
        BarState s = feed.state();
        switch (name) {
            case "snapshot":
                return CompletableFuture.completedFuture(EventJson.MAPPER.createObjectNode().set("snapshot", feed.snapshot()));
            case "setDisposition":
                return disposition(m, s);
            default:
                break;
        }
        CommandKind kind = ApiState.COMMANDS.get(name);
        if (kind == null) throw new Refused("bad_request", "unknown command \"" + cut(name) + "\"");
        if (kind == CommandKind.BLIND_TRANSFER && "consult".equals(m.path("mode").asText())) kind = CommandKind.CONSULT;
        Capabilities caps = session.connector().capabilities();
        if (!caps.supports(kind)) throw new Refused("not_supported", s.vendor() + " has no " + kind + " command");
        Command c = command(kind, m, s);
        // The bar's own judgement first, on the bar's state, so the answer is the one its buttons give.
        if (!Guard.allowed(caps, session.store().state(), c.kind())) {
            throw new Refused("not_allowed_now", c.kind() + " is not possible right now");
        }
        return session.send(c).thenApply(v -> null);
    }

    private Command command(CommandKind kind, JsonNode m, BarState s) {
        return switch (kind) {
            case DIAL -> new Command.Dial(required(m, "number"), optional(m, "queueId"), m.path("internal").asBoolean(false));
            case ANSWER -> new Command.Answer(call(m, s.ringingInbound()));
            case REJECT -> new Command.Reject(call(m, s.ringingInbound()));
            case HANGUP -> new Command.Hangup(call(m, s.activeCall()));
            case HOLD -> new Command.Hold(call(m, s.activeCall()));
            case RESUME -> new Command.Resume(call(m, s.heldCall()));
            case MUTE -> new Command.Mute(call(m, s.activeCall()));
            case UNMUTE -> new Command.Unmute(call(m, s.activeCall()));
            case BLIND_TRANSFER -> new Command.BlindTransfer(call(m, s.activeCall()), required(m, "target"),
                    m.path("internal").asBoolean(false));
            case CONSULT -> new Command.Consult(call(m, s.activeCall()), required(m, "target"), m.path("internal").asBoolean(false));
            case COMPLETE_TRANSFER -> new Command.CompleteTransfer(call(m, s.heldCall().or(s::activeCall)));
            case SET_STATE -> new Command.SetState(state(required(m, "state")), optional(m, "reasonId"));
            case SET_CALL_DATA -> new Command.SetCallData(call(m, s.activeCall()), data(m.path("data")));
            default -> throw new Refused("bad_request", "unknown command");
        };
    }

    private CompletionStage<ObjectNode> disposition(JsonNode m, BarState s) {
        if (dispositions == null) throw new Refused("not_supported", "the call journal is off: dispositions are not kept");
        String callId = optional(m, "callId");
        if (callId == null && s.lastEnded() != null) callId = s.lastEnded().id();
        if (callId == null) callId = s.activeCall().map(CallView::id).orElse(null);
        if (callId == null) throw new Refused("bad_request", "no call to give a disposition to; name its callId");
        String disposition = optional(m, "disposition");
        JsonNode notes = m.get("notes");
        if (notes != null && !notes.isTextual() && !notes.isNull()) throw new Refused("bad_request", "notes must be a text");
        if (disposition == null && (notes == null || notes.isNull())) {
            throw new Refused("bad_request", "give a disposition, notes, or both");
        }
        String id = callId;
        return dispositions.set(callId, disposition, notes == null || notes.isNull() ? null : notes.asText())
                .thenApply(r -> {
                    if (!r.ok()) throw new Refused(r.error(), "disposition not saved: " + r.error());
                    ObjectNode out = EventJson.MAPPER.createObjectNode();
                    out.put("callId", id);
                    out.put("logged", r.logged());
                    out.put("vendor", r.vendor());
                    return out;
                });
    }

    private static String call(JsonNode m, Optional<CallView> byDefault) {
        String id = optional(m, "callId");
        if (id != null) return id;
        return byDefault.map(CallView::id).orElseThrow(() -> new Refused("not_allowed_now", "no call for this command now"));
    }

    private static AgentState state(String s) {
        try {
            return AgentState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new Refused("bad_request", "state must be READY, NOT_READY or OFFLINE");
        }
    }

    private static Map<String, String> data(JsonNode d) {
        if (!d.isObject() || d.isEmpty() || d.size() > MAX_DATA_KEYS) {
            throw new Refused("bad_request", "data must be an object of 1 to " + MAX_DATA_KEYS + " texts");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || e.getKey().length() > MAX_FIELD || e.getValue().asText().length() > 4 * MAX_FIELD) {
                throw new Refused("bad_request", "data values must be short texts");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static String required(JsonNode m, String key) {
        String v = optional(m, key);
        if (v == null) throw new Refused("bad_request", key + " is required");
        return v;
    }

    private static String optional(JsonNode m, String key) {
        JsonNode v = m.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > MAX_FIELD) {
            throw new Refused("bad_request", key + " must be a text of 1 to " + MAX_FIELD + " characters");
        }
        return v.asText().trim();
    }

    private static ObjectNode sent() {
        return EventJson.MAPPER.createObjectNode().put("pending", true);
    }

    static ObjectNode ok(String id, ObjectNode extra) {
        ObjectNode o = EventJson.MAPPER.createObjectNode();
        o.put("type", "result");
        if (id != null) o.put("id", id);
        o.put("ok", true);
        if (extra != null) extra.fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        return o;
    }

    private static ObjectNode refusal(String id, Throwable cause) {
        if (cause instanceof Refused r) return error(id, r.code, r.getMessage(), null);
        if (cause instanceof Notices.Refusal r) return error(id, "vendor_refused", r.getMessage(), r);
        return error(id, "vendor_refused", cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), null);
    }

    static ObjectNode error(String id, String code, String message, Notices.Refusal keyed) {
        ObjectNode o = EventJson.MAPPER.createObjectNode();
        o.put("type", "result");
        if (id != null) o.put("id", id);
        o.put("ok", false);
        ObjectNode e = o.putObject("error");
        e.put("code", code);
        e.put("message", message == null ? code : message);
        if (keyed != null) {
            e.put("key", keyed.key());
            keyed.args().forEach(e.putArray("args")::add);
        }
        return o;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** A refusal the API makes itself, with its code. */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
