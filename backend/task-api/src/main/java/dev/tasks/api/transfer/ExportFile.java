package dev.tasks.api.transfer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An export spooled to a temporary file (in {@code java.io.tmpdir}) while its snapshot is open, then
 * sent from that file. The heap holds one row at a time whatever the owner's size (built in memory,
 * a 100,000-task export needed more than the API's 112 MiB heap), and a slow download holds no
 * database connection or snapshot: those are given back before the first byte is sent.
 */
final class ExportFile {

    /** Writes the export into an {@link OutputStream}; runs inside the snapshot's transaction. */
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path path;

    private ExportFile(Path path) {
        this.path = path;
    }

    /** Runs {@code writer} into a new temporary file; the file is gone again if it fails. */
    static ExportFile write(Writer writer) {
        Path path;
        try {
            path = Files.createTempFile("tasks-export-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024)) {
            writer.writeTo(out);
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(path);
            throw e;
        }
        return new ExportFile(path);
    }

    long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The content, once. The file is deleted when the stream is closed (on Linux at once: the open
     * stream keeps the data), so neither a finished nor an abandoned download leaves it behind.
     */
    InputStream open() {
        try {
            return Files.newInputStream(path, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A temporary file: the system's clean-up of java.io.tmpdir takes it if this could not.
        }
    }
}
