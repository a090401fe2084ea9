package dev.tasks.api.config;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where actuator (metrics, health details) is served: never on the API's port, which the internet
 * reaches, but on a management port of its own, bound to the loopback interface unless
 * {@code MANAGEMENT_SERVER_ADDRESS} says otherwise; {@code MANAGEMENT_SERVER_PORT=off} (or 0) serves
 * it nowhere. A Prometheus on the same host, or a sidecar in the same pod, scrapes it there.
 */
public record ManagementSettings(Optional<Integer> port, InetAddress address) {

    public static final int DEFAULT_PORT = 8081;
    static final String PORT_VARIABLE = "MANAGEMENT_SERVER_PORT";
    static final String ADDRESS_VARIABLE = "MANAGEMENT_SERVER_ADDRESS";

    /** {@code apiPort}: the API's own port, which the management port must not be. */
    public static ManagementSettings from(Env env, int apiPort) {
        Optional<Integer> port = port(env);
        if (port.isPresent() && port.get() == apiPort) {
            // Spring would then serve actuator on the API port, the very thing this setting avoids.
            throw new InvalidSettingException(
                    PORT_VARIABLE,
                    PORT_VARIABLE + " must differ from PORT (" + apiPort
                            + "): metrics are not served on the API's port; pick another port, or 'off'");
        }
        return new ManagementSettings(port, address(env));
    }

    /** The Spring properties these settings stand for. */
    public Map<String, Object> springProperties() {
        // -1 is Spring Boot's "no management endpoints over HTTP at all".
        return Map.of("management.server.port", port.orElse(-1), "management.server.address", address.getHostAddress());
    }

    private static Optional<Integer> port(Env env) {
        Optional<String> raw = env.text(PORT_VARIABLE);
        if (raw.isPresent()
                && (raw.get().equals("0") || raw.get().toLowerCase(Locale.ROOT).equals("off"))) {
            return Optional.empty();
        }
        if (raw.isPresent() && !raw.get().matches("[0-9]{1,5}")) {
            throw new InvalidSettingException(
                    PORT_VARIABLE,
                    PORT_VARIABLE + " must be a port from 1 to 65535, or 'off', was '" + Env.printable(raw.get())
                            + "'");
        }
        return Optional.of(env.integer(PORT_VARIABLE, DEFAULT_PORT, 1, 65535));
    }

    private static InetAddress address(Env env) {
        String raw = env.text(ADDRESS_VARIABLE, "127.0.0.1");
        try {
            // A literal only: a host name would be looked up in DNS at start-up and could bind anywhere.
            return InetAddress.ofLiteral(
                    raw.startsWith("[") && raw.endsWith("]") ? raw.substring(1, raw.length() - 1) : raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    ADDRESS_VARIABLE,
                    ADDRESS_VARIABLE + " must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0, was '"
                            + Env.printable(raw) + "'");
        }
    }
}
