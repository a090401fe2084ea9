package dev.tasks.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagementSettingsTest {

    @Test
    void byDefaultActuatorIsOnPort8081OfTheLoopbackInterface() {
        ManagementSettings settings = ManagementSettings.from(Env.of(Map.of()), 8000);

        assertThat(settings.springProperties())
                .containsEntry("management.server.port", 8081)
                .containsEntry("management.server.address", "127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "OFF", "0"})
    void offOrZeroServesNoActuatorAtAll(String value) {
        ManagementSettings settings = ManagementSettings.from(Env.of(Map.of("MANAGEMENT_SERVER_PORT", value)), 8000);

        assertThat(settings.port()).isEmpty();
        assertThat(settings.springProperties()).containsEntry("management.server.port", -1);
    }

    @Test
    void portAndAddressCanBeChosen() {
        ManagementSettings settings = ManagementSettings.from(
                Env.of(Map.of("MANAGEMENT_SERVER_PORT", "9100", "MANAGEMENT_SERVER_ADDRESS", "[::1]")), 8000);

        assertThat(settings.springProperties())
                .containsEntry("management.server.port", 9100)
                .containsEntry("management.server.address", "0:0:0:0:0:0:0:1");
        assertThat(ManagementSettings.from(Env.of(Map.of("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0")), 8000)
                        .address()
                        .isAnyLocalAddress())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "-1", "65536", "80.5", "8081x"})
    void aBadPortIsRefusedNamingTheVariable(String value) {
        assertThatThrownBy(() -> ManagementSettings.from(Env.of(Map.of("MANAGEMENT_SERVER_PORT", value)), 8000))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("MANAGEMENT_SERVER_PORT must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "metrics.internal", "127.0.0.256", "::g"})
    void anAddressMustBeAnIpLiteral(String value) {
        assertThatThrownBy(() -> ManagementSettings.from(Env.of(Map.of("MANAGEMENT_SERVER_ADDRESS", value)), 8000))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("MANAGEMENT_SERVER_ADDRESS must be an IP address");
    }

    @Test
    void theApiPortIsRefusedAsManagementPort() {
        assertThatThrownBy(() -> ManagementSettings.from(Env.of(Map.of("MANAGEMENT_SERVER_PORT", "9000")), 9000))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("MANAGEMENT_SERVER_PORT must differ from PORT (9000)");
    }
}
