package dev.tasks.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who is calling, for the per-address limit: the socket's peer, or, when that peer is one of
 * {@code TRUSTED_PROXIES}, the right-most {@code X-Forwarded-For} hop that is not a trusted proxy.
 * Anyone can write X-Forwarded-For; only the hops our own proxies appended are believed.
 */
public final class ClientAddress {

    private final List<AddressRange> trustedProxies;

    public ClientAddress(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** A key for the caller: the address, or for IPv6 its /64 (one host usually owns a whole /64). */
    String keyOf(HttpServletRequest request) {
        InetAddress client = resolve(request);
        if (client == null) {
            return request.getRemoteAddr();
        }
        if (client instanceof Inet6Address) {
            byte[] bytes = client.getAddress();
            for (int i = 8; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return toString(bytes) + "/64";
        }
        return client.getHostAddress();
    }

    InetAddress resolve(HttpServletRequest request) {
        InetAddress peer = AddressRange.literal(request.getRemoteAddr());
        if (peer == null || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = AddressRange.literal(withoutPort(hops.get(i)));
            if (hop == null) {
                return client; // garbage: stop at the last hop we could read
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(0, end + 1) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static String toString(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
