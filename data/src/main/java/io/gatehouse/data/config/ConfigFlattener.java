package io.gatehouse.data.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a configuration into sorted {@code path = value} pairs, the form in which two configurations are
 * compared and a change is audited. Anything that could carry a credential is redacted on the way: values
 * of fields named like a password or PIN, user-info in URLs, and credential-like query parameters. The
 * configuration is meant to name secrets, not hold them; redaction covers the file that does anyway.
 */
public final class ConfigFlattener {
    public static final String REDACTED = "[redacted]";
    private static final Pattern SENSITIVE_FIELD = Pattern.compile(
            "(?i).*(password|passphrase|passwd|pin|credential|private|secretvalue|apikeyvalue)$");
    private static final Pattern SENSITIVE_QUERY = Pattern.compile(
            "(?i)(^|&)((?:access_?)?token|api_?key|key|sig|signature|secret|password|auth)=[^&]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);

    private ConfigFlattener() {
    }

    public static SortedMap<String, String> flatten(GatehouseConfig config) {
        SortedMap<String, String> out = new TreeMap<>();
        walk("", JSON.valueToTree(config), out);
        return out;
    }

    private static void walk(String path, JsonNode node, SortedMap<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return; // absent and null mean the same in the file: the default applies
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            if (items.stream().allMatch(JsonNode::isValueNode)) {
                // lists of plain values come from sets (roles) as often as from lists: sort, so the order a set
                // happens to iterate in is never reported as a change
                items.sort(Comparator.comparing(JsonNode::asText));
            }
            for (int i = 0; i < items.size(); i++) {
                walk(path + "[" + i + "]", items.get(i), out);
            }
        } else {
            out.put(path, redact(path, node.asText()));
        }
    }

    static String redact(String path, String value) {
        String field = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
        if (SENSITIVE_FIELD.matcher(field.toLowerCase(Locale.ROOT)).matches()) {
            return REDACTED;
        }
        if (value.contains("://")) {
            return redactUri(value);
        }
        return value;
    }

    private static String redactUri(String value) {
        try {
            URI uri = URI.create(value);
            String userInfo = uri.getRawUserInfo();
            String query = uri.getRawQuery();
            String result = value;
            if (userInfo != null) {
                result = result.replace(userInfo + "@", REDACTED + "@");
            }
            if (query != null) {
                result = result.replace("?" + query, "?" + SENSITIVE_QUERY.matcher(query).replaceAll("$1$2=" + REDACTED));
            }
            return result;
        } catch (IllegalArgumentException e) {
            return value.replaceAll("//[^/@]*@", "//" + REDACTED + "@");
        }
    }
}
