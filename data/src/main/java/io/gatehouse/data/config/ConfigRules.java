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
        String operatorAt = config.signedIn().signIn() == null && config.signedIn().card() == null ? "/operator"
                : "/operator/id";
        if (config.findOperator(config.operator()).isEmpty()) {
            throw refuse(operatorAt, "operator '" + config.operator() + "' is not listed under 'operators'");
        }
        checkSignIn(config.signedIn());
        if (config.secrets() != null) {
            checkSecrets(config.secrets());
        }
        if (config.session() != null) {
            checkSession(config.session());
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

    private void checkSignIn(OperatorChoice choice) {
        OperatorChoice.Card card = choice.card();
        if (choice.method() == SignInMethod.SMARTCARD) {
            if (card == null) {
                throw refuse("/operator/signIn", "smartcard sign-in needs a 'card' section with the PKCS#11 'module' and"
                        + " the card's 'tokenLabel'");
            }
            if (blank(card.module())) {
                throw refuse("/operator/card", "card 'module' is missing: give the path of the card's PKCS#11 library");
            }
            if (blank(card.tokenLabel())) {
                throw refuse("/operator/card", "card 'tokenLabel' is missing: name the card by its token label");
            }
        } else if (card != null) {
            throw refuse("/operator/card", "a 'card' is read only with 'signIn: smartcard'; remove it or set signIn");
        }
    }

    private void checkSecrets(SecuritySettings.Secrets secrets) {
        String store = secrets.store();
        if (!SecuritySettings.Secrets.PASSPHRASE.equals(store) && !SecuritySettings.Secrets.TOKEN.equals(store)) {
            throw refuse("/secrets" + (store == null ? "" : "/store"), "'secrets.store' must be passphrase or token");
        }
        SecuritySettings.Secrets.Token token = secrets.token();
        if (secrets.onToken()) {
            if (token == null || blank(token.module()) || blank(token.tokenLabel()) || blank(token.keyLabel())) {
                throw refuse(token == null ? "/secrets/store" : "/secrets/token", "a token secret store needs"
                        + " 'token' with 'module', 'tokenLabel' and 'keyLabel'");
            }
        } else if (token != null) {
            throw refuse("/secrets/token", "'secrets.token' is read only with 'store: token'; remove it or set store");
        }
    }

    private void checkSession(SecuritySettings.Session session) {
        java.time.Duration idle = session.idleLock();
        if (idle != null && (idle.compareTo(SecuritySettings.MIN_IDLE_LOCK) < 0
                || idle.compareTo(SecuritySettings.MAX_IDLE_LOCK) > 0)) {
            throw refuse("/session/idleLock", "'idleLock' must be between 1 minute (PT1M) and 8 hours (PT8H)");
        }
        java.time.Duration stepUp = session.stepUpMaxAge();
        if (stepUp != null && (stepUp.compareTo(SecuritySettings.MIN_STEP_UP) < 0
                || stepUp.compareTo(SecuritySettings.MAX_STEP_UP) > 0)) {
            throw refuse("/session/stepUpMaxAge", "'stepUpMaxAge' must be between 30 seconds (PT30S) and 30 minutes"
                    + " (PT30M): a step-up proof is meant to be fresh");
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
            checkSecurity(at + "/caseApi", profile.caseApi().url(), profile.caseApi().security());
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
            checkSecurity(at + "/prometheus", profile.prometheus().url(), profile.prometheus().security());
        }
        if (profile.securityEvents() != null) {
            checkSecurityEvents(at + "/securityEvents", profile);
        }
        if (profile.token() != null) {
            if (blank(profile.token().module())) {
                throw refuse(at + "/token", "token 'module' is missing: give the path of the PKCS#11 library");
            }
            if (blank(profile.token().label())) {
                throw refuse(at + "/token", "token 'label' is missing: name the token by its label, since slot numbers move");
            }
            checkSecretName(at + "/token/pinSecret", profile.token().pinSecret());
        }
        if (profile.jwks() != null) {
            checkUrl(at + "/jwks/url", profile.jwks().url());
            if (blank(profile.jwks().adminTokenSecret())) {
                throw refuse(at + "/jwks", "jwks 'adminTokenSecret' is missing: name the secret that holds the"
                        + " registry's admin bearer token (gatehouse secrets set NAME)");
            }
            checkSecretName(at + "/jwks/adminTokenSecret", profile.jwks().adminTokenSecret());
        }
    }

    private void checkSecurityEvents(String at, ConnectionProfile profile) {
        ConnectionProfile.SecurityEvents events = profile.securityEvents();
        if (events.scheme() != null && !ConnectionProfile.SecurityEvents.SCHEMES.contains(events.scheme())) {
            throw refuse(at + "/scheme", "'" + events.scheme() + "' is not a signature scheme; use one of "
                    + String.join(", ", ConnectionProfile.SecurityEvents.SCHEMES));
        }
        if (events.url() == null) {
            if (profile.sandbox() == null) {
                throw refuse(at, "'url' is missing: give the backend's event stream, or add 'sandbox' to read its stream");
            }
            if (events.signingSecret() != null) {
                throw refuse(at + "/signingSecret", "'signingSecret' is for a configured 'url'; the sandbox signs its"
                        + " stream with its own secret");
            }
            return;
        }
        checkUrl(at + "/url", events.url());
        if (events.signingSecret() == null) {
            throw refuse(at, "'signingSecret' is missing: name the secret that holds the stream's signing secret"
                    + " (never the secret itself)");
        }
        checkSecretName(at + "/signingSecret", events.signingSecret());
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
        checkSecurity(at, stripe.url(), stripe.security());
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

    private void checkSecurity(String at, URI url, TransportSecurity security) {
        if (security.isEmpty()) {
            return;
        }
        if (url != null && "http".equals(url.getScheme())) {
            throw refuse(at + "/url", "'caBundle', 'pins' and 'clientCertificate' apply to TLS only: use an https URL,"
                    + " or remove them");
        }
        if (security.caBundle() != null) {
            checkCaBundle(at + "/caBundle", security.caBundle());
        }
        for (int i = 0; i < security.pins().size(); i++) {
            String pin = security.pins().get(i);
            if (!isSpkiPin(pin)) {
                throw refuse(at + "/pins/" + i, "a pin is the base64 SHA-256 of the server's public key (SPKI), 44"
                        + " characters ending in '=', optionally after 'sha256/'");
            }
        }
        if (security.clientCertificate() != null) {
            checkClientCertificate(at + "/clientCertificate", security.clientCertificate());
        }
    }

    private void checkCaBundle(String at, String caBundle) {
        Path bundle = TransportSecurity.resolve(file, caBundle);
        if (!java.nio.file.Files.isRegularFile(bundle) || !java.nio.file.Files.isReadable(bundle)) {
            throw refuse(at, "the CA bundle " + bundle + " does not exist or cannot be read");
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(bundle)) {
            if (java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw refuse(at, "the CA bundle " + bundle + " holds no certificate");
            }
        } catch (java.io.IOException | java.security.cert.CertificateException e) {
            throw refuse(at, "the CA bundle " + bundle + " is not a PEM file of X.509 certificates");
        }
    }

    static boolean isSpkiPin(String pin) {
        if (pin == null) {
            return false;
        }
        String bare = pin.startsWith("sha256/") ? pin.substring("sha256/".length()) : pin;
        try {
            return bare.length() == 44 && java.util.Base64.getDecoder().decode(bare).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkClientCertificate(String at, ClientCertificate cert) {
        boolean tokenPart = cert.token() != null || cert.key() != null || cert.module() != null;
        boolean filePart = cert.pkcs12() != null || cert.passwordSecret() != null;
        if (tokenPart == filePart) {
            throw refuse(at, "a client certificate is either on a token {token, key, module} or, for development, in"
                    + " a file {pkcs12, passwordSecret}; give exactly one of the two");
        }
        if (tokenPart) {
            if (blank(cert.token())) {
                throw refuse(at, "'token' is missing: name the token by its label");
            }
            if (blank(cert.key())) {
                throw refuse(at, "'key' is missing: name the client key by its label on the token");
            }
            if (blank(cert.module())) {
                throw refuse(at, "'module' is missing: give the path of the PKCS#11 library");
            }
            return;
        }
        if (blank(cert.pkcs12())) {
            throw refuse(at, "'pkcs12' is missing: give the path of the PKCS#12 file");
        }
        Path p12 = TransportSecurity.resolve(file, cert.pkcs12());
        if (!java.nio.file.Files.isRegularFile(p12)) {
            throw refuse(at + "/pkcs12", "the PKCS#12 file " + p12 + " does not exist");
        }
        if (cert.passwordSecret() == null) {
            throw refuse(at, "'passwordSecret' is missing: name the secret that holds the PKCS#12 password");
        }
        checkSecretName(at + "/passwordSecret", cert.passwordSecret());
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
