package io.gatehouse.connectors.sandbox.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The sandbox's Prometheus metrics, per region and rail, in a private registry (never the global one). */
public final class SandboxMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter checkoutAttempts = counter("sandbox_checkout_attempts",
            "Checkout attempts reaching the payment step.", "region", "rail");
    private final Counter checkoutErrors = counter("sandbox_checkout_errors",
            "Checkout attempts that failed with a gateway or processing error.", "region", "rail");
    private final Counter authorisations = counter("sandbox_authorisations",
            "Payment authorisations requested, approved or not.", "region", "rail");
    private final Counter declines = counter("sandbox_declines",
            "Authorisations declined, by reason.", "region", "rail", "reason");
    private final Counter fraudFlagged = counter("sandbox_fraud_flagged_orders",
            "Orders flagged by fraud rules, sent to review or declined automatically.", "region", "rail", "status");
    private final Counter logins = counter("sandbox_login_attempts",
            "Shopper login attempts by result.", "region", "result");
    private final Gauge loginFailureSources = Gauge.builder().name("sandbox_login_failure_source_ips")
            .help("Distinct source IPs of login failures in the last simulated minute.")
            .labelNames("region").register(registry);
    private final Counter foreignOrigin = counter("sandbox_checkout_foreign_origin",
            "Checkout attempts from a country outside the region's markets, by that country.", "region", "country");
    private final Counter tokenFailures = counter("sandbox_token_validation_failures",
            "Session token validation failures, by reason.", "region", "reason");
    private final Counter webhooks = counter("sandbox_webhook_deliveries",
            "Payment webhooks received from the gateway.", "region");
    private final Counter webhookSignatureFailures = counter("sandbox_webhook_signature_failures",
            "Payment webhooks whose signature did not verify.", "region");
    private final Counter outcomes = counter("sandbox_case_outcomes",
            "Later outcomes on decided cases: chargebacks, disputes, fraud reports, verified customers.",
            "region", "type");
    private final Histogram latency = Histogram.builder().name("sandbox_checkout_latency_seconds")
            .help("Time from pay button to payment answer, in seconds.")
            .classicOnly().classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .labelNames("region", "rail").withoutExemplars().register(registry);

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    public void checkoutAttempt(String region, String rail, boolean error, double latencySeconds) {
        checkoutAttempts.labelValues(region, rail).inc();
        if (error) {
            checkoutErrors.labelValues(region, rail).inc();
        }
        latency.labelValues(region, rail).observe(latencySeconds);
    }

    public void foreignOrigin(String region, String country, long count) {
        foreignOrigin.labelValues(region, country).inc(count);
    }

    public void authorisation(String region, String rail) {
        authorisations.labelValues(region, rail).inc();
    }

    public void decline(String region, String rail, String reason) {
        declines.labelValues(region, rail, reason).inc();
    }

    public void flagged(String region, String rail, String status) {
        fraudFlagged.labelValues(region, rail, status).inc();
    }

    public void logins(String region, long successes, long failures, long distinctFailureSources) {
        logins.labelValues(region, "success").inc(successes);
        logins.labelValues(region, "failure").inc(failures);
        loginFailureSources.labelValues(region).set(distinctFailureSources);
    }

    public void tokenFailures(String region, String reason, long count) {
        tokenFailures.labelValues(region, reason).inc(count);
    }

    public void webhooks(String region, long delivered, long signatureFailures) {
        webhooks.labelValues(region).inc(delivered);
        webhookSignatureFailures.labelValues(region).inc(signatureFailures);
    }

    public void outcome(String region, String type) {
        outcomes.labelValues(region, type).inc();
    }

    /** The Prometheus text exposition (format 0.0.4) of every metric. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
