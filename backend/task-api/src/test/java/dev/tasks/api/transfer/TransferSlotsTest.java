package dev.tasks.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/** Imports past the instance's slots are refused with 429 and Retry-After, and a slot is given back after a failure. */
class TransferSlotsTest {

    @Test
    void anImportBeyondTheSlotsIs429WithRetryAfter() {
        TransferSlots slots = new TransferSlots(1, Duration.ZERO);
        String inner = slots.run(() -> {
            assertThatThrownBy(() -> slots.run(() -> "second"))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(429);
                        assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                                .isEqualTo(Integer.toString(TransferSlots.WAIT_SECONDS));
                    });
            return "first";
        });
        assertThat(inner).isEqualTo("first");
        assertThat(slots.run(() -> "after")).as("the slot is free again").isEqualTo("after");
    }

    @Test
    void aFailedImportGivesItsSlotBack() {
        TransferSlots slots = new TransferSlots(1, Duration.ZERO);
        assertThatThrownBy(() -> slots.run(() -> {
                    throw ImportProblem.file("is empty");
                }))
                .isInstanceOf(ImportProblem.class);
        assertThat(slots.run(() -> "next")).isEqualTo("next");
    }
}
