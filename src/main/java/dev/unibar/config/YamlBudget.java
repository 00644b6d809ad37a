package dev.unibar.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Walks a composed YAML graph as the section readers would see it, aliases expanded, and stops at the
 * first cycle ({@code foo: &a [*a]}), or once the expansion passes a node budget (aliases that each
 * double the tree) or a depth. Without it, reading {@code plain} values recursed without end or built
 * gigabytes from a few hundred bytes (issue 13, finding 5).
 */
final class YamlBudget {

    private final String name;
    private final int maxNodes;
    private final int maxDepth;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    private YamlBudget(String name, int maxNodes, int maxDepth) {
        this.name = name;
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
    }

    static void check(String name, Node root, int maxNodes, int maxDepth) throws ConfigException {
        if (root != null) new YamlBudget(name, maxNodes, maxDepth).walk(root, 1);
    }

    private void walk(Node n, int depth) throws ConfigException {
        if (++nodes > maxNodes) {
            throw new ConfigException(name, ConfigSection.line(n), null,
                    "too large once aliases are expanded (more than " + maxNodes + " values)");
        }
        if (depth > maxDepth) {
            throw new ConfigException(name, ConfigSection.line(n), null, "nested deeper than " + maxDepth + " levels");
        }
        if (!(n instanceof MappingNode) && !(n instanceof SequenceNode)) return;
        if (onPath.put(n, Boolean.TRUE) != null) {
            throw new ConfigException(name, ConfigSection.line(n), null, "an alias refers to itself");
        }
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                walk(t.getKeyNode(), depth + 1);
                walk(t.getValueNode(), depth + 1);
            }
        } else {
            for (Node child : ((SequenceNode) n).getValue()) walk(child, depth + 1);
        }
        onPath.remove(n);
    }
}
