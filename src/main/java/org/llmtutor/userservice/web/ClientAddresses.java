package org.llmtutor.userservice.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.llmtutor.userservice.shared.RefusedSettingException;
import org.llmtutor.userservice.shared.RequestOrigin;
import org.llmtutor.userservice.shared.SettingsCheck;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for per-client rules (login throttling): the peer address, unless the peer is one of
 * {@code TRUSTED_PROXIES}; then the nearest address in {@code X-Forwarded-For} that is not a trusted proxy (read from the
 * right, since each proxy appends the address it saw, and everything left of our own proxies is the caller's claim).
 */
@Component
public class ClientAddresses implements SettingsCheck {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_LENGTH = 64;
    // Literal addresses only: anything else would make InetAddress look a name up in DNS.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(WebProperties properties) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String range : properties.trustedProxies()) {
            String address = range.contains("/") ? range.substring(0, range.indexOf('/')) : range;
            if (!isLiteral(address)) {
                throw new RefusedSettingException(
                        "TRUSTED_PROXIES must list IP addresses or CIDR ranges (such as 10.0.0.0/8), got " + range);
            }
            try {
                matchers.add(new IpAddressMatcher(range));
            } catch (IllegalArgumentException e) {
                throw new RefusedSettingException(
                        "TRUSTED_PROXIES has a bad CIDR range " + range + ": " + e.getMessage());
            }
        }
        this.trusted = List.copyOf(matchers);
    }

    /** The request's origin: the caller's address as described above and its User-Agent. */
    public RequestOrigin origin(HttpServletRequest request) {
        return new RequestOrigin(of(request), request.getHeader(HttpHeaders.USER_AGENT));
    }

    /** The caller's address as described above, at most 64 characters. */
    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return clip(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            // A hop that is no literal address was not written by a trusted proxy: it is the first untrusted one.
            if (!isTrusted(hops.get(i))) {
                return clip(hops.get(i));
            }
        }
        // Only trusted hops (or none): the farthest one is the best we know.
        return clip(hops.isEmpty() ? peer : hops.get(0));
    }

    private boolean isTrusted(String address) {
        if (!isLiteral(address)) {
            return false;
        }
        try {
            return trusted.stream().anyMatch(m -> m.matches(address));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isLiteral(String address) {
        return address != null
                && address.length() <= 45
                && (IPV4.matcher(address).matches() || IPV6.matcher(address).matches());
    }

    private static String clip(String address) {
        return address == null || address.length() <= MAX_LENGTH ? address : address.substring(0, MAX_LENGTH);
    }
}
