package dev.tasks.api.owned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasks.api.config.Env;
import dev.tasks.api.config.InvalidSettingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListCacheSettingsTest {

    private static final long HEAP_112_MIB = 112L * 1024 * 1024;

    private static ListCacheSettings parse(String value) {
        return ListCacheSettings.from(
                Env.of(value == null ? Map.of() : Map.of(ListCacheSettings.VARIABLE, value)), HEAP_112_MIB);
    }

    @Test
    void sixteenMegabytesByDefaultAndZeroTurnsItOff() {
        assertThat(parse(null).megabytes()).isEqualTo(16);
        assertThat(parse(null).enabled()).isTrue();
        assertThat(parse("0").enabled()).isFalse();
        assertThat(parse("28").maxBytes()).isEqualTo(28L * 1024 * 1024);
    }

    @Test
    void refusesMoreThanAQuarterOfTheHeapNamingTheWayOut() {
        assertThatThrownBy(() -> parse("29"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("TASK_LIST_CACHE_MB=29 is more than a quarter of the heap (112 MiB): at most 28, or raise"
                        + " -Xmx (backend/task-api/jvm.options)");
    }

    @Test
    void refusesWhatIsNotAWholeNumber() {
        assertThatThrownBy(() -> parse("-1")).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> parse("16MB"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("TASK_LIST_CACHE_MB");
    }
}
