package io.gatehouse.data.keys;

/** How an active version stands against its ring's cryptoperiod. */
public enum CryptoperiodStatus {
    /** Well inside the cryptoperiod. */
    OK,
    /** Inside the warning period before the cryptoperiod ends: plan a rotation. */
    WARNING,
    /** The cryptoperiod has ended: rotate now. */
    EXPIRED
}
