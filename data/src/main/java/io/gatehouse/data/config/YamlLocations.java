package io.gatehouse.data.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value sits in a YAML text, by JSON pointer ({@code /profiles/prod/caseApi/url}), so
 * that rules checked after parsing can still point at a line and column.
 */
final class YamlLocations {
    static final YamlLocations EMPTY = new YamlLocations(Map.of());

    private final Map<String, JsonLocation> byPointer;

    private YamlLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = byPointer;
    }

    static YamlLocations index(String yaml) throws IOException {
        Map<String, JsonLocation> map = new HashMap<>();
        // each frame is the pointer of a container and, for arrays, the next index
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndex = new ArrayDeque<>();
        String pendingField = null;
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    pendingField = parser.currentName();
                    // point at the key, where a reader looks first
                    map.putIfAbsent((path.isEmpty() ? "" : path.peek()) + "/" + pendingField, parser.currentTokenLocation());
                    continue;
                }
                String parent = path.isEmpty() ? "" : path.peek();
                String here;
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    path.pop();
                    arrayIndex.pop();
                    continue;
                }
                if (pendingField != null) {
                    here = parent + "/" + pendingField;
                    pendingField = null;
                } else if (!arrayIndex.isEmpty() && arrayIndex.peek()[0] >= 0) {
                    here = parent + "/" + arrayIndex.peek()[0]++;
                } else {
                    here = parent;
                }
                map.putIfAbsent(here, parser.currentTokenLocation());
                if (token == JsonToken.START_OBJECT) {
                    path.push(here);
                    arrayIndex.push(new int[] {-1});
                } else if (token == JsonToken.START_ARRAY) {
                    path.push(here);
                    arrayIndex.push(new int[] {0});
                }
            }
        }
        return new YamlLocations(map);
    }

    /** The location of the pointer, or of its nearest parent that has one. */
    JsonLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation location = byPointer.get(p);
            if (location != null || p.isEmpty()) {
                return location;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}
