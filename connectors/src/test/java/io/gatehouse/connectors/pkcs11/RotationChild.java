package io.gatehouse.connectors.pkcs11;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.keys.JwksPublisher;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.TestOperators;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

/**
 * A console that dies mid-rotation: {@code DIR URL ADMIN RING} rotates the ring, says
 * "publishing" when the new key has been generated and self-tested, and then waits there for the
 * parent to kill it with SIGKILL.
 */
public final class RotationChild {
    private RotationChild() {
    }

    public static void main(String[] args) throws Exception {
        LocalStore store = LocalStore.open(Path.of(args[0]));
        JwksPublisher registry = RotationRig.registry(URI.create(args[1]), args[2]);
        JwksPublisher stopsAtPublish = new JwksPublisher() {
            @Override
            public String keyId(PublicKey key) {
                return registry.keyId(key);
            }

            @Override
            public void publish(List<PublicKey> keys) {
                System.out.println("publishing");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public Set<String> servedKeyIds() {
                return registry.servedKeyIds();
            }
        };
        LocalOperatorSession alice = TestOperators.session(InstantSource.system(), Role.KEY_CUSTODIAN);
        // never SoftHsm.port(): its first use wipes the token directory the parent is using
        TokenSession token = Pkcs11Modules.open(SoftHsm.MODULE).openSession(SoftHsm.ROTATION, SoftHsm.pin());
        new KeyCustody(store, new AuditLog(store, alice, InstantSource.system()), alice, token, stopsAtPublish,
                InstantSource.system()).rotate(args[3]);
        System.out.println("not killed");
    }
}
