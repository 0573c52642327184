package io.gatehouse.data.review;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** A console that queues decisions and is killed before sending any. */
public final class OutboxChild {
    private OutboxChild() {
    }

    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]));
        AuditLog audit = new AuditLog(store, TestOperators.session(InstantSource.system(), Role.ANALYST), InstantSource.system());
        DecisionOutbox outbox = new DecisionOutbox(store, InstantSource.system());
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            String key = "key-" + i;
            int n = i;
            store.write(c -> {
                audit.appendIn(c, "case.approve", "case/" + n, Map.of("idempotencyKey", key), null);
                return outbox.enqueueIn(c, key, "case-" + n, "approve", "{}");
            });
        }
        System.out.println("queued");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
