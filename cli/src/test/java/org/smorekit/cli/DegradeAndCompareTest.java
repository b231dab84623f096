package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

class DegradeAndCompareTest {

    @Test
    @SuppressWarnings("unchecked")
    void degradeWritesTheThickSliceVolumeAndItsSidecar(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.colinCrop(40, 50, 60, 48, 40, 33), dir.resolve("iso.nii.gz"));
        Path lr = dir.resolve("out/lr.nii.gz");
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
                "--axis", "2", "--output", lr.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Volume out = NiftiReader.read(lr).volume();
        // m = floor((33 - 1) / 4) + 1 = 9 slices of 4 mm, first slice in place
        assertEquals(List.of(48, 40, 9), List.of(out.shape()[0], out.shape()[1], out.shape()[2]));
        assertEquals(4.0, out.spacingMm()[2], 1e-6);
        Map<String, Object> json = JsonSidecar.read(dir.resolve("out/lr.json"));
        Map<String, Object> profile = (Map<String, Object>) json.get("profile");
        assertEquals(4.0, (Double) profile.get("fwhm_voxels"), 1e-9);
        assertEquals(4.0, (Double) profile.get("fwhm_mm"), 1e-9);
        double sum = ((List<Double>) profile.get("values")).stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(1.0, sum, 1e-12);
        assertEquals(4.0, (Double) json.get("scale"));
        assertEquals(2, json.get("axis"));
        assertTrue(((String) json.get("input")).endsWith("iso.nii.gz"));
    }

    @Test
    void aProfileInMmUsesTheSpacingAlongTheAxis(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(16, 16, 24, 0.5, 0.5, 0.5), dir.resolve("iso.nii"));
        Path lr = dir.resolve("lr.nii");
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "rect:2mm", "--scale", "2.5",
                "--output", lr.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) JsonSidecar.read(dir.resolve("lr.json")).get("profile");
        assertEquals(4.0, (Double) profile.get("fwhm_voxels"), 1e-9); // 2 mm at 0.5 mm voxels
        assertEquals(2.0, (Double) profile.get("fwhm_mm"), 1e-9);
        assertEquals(2.0, (Double) profile.get("nominal_fwhm_mm"), 1e-12);
    }

    @Test
    void theSidecarKeepsTheNominalWidthBesideTheSampledProfilesFwhm(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(16, 16, 24, 1, 1, 1), dir.resolve("iso.nii"));
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4.4mm", "--scale", "4",
                "--output", dir.resolve("lr.nii").toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) JsonSidecar.read(dir.resolve("lr.json")).get("profile");
        assertEquals(4.4, (Double) profile.get("nominal_fwhm_mm"), 1e-12);
        assertEquals(4.4, (Double) profile.get("nominal_fwhm_voxels"), 1e-12);
        // sampled on the 1 mm grid, the half-maximum rule reads the bell a little wider than asked
        double sampled = (Double) profile.get("fwhm_mm");
        assertTrue(sampled > 4.4 && sampled < 4.5, "sampled FWHM " + sampled);
        assertTrue(r.out().contains("sampled: FWHM"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void noiseIsAddedAfterTheSubsamplingAndRecordedInTheSidecar(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.colinCrop(40, 50, 60, 48, 40, 33), dir.resolve("iso.nii.gz"));
        String[] clean = {"degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
            "--output", dir.resolve("clean.nii").toString()};
        assertEquals(ExitCodes.OK, CliRun.of(clean).exitCode());
        for (String name : new String[] {"a", "b"}) {
            CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
                    "--noise", "5%", "--seed", "3", "--output", dir.resolve(name + ".nii").toString());
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        }
        float[] c = NiftiReader.read(dir.resolve("clean.nii")).volume().toArray();
        float[] a = NiftiReader.read(dir.resolve("a.nii")).volume().toArray();
        assertArrayEquals(a, NiftiReader.read(dir.resolve("b.nii")).volume().toArray(),
                "the same seed, the same noise");
        Map<String, Object> noise = (Map<String, Object>) JsonSidecar.read(dir.resolve("a.json")).get("noise");
        assertEquals("rician", noise.get("kind"));
        double sigma = (Double) noise.get("sigma");
        assertEquals(0.05 * (Double) noise.get("head_signal"), sigma, 1e-9);
        // in the head, where the signal is far above sigma, Rician noise is nearly Gaussian of that sigma
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int i = 0; i < c.length; i++) {
            if (c[i] > 20 * sigma) {
                double d = a[i] - c[i];
                sum += d;
                sumSquares += d * d;
                n++;
            }
        }
        assertTrue(n > 1000, "voxels in the head: " + n);
        double sd = Math.sqrt(sumSquares / n - (sum / n) * (sum / n));
        assertEquals(sigma, sd, 0.1 * sigma);
        assertTrue(JsonSidecar.read(dir.resolve("clean.json")).get("noise") == null, "no noise, no noise entry");
    }

    @Test
    void aNoiseLevelThatIsNotANumberIsBadInput(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(8, 8, 8, 1, 1, 1), dir.resolve("iso.nii"));
        for (String[] option : new String[][] {{"--noise", "-3"}, {"--noise", "5", "--noise-kind", "poisson"}}) {
            List<String> args = new ArrayList<>(List.of("degrade", "--input", iso.toString(), "--profile",
                    "gaussian:2", "--scale", "2", "--output", dir.resolve("lr.nii").toString()));
            args.addAll(List.of(option));
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.errLines(), r.err());
            assertTrue(Files.notExists(dir.resolve("lr.nii")));
        }
    }

    @Test
    void anUnknownProfileIsBadInput(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(8, 8, 8, 1, 1, 1), dir.resolve("iso.nii"));
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "triangle:3", "--scale", "2",
                "--output", dir.resolve("lr.nii").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("gaussian"), "the message lists the accepted forms: " + r.err());
        assertTrue(Files.notExists(dir.resolve("lr.nii")));
    }

    @Test
    void theOutputMayNotOverwriteTheInput(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(8, 8, 8, 1, 1, 1), dir.resolve("iso.nii"));
        long size = Files.size(iso);
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:2", "--scale", "2",
                "--output", iso.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(size, Files.size(iso));
    }

    @Test
    void anOutputNamedLikeTheInputMayNotOverwriteItsBidsSidecar(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(8, 8, 8, 1, 1, 1), dir.resolve("iso.nii.gz"));
        Path sidecar = Files.writeString(dir.resolve("iso.json"), "{\"SliceThickness\": 1}");
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:2", "--scale", "2",
                "--output", dir.resolve("iso.nii").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("the sidecar of the input"), r.err());
        assertEquals("{\"SliceThickness\": 1}", Files.readString(sidecar));
        assertTrue(Files.notExists(dir.resolve("iso.nii")), "refused before any work");
    }

    @Test
    void aFourDInputIsBadInputUnlessAVolumeIsChosen(@TempDir Path dir) throws IOException {
        Path fourD = TestScans.writeFourD(TestScans.phantom(8, 8, 8, 1, 1, 1), dir.resolve("fourd.nii"));
        String[] args = {"degrade", "--input", fourD.toString(), "--profile", "gaussian:2", "--scale", "2",
            "--output", dir.resolve("lr.nii").toString()};
        CliRun refused = CliRun.of(args);
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode());
        assertEquals(1, refused.errLines(), refused.err());
        String[] withVolume = java.util.Arrays.copyOf(args, args.length + 2);
        withVolume[args.length] = "--volume";
        withVolume[args.length + 1] = "1";
        assertEquals(ExitCodes.OK, CliRun.of(withVolume).exitCode());
    }

    @Test
    void aVolumeComparedWithItselfIsPerfect(@TempDir Path dir) throws IOException {
        Path v = TestScans.write(TestScans.phantom(24, 24, 24, 1, 1, 1), dir.resolve("v.nii.gz"));
        Path json = dir.resolve("self.json");
        CliRun r = CliRun.of("compare", "--truth", v.toString(), "--test", v.toString(), "--json", json.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("PSNR:  inf dB"), r.out());
        assertTrue(r.out().contains("SSIM:  1.0000 (3-D windows"), r.out());
        Map<String, Object> m = JsonSidecar.read(json);
        assertEquals("Infinity", m.get("psnr_db"));
        assertEquals(1.0, (Double) m.get("ssim"), 1e-12);
        assertEquals(false, m.get("resampled"));
    }

    @Test
    void aThickSliceVolumeIsResampledThroughTheAffines(@TempDir Path dir) throws IOException {
        Path iso = TestScans.write(TestScans.phantom(24, 24, 25, 1, 1, 1), dir.resolve("iso.nii"));
        Path lr = dir.resolve("lr.nii");
        assertEquals(ExitCodes.OK, CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:3",
                "--scale", "3", "--output", lr.toString()).exitCode());
        CliRun r = CliRun.of("compare", "--truth", iso.toString(), "--test", lr.toString(), "--mask", "none",
                "--ssim", "2d", "--axis", "2");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("resampled onto the truth grid"), r.out());
        assertTrue(r.out().contains("2-D windows in slices across axis 2"), r.out());
    }

    @Test
    void helpExplainsOptionsWithUnitsAndDefaults() {
        for (String command : new String[] {"info", "degrade", "compare"}) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(ExitCodes.OK, r.exitCode(), command);
            assertTrue(r.out().contains("Usage: smorekit " + command), r.out());
        }
        String degrade = CliRun.of("degrade", "--help").out();
        assertTrue(degrade.contains("(default: 2)"), degrade);
        assertTrue(degrade.contains("mm"), degrade);
        assertEquals(ExitCodes.USAGE, CliRun.of("degrade", "--no-such-option").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("degrade", "--input", "x.nii").exitCode());
    }
}
