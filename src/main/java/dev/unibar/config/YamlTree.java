package dev.unibar.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** A YAML node as plain Java, for the configuration and the flow files alike. */
public final class YamlTree {

    private YamlTree() {
    }

    /**
     * Null and booleans as Java's, lists and maps (keys that are not scalars left out) as Java's, every other
     * scalar as {@code scalar} reads it: what differs between the readers is whether numbers stay text.
     */
    public static Object plain(Node n, Function<ScalarNode, Object> scalar) {
        if (n instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())) return null;
            if (Tag.BOOL.equals(s.getTag())) {
                String b = s.getValue().toLowerCase(Locale.ROOT);
                return b.equals("true") || b.equals("yes") || b.equals("on");
            }
            return scalar.apply(s);
        }
        if (n instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            for (Node item : seq.getValue()) out.add(plain(item, scalar));
            return out;
        }
        if (n instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) out.put(k.getValue(), plain(t.getValueNode(), scalar));
            }
            return out;
        }
        return null;
    }
}
