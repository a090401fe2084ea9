package dev.tasks.api.transfer;

import dev.tasks.api.owned.OwnedWrites;
import dev.tasks.api.owned.Owner;
import dev.tasks.api.owned.Ownership;
import dev.tasks.api.problem.BodyTooLargeException;
import dev.tasks.api.web.LargeBodyRoute;
import dev.tasks.api.web.OpenApiConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Your data, in and out" (issue 25): everything a user owns as one JSON document, the tasks as
 * CSV, and an import of either, or of Todoist's CSV export, previewed first ({@code dry_run=true}).
 * A user's own data only (under {@link Ownership#USER_PATH}, so the ownership rule covers it); a
 * team's is not offered yet. Each request is charged once to the user's rate limit, as any other.
 */
@RestController
@RequestMapping(path = TransferController.PATH)
@Tag(name = "transfer")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
@ApiResponse(responseCode = "401", ref = OpenApiConfiguration.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = OpenApiConfiguration.FORBIDDEN)
@ApiResponse(responseCode = "429", ref = OpenApiConfiguration.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = OpenApiConfiguration.UNAVAILABLE)
class TransferController {

    static final String PATH = Ownership.USER_PATH;
    static final String IMPORT = "/import";
    static final String CSV = "text/csv";

    private final Export export;
    private final Importer importer;
    private final OwnedWrites writes;
    private final TransferSlots slots;
    private final JsonMapper json;
    private final TransactionTemplate snapshot;

    TransferController(
            Export export,
            Importer importer,
            OwnedWrites writes,
            TransferSlots slots,
            JsonMapper json,
            PlatformTransactionManager transactions) {
        this.export = export;
        this.importer = importer;
        this.writes = writes;
        this.slots = slots;
        this.json = json;
        // Lists and tasks read in one snapshot: a list deleted in between cannot leave a task naming it.
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @GetMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Download everything you own: lists, labels and tasks with every field (format_version 1)")
    @ApiResponse(
            responseCode = "200",
            description = "the export, as an attachment",
            content = @Content(schema = @Schema(implementation = Export.Document.class)))
    ResponseEntity<Resource> exportJson(@Parameter(hidden = true) Owner owner) {
        return attachment(spool(out -> export.writeJson(owner, json, out)), "json");
    }

    @GetMapping(path = "/export.csv", produces = CSV)
    @Operation(
            summary = "Download your tasks as CSV: title, description, due_date, due_time, priority, list, labels,"
                    + " completed, recurrence")
    @ApiResponse(
            responseCode = "200",
            description = "the tasks, as an attachment (UTF-8, RFC 4180)",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    ResponseEntity<Resource> exportCsv(@Parameter(hidden = true) Owner owner) {
        return attachment(spool(out -> export.writeCsv(owner, out)), "csv");
    }

    /** The export written in one snapshot to a file, in one of the slots imports use (TransferSlots). */
    private ExportFile spool(ExportFile.Writer writer) {
        // The transaction callback cannot throw IOException; ExportFile.write lets the unchecked one through.
        return slots.run(() -> ExportFile.write(out -> snapshot.executeWithoutResult(status -> {
            try {
                writer.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
    }

    @PostMapping(path = IMPORT, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a file (at most 5 MiB and 10,000 tasks): this API's JSON export, Todoist's CSV export,"
                    + " or a CSV with a header of title, description, due_date, due_time, priority, list, labels,"
                    + " completed, recurrence. All or nothing; importing the same file twice adds nothing;"
                    + " dry_run=true only counts. A bad file: 422 naming the line")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(mediaType = CSV, schema = @Schema(type = "string")),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = Export.Document.class))
            })
    @Parameter(
            name = "format",
            in = ParameterIn.QUERY,
            description = "json, todoist-csv or csv; left out: detected from the file",
            schema =
                    @Schema(
                            type = "string",
                            allowableValues = {"json", "todoist-csv", "csv"}))
    @Parameter(
            name = "dry_run",
            in = ParameterIn.QUERY,
            description = "true: write nothing, answer what would be imported",
            schema = @Schema(type = "boolean", defaultValue = "false"))
    @ApiResponse(responseCode = "200", description = "what was (or would be) imported")
    @ApiResponse(responseCode = "413", ref = OpenApiConfiguration.TOO_LARGE)
    @ApiResponse(responseCode = "422", ref = OpenApiConfiguration.INVALID)
    ImportResult importFile(
            @Parameter(hidden = true) Owner owner,
            @Parameter(hidden = true) Authentication authentication,
            @Parameter(hidden = true) @RequestParam(name = "format", required = false) String format,
            @Parameter(hidden = true) @RequestParam(name = "dry_run", required = false) String dryRun,
            HttpServletRequest request) {
        boolean preview = dryRun(dryRun);
        byte[] body = body(request);
        return slots.run(() -> {
            ImportFile file = ImportFiles.read(json, body, format);
            return preview
                    ? importer.preview(owner, file)
                    : writes.run(authentication, owner, () -> importer.apply(owner, file));
        });
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new dev.tasks.api.problem.InvalidRequestException("dry_run", "must be true or false");
    }

    /** The file, at most 5 MiB (the body filter refuses more with 413 as it reads). */
    private static byte[] body(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        } catch (BodyTooLargeException e) {
            throw TransferLimits.tooLarge("The file is larger than 5 MiB; split it into smaller files.");
        } catch (IOException e) {
            throw TransferLimits.unreadable();
        }
    }

    private static ResponseEntity<Resource> attachment(ExportFile file, String extension) {
        String name = "tasks-" + LocalDate.now(ZoneOffset.UTC) + "." + extension;
        long size = file.size();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentLength(size)
                .body(new InputStreamResource(file.open()));
    }

    /** The import's body limit: 5 MiB instead of 1 (web.BodySizeLimitFilter). */
    @Bean
    static LargeBodyRoute importBodies() {
        RequestMatcher route = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH + IMPORT);
        return new LargeBodyRoute() {
            @Override
            public boolean matches(HttpServletRequest request) {
                return route.matches(request);
            }

            @Override
            public long maxBytes() {
                return TransferLimits.MAX_BYTES;
            }
        };
    }
}
