package io.gatehouse.data.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who uses this console and how they sign in. The file may name just the operator
 * ({@code operator: alice}, signing in locally) or give a section with the sign-in method and, for a
 * smartcard, where the card is read.
 *
 * @param id     the operator, one of {@code operators}
 * @param signIn {@code smartcard} or {@code local}; null means local
 * @param card   the PKCS#11 module and token label of the operator's card, for smartcard sign-in
 */
public record OperatorChoice(String id, SignInMethod signIn, Card card) {

    /** The plain form, {@code operator: alice}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OperatorChoice named(String id) {
        return new OperatorChoice(id, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OperatorChoice {
    }

    /** The sign-in method in force: smartcard only when configured so. */
    public SignInMethod method() {
        return signIn == null ? SignInMethod.LOCAL : signIn;
    }

    /** Written back in the plain form when nothing but the id is set, so a change audit compares like with like. */
    @JsonValue
    Object json() {
        if (signIn == null && card == null) {
            return id;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("signIn", signIn == null ? null : signIn.configName());
        if (card != null) {
            out.put("card", Map.of("module", String.valueOf(card.module()), "tokenLabel", String.valueOf(card.tokenLabel())));
        }
        return out;
    }

    /** Where the operator's smartcard is read: a PKCS#11 module and the card's token label. */
    public record Card(String module, String tokenLabel) {
    }
}
