package io.gatehouse.data.keys;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.store.LocalStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key rings in the store. Every change to a version commits in the same transaction as its
 * audit entry, so the audit chain and the recorded rotation state can never disagree.
 */
final class KeyRingLedger {
    private final LocalStore store;
    private final AuditLog audit;

    KeyRingLedger(LocalStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    Optional<KeyRing> find(String name) {
        return store.read(c -> KeyRingRows.ring(c, name));
    }

    KeyRing require(String name) {
        return find(name).orElseThrow(() -> new GatehouseException(FailureKind.CONFIGURATION, "There is no key ring '"
                + name + "'. Run 'gatehouse keys rings' to see the rings, or create it with 'gatehouse keys rotate "
                + name + " --create'."));
    }

    List<KeyRing> all() {
        return store.read(c -> {
            List<KeyRing> rings = new ArrayList<>();
            for (String name : KeyRingRows.ringNames(c)) {
                rings.add(KeyRingRows.ring(c, name).orElseThrow());
            }
            return rings;
        });
    }

    KeyRing create(String name, RotationPolicy policy, Instant at) {
        return store.write(c -> {
            if (!KeyRingRows.insertRing(c, name, policy, at)) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "Key ring '" + name + "' already exists.");
            }
            audit.appendIn(c, "key.ring.created", "key-ring/" + name, policyDetails(policy), null);
            return KeyRingRows.ring(c, name).orElseThrow();
        });
    }

    KeyVersion insert(KeyVersion v, String action, Map<String, String> details) {
        return store.write(c -> {
            KeyRingRows.insertVersion(c, v);
            audit.appendIn(c, action, subject(v), with(v, details), null);
            return v;
        });
    }

    KeyVersion update(KeyVersion expected, KeyVersion next, String action, Map<String, String> details) {
        return store.write(c -> updateIn(c, expected, next, action, details));
    }

    /**
     * Makes {@code pending} primary and moves the old primary to retiring in one transaction: there
     * is no moment, even after a crash, with no active version or with two.
     */
    KeyVersion activate(KeyVersion pending, KeyVersion activated, Optional<KeyVersion> oldActive,
            Optional<KeyVersion> retiring) {
        return store.write(c -> {
            if (oldActive.isPresent()) {
                updateIn(c, oldActive.get(), retiring.orElseThrow(), "key.version.retiring",
                        Map.of("verifyUntil", retiring.get().dueAt().toString(), "replacedBy", "v" + activated.number()));
            }
            return updateIn(c, pending, activated, "key.rotation.activated",
                    oldActive.map(o -> Map.of("replaces", "v" + o.number())).orElse(Map.of()));
        });
    }

    void record(String action, String subject, Map<String, String> details) {
        audit.append(action, subject, details);
    }

    private KeyVersion updateIn(Connection c, KeyVersion expected, KeyVersion next, String action,
            Map<String, String> details) throws SQLException {
        KeyRingRows.updateVersion(c, expected, next);
        audit.appendIn(c, action, subject(next), with(next, details), null);
        return next;
    }

    static String subject(KeyVersion v) {
        return "key-ring/" + v.ring() + "/v" + v.number();
    }

    private static Map<String, String> with(KeyVersion v, Map<String, String> details) {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("state", v.state().name());
        all.put("step", v.step().name());
        all.put("keyLabel", v.keyLabel());
        if (v.kid() != null) {
            all.put("kid", v.kid());
        }
        return all;
    }

    private static Map<String, String> policyDetails(RotationPolicy p) {
        return Map.of("algorithm", p.algorithm().name(), "cryptoperiod", p.cryptoperiod().toString(),
                "warnBefore", p.warnBefore().toString(), "gracePeriod", p.gracePeriod().toString(),
                "destructionWindow", p.destructionWindow().toString());
    }
}
