package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes and reads the JSON files that record what a command did (sidecars of output volumes, profile.json,
 * report.json). Keys keep their insertion order. Writes are atomic (a temporary file in the same folder, then a
 * rename), so a reader never sees half a file.
 *
 * <p>JSON has no infinities or NaN: Jackson writes them (by default) as the strings {@code "Infinity"}, {@code "-Infinity"} and
 * {@code "NaN"} (e.g. the PSNR of a volume compared with itself), which Python's {@code float()} reads back.
 */
public final class JsonSidecar {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSidecar() {
    }

    /** Writes {@code content} (maps, lists, strings, numbers, arrays, records) to {@code file}, atomically. */
    public static void write(Path file, Map<String, ?> content) throws IOException {
        OutputFiles.writeAtomically(file, tmp -> MAPPER.writeValue(tmp.toFile(), content));
    }

    /** The JSON text {@link #write} would write. */
    public static String toJson(Map<String, ?> content) throws IOException {
        return MAPPER.writeValueAsString(content) + System.lineSeparator();
    }

    /** Reads a JSON object written by {@link #write} (or by anyone else). */
    public static Map<String, Object> read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
