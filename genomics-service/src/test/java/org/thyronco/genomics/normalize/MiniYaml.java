package org.thyronco.genomics.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the block-style YAML subset used by the VICC and GA4GH VRS fixtures (maps, sequences, plain and quoted scalars,
 * one-line flow sequences, comments) so the tests need no YAML dependency. Scalars stay strings; "null"/"~" are null.
 */
public final class MiniYaml {

    private record Line(int indent, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private int pos;

    private MiniYaml(List<String> raw) {
        for (String r : raw) {
            String t = stripComment(r);
            if (t.isBlank() || t.trim().equals("---")) {
                continue;
            }
            int indent = 0;
            while (indent < t.length() && t.charAt(indent) == ' ') {
                indent++;
            }
            lines.add(new Line(indent, t.substring(indent).stripTrailing()));
        }
    }

    /** Parses the lines of a document. */
    public static Object parse(List<String> raw) {
        MiniYaml y = new MiniYaml(raw);
        return y.lines.isEmpty() ? null : y.block(y.lines.get(0).indent);
    }

    private Object block(int indent) {
        Line l = lines.get(pos);
        if (isItem(l.text)) {
            return sequence(indent);
        }
        return mapping(indent);
    }

    private static boolean isItem(String t) {
        return t.equals("-") || t.startsWith("- ");
    }

    private List<Object> sequence(int indent) {
        List<Object> out = new ArrayList<>();
        while (pos < lines.size() && lines.get(pos).indent == indent && isItem(lines.get(pos).text)) {
            Line l = lines.get(pos);
            String content = l.text.equals("-") ? "" : l.text.substring(2).trim();
            if (content.isEmpty()) {
                pos++;
                out.add(pos < lines.size() && lines.get(pos).indent > indent ? block(lines.get(pos).indent) : null);
            } else if (keyOf(content) >= 0) {
                int childIndent = indent + 2 + (l.text.substring(2).length() - l.text.substring(2).stripLeading()
                        .length());
                lines.set(pos, new Line(childIndent, content));
                out.add(mapping(childIndent));
            } else {
                pos++;
                out.add(scalar(content));
            }
        }
        return out;
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (pos < lines.size() && lines.get(pos).indent == indent && !isItem(lines.get(pos).text)) {
            Line l = lines.get(pos);
            int k = keyOf(l.text);
            if (k < 0) {
                throw new IllegalStateException("not a key: " + l.text);
            }
            String key = unquote(l.text.substring(0, k).trim());
            String value = l.text.substring(k + 1).trim();
            pos++;
            if (!value.isEmpty()) {
                out.put(key, scalar(value));
            } else if (pos < lines.size() && lines.get(pos).indent > indent) {
                out.put(key, block(lines.get(pos).indent));
            } else if (pos < lines.size() && lines.get(pos).indent == indent && isItem(lines.get(pos).text)) {
                out.put(key, sequence(indent));
            } else {
                out.put(key, null);
            }
        }
        return out;
    }

    /** Index of the key's ':' (followed by space or end), outside quotes; -1 when the text is not "key: ...". */
    private static int keyOf(String t) {
        char q = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                }
                continue;
            }
            if ((c == '"' || c == '\'') && i == 0) {
                q = c;
            } else if (c == ':' && (i + 1 == t.length() || t.charAt(i + 1) == ' ')) {
                return i;
            } else if (c == ' ' || c == '[' || c == '{') {
                if (i == 0 || c != ' ') {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static Object scalar(String v) {
        if (v.startsWith("[") && v.endsWith("]")) {
            List<Object> out = new ArrayList<>();
            String inner = v.substring(1, v.length() - 1).trim();
            if (!inner.isEmpty()) {
                for (String p : inner.split(",")) {
                    out.add(scalar(p.trim()));
                }
            }
            return out;
        }
        if (v.equals("null") || v.equals("~")) {
            return null;
        }
        return unquote(v);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }

    private static String stripComment(String r) {
        char q = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (q != 0) {
                if (c == q) {
                    q = 0;
                }
            } else if ((c == '"' || c == '\'') && (i == 0 || " :[,-".indexOf(r.charAt(i - 1)) >= 0)) {
                q = c;
            } else if (c == '#' && (i == 0 || r.charAt(i - 1) == ' ')) {
                return r.substring(0, i);
            }
        }
        return r;
    }
}
