package org.llmtutor.userservice.auth.token.jwt;

import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets jjwt read and write JSON with the application's one mapper ({@code JsonConfig}), so that token claims follow the
 * same JSON rules as every other body, rather than with a second mapper of jjwt-jackson's own configuration.
 */
public final class JacksonJwtJson {

    private static final TypeReference<Map<String, ?>> MAP = new TypeReference<>() {};

    private JacksonJwtJson() {}

    public static AbstractSerializer<Map<String, ?>> serializer(JsonMapper json) {
        return new AbstractSerializer<>() {
            @Override
            protected void doSerialize(Map<String, ?> map, OutputStream out) {
                json.writeValue(out, map);
            }
        };
    }

    public static AbstractDeserializer<Map<String, ?>> deserializer(JsonMapper json) {
        return new AbstractDeserializer<>() {
            @Override
            protected Map<String, ?> doDeserialize(Reader reader) {
                return json.readValue(reader, MAP);
            }
        };
    }
}
