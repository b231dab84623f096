package org.smorekit.degrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses slice-profile files for {@link Profiles#fromFile(Path)}. Formats, chosen by the first non-blank character:
 * {@code [} a JSON array of numbers; <code>{</code> a JSON object with a {@code "values"} array of numbers; anything
 * else text with one number per line, where blank lines and everything after {@code #} are ignored.
 */
final class ProfileFileParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileFileParser() {
    }

    static SliceProfile read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ProfileFormatException("profile file " + file + " is a folder, not a file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            // a NoSuchFileException, so that callers can tell a missing file (bad input) from a failing disk
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "profile file does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ProfileFormatException("profile file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException("cannot read profile file " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /** Parses file content; {@code source} names it in error messages. */
    static SliceProfile parse(String text, String source) {
        String trimmed = text.strip();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).strip();
        }
        double[] values;
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            values = parseJson(trimmed, source);
        } else {
            values = parseLines(text, source);
        }
        if (values.length == 0) {
            throw new ProfileFormatException("profile file " + source + " holds no values");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new ProfileFormatException("profile file " + source + ": value " + (i + 1) + " is "
                        + values[i] + "; profile values must be finite and >= 0");
            }
        }
        if (values.length % 2 == 0) {
            throw new ProfileFormatException("profile file " + source + " holds " + values.length
                    + " values; a slice profile needs an odd number, centred on the middle one"
                    + " (append a 0 yourself if a half-voxel shift is acceptable)");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        if (!(sum > 0)) {
            throw new ProfileFormatException("profile file " + source + ": all values are 0");
        }
        return new SliceProfile(values);
    }

    private static double[] parseLines(String text, String source) {
        List<Double> list = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (ln == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                list.add(Double.parseDouble(line));
            } catch (NumberFormatException e) {
                throw new ProfileFormatException("profile file " + source + ", line " + (ln + 1) + ": '" + line
                        + "' is not a number (expected one number per line, or a JSON array, or a JSON object"
                        + " with a \"values\" array)");
            }
        }
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] parseJson(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProfileFormatException("profile file " + source + " is not valid JSON: "
                    + JsonErrorMessage.of(e), e);
        }
        JsonNode array = root;
        if (root.isObject()) {
            array = root.get("values");
            if (array == null) {
                throw new ProfileFormatException("profile file " + source
                        + " is a JSON object without a \"values\" array");
            }
        }
        if (!array.isArray()) {
            throw new ProfileFormatException("profile file " + source + ": expected a JSON array of numbers, got "
                    + array.getNodeType());
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode n = array.get(i);
            if (!n.isNumber()) {
                throw new ProfileFormatException("profile file " + source + ": value " + (i + 1) + " is " + n
                        + ", not a number");
            }
            values[i] = n.asDouble();
        }
        return values;
    }
}
