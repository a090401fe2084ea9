package dev.tasks.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EnvTest {

    @Test
    void unsetOrBlankMeansTheDefault() {
        Env env = Env.of(Map.of("BLANK", "  "));

        assertThat(env.integer("UNSET", 7, 0, 10)).isEqualTo(7);
        assertThat(env.integer("BLANK", 7, 0, 10)).isEqualTo(7);
        assertThat(env.text("BLANK", "d")).isEqualTo("d");
    }

    @Test
    void integersAreTrimmedAndRangeChecked() {
        Env env = Env.of(Map.of("N", " 10 "));

        assertThat(env.integer("N", 0, 0, 10)).isEqualTo(10);
        assertThatThrownBy(() -> env.integer("N", 0, 0, 9))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("N must be a whole number from 0 to 9, was '10'");
    }

    @Test
    void aNonNumberIsReportedWithTheVariableAndValue() {
        assertThatThrownBy(
                        () -> Env.of(Map.of("RATE_LIMIT_USER_RPS", "fast")).integer("RATE_LIMIT_USER_RPS", 50, 0, 100))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("RATE_LIMIT_USER_RPS must be a whole number from 0 to 100, was 'fast'");
    }

    @Test
    void listsSplitOnCommasAndDropEmptyItems() {
        assertThat(Env.of(Map.of("L", " a, b ,,c ")).list("L", "")).containsExactly("a", "b", "c");
        assertThat(Env.of(Map.of()).list("L", "x")).containsExactly("x");
    }

    @Test
    void valuesInMessagesAreShortAndPrintable() {
        assertThat(Env.printable("a\nb")).isEqualTo("a?b");
        assertThat(Env.printable("x".repeat(500))).hasSize(80);
    }

    @Test
    void theFailureAnalysisNamesTheVariableToFix() {
        InvalidSettingException failure =
                new InvalidSettingException("PORT", "PORT must be a whole number from 0 to 65535, was 'x'");

        FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(new RuntimeException(failure));

        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
        assertThat(analysis.getAction()).contains("PORT");
    }
}
