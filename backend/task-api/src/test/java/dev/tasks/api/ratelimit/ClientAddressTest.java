package dev.tasks.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.InvalidSettingException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static ClientAddress trusting(String... proxies) {
        return new ClientAddress(Arrays.stream(proxies)
                .map(p -> AddressRange.parse("TRUSTED_PROXIES", p))
                .toList());
    }

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String value : forwardedFor) {
            request.addHeader("X-Forwarded-For", value);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClient() {
        assertThat(trusting().keyOf(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(trusting("10.0.0.0/8").keyOf(from("198.51.100.7", "203.0.113.1")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheForwardedClientCounts() {
        assertThat(trusting("10.0.0.0/8").keyOf(from("10.1.2.3", "203.0.113.1")))
                .isEqualTo("203.0.113.1");
    }

    @Test
    void theRightmostUntrustedHopWinsSoSpoofedLeftHopsAreIgnored() {
        // The client sent "1.1.1.1" itself; our proxy appended the address it really saw.
        ClientAddress address = trusting("10.0.0.0/8", "192.168.0.1");

        assertThat(address.keyOf(from("10.0.0.2", "1.1.1.1, 203.0.113.9, 192.168.0.1")))
                .isEqualTo("203.0.113.9");
        assertThat(address.keyOf(from("10.0.0.2", "1.1.1.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void garbageInTheChainStopsAtTheLastReadableHop() {
        assertThat(trusting("10.0.0.0/8").keyOf(from("10.0.0.2", "evil.example.com, 10.0.0.3")))
                .isEqualTo("10.0.0.3");
    }

    @Test
    void portsAndBracketsAreTolerated() {
        assertThat(trusting("10.0.0.0/8").keyOf(from("10.0.0.2", "203.0.113.4:5555")))
                .isEqualTo("203.0.113.4");
        assertThat(trusting("10.0.0.0/8").keyOf(from("10.0.0.2", "[2001:db8::1]:443")))
                .isEqualTo("2001:db8:0:0:0:0:0:0/64");
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        ClientAddress address = trusting();

        assertThat(address.keyOf(from("2001:db8:1:2:aaaa::1"))).isEqualTo(address.keyOf(from("2001:db8:1:2:bbbb::9")));
        assertThat(address.keyOf(from("2001:db8:1:2::1"))).isNotEqualTo(address.keyOf(from("2001:db8:1:3::1")));
    }

    @Test
    void rangesMatchByPrefix() {
        AddressRange range = AddressRange.parse("X", "172.16.0.0/12");

        assertThat(range.contains(AddressRange.literal("172.31.255.255"))).isTrue();
        assertThat(range.contains(AddressRange.literal("172.32.0.0"))).isFalse();
        assertThat(range.contains(AddressRange.literal("::1"))).isFalse();
        assertThat(AddressRange.parse("X", "::1").contains(AddressRange.literal("::1")))
                .isTrue();
    }

    @Test
    void badTrustedProxiesNameTheVariable() {
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> AddressRange.parse("TRUSTED_PROXIES", bad))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("TRUSTED_PROXIES");
        }
    }

    @Test
    void hostNamesAreNeverResolved() {
        assertThat(AddressRange.literal("localhost")).isNull();
    }
}
