package io.gatehouse.connectors.pkcs11;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The objects pkcs11-tool --list-objects printed, parsed into blocks of "key: value" lines. */
record Pkcs11Listing(List<Entry> entries) {

    /** One object: its heading ("Private Key Object; EC") and its fields. */
    record Entry(String heading, Map<String, String> fields) {
        String field(String name) {
            return fields.getOrDefault(name, "");
        }

        Set<String> list(String name) {
            return java.util.Arrays.stream(field(name).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
    }

    static Pkcs11Listing parse(String output) {
        List<Entry> entries = new ArrayList<>();
        String heading = null;
        Map<String, String> fields = null;
        for (String line : output.lines().toList()) {
            if (line.contains(" Object;")) {
                if (heading != null) {
                    entries.add(new Entry(heading, fields));
                }
                heading = line.strip();
                fields = new LinkedHashMap<>();
            } else if (heading != null && line.startsWith("  ") && line.contains(":")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (heading != null) {
            entries.add(new Entry(heading, fields));
        }
        return new Pkcs11Listing(List.copyOf(entries));
    }

    Entry find(String headingStart, String label) {
        return entries.stream().filter(e -> e.heading().startsWith(headingStart) && e.field("label").equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("pkcs11-tool lists no " + headingStart + " labelled "
                        + label + " in:\n" + entries));
    }
}
