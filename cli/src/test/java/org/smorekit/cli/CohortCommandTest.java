package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smorekit cohort} on a folder of two small thick-slice scans (96 x 96 x 64 crops of the bundled sample at
 * 1 mm, degraded to 16 slices of 4 mm) and one truncated file, with iteration counts far below any useful setting:
 * this checks the plumbing (folders, table, exit codes, resuming), not the quality.
 */
class CohortCommandTest {

    @TempDir
    static Path dir;

    static Path scans;

    @BeforeAll
    static void aFolderOfScans() throws IOException {
        scans = Files.createDirectories(dir.resolve("scans"));
        int[] z0 = {50, 80};
        String[] names = {"a", "b"};
        for (int i = 0; i < names.length; i++) {
            Path iso = TestScans.write(TestScans.colinCrop(42, 60, z0[i], 96, 96, 64),
                    dir.resolve("iso-" + names[i] + ".nii.gz"));
            CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
                    "--output", scans.resolve(names[i] + ".nii.gz").toString(), "--quiet");
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        }
        // b comes with a BIDS sidecar (in place of degrade's b.json) whose 0.5 mm thickness no estimate can agree
        // with (every FWHM is at least 1 voxel, here 1 mm): b's estimate is flagged and SR falls back on a Gaussian
        // that wide; a keeps degrade's own a.json, which gives no thickness
        Files.writeString(scans.resolve("b.json"), "{\"SliceThickness\": 0.5, \"SpacingBetweenSlices\": 4}");
        // a download that stopped half-way: a valid gzip header, the stream cut
        byte[] whole = Files.readAllBytes(scans.resolve("a.nii.gz"));
        Files.write(scans.resolve("c-broken.nii.gz"), Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    void aBrokenScanDoesNotStopTheOthersAndARerunSkipsTheDoneOnes() throws IOException {
        Path out = dir.resolve("cohort");
        String[] args = {"cohort", "--output", out.toString(), "--quick", "--iterations", "20",
            "--train-iterations", "5", "--skip-measure", "--seed", "3", scans.toString()};
        CliRun first = CliRun.of(args);
        assertEquals(ExitCodes.BAD_INPUT, first.exitCode(), first.err());
        assertEquals("cohort: 3 scans, 2 ok, 1 bad input (see " + out.resolve("cohort.tsv") + ")",
                first.out().strip(), first.err());
        assertTrue(first.err().contains("scan 2/3: b"), first.err());

        List<String[]> rows = tsv(out);
        assertEquals(CohortTable.COLUMNS, List.of(rows.get(0)));
        assertEquals(4, rows.size(), "a header and one row per scan");
        for (int i = 1; i <= 2; i++) {
            String[] row = rows.get(i);
            assertEquals(List.of("a", "b").get(i - 1), row[0]);
            assertEquals(scans.resolve(row[0] + ".nii.gz").toAbsolutePath().normalize().toString(), row[1],
                    "the input, as an absolute path");
            assertEquals("ok", row[2]);
            assertEquals("", row[3], "no reason when ok");
            Map<String, Object> report = JsonSidecar.read(out.resolve(row[0]).resolve("report.json"));
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = (Map<String, Object>) report.get("profile");
            assertEquals(((Number) profile.get("fwhm_voxels")).doubleValue(), Double.parseDouble(row[4]), 1e-3);
            assertEquals(((Number) profile.get("fwhm_mm")).doubleValue(), Double.parseDouble(row[5]), 1e-3);
            assertEquals(Boolean.toString(!((List<?>) profile.get("warnings")).isEmpty()), row[6]);
            assertTrue(Files.isRegularFile(Path.of(row[7])), row[7]);
            assertTrue(Double.parseDouble(row[8]) > 0, row[8]);
            for (String f : List.of("sr.nii.gz", "report.html", "run.log")) {
                assertTrue(Files.isRegularFile(out.resolve(row[0]).resolve(f)), row[0] + "/" + f);
            }
        }
        Map<String, Object> a = JsonSidecar.read(out.resolve("a/report.json"));
        assertNull(a.get("nominal_slice_thickness_mm"), "degrade's a.json is no BIDS sidecar");
        Map<String, Object> b = JsonSidecar.read(out.resolve("b/report.json"));
        assertEquals(0.5, ((Number) b.get("nominal_slice_thickness_mm")).doubleValue());
        assertEquals(scans.resolve("b.json").toString(), b.get("nominal_slice_thickness_source"));
        assertEquals("true", rows.get(2)[6], "b's estimate disagrees with its thickness");
        assertEquals(List.of("", "0.500"), List.of(rows.get(1)[9], rows.get(2)[9]), "the thickness each run used");
        @SuppressWarnings("unchecked")
        Map<String, Object> trainedWith = (Map<String, Object>) b.get("training_profile");
        assertEquals(true, trainedWith.get("fell_back_from_flagged_estimate"));
        String source = (String) trainedWith.get("source");
        assertTrue(source.startsWith("assumed box, FWHM = nominal slice thickness 0.5 mm (from "
                + scans.resolve("b.json") + ") = 0.500 in-plane voxels"), source);
        String[] broken = rows.get(3);
        assertEquals(List.of("c-broken", "bad-input"), List.of(broken[0], broken[2]));
        assertFalse(broken[3].isBlank(), "the reason is recorded");
        assertEquals(List.of("", "", "", ""), List.of(broken[4], broken[5], broken[6], broken[7]));

        Map<String, Object> json = JsonSidecar.read(out.resolve("cohort.json"));
        assertEquals(Map.of("scans", 3, "ok", 2, "skipped", 0, "bad_input", 1, "failed", 0), json.get("counts"));
        assertEquals(ExitCodes.BAD_INPUT, json.get("exit_code"));
        assertEquals(true, json.get("complete"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json.get("scans");
        assertEquals("bad-input", entries.get(2).get("status"));
        assertEquals(broken[3], entries.get(2).get("reason"));
        assertNull(entries.get(2).get("fwhm_voxels"));
        assertTrue(Files.readString(out.resolve("cohort.log")).contains("finished:"), "the log has its outcome");

        // rerun: the two done scans are skipped (their files untouched), the broken one is tried and refused again
        FileTime written = Files.getLastModifiedTime(out.resolve("a/report.json"));
        CliRun again = CliRun.of(args);
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode(), again.err());
        assertEquals("cohort: 3 scans, 0 ok, 2 skipped, 1 bad input (see " + out.resolve("cohort.tsv") + ")",
                again.out().strip());
        assertEquals(written, Files.getLastModifiedTime(out.resolve("a/report.json")));
        List<String[]> rerun = tsv(out);
        assertEquals(List.of("skipped", "skipped", "bad-input"),
                List.of(rerun.get(1)[2], rerun.get(2)[2], rerun.get(3)[2]));
        assertEquals(rows.get(1)[4], rerun.get(1)[4], "a skipped scan keeps its FWHM from its report");
        assertTrue(rerun.get(1)[3].contains("--redo"), rerun.get(1)[3]);
    }

    @Test
    void twoScansWithTheSameNameAreRefusedBeforeAnyWork() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.copy(scans.resolve("a.nii.gz"), other.resolve("a.nii.gz"));
        Path out = dir.resolve("clash");
        CliRun r = CliRun.of("cohort", "--output", out.toString(), scans.resolve("a.nii.gz").toString(),
                other.resolve("a.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("same name 'a'"), r.err());
        assertFalse(Files.exists(out), "nothing is created");
    }

    @Test
    void helpNamesEveryOptionWithUnitsDefaultsAndAnExample() {
        CliRun r = CliRun.of("cohort", "--help");
        assertEquals(ExitCodes.OK, r.exitCode());
        for (String expected : List.of("SCAN...", "--output=<dir>", "--redo", "--quick", "--iterations=<count>",
                "--train-iterations=<count>", "--seed=<integer>", "(default: 1)", "--threads=<count>",
                "--keep-flagged-profile", "cohort.tsv", "Examples:")) {
            assertTrue(r.out().contains(expected), expected + " in:\n" + r.out());
        }
        assertEquals(ExitCodes.USAGE, CliRun.of("cohort", "--output", "x").exitCode(), "no scan");
    }

    @Test
    void theExitCodeIsTheWorstOutcomeAndAFailedScanKeepsItsReasonInOneCell() throws IOException {
        Path out = dir.resolve("table");
        CohortTable table = new CohortTable(out, 3);
        table.add(CohortRow.withoutResult(CohortScan.of(Path.of("x.nii.gz")), CohortStatus.SKIPPED, "done", 1));
        assertEquals(ExitCodes.OK, table.exitCode(), "skipped is fine");
        table.add(CohortRow.withoutResult(CohortScan.of(Path.of("y.nii")), CohortStatus.BAD_INPUT, "no such file", 0));
        assertEquals(ExitCodes.BAD_INPUT, table.exitCode());
        table.add(CohortRow.withoutResult(CohortScan.of(Path.of("z.hdr")), CohortStatus.FAILED,
                "out of memory\tline two\nline three", 2));
        assertEquals(ExitCodes.RUNTIME_FAILURE, table.exitCode(), "a failure outweighs bad input");
        assertEquals("cohort: 3 scans, 0 ok, 1 skipped, 1 bad input, 1 failed (see " + out.resolve("cohort.tsv")
                + ")", table.summary());
        table.write();
        List<String[]> rows = tsv(out);
        assertEquals(List.of("x", "y", "z"), rows.stream().skip(1).map(r -> r[0]).toList());
        assertEquals(CohortTable.COLUMNS.size(), rows.get(3).length, "tabs and line breaks in a reason are spaces");
        assertEquals("out of memory line two line three", rows.get(3)[3]);
        assertEquals(ExitCodes.RUNTIME_FAILURE, JsonSidecar.read(out.resolve("cohort.json")).get("exit_code"));
    }

    private static List<String[]> tsv(Path out) throws IOException {
        return Files.readAllLines(out.resolve("cohort.tsv")).stream().map(l -> l.split("\t", -1)).toList();
    }
}
