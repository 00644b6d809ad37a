package dev.unibar.flow;

import dev.unibar.config.ConfigSection;
import dev.unibar.config.YamlTree;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a flow file (docs/flows.md). SnakeYAML's node API keeps every node's line, so each problem is reported
 * as {@code file:line: what}, and every key is checked: a misspelt key fails instead of being ignored.
 */
public final class FlowReader {

    /** The time limit of a step that gives none and whose flow gives none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> TOP = List.of("name", "vendor", "description", "timeout", "steps");
    private static final List<String> STEP_COMMON = List.of("title", "expect", "within");

    private final String file;

    private FlowReader(String file) {
        this.file = file;
    }

    public static Flow read(Path path) throws FlowException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FlowException(path.toString(), 0, Reason.of("read.cannotRead", e.getMessage()));
        }
        return parse(text, path.toString());
    }

    public static Flow parse(String text, String file) throws FlowException {
        return new FlowReader(file).flow(text);
    }

    private Flow flow(String text) throws FlowException {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw new FlowException(file, mark == null ? 0 : mark.getLine() + 1, Reason.of("read.notYaml", oneLine(problem)));
        } catch (YAMLException e) {
            throw new FlowException(file, 0, Reason.of("read.notYaml", oneLine(e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new FlowException(file, root == null ? 1 : line(root), Reason.of("read.notFlow"));
        }
        Map<String, NodeTuple> keys = keys(top, TOP);
        String name = scalar(keys, "name", true);
        String vendor = scalar(keys, "vendor", false);
        Duration timeout = keys.containsKey("timeout") ? duration(keys.get("timeout").getValueNode())
                : DEFAULT_TIMEOUT;
        NodeTuple stepsKey = keys.get("steps");
        if (stepsKey == null) throw new FlowException(file, line(top), Reason.of("read.noSteps"));
        if (!(stepsKey.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new FlowException(file, line(stepsKey.getValueNode()), Reason.of("read.stepsNotList"));
        }
        List<Step> steps = new ArrayList<>();
        for (Node n : seq.getValue()) steps.add(step(steps.size() + 1, n, timeout));
        return new Flow(name, vendor, file, timeout, steps);
    }

    private Step step(int number, Node node, Duration timeout) throws FlowException {
        if (!(node instanceof MappingNode m)) {
            throw new FlowException(file, line(node), at(number, Reason.of("read.notSection")));
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = keyName(t);
            if (keys.put(k, t) != null) throw new FlowException(file, line(t.getKeyNode()), at(number, Reason.of("read.duplicateKey", k)));
        }
        List<String> kinds = keys.keySet().stream().filter(k -> k.equals("agent") || k.equals("far") || k.equals("wait")).toList();
        if (kinds.size() != 1) {
            throw new FlowException(file, line(node), at(number, kinds.isEmpty() ? Reason.of("read.kindCount")
                    : Reason.of("read.kindCountHas", String.join(", ", kinds))));
        }
        String kindKey = kinds.get(0);
        Step.Kind kind = Step.Kind.valueOf(kindKey.toUpperCase(Locale.ROOT));
        Node actionNode = keys.get(kindKey).getValueNode();
        String action = actionNode instanceof ScalarNode s ? s.getValue() : null;
        if (action == null || action.isBlank()) throw new FlowException(file, line(actionNode), at(number, Reason.of("read.actionName", kindKey)));
        List<String> allowed = new ArrayList<>(STEP_COMMON);
        allowed.add(kindKey);
        Set<String> required = Set.of();
        if (kind == Step.Kind.WAIT) {
            duration(actionNode);
        } else {
            Map<String, Actions.Spec> table = kind == Step.Kind.AGENT ? Actions.AGENT : Actions.FAR;
            Actions.Spec spec = table.get(action);
            if (spec == null) {
                throw new FlowException(file, line(actionNode), at(number, Reason.of("read.unknownAction", kindKey, action,
                        hint(action, List.copyOf(table.keySet())))));
            }
            allowed.addAll(spec.keys());
            required = spec.required();
        }
        Map<String, Object> args = new LinkedHashMap<>();
        List<EventPattern> expect = new ArrayList<>();
        Duration within = timeout;
        String title = null;
        for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
            String k = e.getKey();
            Node v = e.getValue().getValueNode();
            if (!allowed.contains(k)) {
                throw new FlowException(file, line(e.getValue().getKeyNode()), at(number, Reason.of("read.noSuchKey", kindKey, action, k, hint(k, allowed))));
            }
            switch (k) {
                case "agent", "far", "wait" -> { }
                case "within" -> within = duration(v);
                case "title" -> title = plain(v) == null ? null : String.valueOf(plain(v));
                case "expect" -> expect = patterns(v, number);
                default -> args.put(k, plain(v));
            }
        }
        for (String r : required) {
            if (args.get(r) == null) throw new FlowException(file, line(node), at(number, Reason.of("read.needs", kindKey, action, r)));
        }
        if (kind == Step.Kind.FAR && args.get("outcome") != null) {
            String o = String.valueOf(args.get("outcome")).toUpperCase(Locale.ROOT);
            if (!List.of("ANSWER", "BUSY", "NOANSWER").contains(o)) {
                throw new FlowException(file, line(keys.get("outcome").getValueNode()), at(number, Reason.of("read.outcome")));
            }
        }
        return new Step(number, line(node), kind, action, args, expect, within, title);
    }

    private List<EventPattern> patterns(Node v, int step) throws FlowException {
        if (!(v instanceof SequenceNode seq)) throw new FlowException(file, line(v), at(step, Reason.of("read.expectNotList")));
        List<EventPattern> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            Object p = plain(item);
            if (!(p instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
                throw new FlowException(file, line(item), at(step, Reason.of("read.patternNoType")));
            }
            Reason problem = EventPattern.check(p);
            if (problem != null) throw new FlowException(file, line(item), at(step, problem));
            Map<String, Object> typed = new LinkedHashMap<>();
            map.forEach((a, b) -> typed.put(String.valueOf(a), b));
            out.add(new EventPattern(line(item), typed));
        }
        return out;
    }

    private Map<String, NodeTuple> keys(MappingNode m, List<String> allowed) throws FlowException {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = keyName(t);
            if (!allowed.contains(k)) {
                throw new FlowException(file, line(t.getKeyNode()), Reason.of("read.unknownKey", k, hint(k, allowed)));
            }
            if (out.put(k, t) != null) throw new FlowException(file, line(t.getKeyNode()), Reason.of("read.duplicate", k));
        }
        return out;
    }

    private String keyName(NodeTuple t) throws FlowException {
        if (!(t.getKeyNode() instanceof ScalarNode s)) throw new FlowException(file, line(t.getKeyNode()), Reason.of("read.plainKeys"));
        return s.getValue();
    }

    private String scalar(Map<String, NodeTuple> keys, String key, boolean required) throws FlowException {
        NodeTuple t = keys.get(key);
        if (t == null) {
            if (required) throw new FlowException(file, 1, Reason.of("read.missing", key));
            return null;
        }
        if (!(t.getValueNode() instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new FlowException(file, line(t.getValueNode()), Reason.of("read.notText", key));
        }
        return s.getValue();
    }

    private Duration duration(Node n) throws FlowException {
        String text = n instanceof ScalarNode s ? s.getValue() : String.valueOf(plain(n));
        try {
            if (n instanceof ScalarNode) return Durations.parse(text);
        } catch (IllegalArgumentException notADuration) {
            // said below, with the text as written
        }
        throw new FlowException(file, line(n), Reason.of("read.duration", text));
    }

    private static Reason hint(String key, List<String> known) {
        String best = ConfigSection.closest(key, known);
        if (best != null && ConfigSection.distance(key.toLowerCase(Locale.ROOT), best.toLowerCase(Locale.ROOT))
                <= Math.max(2, best.length() / 3)) {
            return Reason.of("read.didYouMean", best);
        }
        return known.isEmpty() ? Reason.of("read.takesNone") : Reason.of("read.oneOf", String.join(", ", known));
    }

    /** A step's problem, with the step it is in. */
    private static Reason at(int step, Reason problem) {
        return Reason.of("read.step", step, problem);
    }

    /** YAML values as plain Java: text stays text (ids and numbers are compared as the CONTRACT's strings). */
    static Object plain(Node n) {
        return YamlTree.plain(n, ScalarNode::getValue);
    }

    private static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
