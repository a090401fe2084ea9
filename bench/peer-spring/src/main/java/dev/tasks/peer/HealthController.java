package dev.tasks.peer;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: the same liveness answer as the task API's, in both modes. */
@RestController
class HealthController {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GetMapping("/health")
    Map<String, String> health() {
        return OK;
    }
}
