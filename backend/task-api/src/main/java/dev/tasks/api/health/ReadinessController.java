package dev.tasks.api.health;

import dev.tasks.api.web.ShutdownDrain;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readiness for load balancers and orchestrators: ready while PostgreSQL answers and the API is
 * not shutting down ({@link ShutdownDrain}). The wait is bounded by the pool's connection timeout
 * and a 2 s query timeout, so a probe never hangs.
 */
@RestController
@Tag(name = "health")
public class ReadinessController {

    private final JdbcTemplate probe;
    private final ShutdownDrain drain;

    ReadinessController(DataSource dataSource, ShutdownDrain drain) {
        this.drain = drain;
        this.probe = new JdbcTemplate(dataSource);
        this.probe.setQueryTimeout(2);
    }

    @GetMapping("/health/ready")
    @Operation(summary = "Readiness: 200 while the database is reachable, 503 otherwise or once shutting down")
    @ApiResponse(responseCode = "200", description = "ready")
    @ApiResponse(responseCode = "503", description = "the database is unreachable, or the API is shutting down")
    ResponseEntity<Map<String, String>> ready() {
        if (drain.draining()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "unavailable", "reason", "shutting down"));
        }
        try {
            probe.queryForObject("select 1", Integer.class);
            return ResponseEntity.ok(Map.of("status", "ok", "database", "up"));
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Map.of("status", "unavailable", "database", "down"));
        }
    }
}
