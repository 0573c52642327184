package io.gatehouse.data.store;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/**
 * A second process for store tests. {@code hold DIR}: opens the store, says "open", waits for
 * its input to close. {@code crash DIR N}: appends N audit entries, says "committed", then dies
 * without closing anything, as a killed console would.
 */
public final class StoreChild {
    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        LocalStore store = LocalStore.open(dir);
        switch (args[0]) {
            case "hold" -> {
                System.out.println("open");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the parent to close our input
                }
                store.close();
            }
            case "crash" -> {
                AuditLog log = new AuditLog(store, TestOperators.session(InstantSource.system(), Role.LEAD),
                        InstantSource.system());
                int count = Integer.parseInt(args[2]);
                for (int i = 1; i <= count; i++) {
                    log.append("test.crash", "case/" + i, Map.of("n", Integer.toString(i)));
                }
                System.out.println("committed");
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}
