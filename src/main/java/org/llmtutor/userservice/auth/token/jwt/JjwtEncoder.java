package org.llmtutor.userservice.auth.token.jwt;

import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import tools.jackson.databind.json.JsonMapper;

/** Spring's {@link JwtEncoder} over jjwt: signs with the shared secret, HS256 and nothing else. */
public final class JjwtEncoder implements JwtEncoder {

    /** HS256 needs a key of at least 256 bits; a shorter shared secret can be brute-forced from one token. */
    static final int MIN_KEY_BYTES = 32;

    private final SecretKey key;
    private final JsonMapper json;

    public JjwtEncoder(SecretKey key, JsonMapper json) {
        requireHs256Key(key);
        this.key = key;
        this.json = json;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) {
        JwsHeader header = parameters.getJwsHeader();
        if (header != null && header.getAlgorithm() != MacAlgorithm.HS256) {
            throw new JwtEncodingException("Only HS256 is allowed, got " + header.getAlgorithm());
        }
        JwtClaimsSet claims = parameters.getClaims();
        var builder = Jwts.builder().json(JacksonJwtJson.serializer(json));
        // jjwt takes its registered time claims (exp, iat, nbf) as Dates and writes them as epoch seconds.
        claims.getClaims()
                .forEach((name, value) -> builder.claim(name, value instanceof Instant i ? Date.from(i) : value));
        String token = builder.signWith(key, Jwts.SIG.HS256).compact();
        return new Jwt(token, claims.getIssuedAt(), claims.getExpiresAt(), Map.of("alg", "HS256"), claims.getClaims());
    }

    static void requireHs256Key(SecretKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The HS256 signing key must be at least " + MIN_KEY_BYTES + " bytes");
        }
    }
}
