package io.gatehouse.data.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How the operator proves who they are when the console starts, unlocks or steps up. */
public enum SignInMethod {
    /** A fresh challenge signed by the operator's enrolled smartcard after its PIN. */
    SMARTCARD,
    /** The development profile: the operator named in the file, proven by the secret store's passphrase at most. */
    LOCAL;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SignInMethod fromConfigName(String name) {
        for (SignInMethod m : values()) {
            if (m.configName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a sign-in method; use smartcard or local");
    }
}
