package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a scan's nominal slice thickness comes from: --slice-thickness, the BIDS sidecar, or nowhere. */
class SliceThicknessLookupTest {

    @TempDir
    Path dir;

    private Path scanWithSidecar(String name, String json) throws IOException {
        Path scan = dir.resolve(name + ".nii.gz");
        if (json != null) {
            Files.writeString(dir.resolve(name + ".json"), json);
        }
        return scan;
    }

    private static SliceThicknessLookup fromSidecar(Path scan) {
        return SliceThicknessLookup.of(scan, OptionalDouble.empty(), OptionalDouble.of(6));
    }

    @Test
    void theBidsSidecarGivesTheThickness() throws IOException {
        Path scan = scanWithSidecar("sub-01_T2w", "{\"SliceThickness\": 5, \"SpacingBetweenSlices\": 6,"
                + " \"MagneticFieldStrength\": 3}");
        SliceThicknessLookup lookup = fromSidecar(scan);
        NominalSliceThickness t = lookup.thickness().orElseThrow();
        assertEquals(5.0, t.mm());
        assertEquals(dir.resolve("sub-01_T2w.json").toString(), t.source());
        assertEquals(List.of(), lookup.warnings());
        assertEquals("gap 1 mm", t.gapText(6));
    }

    @Test
    void anUncompressedNiftiAndAnAnalyzePairLookForTheSameName() {
        assertEquals(dir.resolve("a.json"), BidsSidecar.of(dir.resolve("a.nii")));
        assertEquals(dir.resolve("a.json"), BidsSidecar.of(dir.resolve("a.hdr")));
    }

    @Test
    void noSidecarMeansUnknownWithoutAWord() throws IOException {
        SliceThicknessLookup lookup = fromSidecar(scanWithSidecar("bare", null));
        assertTrue(lookup.thickness().isEmpty());
        assertEquals(List.of(), lookup.warnings());
    }

    @Test
    void aMalformedSidecarIsIgnoredWithAWarning() throws IOException {
        SliceThicknessLookup lookup = fromSidecar(scanWithSidecar("broken", "{\"SliceThickness\": 5,"));
        assertTrue(lookup.thickness().isEmpty());
        assertEquals(1, lookup.warnings().size(), lookup.warnings().toString());
        String w = lookup.warnings().get(0);
        assertTrue(w.startsWith(dir.resolve("broken.json") + ": ignored, it is not valid JSON"), w);
        assertTrue(w.contains("line 1"), w);
        assertTrue(!w.contains("\n"), "one line: " + w);

        SliceThicknessLookup array = fromSidecar(scanWithSidecar("array", "[5, 6]"));
        assertTrue(array.thickness().isEmpty());
        assertTrue(array.warnings().get(0).contains("not a JSON object"), array.warnings().toString());
    }

    @Test
    void aThicknessThatIsNotAPositiveNumberIsIgnoredWithAWarning() throws IOException {
        for (String bad : List.of("0", "-5", "\"5\"", "null")) {
            SliceThicknessLookup lookup = fromSidecar(scanWithSidecar("bad", "{\"SliceThickness\": " + bad + "}"));
            assertTrue(lookup.thickness().isEmpty(), bad);
            assertEquals(1, lookup.warnings().size(), bad + ": " + lookup.warnings());
            assertTrue(lookup.warnings().get(0).contains("SliceThickness " + bad + " ignored: not a positive finite"
                    + " number of mm"), lookup.warnings().get(0));
        }
    }

    @Test
    void theOptionOverridesTheSidecar() throws IOException {
        Path scan = scanWithSidecar("sub-02_T2w", "{\"SliceThickness\": 5}");
        SliceThicknessLookup lookup = SliceThicknessLookup.of(scan, OptionalDouble.of(4.5), OptionalDouble.of(6));
        assertEquals(new NominalSliceThickness(4.5, "--slice-thickness"), lookup.thickness().orElseThrow());
        assertEquals(List.of(), lookup.warnings());
    }

    @Test
    void aSidecarSpacingThatDisagreesWithTheHeaderIsReportedAndTheHeadersIsUsed() throws IOException {
        Path scan = scanWithSidecar("spaced", "{\"SliceThickness\": 5, \"SpacingBetweenSlices\": 6.5}");
        SliceThicknessLookup lookup = fromSidecar(scan);
        assertEquals(5.0, lookup.thickness().orElseThrow().mm());
        assertEquals(List.of(dir.resolve("spaced.json") + ": SpacingBetweenSlices 6.5 mm disagrees with the header's"
                + " slice spacing 6 mm by more than 1%; the header's is used"), lookup.warnings());
        // within 1%: no word
        Path close = scanWithSidecar("close", "{\"SliceThickness\": 5, \"SpacingBetweenSlices\": 6.05}");
        assertEquals(List.of(), fromSidecar(close).warnings());
    }

    @Test
    void ourOwnDegradeSidecarIsNotMistakenForAThickness() throws IOException {
        Path iso = TestScans.write(TestScans.phantom(24, 24, 24, 1, 1, 1), dir.resolve("iso.nii.gz"));
        Path lr = dir.resolve("lr.nii.gz");
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
                "--output", lr.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("lr.json")), "degrade wrote its sidecar, with the true profile");
        SliceThicknessLookup lookup = SliceThicknessLookup.of(lr, OptionalDouble.empty(), OptionalDouble.of(4));
        assertTrue(lookup.thickness().isEmpty(), lookup.toString());
        assertEquals(List.of(), lookup.warnings());
    }
}
