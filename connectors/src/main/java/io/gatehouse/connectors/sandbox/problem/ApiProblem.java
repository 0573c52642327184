package io.gatehouse.connectors.sandbox.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error answer in RFC 9457 problem+json form, with a stable type per kind of error. */
public final class ApiProblem extends RuntimeException {
    /** Every problem type is this prefix plus a stable slug, as listed in the contract. */
    public static final String TYPE_PREFIX = "https://gatehouse.io/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public ApiProblem(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The body: the RFC 9457 members first, then extension members such as the standing decision. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return body;
    }

    public static ApiProblem invalid(String detail) {
        return new ApiProblem(400, "invalid-request", "The request is not valid", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "No such resource", detail);
    }
}
