package dev.tasks.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Same answers as the regular expressions of Spring Security's StrictHttpFirewall. */
class HeaderCharactersTest {

    private static final Pattern SPRING_NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern SPRING_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void refusesControlCharactersButATabInValues() {
        assertThat(HeaderCharacters.allowedValue("Bearer abc.def")).isTrue();
        assertThat(HeaderCharacters.allowedValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\r\nSet-Cookie: x")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.allowedValue("\uFFFF")).isFalse();
    }

    @Test
    void agreesWithSpringSecuritysPatternsOnRandomText() {
        Random random = new Random(7230);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                int codePoint = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0x100);
                    case 1 -> random.nextInt(0x10000);
                    case 2 -> 0x20 + random.nextInt(0x5F);
                    default -> random.nextInt(Character.MAX_CODE_POINT + 1);
                };
                text.appendCodePoint(codePoint);
            }
            String value = text.toString();
            assertThat(HeaderCharacters.allowedName(value))
                    .as("name %s", value.codePoints().boxed().toList())
                    .isEqualTo(SPRING_NAMES.matcher(value).matches());
            assertThat(HeaderCharacters.allowedValue(value))
                    .as("value %s", value.codePoints().boxed().toList())
                    .isEqualTo(SPRING_VALUES.matcher(value).matches());
        }
    }
}
