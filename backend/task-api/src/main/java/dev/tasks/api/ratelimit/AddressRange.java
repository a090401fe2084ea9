package dev.tasks.api.ratelimit;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.net.InetAddress;

/** An IP address or CIDR block, e.g. {@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}. */
public record AddressRange(InetAddress network, int prefixLength) {

    static AddressRange parse(String variable, String text) {
        int slash = text.indexOf('/');
        InetAddress address = literal(slash >= 0 ? text.substring(0, slash) : text);
        if (address == null) {
            throw invalid(variable, text);
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(variable, text);
            }
            if (prefix < 0 || prefix > bits) {
                throw invalid(variable, text);
            }
        }
        return new AddressRange(address, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] mine = network.getAddress();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (mine[i] != theirs[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (mine[full] & mask) == (theirs[full] & mask);
    }

    /** Parses an IP literal without ever resolving a host name (no DNS on the request path). */
    static InetAddress literal(String text) {
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return InetAddress.ofLiteral(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static InvalidSettingException invalid(String variable, String text) {
        return new InvalidSettingException(
                variable,
                variable + " must be a comma-separated list of IP addresses or CIDR blocks"
                        + " (e.g. 10.0.0.0/8,::1), got '" + Env.printable(text) + "'");
    }
}
