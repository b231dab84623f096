package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * The learned commands end to end on a small crop of the bundled sample (96 x 96 x 64 at 1 mm, degraded to 16 slices
 * of 4 mm), with iteration counts far below any useful setting: these tests check the plumbing (files, keys, grids,
 * exit codes), not the quality.
 */
class PipelineCommandsTest {

    @TempDir
    static Path dir;

    static Path lr;
    static Path iso;

    @BeforeAll
    static void thickSliceCrop() throws IOException {
        iso = TestScans.write(TestScans.colinCrop(42, 60, 50, 96, 96, 64), dir.resolve("iso.nii.gz"));
        lr = dir.resolve("lr.nii.gz");
        CliRun r = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
                "--output", lr.toString(), "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
    }

    @Test
    void quickRunWritesEveryOutput() throws IOException {
        Path out = dir.resolve("run");
        CliRun r = CliRun.of("run", "--input", lr.toString(), "--output", out.toString(), "--quick",
                "--iterations", "30", "--train-iterations", "10", "--seed", "3", "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        for (String f : List.of("sr.nii.gz", "sr.json", "cubic.nii.gz", "profile.json", "profile.png",
                "report.json", "report.html", "run.log")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " exists");
        }
        Volume sr = NiftiReader.read(out.resolve("sr.nii.gz")).volume();
        // 16 thick slices at scale 4: floor(15 * 4) + 1 = 61 slices, first in place, on the crop's grid
        assertEquals(List.of(96, 96, 61), List.of(sr.shape()[0], sr.shape()[1], sr.shape()[2]));
        assertEquals(1.0, sr.spacingMm()[2], 1e-6);
        Volume crop = NiftiReader.read(iso).volume();
        assertTrue(sr.affine().maxAbsDifference(crop.affine()) < 1e-4, "SR lies on the truth grid");

        Map<String, Object> profile = JsonSidecar.read(out.resolve("profile.json"));
        for (String key : List.of("values", "fwhm_voxels", "fwhm_mm", "axis", "scale", "iterations", "seed", "threads",
                "seconds", "warnings")) {
            assertTrue(profile.containsKey(key), "profile.json has " + key);
        }
        assertEquals(2, profile.get("axis"));
        assertEquals(3, ((Number) profile.get("seed")).intValue());
        double sum = ((List<?>) profile.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        assertEquals(1.0, sum, 1e-9);

        Map<String, Object> report = JsonSidecar.read(out.resolve("report.json"));
        for (String key : List.of("input", "profile", "sr", "blur_after_sr", "seconds", "preset")) {
            assertTrue(report.containsKey(key), "report.json has " + key);
        }
        assertEquals("quick", report.get("preset"));
        // lr.json next to the input is degrade's own sidecar (the true profile), not a BIDS one: no thickness
        assertTrue(report.containsKey("nominal_slice_thickness_mm"));
        assertNull(report.get("nominal_slice_thickness_mm"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "images are embedded");
        assertTrue(html.contains("quick preset"), "the quick preset is labelled");
    }

    @Test
    void estimateWritesTheProfileFilesAndIsDeterministic() throws IOException {
        Path a = dir.resolve("est-a");
        Path b = dir.resolve("est-b");
        for (Path out : new Path[] {a, b}) {
            CliRun r = CliRun.of("estimate", "--input", lr.toString(), "--output", out.toString(),
                    "--iterations", "20", "--seed", "5", "--quiet");
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("slice profile FWHM"), r.out());
            assertTrue(Files.isRegularFile(out.resolve("profile.png")));
            assertTrue(Files.isRegularFile(out.resolve("estimate.log")));
        }
        assertEquals(JsonSidecar.read(a.resolve("profile.json")).get("values"),
                JsonSidecar.read(b.resolve("profile.json")).get("values"), "same seed, same profile");
        Map<String, Object> profile = JsonSidecar.read(a.resolve("profile.json"));
        assertTrue(profile.containsKey("nominal_slice_thickness_mm"));
        assertNull(profile.get("nominal_slice_thickness_mm"), "degrade's lr.json gives no thickness");
        assertNull(profile.get("nominal_slice_thickness_source"));
        // the scan's noise, measured in its slices' planes: Colin27 is an average of 27 scans, nearly noise-free
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) profile.get("input");
        double sigma = ((Number) input.get("noise_sigma")).doubleValue();
        assertTrue(sigma > 0 && sigma < 2, "noise sigma " + sigma);
        assertTrue(((Number) input.get("snr_head")).doubleValue() > 40, "SNR " + input.get("snr_head"));
    }

    @Test
    void estimateChecksTheFwhmAgainstTheNominalThickness() throws IOException {
        // 0.5 mm: no estimate can agree with it (every FWHM is at least 1 voxel, here 1 mm)
        Path out = dir.resolve("est-thin");
        CliRun r = CliRun.of("estimate", "--input", lr.toString(), "--output", out.toString(),
                "--iterations", "20", "--runs", "1", "--slice-thickness", "0.5", "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Map<String, Object> profile = JsonSidecar.read(out.resolve("profile.json"));
        assertEquals(0.5, ((Number) profile.get("nominal_slice_thickness_mm")).doubleValue());
        assertEquals("--slice-thickness", profile.get("nominal_slice_thickness_source"));
        List<?> warnings = (List<?>) profile.get("warnings");
        assertTrue(warnings.stream().anyMatch(w -> ((String) w).contains("disagrees with the nominal slice thickness "
                + "0.5 mm (from --slice-thickness) by more than a factor of 1.5")), warnings.toString());
        assertTrue(r.err().contains("warning: the estimated FWHM"), "warnings are shown even with --quiet: "
                + r.err());
        assertTrue(Files.readString(out.resolve("estimate.log")).contains("0.5 mm (from --slice-thickness)"));
    }

    @Test
    void estimateByTheSpectralFitAloneMakesNoGanRun() throws IOException {
        Path out = dir.resolve("est-spectral");
        CliRun r = CliRun.of("estimate", "--input", lr.toString(), "--output", out.toString(),
                "--profile-method", "spectral", "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("(spectral fit, "), r.out());
        Map<String, Object> profile = JsonSidecar.read(out.resolve("profile.json"));
        assertEquals("spectral", profile.get("profile_method"));
        assertEquals("spectral fit", profile.get("profile_from"));
        assertEquals(0, ((Number) profile.get("iterations")).intValue());
        assertEquals(0, ((Number) profile.get("runs")).intValue());
        assertEquals(profile.get("spectral_fit_fwhm_voxels"), profile.get("fwhm_voxels"));
        assertTrue(Files.readString(out.resolve("estimate.log")).contains("SPECTRAL_FIT"));

        CliRun bad = CliRun.of("estimate", "--input", lr.toString(), "--output", dir.resolve("est-bad").toString(),
                "--profile-method", "fit");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("[auto, gan, spectral]"), bad.err());
    }

    @Test
    void estimateTakesALongerProfileAndRefusesAnEvenOne() throws IOException {
        Path out = dir.resolve("est-k31");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.json"), "{}"); // an earlier run's report in the same folder
        CliRun r = CliRun.of("estimate", "--input", lr.toString(), "--output", out.toString(),
                "--iterations", "20", "--runs", "1", "--profile-length", "31", "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Map<String, Object> profile = JsonSidecar.read(out.resolve("profile.json"));
        assertEquals(31, ((List<?>) profile.get("values")).size());
        assertEquals(1, ((Number) profile.get("runs")).intValue());
        assertEquals(1, ((Number) profile.get("ensemble_size")).intValue());
        assertTrue(Files.readString(out.resolve("estimate.log")).contains("is an earlier run's report"),
                "the log says the old report does not describe this estimate");

        CliRun even = CliRun.of("estimate", "--input", lr.toString(), "--output", dir.resolve("est-k20").toString(),
                "--profile-length", "20");
        assertEquals(ExitCodes.BAD_INPUT, even.exitCode(), even.err());
        assertEquals(1, even.errLines(), even.err());
        assertTrue(even.err().contains("--profile-length must be odd"), even.err());
    }

    @Test
    void srWithAGivenProfileSavesAModelThatCanBeReapplied() throws IOException {
        Path sr = dir.resolve("sr/given.nii.gz");
        Path model = dir.resolve("sr/given.model");
        CliRun r = CliRun.of("sr", "--input", lr.toString(), "--output", sr.toString(), "--profile", "gaussian:4mm",
                "--quick", "--train-iterations", "5", "--save-model", model.toString(), "--slice-thickness", "3",
                "--quiet");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        // the thickness only checks an estimate: with a given profile it is set aside, and the log says so
        assertTrue(Files.readString(dir.resolve("sr/given.log")).contains("--slice-thickness is not used"));
        Map<String, Object> json = JsonSidecar.read(dir.resolve("sr/given.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) json.get("profile");
        assertEquals(4.0, ((Number) profile.get("fwhm_mm")).doubleValue(), 1e-9);
        // two through-plane orientations, each with the slices in order and reversed
        assertEquals(4, ((Number) json.get("inference_passes")).intValue());
        Path again = dir.resolve("sr/again.nii.gz");
        CliRun reapplied = CliRun.of("sr", "--input", lr.toString(), "--output", again.toString(),
                "--model", model.toString(), "--quiet");
        assertEquals(ExitCodes.OK, reapplied.exitCode(), reapplied.err());
        float[] first = NiftiReader.read(sr).volume().toArray();
        float[] second = NiftiReader.read(again).volume().toArray();
        assertEquals(first.length, second.length);
        for (int i = 0; i < first.length; i += 97) {
            assertEquals(first[i], second[i], 1e-4f * Math.max(1, Math.abs(first[i])));
        }
    }

    @Test
    void onANoisyScanSrTrainsWithTheScansNoiseUnlessSwitchedOff() throws IOException {
        Path noisy = dir.resolve("noisy/lr.nii.gz");
        CliRun degraded = CliRun.of("degrade", "--input", iso.toString(), "--profile", "gaussian:4", "--scale", "4",
                "--noise", "5%", "--output", noisy.toString(), "--quiet");
        assertEquals(ExitCodes.OK, degraded.exitCode(), degraded.err());
        for (String mode : List.of("auto", "off")) {
            Path sr = dir.resolve("noisy/sr-" + mode + ".nii.gz");
            CliRun r = CliRun.of("sr", "--input", noisy.toString(), "--output", sr.toString(), "--profile",
                    "gaussian:4mm", "--quick", "--train-iterations", "3", "--noise-matching", mode);
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
            boolean told = r.out().contains("the scan is noisy") || r.err().contains("the scan is noisy");
            String log = Files.readString(dir.resolve("noisy/sr-" + mode + ".log"));
            @SuppressWarnings("unchecked")
            Map<String, Object> model = (Map<String, Object>) JsonSidecar.read(dir.resolve("noisy/sr-" + mode
                    + ".json")).get("model_description");
            double sigma = ((Number) model.get("inputNoiseSigma")).doubleValue();
            if (mode.equals("auto")) {
                assertTrue(told && log.contains("the scan is noisy"), r.out() + r.err());
                assertTrue(sigma > 0, "sigma " + sigma);
            } else {
                assertTrue(!told && !log.contains("the scan is noisy"), r.out() + r.err());
                assertEquals(0, sigma);
            }
        }
    }

    @Test
    void isotropicInputsAreRefusedInOneLine() {
        for (String command : List.of("estimate", "sr", "run")) {
            CliRun r = CliRun.of(command, "--input", iso.toString(), "--output",
                    dir.resolve("refused-" + command + (command.equals("sr") ? ".nii.gz" : "")).toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), command + ": " + r.err());
            assertEquals(1, r.errLines(), r.err());
            assertTrue(r.err().contains("isotropic"), r.err());
        }
    }

    @Test
    void anUnknownProfileForSrIsBadInput() {
        CliRun r = CliRun.of("sr", "--input", lr.toString(), "--output", dir.resolve("x.nii.gz").toString(),
                "--profile", "triangle:3");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
    }

    @Test
    void helpOfTheLearnedCommandsNamesUnitsAndDefaults() {
        for (String command : List.of("estimate", "sr", "measure", "run", "evaluate", "demo")) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(ExitCodes.OK, r.exitCode(), command);
            assertTrue(r.out().contains("--seed=<integer>"), command + ": " + r.out());
            assertTrue(r.out().contains("(default: 1)"), command + ": " + r.out());
        }
        assertTrue(CliRun.of("evaluate", "--help").out().contains("<mm>"));
        assertEquals(ExitCodes.USAGE, CliRun.of("run", "--input", "x.nii.gz").exitCode(), "missing --output");
    }
}
