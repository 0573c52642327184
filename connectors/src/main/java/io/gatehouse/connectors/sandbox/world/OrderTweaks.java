package io.gatehouse.connectors.sandbox.world;

import java.util.List;

/** What an attack scenario changes about a generated order; null fields keep the normal draw. */
public record OrderTweaks(PaymentRail rail, Double amountFactor, String bin, String ip, String tokenId,
                          boolean newDeviceOnExistingAccount, Integer attemptsPerIp1h, Double cvcFailure,
                          Double avsFailure, List<String> extraRules) {

    public static final OrderTweaks NONE = new OrderTweaks(null, null, null, null, null, false, null, null, null,
            List.of());
}
