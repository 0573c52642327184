package io.gatehouse.connectors.sandbox.world;

/** How a region's payment gateway behaves: error rate, median latency, webhook signature failure rate. */
public record GatewayHealth(double errorRate, double medianLatencySeconds, double webhookSignatureFailureRate) {
    public static final GatewayHealth NORMAL = new GatewayHealth(0.005, 0.35, 0.0005);
    public static final GatewayHealth COMPROMISED = new GatewayHealth(0.25, 2.4, 0.30);
}
