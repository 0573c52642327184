package io.gatehouse.data.testing;

import io.gatehouse.data.keys.token.GeneratedKey;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.keys.token.TokenSession;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a token session and makes its N-th device call fail, as a pulled token or a failing
 * device would. Counting calls rather than naming methods lets a test walk a fault through every
 * point of a workflow without knowing how the workflow uses the token.
 */
public final class FaultyTokenSession implements TokenSession {
    private final TokenSession delegate;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failAt = -1;
    private volatile TokenException.Reason reason = TokenException.Reason.DEVICE_ERROR;

    public FaultyTokenSession(TokenSession delegate) {
        this.delegate = delegate;
    }

    /** Makes the {@code n}-th call from now (1 = the next one) fail with this reason; later calls pass. */
    public FaultyTokenSession failCall(int n, TokenException.Reason why) {
        calls.set(0);
        failAt = n;
        reason = why;
        return this;
    }

    public FaultyTokenSession healthy() {
        failAt = -1;
        return this;
    }

    /** Calls made since the last {@link #failCall} or {@link #resetCount}. */
    public int calls() {
        return calls.get();
    }

    public void resetCount() {
        calls.set(0);
    }

    private void maybeFail(String what) {
        if (calls.incrementAndGet() == failAt) {
            throw reason == TokenException.Reason.TOKEN_REMOVED
                    ? TokenException.tokenRemoved(delegate.token().label(), new IllegalStateException("CKR_DEVICE_REMOVED"))
                    : TokenException.deviceError(what, new IllegalStateException("CKR_DEVICE_ERROR"));
        }
    }

    @Override
    public TokenInfo token() {
        return delegate.token();
    }

    @Override
    public List<KeyObject> listKeys() {
        maybeFail("listing keys");
        return delegate.listKeys();
    }

    @Override
    public GeneratedKey generateKeyPair(KeyAlgorithm algorithm, String label, byte[] id) {
        maybeFail("generating a key pair");
        return delegate.generateKeyPair(algorithm, label, id);
    }

    @Override
    public GeneratedKey generateSecretKey(KeyAlgorithm algorithm, String label, byte[] id) {
        maybeFail("generating a secret key");
        return delegate.generateSecretKey(algorithm, label, id);
    }

    @Override
    public byte[] sign(String label, SignatureMechanism mechanism, byte[] data) {
        maybeFail("signing");
        return delegate.sign(label, mechanism, data);
    }

    @Override
    public PublicKey publicKey(String label) {
        maybeFail("reading a public key");
        return delegate.publicKey(label);
    }

    @Override
    public void destroy(String label) {
        maybeFail("destroying a key");
        delegate.destroy(label);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
