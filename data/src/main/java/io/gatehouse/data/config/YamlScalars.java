package io.gatehouse.data.config;

import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes text values as YAML the way the parser will read them back: the emitter decides whether a
 * value like {@code a #b}, {@code x: y} or {@code 123} needs quotes, rather than a hand-kept list of
 * special characters. Values come out safe inside flow collections too, so one form fits every place.
 */
final class YamlScalars {
    private YamlScalars() {
    }

    /** One value, in {@code style} when the value allows it (plain falls back to quotes as needed). */
    static String format(String value, DumperOptions.ScalarStyle style) {
        String list = flowList(List.of(value), style);
        return list.substring(1, list.length() - 1);
    }

    /** A one-line flow sequence: {@code [a, 'b: c']}. */
    static String flowList(List<String> values, DumperOptions.ScalarStyle style) {
        String dumped = dump(values, style);
        if (dumped.indexOf('\n') >= 0 && style != DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
            // a value with a line break would spill over lines; double quotes escape it instead
            dumped = dump(values, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        if (!dumped.startsWith("[") || !dumped.endsWith("]") || dumped.indexOf('\n') >= 0) {
            throw new IllegalStateException("a list of text values did not come out as one flow line");
        }
        return dumped;
    }

    private static String dump(List<String> values, DumperOptions.ScalarStyle style) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        options.setDefaultScalarStyle(style);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(values).strip();
    }
}
