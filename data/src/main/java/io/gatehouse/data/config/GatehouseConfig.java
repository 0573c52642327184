package io.gatehouse.data.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration: who operates this console, and the connection profiles it can use.
 * Secrets are never here; settings name them, and the {@code SecretStore} holds them.
 */
public record GatehouseConfig(@JsonProperty("operator") OperatorChoice signedIn, List<OperatorEntry> operators,
        String profile, Map<String, ConnectionProfile> profiles, ReviewSettings review, AnomalySection anomaly,
        SecuritySettings.Secrets secrets, SecuritySettings.Session session, SecuritySettings.KeyCustody keyCustody) {

    public GatehouseConfig {
        operators = operators == null ? List.of() : List.copyOf(operators);
        profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
    }

    /** A configuration that signs in locally, with the default session and secret store settings. */
    public GatehouseConfig(String operator, List<OperatorEntry> operators, String profile,
            Map<String, ConnectionProfile> profiles, ReviewSettings review, AnomalySection anomaly) {
        this(operator == null ? null : OperatorChoice.named(operator), operators, profile, profiles, review, anomaly,
                null, null, null);
    }

    /** The id of the operator who uses this console. */
    public String operator() {
        return signedIn == null ? null : signedIn.id();
    }

    /** How the operator signs in: local unless the file says smartcard. */
    public SignInMethod signInMethod() {
        return signedIn == null ? SignInMethod.LOCAL : signedIn.method();
    }

    /** The secret store's settings, the passphrase store by default. */
    public SecuritySettings.Secrets secretsOrDefault() {
        return secrets == null ? new SecuritySettings.Secrets(SecuritySettings.Secrets.PASSPHRASE, null) : secrets;
    }

    /** Idle lock and step-up freshness, defaulted. */
    public SecuritySettings.Session sessionOrDefault() {
        return session == null ? new SecuritySettings.Session(null, null) : session;
    }

    /** Whether key destruction needs smartcard proofs. */
    public boolean smartcardProofsRequired() {
        return keyCustody != null && keyCustody.smartcardProofsRequired();
    }

    /** A configuration with the default anomaly thresholds. */
    public GatehouseConfig(String operator, List<OperatorEntry> operators, String profile,
            Map<String, ConnectionProfile> profiles, ReviewSettings review) {
        this(operator, operators, profile, profiles, review, null);
    }

    /** A configuration with the review desk's default rules. */
    public GatehouseConfig(String operator, List<OperatorEntry> operators, String profile,
            Map<String, ConnectionProfile> profiles) {
        this(operator, operators, profile, profiles, null);
    }

    /** The review desk's rules: the configured ones, or the defaults. */
    public io.gatehouse.data.review.ReviewRules reviewRules() {
        return review == null ? io.gatehouse.data.review.ReviewRules.defaults() : review.toRules();
    }

    /** The anomaly detector's thresholds: the configured ones, or the defaults. */
    public io.gatehouse.data.anomaly.AnomalySettings anomalySettings() {
        return anomaly == null ? io.gatehouse.data.anomaly.AnomalySettings.standard() : anomaly.toSettings();
    }

    /** The secret holding the on-call webhook URL, if one is configured. */
    public Optional<String> webhookSecret() {
        return anomaly == null ? Optional.empty() : Optional.ofNullable(anomaly.webhookSecret());
    }

    /** The profile in use. */
    public ConnectionProfile activeProfile() {
        return profiles.get(profile);
    }

    public Optional<OperatorEntry> findOperator(String id) {
        return operators.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The explicitly configured fraud-queue source, or null when the profile decides. */
    public ReviewSource configuredReviewSource() {
        return review == null ? null : review.reviewSource();
    }

    /** Where the active profile's fraud queue comes from. */
    public ReviewSource reviewSource() {
        return activeProfile().fraudQueue(configuredReviewSource());
    }

    /** True while any source of the active profile is the embedded sandbox. */
    public boolean sandboxActive() {
        return activeProfile().usesSandbox(configuredReviewSource());
    }
}
