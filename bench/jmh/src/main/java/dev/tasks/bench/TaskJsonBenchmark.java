package dev.tasks.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of one list response (10 tasks) with Jackson 3 ({@code tools.jackson}, what Spring Boot 4 uses),
 * configured as the task API's mapper is: snake_case names, ISO-8601 instants (Jackson 3's default).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class TaskJsonBenchmark {

    /** The API's task shape (SPEC 1.3). */
    public record Task(long id, String userId, String title, String description, boolean completed,
                       Instant createdAt, Instant updatedAt) {}

    JsonMapper mapper;
    List<Task> tasks;
    byte[] json;

    @Setup
    public void setUp() {
        mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(new Task(1000 + i, "benchuser00000000000000000000042", "Task " + i + " of 0042",
                    i % 2 == 0 ? null : "Seeded by bench/run.sh: a realistic description of moderate length.",
                    i % 3 == 0, now.minusSeconds(i * 60L), now));
        }
        json = mapper.writeValueAsBytes(tasks);
    }

    @Benchmark
    public byte[] serializeTenTasks() {
        return mapper.writeValueAsBytes(tasks);
    }

    @Benchmark
    public Object parseCreateRequest() {
        return mapper.readValue("{\"title\":\"Buy milk\",\"description\":\"two litres\",\"completed\":false}", java.util.Map.class);
    }

    public int size() {
        return json.length;
    }
}
