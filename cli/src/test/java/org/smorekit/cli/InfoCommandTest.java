package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws IOException {
        return new ObjectMapper().readValue(text, Map.class);
    }

    @Test
    void thickSliceScanJson(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(96, 90, 20, 0.9, 0.9, 3.6), dir.resolve("lr.nii.gz"));
        CliRun r = CliRun.of("info", "--json", scan.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Map<String, Object> m = json(r.out());
        assertEquals(List.of(96, 90, 20), m.get("shape"));
        assertFalse(((String) m.get("reason")).contains("but"), (String) m.get("reason"));
        assertEquals("RAS", m.get("orientation"));
        assertEquals("float32", m.get("datatype"));
        assertEquals(true, m.get("sr_applies"));
        assertEquals(2, m.get("slice_axis"));
        assertEquals(4.0, (Double) m.get("scale"), 1e-5);
        assertEquals(0.9, (Double) m.get("in_plane_spacing_mm"), 1e-6);
    }

    @Test
    void theVerdictIsTheCommandsOnSmallScans(@TempDir Path dir) throws IOException {
        // too narrow in-plane for SR's training pairs: info says what sr and run would say
        Path tiny = TestScans.write(TestScans.phantom(40, 36, 12, 1, 1, 4), dir.resolve("tiny.nii.gz"));
        Map<String, Object> m = json(CliRun.of("info", "--json", tiny.toString()).out());
        assertFalse((Boolean) m.get("sr_applies"));
        CliRun sr = CliRun.of("sr", "--input", tiny.toString(), "--output", dir.resolve("sr.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, sr.exitCode(), sr.err());
        String reason = (String) m.get("reason");
        assertTrue(sr.err().contains(reason.substring(0, reason.indexOf(';'))), reason + " vs " + sr.err());

        // large enough for SR, too few slices for the estimator: SR applies, with the estimator's limit
        Path few = TestScans.write(TestScans.phantom(80, 80, 10, 1, 1, 4), dir.resolve("few.nii.gz"));
        CliRun r = CliRun.of("info", few.toString());
        assertTrue(r.out().contains("super-resolution: applies"), r.out());
        assertTrue(r.out().contains("but need at least 16 slices"), r.out());
        assertTrue(r.out().contains("sr --profile gaussian:4mm"), r.out());
    }

    @Test
    void isotropicScanSaysWhyNot(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(8, 8, 8, 1, 1, 1), dir.resolve("iso.nii"));
        CliRun r = CliRun.of("info", scan.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("super-resolution: does not apply"), r.out());
        assertTrue(r.out().contains("isotropic"), r.out());
    }

    @Test
    void fourDScanNamesItsVolumes(@TempDir Path dir) throws IOException {
        Path scan = TestScans.writeFourD(TestScans.phantom(8, 8, 4, 1, 1, 3), dir.resolve("fourd.nii"));
        Map<String, Object> m = json(CliRun.of("info", "--json", scan.toString()).out());
        assertEquals(2, m.get("volumes"));
        assertFalse((Boolean) m.get("sr_applies"));
        assertTrue(((String) m.get("reason")).contains("--volume"), (String) m.get("reason"));
    }

    @Test
    void flippedAxesGiveOtherCodes(@TempDir Path dir) throws IOException {
        var v = TestScans.phantom(6, 6, 6, 1, 1, 2);
        var flipped = v.withGrid(v.shape(), v.toArray(), org.smorekit.volume.Affine.of(
                -1, 0, 0, 0,
                0, 0, 2, 0,
                0, -1, 0, 0,
                0, 0, 0, 1));
        Path scan = TestScans.write(flipped, dir.resolve("lsp.nii"));
        Map<String, Object> m = json(CliRun.of("info", "--json", scan.toString()).out());
        assertEquals("LIA", m.get("orientation"));
        assertEquals(2, m.get("slice_axis"));
    }

    @Test
    void missingFileIsBadInputInOneLine(@TempDir Path dir) {
        CliRun r = CliRun.of("info", dir.resolve("nope.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("smorekit info: "), r.err());
    }

    @Test
    void theSidecarsThicknessAndTheGapAreShown(@TempDir Path dir) throws IOException {
        // 5 mm thick slices every 6 mm, 1 mm pixels: a 1 mm gap
        Path scan = TestScans.write(TestScans.phantom(40, 40, 8, 1, 1, 6), dir.resolve("sub-01_T2w.nii.gz"));
        Files.writeString(dir.resolve("sub-01_T2w.json"), "{\"SliceThickness\": 5, \"SpacingBetweenSlices\": 6}");
        CliRun text = CliRun.of("info", scan.toString());
        assertEquals(ExitCodes.OK, text.exitCode(), text.err());
        assertTrue(text.out().contains("thickness:    5 mm (from " + dir.resolve("sub-01_T2w.json") + "), gap 1 mm"),
                text.out());
        assertEquals("", text.err());

        Map<String, Object> m = json(CliRun.of("info", "--json", scan.toString()).out());
        assertEquals(5.0, (Double) m.get("nominal_slice_thickness_mm"), 1e-12);
        assertEquals(dir.resolve("sub-01_T2w.json").toString(), m.get("nominal_slice_thickness_source"));
        assertEquals(1.0, (Double) m.get("slice_gap_mm"), 1e-6);
        assertEquals("gap 1 mm", m.get("slice_gap"));

        CliRun given = CliRun.of("info", "--slice-thickness", "6.5", scan.toString());
        assertTrue(given.out().contains("thickness:    6.5 mm (from --slice-thickness), overlap 0.5 mm"), given.out());
    }

    @Test
    void aScanTooSmallToEstimateFromIsPointedToABoxAsWideAsItsThickness(@TempDir Path dir) throws IOException {
        Path few = TestScans.write(TestScans.phantom(80, 80, 10, 1, 1, 4), dir.resolve("few.nii.gz"));
        Files.writeString(dir.resolve("few.json"), "{\"SliceThickness\": 3}");
        CliRun r = CliRun.of("info", few.toString());
        assertTrue(r.out().contains("thickness:    3 mm (from " + dir.resolve("few.json") + "), gap 1 mm"), r.out());
        assertTrue(r.out().contains("sr --profile rect:3mm"), r.out());
        assertTrue(r.out().contains("a box as wide as the nominal slice thickness 3 mm"), r.out());
    }

    @Test
    void aScanWithoutSidecarHasAnUnknownThickness(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(40, 40, 8, 1, 1, 4), dir.resolve("lr.nii.gz"));
        CliRun text = CliRun.of("info", scan.toString());
        assertTrue(text.out().contains("thickness:    unknown (no --slice-thickness, no sidecar "
                + dir.resolve("lr.json") + ")"), text.out());
        Map<String, Object> m = json(CliRun.of("info", "--json", scan.toString()).out());
        assertTrue(m.containsKey("nominal_slice_thickness_mm"));
        assertNull(m.get("nominal_slice_thickness_mm"));
        assertNull(m.get("slice_gap"));

        Files.writeString(dir.resolve("lr.json"), "{\"Modality\": \"MR\"}");
        CliRun withoutKey = CliRun.of("info", scan.toString());
        assertTrue(withoutKey.out().contains("thickness:    unknown (no --slice-thickness, no SliceThickness in "
                + dir.resolve("lr.json") + ")"), withoutKey.out());
    }

    @Test
    void aMalformedSidecarIsOneWarningNotAFailure(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(40, 40, 8, 1, 1, 4), dir.resolve("lr.nii.gz"));
        Files.writeString(dir.resolve("lr.json"), "{SliceThickness: 4}");
        CliRun r = CliRun.of("info", scan.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().startsWith("warning: " + dir.resolve("lr.json") + ": ignored, it is not valid JSON"),
                r.err());
        assertTrue(r.out().contains("thickness:    unknown"), r.out());
    }

    @Test
    void aThicknessOptionThatIsNotPositiveIsBadInput(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(8, 8, 4, 1, 1, 4), dir.resolve("lr.nii"));
        for (String bad : List.of("0", "-2", "NaN", "Infinity")) {
            CliRun r = CliRun.of("info", "--slice-thickness", bad, scan.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), bad + ": " + r.err());
            assertEquals(1, r.errLines(), r.err());
            assertTrue(r.err().contains("--slice-thickness must be a finite number > 0 mm"), r.err());
        }
    }
}
