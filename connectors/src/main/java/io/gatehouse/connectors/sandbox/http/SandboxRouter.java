package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.connectors.sandbox.events.EventSigner;
import io.gatehouse.connectors.sandbox.jwks.JwksRegistry;
import io.gatehouse.connectors.sandbox.metrics.SandboxMetrics;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The single HTTP entry point: routes requests and turns every failure into problem+json. */
public final class SandboxRouter implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(SandboxRouter.class.getName());

    private final SandboxWorld world;
    private final JwksRegistry jwks;
    private final CaseApiHandler cases;
    private final ApprovalsHandler approvals;
    private final AdminHandler admin;
    private final SecurityEventStream securityEvents;

    public SandboxRouter(SandboxWorld world, JwksRegistry jwks, String adminToken, EventSigner eventSigner) {
        this.world = world;
        this.securityEvents = new SecurityEventStream(world, eventSigner);
        this.jwks = jwks;
        this.cases = new CaseApiHandler(world);
        this.approvals = new ApprovalsHandler(world);
        this.admin = new AdminHandler(world, jwks, adminToken);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiExchange ex = new ApiExchange(exchange);
        try {
            if (ex.path().equals("/v1/security-events/stream")) {
                securityEvents.serve(ex, exchange);
            } else if (!route(ex)) {
                throw ApiProblem.notFound("no route " + ex.method() + " " + ex.path());
            }
        } catch (ApiProblem p) {
            ex.problem(p);
        } catch (RuntimeException e) {
            // The log gets the cause; the client gets a stable type and no internals.
            LOG.log(Level.WARNING, "sandbox request failed: " + ex.method() + " " + ex.path(), e);
            ex.problem(new ApiProblem(500, "internal", "Internal error", "the sandbox failed to answer"));
        } finally {
            exchange.close();
        }
    }

    private boolean route(ApiExchange ex) throws IOException {
        switch (ex.path()) {
            case "/metrics" -> {
                Routes.requireMethod(ex, "GET");
                byte[] text = world.transact(now -> world.metrics().scrape());
                ex.send(200, SandboxMetrics.contentType(), text);
                return true;
            }
            case "/.well-known/jwks.json" -> {
                Routes.requireMethod(ex, "GET");
                ex.send(200, "application/jwk-set+json", jwks.publicJson().getBytes(StandardCharsets.UTF_8));
                return true;
            }
            case "/v1/tokens/verify" -> {
                Routes.requireMethod(ex, "POST");
                JsonNode body = ex.jsonBody();
                String token = Fields.requiredText(body, "token");
                ex.json(200, jwks.verify(token));
                return true;
            }
            case "/healthz" -> {
                Routes.requireMethod(ex, "GET");
                ex.json(200, world.transact(now -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", "ok");
                    m.put("simulated_now", now.toString());
                    m.put("cases", world.store().size());
                    return m;
                }));
                return true;
            }
            default -> {
                return cases.handle(ex) || approvals.handle(ex) || admin.handle(ex);
            }
        }
    }
}
