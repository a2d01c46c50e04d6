package org.llmtutor.userservice.auth.legacy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.llmtutor.userservice.shared.RefusedSettingException;
import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;

/**
 * The networks the legacy client may call from ({@code LEGACY_TRUSTED_NETWORKS}): IP addresses and CIDR blocks, IPv4
 * or IPv6. Only literal addresses, never host names, on either side: a name would make the decision depend on DNS.
 */
public final class TrustedNetworks {

    static final String VARIABLE = "LEGACY_TRUSTED_NETWORKS";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Spring's matcher compares bytes; it is only asked about addresses of its own family (4 or 16 bytes). */
    private record Network(String text, int addressBytes, InetAddressMatcher matcher) {}

    private final List<Network> networks;

    private TrustedNetworks(List<Network> networks) {
        this.networks = networks;
    }

    /** @throws RefusedSettingException naming {@value #VARIABLE} when an entry is not an address or CIDR block */
    public static TrustedNetworks parse(List<String> entries) {
        return new TrustedNetworks(
                entries.stream().map(TrustedNetworks::network).toList());
    }

    /** Whether the peer address (a literal, as the servlet container reports it) lies in one of the networks. */
    public boolean contains(String peerAddress) {
        InetAddress peer = literal(peerAddress).orElse(null);
        if (peer == null) {
            return false;
        }
        int bytes = peer.getAddress().length;
        return networks.stream()
                .anyMatch(n -> n.addressBytes() == bytes && n.matcher().matches(peer));
    }

    /** The networks as configured, for {@code /health} and the start-up warning. */
    public List<String> asText() {
        return networks.stream().map(Network::text).toList();
    }

    private static Network network(String text) {
        int slash = text.indexOf('/');
        InetAddress address =
                literal(slash < 0 ? text : text.substring(0, slash)).orElse(null);
        String prefix = slash < 0 ? "" : text.substring(slash + 1);
        boolean prefixOk = slash < 0
                || prefix.matches("\\d{1,3}")
                        && address != null
                        && Integer.parseInt(prefix) <= address.getAddress().length * 8;
        if (address == null || !prefixOk) {
            throw new RefusedSettingException(VARIABLE + ": '" + text + "' is not an IP address or CIDR block"
                    + " (e.g. 172.28.1.0/24, 10.0.0.0/8, fd00::/8)");
        }
        return new Network(text, address.getAddress().length, InetAddressMatchers.fromIpAddress(text));
    }

    /** The address, when the text is an IPv4 or IPv6 literal: parsed without any name lookup. */
    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(text);
        boolean isV4 = v4.matches() && IntStream.rangeClosed(1, 4).allMatch(i -> Integer.parseInt(v4.group(i)) <= 255);
        if (!isV4 && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // A literal of either form is parsed, never looked up.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
