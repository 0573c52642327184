package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request and its answer: bounded body reading, JSON and problem+json writing. */
public final class ApiExchange {
    /** Bodies above 64 KiB are refused: no legitimate Case API request comes near it. */
    public static final int MAX_BODY = 64 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> query;

    public ApiExchange(HttpExchange exchange) {
        this.exchange = exchange;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public String query(String name) {
        return query.get(name);
    }

    public Map<String, String> queryParams() {
        return query;
    }

    public void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    /** The raw body, refused with 413 once it passes {@link #MAX_BODY} (whatever Content-Length claimed). */
    public byte[] body() throws IOException {
        String declared = header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("Content-Length is not a number");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw tooLarge();
            }
            return body;
        }
    }

    /** The body as a JSON object; anything else is a 400 malformed-json problem. */
    public JsonNode jsonBody() throws IOException {
        return jsonBodyOf(body());
    }

    /** Parses an already-read body as a JSON object. */
    public JsonNode jsonBodyOf(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiProblem(400, "malformed-json", "The body is not valid JSON",
                    "could not parse the body as JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem(400, "malformed-json", "The body is not a JSON object",
                    "the request body must be a JSON object");
        }
        return node;
    }

    public void json(int status, Object value) throws IOException {
        send(status, "application/json", Json.bytes(value));
    }

    public void problem(ApiProblem problem) throws IOException {
        send(problem.status(), "application/problem+json", Json.bytes(problem.body(path())));
    }

    public void noContent() throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "payload-too-large", "The body is too large",
                "request bodies are limited to " + MAX_BODY + " bytes");
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }
}
