package io.gatehouse.data.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.gatehouse.data.operator.Role;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads roles in their configuration spelling ({@code key-custodian}) with a helpful refusal. */
final class RoleDeserializer extends StdDeserializer<Role> {
    RoleDeserializer() {
        super(Role.class);
    }

    @Override
    public Role deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Role) ctx.handleUnexpectedToken(Role.class, p);
        }
        String text = p.getText();
        try {
            return Role.fromConfigName(text);
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(Role.values()).map(Role::configName).collect(Collectors.joining(", "));
            throw ctx.weirdStringException(text, Role.class, "unknown role; the roles are " + known);
        }
    }
}
