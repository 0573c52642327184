package io.gatehouse.data.config;

import com.fasterxml.jackson.core.JsonLocation;
import io.gatehouse.data.secrets.SecretStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a parsed configuration must meet; each refusal points at the offending value. */
final class ConfigRules {
    private static final Pattern OPERATOR_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final double MAX_SPEED = 100_000;
    private static final Pattern STRIPE_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");
    private static final Pattern VALUE_LIST_ID = Pattern.compile("rsl_[A-Za-z0-9]{1,64}");
    private static final Set<String> VALUE_LIST_TYPES = Set.of("card_fingerprint", "email", "customer", "ip_address",
            "device");
    private static final Pattern SCENARIO = Pattern.compile("[a-z][a-z_-]{0,63}(:[a-z][a-z0-9_]{0,63})?");

    private final Path file;
    private final YamlLocations locations;

    ConfigRules(Path file, YamlLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    void check(GatehouseConfig config) {
        if (config.operators().isEmpty()) {
            throw refuse("/operators", "'operators' is missing or empty: list at least one operator with id, name and roles");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < config.operators().size(); i++) {
            OperatorEntry entry = config.operators().get(i);
            String at = "/operators/" + i;
            if (entry.id() == null || !OPERATOR_ID.matcher(entry.id()).matches()) {
                throw refuse(at + "/id", "operator id '" + entry.id() + "' must be 1-64 lower-case letters, digits, '.', '_' or '-'");
            }
            if (!ids.add(entry.id())) {
                throw refuse(at + "/id", "operator id '" + entry.id() + "' is listed twice");
            }
            if (entry.roles().isEmpty()) {
                throw refuse(at, "operator '" + entry.id() + "' has no roles: give at least one of analyst, lead, key-custodian, executive-viewer");
            }
        }
        if (config.operator() == null) {
            throw refuse("", "'operator' is missing: name the operator who uses this console");
        }
        if (config.findOperator(config.operator()).isEmpty()) {
            throw refuse("/operator", "operator '" + config.operator() + "' is not listed under 'operators'");
        }
        if (config.profiles().isEmpty()) {
            throw refuse("/profiles", "'profiles' is missing or empty: define at least one connection profile");
        }
        if (config.profile() == null) {
            throw refuse("", "'profile' is missing: name the connection profile to use");
        }
        if (!config.profiles().containsKey(config.profile())) {
            throw refuse("/profile", "profile '" + config.profile() + "' is not defined under 'profiles' (defined: "
                    + String.join(", ", new java.util.TreeSet<>(config.profiles().keySet())) + ")");
        }
        for (Map.Entry<String, ConnectionProfile> e : config.profiles().entrySet()) {
            checkProfile(e.getKey(), e.getValue());
        }
        if (config.review() != null) {
            checkReview(config.review());
        }
        checkReviewSource(config);
        if (config.anomaly() != null) {
            checkAnomaly(config.anomaly());
        }
    }

    private void checkReviewSource(GatehouseConfig config) {
        ReviewSource configured = config.configuredReviewSource();
        ConnectionProfile active = config.activeProfile();
        String profile = config.profile();
        if (configured == null) {
            if (active.stripe() != null) {
                throw refuse("/profiles/" + profile + "/stripe", "profile '" + profile + "' has a 'stripe' section but"
                        + " 'review.source' does not say which fraud queue to use: set it to stripe, caseApi or sandbox");
            }
            return;
        }
        boolean present = switch (configured) {
            case STRIPE -> active.stripe() != null;
            case CASE_API -> active.caseApi() != null;
            case SANDBOX -> active.sandbox() != null;
        };
        if (!present) {
            throw refuse("/review/source", "'review.source' is " + configured.configName() + " but profile '" + profile
                    + "' has no '" + configured.configName() + "' section");
        }
    }

    private void checkAnomaly(AnomalySection anomaly) {
        if (anomaly.defaults() != null) {
            checkThresholds("/anomaly/defaults", anomaly.defaults());
        }
        for (Map.Entry<String, AnomalySection.ThresholdValues> e : anomaly.regions().entrySet()) {
            String at = "/anomaly/regions/" + e.getKey();
            if (!REGION_NAME.matcher(e.getKey()).matches()) {
                throw refuse(at, "region '" + e.getKey() + "' must be 1-64 lower-case letters, digits or '_', as the"
                        + " telemetry names it (for example eu or north_america)");
            }
            if (e.getValue() != null) {
                checkThresholds(at, e.getValue());
            }
        }
        String secret = anomaly.webhookSecret();
        if (secret != null && !SecretStore.NAME.matcher(secret).matches()) {
            // the value is not repeated: a webhook URL pasted here by mistake is itself the secret
            throw refuse("/anomaly/webhookSecret", "'webhookSecret' must name a secret (lower-case letters, digits,"
                    + " '.', '_', '-'); store the webhook URL under Connections, never in this file");
        }
    }

    private void checkThresholds(String at, AnomalySection.ThresholdValues t) {
        if (t.zScore() != null && !(t.zScore() >= 2 && t.zScore() <= 50)) {
            throw refuse(at + "/zScore", "'zScore' must be between 2 and 50 standard deviations");
        }
        if (t.minRatio() != null && !(t.minRatio() >= 1 && t.minRatio() <= 100)) {
            throw refuse(at + "/minRatio", "'minRatio' must be between 1 and 100 times the usual level");
        }
        if (t.confirmSamples() != null && (t.confirmSamples() < 1 || t.confirmSamples() > 60)) {
            throw refuse(at + "/confirmSamples", "'confirmSamples' must be between 1 and 60 observations");
        }
        if (t.clearSamples() != null && (t.clearSamples() < 1 || t.clearSamples() > 1440)) {
            throw refuse(at + "/clearSamples", "'clearSamples' must be between 1 and 1440 observations");
        }
        if (t.warmupSamples() != null && (t.warmupSamples() < 0 || t.warmupSamples() > 100_000)) {
            throw refuse(at + "/warmupSamples", "'warmupSamples' must be between 0 and 100000 observations");
        }
    }

    private void checkReview(ReviewSettings review) {
        if (review.source() != null && review.reviewSource() == null) {
            throw refuse("/review/source", "'" + review.source() + "' is not a fraud queue source; use one of "
                    + java.util.Arrays.stream(ReviewSource.values()).map(ReviewSource::configName)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
        Integer undo = review.undoMinutes();
        if (undo != null && (undo < 0 || undo > ReviewSettings.MAX_UNDO_MINUTES)) {
            throw refuse("/review/undoMinutes", "'undoMinutes' must be between 0 and " + ReviewSettings.MAX_UNDO_MINUTES);
        }
        Integer sla = review.slaMinutes();
        if (sla != null && (sla < 1 || sla > ReviewSettings.MAX_SLA_MINUTES)) {
            throw refuse("/review/slaMinutes", "'slaMinutes' must be between 1 and " + ReviewSettings.MAX_SLA_MINUTES);
        }
        if (review.fourEyesThresholds() != null) {
            for (Map.Entry<String, Long> e : review.fourEyesThresholds().entrySet()) {
                String at = "/review/fourEyesThresholds/" + e.getKey();
                if (!e.getKey().matches("[A-Z]{3}")) {
                    throw refuse(at, "'" + e.getKey() + "' is not an upper-case ISO 4217 currency code, such as EUR");
                }
                if (e.getValue() == null || e.getValue() < 0) {
                    throw refuse(at, "a four-eyes threshold is a whole number of minor units (cents, yen), 0 or more");
                }
            }
        }
    }

    private void checkProfile(String name, ConnectionProfile profile) {
        String at = "/profiles/" + name;
        if (!PROFILE_NAME.matcher(name).matches()) {
            throw refuse(at, "profile name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (profile == null || (profile.sandbox() == null && profile.caseApi() == null && profile.prometheus() == null
                && profile.stripe() == null)) {
            throw refuse(at, "profile '" + name + "' has no source: add 'sandbox', 'caseApi', 'stripe' or 'prometheus'");
        }
        if (profile.sandbox() != null) {
            Double speed = profile.sandbox().speed();
            if (speed != null && !(speed > 0 && speed <= MAX_SPEED)) {
                throw refuse(at + "/sandbox/speed", "sandbox speed must be above 0 and at most " + (long) MAX_SPEED);
            }
            java.util.List<String> scenarios = profile.sandbox().scenarios();
            for (int i = 0; i < scenarios.size(); i++) {
                if (scenarios.get(i) == null || !SCENARIO.matcher(scenarios.get(i)).matches()) {
                    throw refuse(at + "/sandbox/scenarios/" + i, "a scenario is a name, or name:region, such as"
                            + " credential_stuffing or card_testing:eu");
                }
            }
        }
        if (profile.caseApi() != null) {
            checkUrl(at + "/caseApi/url", profile.caseApi().url());
            checkSecretName(at + "/caseApi/apiKeySecret", profile.caseApi().apiKeySecret());
        }
        if (profile.stripe() != null) {
            checkStripe(at + "/stripe", profile.stripe());
        }
        if (profile.prometheus() != null) {
            checkUrl(at + "/prometheus/url", profile.prometheus().url());
            if (profile.prometheus().regionLabel() != null && !LABEL_NAME.matcher(profile.prometheus().regionLabel()).matches()) {
                throw refuse(at + "/prometheus/regionLabel", "'" + profile.prometheus().regionLabel()
                        + "' is not a Prometheus label name");
            }
            checkSecretName(at + "/prometheus/bearerTokenSecret", profile.prometheus().bearerTokenSecret());
        }
        if (profile.token() != null) {
            if (blank(profile.token().module())) {
                throw refuse(at + "/token", "token 'module' is missing: give the path of the PKCS#11 library");
            }
            if (blank(profile.token().label())) {
                throw refuse(at + "/token", "token 'label' is missing: name the token by its label, since slot numbers move");
            }
        }
    }

    private void checkStripe(String at, ConnectionProfile.Stripe stripe) {
        if (stripe.url() != null) {
            checkUrl(at + "/url", stripe.url());
        }
        if (stripe.apiKeySecret() == null) {
            throw refuse(at, "'apiKeySecret' is missing: name the secret that holds the Stripe API key (never the key itself)");
        }
        checkSecretName(at + "/apiKeySecret", stripe.apiKeySecret());
        if (stripe.apiVersion() != null && !STRIPE_VERSION.matcher(stripe.apiVersion()).matches()) {
            throw refuse(at + "/apiVersion", "'" + stripe.apiVersion() + "' is not a Stripe API version such as 2024-06-20");
        }
        checkValueLists(at + "/allowLists", stripe.allowLists());
        checkValueLists(at + "/blockLists", stripe.blockLists());
    }

    private void checkValueLists(String at, Map<String, String> lists) {
        for (Map.Entry<String, String> e : lists.entrySet()) {
            if (!VALUE_LIST_TYPES.contains(e.getKey())) {
                throw refuse(at + "/" + e.getKey(), "'" + e.getKey() + "' is not a list type; use one of "
                        + String.join(", ", new java.util.TreeSet<>(VALUE_LIST_TYPES)));
            }
            if (e.getValue() == null || !VALUE_LIST_ID.matcher(e.getValue()).matches()) {
                throw refuse(at + "/" + e.getKey(), "a Radar value list id looks like rsl_1AbC...; copy it from the"
                        + " Stripe dashboard");
            }
        }
    }

    private void checkUrl(String at, URI url) {
        if (url == null) {
            throw refuse(at, "'url' is missing");
        }
        String scheme = url.getScheme();
        if (scheme == null || url.getHost() == null) {
            throw refuse(at, "'" + url + "' is not an absolute http(s) URL");
        }
        if (url.getUserInfo() != null) {
            throw refuse(at, "the URL must not carry a user name or password; name a secret instead");
        }
        if ("http".equals(scheme) && !isLoopback(url.getHost())) {
            throw refuse(at, "plain http is allowed only to this machine (loopback); use https for " + url.getHost());
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw refuse(at, "'" + scheme + "' is not supported; use https");
        }
    }

    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // only literal addresses are judged: a name could resolve elsewhere tomorrow
        if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void checkSecretName(String at, String name) {
        if (name != null && !SecretStore.NAME.matcher(name).matches()) {
            throw refuse(at, "'" + name + "' is not a secret name (lower-case letters, digits, '.', '_', '-')");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private ConfigException refuse(String pointer, String problem) {
        JsonLocation location = locations.locate(pointer);
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new ConfigException(file, line, column, problem, null);
    }
}
