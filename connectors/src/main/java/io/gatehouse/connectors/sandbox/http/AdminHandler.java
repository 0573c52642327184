package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.connectors.sandbox.jwks.JwksRegistry;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import io.gatehouse.connectors.sandbox.world.Region;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bearer-protected admin routes: attack scenarios on and off, and publishing a new JWKS. */
public final class AdminHandler {
    private static final String SCENARIOS = "/admin/scenarios";

    private final SandboxWorld world;
    private final JwksRegistry jwks;
    private final String token;

    public AdminHandler(SandboxWorld world, JwksRegistry jwks, String token) {
        this.world = world;
        this.jwks = jwks;
        this.token = token;
    }

    public boolean handle(ApiExchange ex) throws IOException {
        String path = ex.path();
        if (!path.startsWith("/admin/")) {
            return false;
        }
        Routes.requireBearer(ex, token);
        if (path.equals("/admin/jwks")) {
            Routes.requireMethod(ex, "PUT");
            int count = jwks.publish(new String(ex.body(), StandardCharsets.UTF_8));
            ex.json(200, JwksRegistry.published(count));
            return true;
        }
        if (path.equals(SCENARIOS)) {
            Routes.requireMethod(ex, "GET");
            ex.json(200, world.transact(now -> CaseApiHandler.listBody(states(), false)));
            return true;
        }
        if (!path.startsWith(SCENARIOS + "/")) {
            return false;
        }
        Routes.requireMethod(ex, "PUT");
        String name = path.substring(SCENARIOS.length() + 1);
        AttackScenario scenario = AttackScenario.fromWireName(name)
                .orElseThrow(() -> ApiProblem.notFound("no scenario '" + name + "'"));
        JsonNode body = ex.jsonBody();
        JsonNode active = body.get("active");
        if (active == null || !active.isBoolean()) {
            throw ApiProblem.invalid("'active' must be true or false");
        }
        String regionName = Fields.optionalText(body, "region");
        Region region = regionName == null ? scenario.defaultRegion() : Region.fromWireName(regionName)
                .orElseThrow(() -> ApiProblem.invalid("unknown region '" + regionName + "'"));
        ex.json(200, world.transact(now -> {
            if (active.booleanValue()) {
                world.board().start(new ScenarioActivation(scenario, region), now);
            } else {
                world.board().stop(scenario);
            }
            return state(scenario);
        }));
        return true;
    }

    private List<Map<String, Object>> states() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AttackScenario s : AttackScenario.values()) {
            out.add(state(s));
        }
        return out;
    }

    private Map<String, Object> state(AttackScenario s) {
        var running = world.board().running(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", "scenario");
        m.put("name", s.wireName());
        m.put("active", running.isPresent());
        m.put("region", running.map(r -> r.region()).orElse(s.defaultRegion()).wireName());
        running.map(r -> r.since()).ifPresent(since -> m.put("since", since.toString()));
        return m;
    }
}
