package dev.unibar.bridge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the shim's batch {@code [entry, entry, ...]} into its entries' texts without parsing them, so that each
 * entry is read on its own: a foreign frame's deep or huge message then costs only itself, not the vendor
 * events that shared its batch (issue 22). Strings and escapes are followed so that a comma or bracket
 * inside one does not cut; nesting is counted, never limited (the entry's own reading limits it).
 */
final class BatchEntries {

    /** The text is not an array of values. */
    static final class NotABatch extends Exception {
        NotABatch(String reason) {
            super(reason);
        }
    }

    private BatchEntries() {
    }

    static List<String> split(String batch) throws NotABatch {
        int n = batch.length();
        int i = skipSpace(batch, 0);
        if (i >= n || batch.charAt(i) != '[') throw new NotABatch("not an array");
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int start = i + 1;
        for (i = i + 1; i < n; i++) {
            char c = batch.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '[', '{' -> depth++;
                case '}' -> depth--;
                case ']' -> {
                    if (depth == 0) {
                        add(out, batch, start, i, true);
                        if (skipSpace(batch, i + 1) < n) throw new NotABatch("more than one JSON value on the line");
                        return out;
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        add(out, batch, start, i, false);
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
            if (depth < 0) throw new NotABatch("unbalanced brackets");
        }
        throw new NotABatch("unterminated array");
    }

    /** {@code []} has no entry; {@code [a,]} has an empty last one, which is read (and refused) like any. */
    private static void add(List<String> out, String batch, int from, int to, boolean last) {
        String entry = batch.substring(from, to).strip();
        if (last && entry.isEmpty() && out.isEmpty()) return;
        out.add(entry);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }
}
