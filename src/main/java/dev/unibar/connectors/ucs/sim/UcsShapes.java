package dev.unibar.connectors.ucs.sim;

import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimDevice;
import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimQueue;
import dev.unibar.connectors.ucs.sim.UcsSimSettings.SimUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 002's objects as the callbacks carry them: User, Queue, the state object of onReady and
 * {@code state()}, the device list of onIdentify. Read under the {@link UcsSimState} lock.
 */
record UcsShapes(UcsSimState st, UcsSimSettings settings) {

    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", st.session().status);
        m.put("reason", st.session().reason);
        return m;
    }

    /** The onReady object (and what state() answers, with ringingSound). */
    Map<String, Object> state() {
        UcsSession s = st.session();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status);
        m.put("reason", s.reason);
        SimCall c = st.callBook().current();
        m.put("call", c == null ? null : c.toMap(st.nowSeconds()));
        m.put("user", s.user == null ? null : user());
        m.put("device", s.device == null ? null : s.device.toMap());
        m.put("auxReasons", named(settings.auxReasons()));
        m.put("callReasons", named(settings.callReasons()));
        List<Object> qs = new ArrayList<>();
        for (SimQueue q : settings.queues()) qs.add(queue(q));
        m.put("queues", qs);
        m.put("groups", List.of(Map.of("id", 1, "name", "Call centrum"), Map.of("id", 2, "name", "Supervizoři")));
        List<Object> agents = new ArrayList<>();
        for (SimUser u : settings.users()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", u.id());
            a.put("username", u.username());
            a.put("displayname", u.displayname());
            a.put("extension", u.extension());
            a.put("group_id", u.superuser() ? 2 : 1);
            a.put("status", s.user != null && s.user.username().equals(u.username()) ? s.status : "OFFLINE");
            agents.add(a);
        }
        m.put("agents", agents);
        m.put("waitingCallers", st.queues().waitingCallers());
        m.put("now", st.nowSeconds());
        return m;
    }

    /** The signed-in agent's User object, with the call counters of this session. */
    Map<String, Object> user() {
        SimUser u = st.session().user;
        UcsCalls calls = st.callBook();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("acwtime", 0);
        m.put("auxtime", 0);
        m.put("auxtimes", new LinkedHashMap<>());
        m.put("data", new LinkedHashMap<>());
        m.put("displayname", u.displayname());
        m.put("email", u.email());
        m.put("external_id", "ext-" + u.id());
        m.put("firstname", u.firstname());
        m.put("group_id", u.superuser() ? 2 : 1);
        m.put("id", u.id());
        m.put("idletime", 0);
        m.put("in_calls_answered", calls.inAnswered);
        m.put("in_calls_unanswered", calls.inUnanswered);
        m.put("in_ringtime", 0);
        m.put("in_talktime", 0);
        m.put("lastname", u.lastname());
        List<Object> lines = new ArrayList<>();
        for (SimDevice d : settings.devices()) if (Objects.equals(d.number(), u.extension())) lines.add(d.toMap());
        m.put("lines", lines);
        m.put("locale", "cs");
        m.put("number", u.extension());
        m.put("out_calls_answered", calls.outAnswered);
        m.put("out_calls_unanswered", calls.outUnanswered);
        m.put("out_ringtime", 0);
        m.put("out_talktime", 0);
        m.put("primary_extension", UcsSimState.toInt(u.extension()));
        Map<String, Object> queues = new LinkedHashMap<>();
        for (SimQueue q : settings.queues()) queues.put(String.valueOf(q.id()), queue(q));
        m.put("queues", queues);
        m.put("readytime", 0);
        m.put("ringtime", 0);
        m.put("status", st.session().status);
        m.put("superuser", u.superuser());
        m.put("talktime", 0);
        m.put("transferred", calls.transferred);
        m.put("transferred_external", 0);
        m.put("username", u.username());
        return m;
    }

    private Map<String, Object> queue(SimQueue q) {
        SimUser user = st.session().user;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("answered", 0);
        m.put("name", q.name());
        m.put("number", q.number());
        m.put("priority", 1);
        m.put("queue_id", q.id());
        m.put("ringtime", 0);
        m.put("supervisor", user != null && user.superuser());
        m.put("suspended", st.queues().suspended(q.id()));
        m.put("suspendtime", 0);
        m.put("talktime", 0);
        m.put("team_id", 1);
        m.put("transferred", 0);
        m.put("transferred_external", 0);
        m.put("type", q.type());
        m.put("unanswered", 0);
        return m;
    }

    private static List<Object> named(List<String> names) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(Map.of("id", i + 1, "name", names.get(i)));
        return out;
    }

    /** The phones onIdentify offers: none unless the page asked for the list. */
    List<Object> devices() {
        if (!st.flag("listDevices")) return new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (SimDevice d : settings.devices()) out.add(d.toMap());
        return out;
    }
}
