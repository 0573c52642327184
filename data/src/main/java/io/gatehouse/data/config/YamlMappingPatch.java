package io.gatehouse.data.config;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Changes the keys of one mapping inside a YAML text by splicing new text into the spans the parser
 * reports for the old values, so every comment, blank line, quote and indent the operator wrote
 * elsewhere stays byte for byte. Each change parses the text again: the spans are always current.
 */
public final class YamlMappingPatch {
    private final String text;
    private final List<String> path;
    private final String newline;

    private YamlMappingPatch(String text, List<String> path) {
        this.text = text;
        this.path = List.copyOf(path);
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** A patch of the mapping reached from the document's top by the keys in {@code path}. */
    public static YamlMappingPatch of(String text, List<String> path) {
        YamlMappingPatch patch = new YamlMappingPatch(Objects.requireNonNull(text, "text"), path);
        patch.target();
        return patch;
    }

    /** The text with all changes so far. */
    public String text() {
        return text;
    }

    /** Sets {@code key} to a text value, adding the key at the end of the mapping when it is missing. */
    public YamlMappingPatch set(String key, String value) {
        Objects.requireNonNull(value, "value");
        Target target = target();
        NodeTuple entry = editable(target, key);
        if (entry == null) {
            return insert(target, key, value);
        }
        Node old = entry.getValueNode();
        if (!(old instanceof ScalarNode scalar)) {
            return splice(start(old), contentEnd(old), separatorFor(old) + target.scalar(value,
                    DumperOptions.ScalarStyle.PLAIN));
        }
        if (scalar.getValue().equals(value) && start(old) != contentEnd(old)) {
            return this;
        }
        return splice(start(old), contentEnd(old), separatorFor(old) + target.scalar(value, keptStyle(scalar)));
    }

    /** Sets {@code key} to a list of text values, in the style the old list was written in. */
    public YamlMappingPatch setList(String key, List<String> values) {
        Target target = target();
        NodeTuple entry = editable(target, key);
        if (entry == null) {
            return insert(target, key, values);
        }
        Node old = entry.getValueNode();
        if (old instanceof SequenceNode sequence && sequence.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
            if (sameItems(sequence, values)) {
                return this;
            }
            int column = sequence.getStartMark().getColumn();
            List<BlockListLines.Item> items = itemLines(sequence);
            if (items != null && !values.isEmpty()) {
                DumperOptions.ScalarStyle style = itemStyle(sequence);
                String region = BlockListLines.rewrite(items, values,
                        value -> " ".repeat(column) + "- " + YamlScalars.block(value, style), newline);
                return splice(lineStart(start(old)), lineEnd(contentEnd(old)), region);
            }
            List<String> lines = new ArrayList<>();
            for (String item : values) {
                lines.add("- " + YamlScalars.block(item, itemStyle(sequence)));
            }
            return splice(start(old), contentEnd(old), String.join(newline + " ".repeat(column), lines));
        }
        if (old instanceof SequenceNode sequence && sameItems(sequence, values)) {
            return this;
        }
        DumperOptions.ScalarStyle style = old instanceof SequenceNode sequence ? itemStyle(sequence) : target.style();
        return splice(start(old), contentEnd(old), separatorFor(old) + YamlScalars.flowList(values, style));
    }

    /** Removes {@code key} and its value, with the rest of its line; a missing key is left missing. */
    public YamlMappingPatch remove(String key) {
        Target target = target();
        List<NodeTuple> entries = target.mapping().getValue();
        NodeTuple entry = editable(target, key);
        if (entry == null) {
            return this;
        }
        int index = entries.indexOf(entry);
        int keyStart = start(entry.getKeyNode());
        int valueEnd = contentEnd(entry.getValueNode());
        if (target.isFlow()) {
            if (index > 0) {
                return splice(contentEnd(entries.get(index - 1).getValueNode()), valueEnd, "");
            }
            if (entries.size() > 1) {
                return splice(keyStart, start(entries.get(1).getKeyNode()), "");
            }
            return splice(keyStart, valueEnd, "");
        }
        int from = lineStart(keyStart);
        if (!text.substring(from, keyStart).isBlank()) {
            from = keyStart;
        }
        return splice(from, lineEnd(valueEnd), "");
    }

    private YamlMappingPatch insert(Target target, String key, Object value) {
        List<NodeTuple> entries = target.mapping().getValue();
        DumperOptions.ScalarStyle style = target.style();
        String keyText = target.scalar(key, style);
        if (entries.isEmpty()) {
            throw unsupported("it has no keys yet");
        }
        NodeTuple last = entries.getLast();
        int after = contentEnd(last.getValueNode());
        if (target.isFlow()) {
            String valueText = value instanceof List<?> list ? YamlScalars.flowList(strings(list), style)
                    : YamlScalars.flow((String) value, style);
            Mark lastKey = last.getKeyNode().getStartMark();
            String gap = lastKey.getLine() == target.mapping().getStartMark().getLine() ? ", "
                    : "," + newline + " ".repeat(lastKey.getColumn());
            return splice(after, after, gap + keyText + ": " + valueText);
        }
        int column = entries.getFirst().getKeyNode().getStartMark().getColumn();
        String indent = " ".repeat(column);
        StringBuilder added = new StringBuilder(indent).append(keyText).append(':');
        if (value instanceof List<?> list) {
            String itemIndent = " ".repeat(column + target.indentStep());
            for (String item : strings(list)) {
                added.append(newline).append(itemIndent).append("- ").append(YamlScalars.block(item, style));
            }
        } else {
            added.append(' ').append(YamlScalars.block((String) value, style));
        }
        added.append(newline);
        int at = lineEnd(after);
        boolean endsWithoutNewline = at == text.length() && !text.endsWith("\n");
        return splice(at, at, (endsWithoutNewline ? newline : "") + added);
    }

    private YamlMappingPatch splice(int from, int to, String replacement) {
        return new YamlMappingPatch(text.substring(0, from) + replacement + text.substring(to), path);
    }

    /** The mapping being changed, from a fresh parse of the current text. */
    private Target target() {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The configuration file is not valid YAML,"
                    + " so it cannot be changed in place; correct it by hand first.", e);
        }
        Node parent = null;
        for (String key : path) {
            if (!(node instanceof MappingNode mapping)) {
                throw missing();
            }
            NodeTuple entry = new Target(mapping, null).entry(key);
            if (entry == null) {
                throw missing();
            }
            parent = entry.getKeyNode();
            node = entry.getValueNode();
            if (start(node) < contentEnd(entry.getKeyNode())) {
                throw unsupported("it is a YAML alias (*name) of a section written elsewhere");
            }
        }
        if (!(node instanceof MappingNode mapping)) {
            throw missing();
        }
        return new Target(mapping, parent);
    }

    /**
     * The entry for {@code key}, when there is one that can be changed alone: an anchored value may be
     * used elsewhere through an alias, and an alias's text is somewhere else entirely.
     */
    private NodeTuple editable(Target target, String key) {
        NodeTuple entry = target.entry(key);
        if (entry == null) {
            return null;
        }
        Node value = entry.getValueNode();
        if (start(value) < contentEnd(entry.getKeyNode())) {
            throw unsupported("its '" + key + "' is a YAML alias (*name)");
        }
        char first = start(value) < text.length() ? text.charAt(start(value)) : ' ';
        if (first == '&' || first == '!') {
            throw unsupported("its '" + key + "' carries a YAML anchor or tag");
        }
        return entry;
    }

    private GatehouseException missing() {
        return new GatehouseException(FailureKind.CONFIGURATION, "The configuration file has no '"
                + String.join(".", path) + "' section to change.");
    }

    private GatehouseException unsupported(String why) {
        return new GatehouseException(FailureKind.CONFIGURATION, "The section '" + String.join(".", path)
                + "' cannot be changed in place because " + why + "; edit the file by hand.");
    }

    /** The text index of a parser mark; the parser counts code points, a Java string counts UTF-16 units. */
    private int index(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    private int start(Node node) {
        return index(node.getStartMark());
    }

    /**
     * Where a node's own text ends. A block collection's end mark lies at the next token, past any
     * comments and blank lines below it, so its content ends with its last child instead; a block
     * scalar's trailing line breaks belong to the layout, not to the value.
     */
    private int contentEnd(Node node) {
        if (node instanceof MappingNode mapping && mapping.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !mapping.getValue().isEmpty()) {
            return contentEnd(mapping.getValue().getLast().getValueNode());
        }
        if (node instanceof SequenceNode sequence && sequence.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
                && !sequence.getValue().isEmpty()) {
            return contentEnd(sequence.getValue().getLast());
        }
        int start = start(node);
        int end = index(node.getEndMark());
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** An empty value sits right after its colon; the new one needs a space there. */
    private String separatorFor(Node old) {
        return start(old) == contentEnd(old) ? " " : "";
    }

    private int lineStart(int at) {
        return text.lastIndexOf('\n', at - 1) + 1;
    }

    private int lineEnd(int at) {
        int newlineAt = text.indexOf('\n', at);
        return newlineAt < 0 ? text.length() : newlineAt + 1;
    }

    /**
     * Each item of a block list of text values with its own lines (from its line's start up to the
     * next item's line, comments between them included), or null when an item does not sit alone
     * after its dash on a line of its own.
     */
    private List<BlockListLines.Item> itemLines(SequenceNode sequence) {
        List<Node> nodes = sequence.getValue();
        List<BlockListLines.Item> items = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            if (!(nodes.get(k) instanceof ScalarNode scalar)) {
                return null;
            }
            int from = lineStart(start(scalar));
            if (!text.substring(from, start(scalar)).strip().equals("-")) {
                return null;
            }
            int to = k + 1 < nodes.size() ? lineStart(start(nodes.get(k + 1))) : lineEnd(contentEnd(scalar));
            items.add(new BlockListLines.Item(scalar.getValue(), text.substring(from, to)));
        }
        return items;
    }

    private static boolean sameItems(SequenceNode sequence, List<String> values) {
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                return false;
            }
            items.add(scalar.getValue());
        }
        return items.equals(values);
    }

    private static DumperOptions.ScalarStyle itemStyle(SequenceNode sequence) {
        return sequence.getValue().isEmpty() || !(sequence.getValue().getFirst() instanceof ScalarNode first)
                ? DumperOptions.ScalarStyle.PLAIN : keptStyle(first);
    }

    /** Quotes as the operator quoted; block scalars turn into one-line values, which a URL or path is. */
    private static DumperOptions.ScalarStyle keptStyle(ScalarNode scalar) {
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        return style == DumperOptions.ScalarStyle.SINGLE_QUOTED || style == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                ? style : DumperOptions.ScalarStyle.PLAIN;
    }

    private static List<String> strings(List<?> list) {
        return list.stream().map(String.class::cast).toList();
    }

    /** The mapping to change and the key it hangs from. */
    private record Target(MappingNode mapping, Node parentKey) {
        boolean isFlow() {
            return mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
        }

        int indexOf(String key) {
            List<NodeTuple> entries = mapping.getValue();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        NodeTuple entry(String key) {
            int i = indexOf(key);
            return i < 0 ? null : mapping.getValue().get(i);
        }

        /** A value written straight into this mapping. */
        String scalar(String value, DumperOptions.ScalarStyle style) {
            return isFlow() ? YamlScalars.flow(value, style) : YamlScalars.block(value, style);
        }

        /** A JSON-like file quotes every key; new keys and values follow it. */
        DumperOptions.ScalarStyle style() {
            return mapping.getValue().stream().allMatch(e -> e.getKeyNode() instanceof ScalarNode s
                    && s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED)
                    ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.PLAIN;
        }

        /** How far this file indents a child under its key, two spaces when it cannot tell. */
        int indentStep() {
            if (parentKey == null || mapping.getValue().isEmpty()) {
                return 2;
            }
            int step = mapping.getValue().getFirst().getKeyNode().getStartMark().getColumn()
                    - parentKey.getStartMark().getColumn();
            return step > 0 ? step : 2;
        }
    }
}
