package io.gatehouse.data.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Writes text values as YAML the way the parser will read them back: the emitter decides whether a
 * value like {@code a #b}, {@code x: y} or {@code 123} needs quotes, rather than a hand-kept list of
 * special characters. Inside braces or brackets more characters need quotes ({@code ,}, {@code [}),
 * so the caller says where the value goes.
 */
final class YamlScalars {
    private static final Pattern KEY = Pattern.compile("^(k|'k'|\"k\"): ");

    private YamlScalars() {
    }

    /** One value in block context, in {@code style} when the value allows it (plain falls back to quotes). */
    static String block(String value, DumperOptions.ScalarStyle style) {
        // a lone root scalar may be followed by a document end marker; a mapping value never is
        String entry = oneLine(Map.of("k", value), style, false);
        var key = KEY.matcher(entry);
        if (!key.find()) {
            throw new IllegalStateException("a text value did not come out as a mapping value");
        }
        return entry.substring(key.end());
    }

    /** One value inside a flow mapping or sequence. */
    static String flow(String value, DumperOptions.ScalarStyle style) {
        if (style == DumperOptions.ScalarStyle.PLAIN && plainInFlow(value)) {
            return value;
        }
        String list = oneLine(List.of(value), style, true);
        return list.substring(1, list.length() - 1);
    }

    /** A one-line flow sequence: {@code [a, 'b, c']}. */
    static String flowList(List<String> values, DumperOptions.ScalarStyle style) {
        return values.stream().map(v -> flow(v, style)).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The emitter quotes every value with a colon inside braces, URLs included, though the parser
     * reads {@code {url: https://host/x}} as meant; a value the parser reads back unchanged in both
     * kinds of flow collection stays plain.
     */
    private static boolean plainInFlow(String value) {
        if (value.isEmpty() || value.strip().length() != value.length() || value.chars().anyMatch(c -> c < 0x20)) {
            return false;
        }
        try {
            Yaml yaml = new Yaml();
            return List.of(value).equals(yaml.load("[" + value + "]"))
                    && Map.of("k", value).equals(yaml.load("{k: " + value + "}"))
                    && Map.of("k", value, "z", "z").equals(yaml.load("{k: " + value + ", z: z}"));
        } catch (YAMLException e) {
            return false;
        }
    }

    private static String oneLine(Object value, DumperOptions.ScalarStyle style, boolean flow) {
        String dumped = dump(value, style, flow);
        if (dumped.indexOf('\n') >= 0 && style != DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            // a value with a line break would spill over lines; double quotes escape it instead
            dumped = dump(value, DumperOptions.ScalarStyle.DOUBLE_QUOTED, flow);
        }
        if (dumped.indexOf('\n') >= 0 || dumped.startsWith("!") || flow != dumped.startsWith("[")) {
            throw new IllegalStateException("a text value did not come out as one line of YAML");
        }
        return dumped;
    }

    private static String dump(Object value, DumperOptions.ScalarStyle style, boolean flow) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(style);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(value).strip();
    }
}
