package dev.tasks.api.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness: the process answers HTTP. Deliberately checks nothing else (see /health/ready). */
@RestController
@Tag(name = "health")
public class HealthController {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GetMapping("/health")
    @Operation(summary = "Liveness: always 200 while the process serves HTTP")
    Map<String, String> health() {
        return OK;
    }
}
