package io.gatehouse.data.connections;

/** Tests one connection with its real TLS settings; implemented by the composition root over the connectors. */
public interface ConnectionTester {
    /** Blocking; never throws for a network or TLS failure, which is reported as the check's outcome. */
    ConnectionCheck test(ConnectionEntry connection);
}
