package io.gatehouse.data.testing;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.JwksPublisher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A JWKS registry in memory that can be taken down. Its key ids hash the SPKI rather than the
 * RFC 7638 members; the real thumbprint is the connector's job and is tested there.
 */
public final class MemoryJwksRegistry implements JwksPublisher {
    private volatile Set<String> served = Set.of();
    private volatile boolean down;
    private volatile boolean servesStale;
    private int publications;

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** Accepts publications but keeps serving the old set, as a stuck cache would. */
    public void servesStale(boolean stale) {
        this.servesStale = stale;
    }

    public synchronized int publications() {
        return publications;
    }

    @Override
    public String keyId(PublicKey key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void publish(List<PublicKey> keys) {
        checkUp();
        publications++;
        if (!servesStale) {
            Set<String> kids = new LinkedHashSet<>();
            keys.forEach(k -> kids.add(keyId(k)));
            served = Set.copyOf(kids);
        }
    }

    @Override
    public Set<String> servedKeyIds() {
        checkUp();
        return served;
    }

    private void checkUp() {
        if (down) {
            throw new GatehouseException(FailureKind.UPSTREAM, "jwks: cannot connect to 127.0.0.1:1. Is the service running?");
        }
    }
}
