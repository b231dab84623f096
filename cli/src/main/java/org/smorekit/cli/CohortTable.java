package org.smorekit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a cohort: {@code DIR/cohort.tsv} (a header line, then one tab-separated line per scan; empty cells
 * for what is not known) and {@code DIR/cohort.json} (the same rows, the counts and the exit code), both written
 * atomically, and the one-line summary.
 *
 * <p>Columns: {@code name, input, status, reason, fwhm_voxels, fwhm_mm, flagged, sr, seconds,
 * nominal_slice_thickness_mm}. Status is one of {@code ok, skipped, bad-input, failed}; the input and the SR volume
 * are absolute paths; the FWHM is the estimated slice profile's, in in-plane voxels and in mm; seconds is the wall
 * time of the scan's {@code run} (for a skipped scan, the total its earlier run recorded); the thickness is the one
 * that run used (its sidecar's or {@code --slice-thickness}), empty when unknown. The table lists the scans of this
 * invocation only.
 */
final class CohortTable {

    static final String TSV = "cohort.tsv";
    static final String JSON = "cohort.json";
    static final List<String> COLUMNS = List.of("name", "input", "status", "reason", "fwhm_voxels", "fwhm_mm",
            "flagged", "sr", "seconds", "nominal_slice_thickness_mm");

    private final Path dir;
    private final int scanCount;
    private final List<CohortRow> rows = new ArrayList<>();

    /**
     * @param dir       the cohort's output folder
     * @param scanCount how many scans the cohort has (rows are added as they finish)
     */
    CohortTable(Path dir, int scanCount) {
        this.dir = dir;
        this.scanCount = scanCount;
    }

    void add(CohortRow row) {
        rows.add(row);
    }

    List<CohortRow> rows() {
        return List.copyOf(rows);
    }

    /** How many rows have each status. */
    Map<CohortStatus, Integer> counts() {
        Map<CohortStatus, Integer> counts = new EnumMap<>(CohortStatus.class);
        for (CohortStatus s : CohortStatus.values()) {
            counts.put(s, 0);
        }
        rows.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** 3 if any scan failed, else 2 if any had bad input, else 0 (ok and skipped scans are fine). */
    int exitCode() {
        Map<CohortStatus, Integer> counts = counts();
        if (counts.get(CohortStatus.FAILED) > 0) {
            return ExitCodes.RUNTIME_FAILURE;
        }
        return counts.get(CohortStatus.BAD_INPUT) > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    /** E.g. "cohort: 5 scans, 4 ok, 1 bad input (see out/cohort.tsv)": ok always, the other statuses when present. */
    String summary() {
        StringBuilder s = new StringBuilder("cohort: ").append(rows.size()).append(rows.size() == 1 ? " scan" : " scans");
        counts().forEach((status, n) -> {
            if (n > 0 || status == CohortStatus.OK) {
                s.append(", ").append(n).append(' ').append(status.words());
            }
        });
        return s.append(" (see ").append(dir.resolve(TSV)).append(')').toString();
    }

    /**
     * Writes cohort.tsv and cohort.json with the rows so far (called after every scan, so the table is current while
     * the cohort runs and an interrupted cohort leaves the scans it finished).
     */
    void write() throws IOException {
        String tsv = tsv();
        OutputFiles.writeAtomically(dir.resolve(TSV), tmp -> Files.writeString(tmp, tsv, StandardCharsets.UTF_8));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "smorekit cohort");
        json.put("version", VersionProvider.version());
        json.put("output", dir.toAbsolutePath().normalize().toString());
        json.put("complete", rows.size() == scanCount);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("scans", scanCount);
        counts().forEach((status, n) -> counts.put(status.label().replace('-', '_'), n));
        json.put("counts", counts);
        json.put("exit_code", exitCode());
        json.put("scans", rows.stream().map(CohortRow::toJson).toList());
        JsonSidecar.write(dir.resolve(JSON), json);
    }

    /** The text of cohort.tsv. */
    String tsv() {
        StringBuilder s = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (CohortRow r : rows) {
            s.append(String.join("\t", List.of(
                    cell(r.scan().name()),
                    cell(r.scan().absoluteInput()),
                    r.status().label(),
                    cell(r.reason()),
                    number("%.3f", r.fwhmVoxels()),
                    number("%.3f", r.fwhmMm()),
                    r.flagged() == null ? "" : r.flagged().toString(),
                    cell(r.srPath()),
                    number("%.1f", r.seconds()),
                    number("%.3f", r.thicknessMm())))).append('\n');
        }
        return s.toString();
    }

    /** A text cell: tabs and line breaks would break the table, so they become spaces. */
    private static String cell(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\r\\n]+", " ");
    }

    private static String number(String format, Double value) {
        return value == null ? "" : String.format(Locale.ROOT, format, value);
    }
}
