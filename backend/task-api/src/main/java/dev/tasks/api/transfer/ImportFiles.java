package dev.tasks.api.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** A file's bytes to a checked {@link ImportFile}: UTF-8 (a byte-order mark is dropped), then its format's reader. */
final class ImportFiles {

    private ImportFiles() {}

    static ImportFile read(JsonMapper json, byte[] body, String format) {
        String text = text(body);
        if (text.isBlank()) {
            throw ImportProblem.file("is empty");
        }
        ImportFormat kind = format == null || format.isBlank()
                ? ImportFormat.detect(text)
                : ImportFormat.named(format)
                        .orElseThrow(() -> ImportProblem.file(
                                "format must be one of " + ImportFormat.NAMES + " (or left out to detect it)"));
        return switch (kind) {
            case JSON -> JsonFile.read(json, text);
            case TODOIST_CSV -> TodoistCsv.read(text);
            case CSV -> GenericCsv.read(text);
        };
    }

    private static String text(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ImportProblem.file("is not UTF-8 text (save it as UTF-8 and try again)");
        }
    }
}
