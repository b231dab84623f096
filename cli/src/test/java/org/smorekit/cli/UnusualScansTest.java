package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.TrainingPairs;
import org.smorekit.smore.SmoreOptions;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Scans from the robustness sweep: valid but unusual ones just work, broken ones get one line and exit code 2. */
class UnusualScansTest {

    /** A 1 x 1 x 4 mm phantom tilted by 20 degrees about x (the writer stores the affine in float32). */
    private static Volume tilted(int nx, int ny, int nz) {
        Volume v = TestScans.phantom(nx, ny, nz, 1, 1, 4);
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        return v.withGrid(v.shape(), v.toArray(), Affine.of(
                1, 0, 0, -10,
                0, c, -4 * s, -12,
                0, s, 4 * c, -20,
                0, 0, 0, 1));
    }

    @Test
    void anObliqueScanKeepsItsLastSlice(@TempDir Path dir) throws IOException {
        Path lr = TestScans.write(tilted(12, 10, 12), dir.resolve("oblique.nii.gz"));
        Path out = dir.resolve("cubic.nii.gz");
        CliRun r = CliRun.of("upsample", "--quiet", "--input", lr.toString(), "--output", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        // 12 slices at scale 4: floor(11 * 4) + 1 = 45 on the grid convention, even though float32 put the header's
        // slice spacing just below 4 mm
        Volume sr = NiftiReader.read(out).volume();
        assertEquals(45, sr.shape()[2]);
        Volume in = NiftiReader.read(lr).volume();
        for (int row = 0; row < 3; row++) {
            assertEquals(in.affine().get(row, 2) / 4, sr.affine().get(row, 2), 1e-6);
            assertEquals(in.affine().get(row, 3), sr.affine().get(row, 3), 1e-6);
        }
        // info names the tilt, which the orientation codes alone hide
        CliRun info = CliRun.of("info", lr.toString());
        assertTrue(info.out().contains("oblique: up to 20.0 degrees off the nearest scanner axes"), info.out());
        assertTrue(CliRun.of("info", out.toString()).out().contains("oblique: up to 20.0 degrees"),
                "the output keeps it");
    }

    @Test
    void measureOnAGridThatIsNotIsotropicSaysItsFwhmIsNotABlurInMm(@TempDir Path dir) throws IOException {
        Path thick = TestScans.write(TestScans.phantom(40, 40, 20, 1, 1, 4), dir.resolve("thick.nii.gz"));
        Path json = dir.resolve("m.json");
        CliRun r = CliRun.of("measure", "--input", thick.toString(), "--axis", "2", "--json", json.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains("the spacing along axis 2 (4 mm) is not the in-plane spacing (1 mm)"), r.err());
        assertTrue(Files.readString(json).contains("is not the in-plane spacing"), "and in the sidecar");
        Path iso = TestScans.write(TestScans.phantom(40, 40, 20, 1, 1, 1), dir.resolve("iso.nii.gz"));
        CliRun fine = CliRun.of("measure", "--input", iso.toString(), "--axis", "2");
        assertEquals(ExitCodes.OK, fine.exitCode(), fine.err());
        assertFalse(fine.err().contains("is not the in-plane spacing"), fine.err());
    }

    @Test
    void aSingleSliceIsRefusedByInfoAndTheCommands(@TempDir Path dir) throws IOException {
        Path lr = TestScans.write(TestScans.phantom(12, 10, 1, 1, 1, 4), dir.resolve("one-slice.nii.gz"));
        CliRun info = CliRun.of("info", lr.toString());
        assertEquals(ExitCodes.OK, info.exitCode(), info.err());
        assertTrue(info.out().contains("does not apply: only 1 slice along the slice axis 2"), info.out());
        assertTrue(info.out().contains("at least 2 are needed to interpolate between"), info.out());

        CliRun r = CliRun.of("upsample", "--input", lr.toString(), "--output", dir.resolve("up.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("only 1 slice along the slice axis 2"), r.err());
        assertFalse(Files.exists(dir.resolve("up.nii.gz")));
    }

    @Test
    void alternatingSliceIntensitiesAreBroughtToOneLevelUnlessKept(@TempDir Path dir) throws IOException {
        Volume clean = TestScans.phantom(40, 40, 20, 1, 1, 4);
        float[] voxels = clean.toArray();
        for (int i = 0; i < voxels.length; i++) {
            if ((i / (40 * 40)) % 2 == 1) {
                voxels[i] *= 0.9f; // every odd slice 10% darker, as an interleaved acquisition's second pass
            }
        }
        Path striped = TestScans.write(clean.withData(voxels), dir.resolve("interleaved.nii.gz"));
        Path out = dir.resolve("cubic.nii.gz");

        CliRun corrected = CliRun.of("upsample", "--input", striped.toString(), "--output", out.toString());
        assertEquals(ExitCodes.OK, corrected.exitCode(), corrected.err());
        assertTrue(corrected.err().contains("slice intensities alternate (even slices 11.")
                && corrected.err().contains("brighter than odd ones")
                && corrected.err().contains("both scaled to their common level"), corrected.err());
        Volume up = NiftiReader.read(out).volume();
        // fine slices 0 and 4 are the thick slices 0 and 1, now at one level: their ratio is the clean one's
        int centre = up.index(20, 20, 0);
        double ratio = up.get(up.index(20, 20, 4)) / up.get(centre);
        assertEquals(clean.get(clean.index(20, 20, 1)) / clean.get(clean.index(20, 20, 0)), ratio, 0.02);

        CliRun kept = CliRun.of("upsample", "--interleave-correction", "off", "--input", striped.toString(), "--output",
                dir.resolve("kept.nii.gz").toString());
        assertEquals(ExitCodes.OK, kept.exitCode(), kept.err());
        assertTrue(kept.err().contains("left as they are"), kept.err());

        Path plain = TestScans.write(clean, dir.resolve("plain.nii.gz"));
        CliRun none = CliRun.of("upsample", "--input", plain.toString(), "--output",
                dir.resolve("p.nii.gz").toString());
        assertEquals(ExitCodes.OK, none.exitCode(), none.err());
        assertFalse(none.err().contains("alternate"), none.err());
    }

    @Test
    void evenAndOddSlicesDisplacedInPlaneAreMovedBackUnlessTheCorrectionIsOff(@TempDir Path dir) throws IOException {
        Volume aligned = TestScans.phantom(40, 40, 20, 1, 1, 4);
        float[] voxels = aligned.toArray();
        for (int z = 1; z < 20; z += 2) {
            for (int y = 0; y < 40; y++) {
                for (int x = 39; x > 0; x--) {
                    voxels[aligned.index(x, y, z)] = voxels[aligned.index(x - 1, y, z)]; // moved by one voxel
                }
            }
        }
        Path moved = TestScans.write(aligned.withData(voxels), dir.resolve("moved.nii.gz"));

        CliRun corrected = CliRun.of("upsample", "--input", moved.toString(), "--output",
                dir.resolve("cubic.nii.gz").toString());
        assertEquals(ExitCodes.OK, corrected.exitCode(), corrected.err());
        assertTrue(corrected.err().matches("(?s).*even slices displaced by \\(-(0\\.9|1\\.0)\\d, -?0\\.0\\d\\).*")
                && corrected.err().contains("brought together before anything else"), corrected.err());
        assertFalse(corrected.err().contains("alternate"), corrected.err());

        CliRun off = CliRun.of("upsample", "--interleave-correction", "off", "--input", moved.toString(), "--output",
                dir.resolve("off.nii.gz").toString());
        assertEquals(ExitCodes.OK, off.exitCode(), off.err());
        assertTrue(off.err().contains("even slices displaced by") && off.err().contains("left as they are"),
                off.err());
    }

    @Test
    void nanVoxelsAreRefusedWithTheOptionThatAcceptsThem(@TempDir Path dir) throws IOException {
        Volume clean = TestScans.phantom(12, 10, 5, 1, 1, 4);
        float[] voxels = clean.toArray();
        voxels[7] = Float.NaN;
        voxels[70] = Float.POSITIVE_INFINITY;
        Path lr = TestScans.write(clean.withGrid(clean.shape(), voxels, clean.affine()), dir.resolve("nan.nii.gz"));
        Path out = dir.resolve("cubic.nii.gz");

        CliRun refused = CliRun.of("upsample", "--input", lr.toString(), "--output", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.err());
        assertEquals(1, refused.errLines(), refused.err());
        assertTrue(refused.err().contains("2 of 600 voxels are NaN or infinite")
                && refused.err().contains("--nan-to-zero replaces them with 0"), refused.err());
        assertFalse(Files.exists(out));

        CliRun zeroed = CliRun.of("upsample", "--nan-to-zero", "--input", lr.toString(), "--output", out.toString());
        assertEquals(ExitCodes.OK, zeroed.exitCode(), zeroed.err());
        assertTrue(zeroed.err().contains("replaced 2 NaN/infinite voxels with 0"), zeroed.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void infoSaysWhenTheVoxelsCannotBeReadAndExitsAsBadInput(@TempDir Path dir) throws IOException {
        // an RGB24 header (datatype 128, bitpix 24): the header is fine, the voxels are refused
        Path rgb = TestScans.write(TestScans.phantom(12, 10, 5, 1, 1, 4), dir.resolve("rgb.nii"));
        try (RandomAccessFile raf = new RandomAccessFile(rgb.toFile(), "rw")) {
            raf.seek(70);
            raf.write(new byte[] {(byte) 128, 0, 24, 0});
        }
        CliRun info = CliRun.of("info", rgb.toString());
        assertEquals(ExitCodes.BAD_INPUT, info.exitCode(), "described, but a script must see it: " + info.err());
        assertTrue(info.out().contains("does not apply: the voxels cannot be read")
                && info.out().contains("unsupported datatype RGB24"), info.out());
        CliRun up = CliRun.of("upsample", "--input", rgb.toString(), "--output", dir.resolve("u.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, up.exitCode(), up.err());

        // an uncompressed file cut short: info sees it from the file size
        Path cut = TestScans.write(TestScans.phantom(12, 10, 5, 1, 1, 4), dir.resolve("cut.nii"));
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.setLength(raf.length() - 100);
        }
        CliRun truncated = CliRun.of("info", "--json", cut.toString());
        assertEquals(ExitCodes.BAD_INPUT, truncated.exitCode());
        assertTrue(truncated.out().contains("\"sr_applies\" : false"), truncated.out());
        assertTrue(truncated.out().contains("file is truncated"), truncated.out());

        // a gzipped file cut short: info decompresses it to see that
        Path whole = TestScans.write(TestScans.phantom(40, 40, 20, 1, 1, 4), dir.resolve("whole.nii.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cutGz = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        CliRun gz = CliRun.of("info", cutGz.toString());
        assertEquals(ExitCodes.BAD_INPUT, gz.exitCode(), gz.err());
        assertTrue(gz.out().contains("does not apply: the voxels cannot be read")
                && gz.out().contains("cut.nii.gz: file is truncated"), gz.out());
    }

    @Test
    void anOutputInsideAFileIsRefusedWithThatReason(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(24, 24, 8, 1, 1, 4), dir.resolve("lr.nii.gz"));
        Path file = Files.writeString(dir.resolve("afile"), "not a folder");
        for (String command : List.of("upsample", "sr")) {
            List<String> args = new ArrayList<>(List.of(command, "--input", scan.toString(), "--output",
                    file.resolve("x.nii.gz").toString()));
            if (command.equals("sr")) {
                args.addAll(List.of("--profile", "gaussian:4mm", "--quick"));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertTrue(r.err().contains(file + " (it is a file, so "), r.err());
        }
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void anEmptyFileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.nii.gz"));
        CliRun r = CliRun.of("info", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("smorekit info: " + empty + ": file is empty (0 bytes)", r.err().strip());
    }

    /**
     * picocli formats help texts with String.format; a bare '%' (as in "within 1%") made it print a WARN line and fall
     * back to the raw text. Every header, description and footer of every command must format.
     */
    @Test
    void everyHelpTextFormats() {
        List<CommandLine> commands = new ArrayList<>(List.of(Smorekit.commandLine()));
        for (int i = 0; i < commands.size(); i++) {
            CommandSpec spec = commands.get(i).getCommandSpec();
            commands.addAll(commands.get(i).getSubcommands().values());
            List<String> texts = new ArrayList<>();
            texts.addAll(List.of(spec.usageMessage().header()));
            texts.addAll(List.of(spec.usageMessage().description()));
            texts.addAll(List.of(spec.usageMessage().footer()));
            spec.options().forEach(o -> texts.addAll(List.of(o.description())));
            spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
            for (String text : texts) {
                assertDoesNotThrow(() -> String.format(text), spec.qualifiedName() + ": " + text);
            }
        }
    }

    @Test
    void aMissingProfileFileOrAWrongModelFileIsBadInput(@TempDir Path dir) throws IOException {
        Path lr = TestScans.write(TestScans.phantom(12, 10, 5, 1, 1, 4), dir.resolve("lr.nii.gz"));
        Path out = dir.resolve("sr.nii.gz");
        CliRun missing = CliRun.of("sr", "--input", lr.toString(), "--output", out.toString(), "--profile",
                "file:" + dir.resolve("nope.txt"));
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("nope.txt") && missing.err().contains("does not exist"), missing.err());

        CliRun folder = CliRun.of("sr", "--input", lr.toString(), "--output", out.toString(), "--profile",
                "file:" + dir);
        assertEquals(ExitCodes.BAD_INPUT, folder.exitCode(), folder.err());

        CliRun model = CliRun.of("sr", "--quiet", "--input", lr.toString(), "--output", out.toString(), "--model", lr.toString());
        assertEquals(ExitCodes.BAD_INPUT, model.exitCode(), model.err());
        assertTrue(model.err().contains("is not a smorekit model checkpoint"), model.err());
        assertEquals(1, model.errLines(), model.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anAbsurdSliceSpacingIsRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        // a header whose slice spacing is 1e12 mm (999999995904 in float32): the SR grid would need ~4e12 slices
        Path lr = TestScans.write(TestScans.phantom(12, 10, 5, 1, 1, 1e12), dir.resolve("absurd.nii.gz"));
        CliRun r = CliRun.of("upsample", "--quiet", "--input", lr.toString(), "--output",
                dir.resolve("up.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("more than one volume can hold"), r.err());
        assertEquals(1, r.errLines(), r.err());
        CliRun info = CliRun.of("info", lr.toString());
        assertTrue(info.out().contains("does not apply: at scale 999999995904 the 5 slices would become"), info.out());
    }

    /** 0.9 x 1.1 mm pixels, 5 mm slices, the axes rotated by 30 degrees about z (an oblique affine, float32). */
    private static Volume nonSquarePixels(int nx, int ny, int nz, double sx, double sy, double sz) {
        Volume v = TestScans.phantom(nx, ny, nz, sx, sy, sz);
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        return v.withGrid(v.shape(), v.toArray(), Affine.of(
                c * sx, -s * sy, 0, -7,
                s * sx, c * sy, 0, 3,
                0, 0, sz, -12,
                0, 0, 0, 1));
    }

    @Test
    void nonSquarePixelsAreMadeSquareAtTheFinerSpacing(@TempDir Path dir) throws IOException {
        Path lr = TestScans.write(nonSquarePixels(80, 70, 6, 0.9, 1.1, 5), dir.resolve("aniso.nii.gz"));
        Path out = dir.resolve("cubic.nii.gz");
        CliRun r = CliRun.of("upsample", "--input", lr.toString(), "--output", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String warning = lr + ": in-plane pixels are not square (1.1 mm along axis 1, 0.9 mm along the other):"
                + " axis 1 resampled to 0.9 mm with the cubic B-spline, so the output grid has square 0.9 mm pixels"
                + " (interpolated along axis 1, so slightly blurred along it)";
        assertTrue(r.err().contains("warning: " + warning), r.err());

        Volume in = NiftiReader.read(lr).volume();
        Volume up = NiftiReader.read(out).volume();
        // axis 1: 69 gaps of 1.1 mm = 75.9 mm hold floor(75.9 / 0.9) + 1 = 85 samples; then the slices at scale 5 / 0.9
        assertArrayEquals(new int[] {80, 85, (int) Math.floor(5 * 5 / 0.9) + 1}, up.shape());
        assertArrayEquals(new double[] {0.9, 0.9, 0.9}, up.spacingMm(), 1e-6);
        for (int row = 0; row < 3; row++) {
            assertEquals(in.affine().get(row, 0), up.affine().get(row, 0), 1e-6);
            assertEquals(in.affine().get(row, 1) * 0.9 / 1.1, up.affine().get(row, 1), 1e-6);
            assertEquals(in.affine().get(row, 2) * 0.9 / 5, up.affine().get(row, 2), 1e-6);
            assertEquals(in.affine().get(row, 3), up.affine().get(row, 3), 1e-6, "voxel 0 stays in place");
        }
        // where the fine grid meets the coarse one (9 x 1.1 mm = 11 x 0.9 mm), the interpolant returns the voxel
        // (exactly: the float32 ratio 1.1 / 0.9 is snapped to 11/9, so sample 11 lands on old sample 9)
        assertArrayEquals(in.affine().apply(7, 9, 0), up.affine().apply(7, 11, 0), 1e-5);
        for (int x = 0; x < 80; x++) {
            assertEquals(in.get(x, 9, 0), up.get(x, 11, 0), 1e-4);
        }

        // the sidecar records the resampling and the warning
        String sidecar = Files.readString(dir.resolve("cubic.json"));
        assertTrue(sidecar.contains("\"in_plane_resampled\" : {\n      \"axis\" : 1,\n      \"from_mm\" : 1.1"),
                sidecar);
        assertTrue(sidecar.contains("\"to_mm\" : 0.9"), sidecar);
        assertTrue(sidecar.contains(warning), sidecar);

        // info gives the same verdict: usable, with the resampling stated
        String resampled = "in-plane axis 1 resampled from 1.1 mm to 0.9 mm (cubic B-spline): square 0.9 mm pixels";
        CliRun info = CliRun.of("info", lr.toString());
        assertEquals(ExitCodes.OK, info.exitCode(), info.err());
        assertTrue(info.out().contains("super-resolution: applies: " + resampled + "; then slice axis 2: 5 mm slices,"
                + " 0.9 mm in-plane pixels, scale 5.5556"), info.out());
        CliRun json = CliRun.of("info", "--json", lr.toString());
        assertTrue(json.out().contains("\"sr_applies\" : true") && json.out().contains("\"in_plane_resampled\""),
                json.out());
        assertTrue(json.out().contains("\"in_plane_spacing_mm\" : 0.9"), json.out());

        // a command with a log writes the warning there, even when it then refuses the scan (6 slices: too few to
        // estimate the profile from)
        CliRun sr = CliRun.of("sr", "--quiet", "--input", lr.toString(), "--output", dir.resolve("sr.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, sr.exitCode(), sr.err());
        assertTrue(Files.readString(dir.resolve("sr.log")).contains("WARNING " + warning));
    }

    @Test
    void anAbsurdInPlaneRatioIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        // 0.5 x 2.5 mm "pixels" with 6 mm slices: a factor of 5 is not a thick-slice scan with non-square pixels
        Path lr = TestScans.write(TestScans.phantom(20, 8, 6, 0.5, 2.5, 6), dir.resolve("absurd.nii.gz"));
        String reason = "in-plane spacings differ: axis 0 is 0.5 mm, axis 1 is 2.5 mm (slice axis 2), a factor of 5:"
                + " more than 4, so not a thick-slice scan with non-square pixels";
        CliRun r = CliRun.of("upsample", "--input", lr.toString(), "--output", dir.resolve("up.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains(reason), r.err());
        assertFalse(Files.exists(dir.resolve("up.nii.gz")));
        CliRun info = CliRun.of("info", lr.toString());
        assertTrue(info.out().contains("super-resolution: does not apply: " + reason), info.out());
    }

    /** In-plane voxels SR's training pairs need at scale 4 with the Gaussian of 'gaussian:4mm' on 1 mm pixels. */
    private static int srNeeds(SmoreOptions preset) {
        return TrainingPairs.minimumLineLength(Profiles.gaussian(4).length(), 4, preset.lrWidth(4));
    }

    @Test
    void aScanTooSmallForTheEstimatorIsPointedToAnAssumedProfile(@TempDir Path dir) throws IOException {
        String alternative = "; the slice profile cannot be estimated from so small a scan: run 'smorekit sr"
                + " --profile gaussian:4mm' with an assumed profile (here a Gaussian as wide as the 4 mm slice spacing)";
        // 10 slices: the estimator's patches are 16 slices tall; 80 x 80 in-plane is enough for SR's default patch
        assertTrue(80 >= srNeeds(SmoreOptions.defaults()));
        Path fewSlices = TestScans.write(TestScans.phantom(80, 80, 10, 1, 1, 4), dir.resolve("few-slices.nii.gz"));
        CliRun estimate = CliRun.of("estimate", "--input", fewSlices.toString(), "--output",
                dir.resolve("profile").toString());
        assertEquals(ExitCodes.BAD_INPUT, estimate.exitCode(), estimate.err());
        assertEquals(1, estimate.errLines(), estimate.err());
        assertTrue(estimate.err().strip().endsWith("need at least 16 slices along axis 2 to sample patches, got 10"
                + alternative), estimate.err());
        assertFalse(Files.exists(dir.resolve("profile")), "refused before writing anything");

        // the suggested command works on that scan (SR trains on in-plane patches, not on slices)
        Path sr = dir.resolve("few-slices-sr.nii.gz");
        CliRun assumed = CliRun.of("sr", "--input", fewSlices.toString(), "--output", sr.toString(), "--profile",
                "gaussian:4mm", "--quick", "--train-iterations", "2", "--quiet");
        assertEquals(ExitCodes.OK, assumed.exitCode(), assumed.err());
        assertEquals((10 - 1) * 4 + 1, NiftiReader.read(sr).volume().shape()[2]);
    }

    @Test
    void aScanOnlyTheQuickPatchFitsIsPointedToAnAssumedProfileWithQuick(@TempDir Path dir) throws IOException {
        // in-plane between what SR's quick patch and its default patch need
        int size = srNeeds(SmoreOptions.quick());
        assertTrue(size < srNeeds(SmoreOptions.defaults()));
        Path scan = TestScans.write(TestScans.phantom(size, size, 10, 1, 1, 4), dir.resolve("small.nii.gz"));
        CliRun estimate = CliRun.of("estimate", "--input", scan.toString(), "--output", dir.resolve("p").toString());
        assertEquals(ExitCodes.BAD_INPUT, estimate.exitCode(), estimate.err());
        assertEquals(1, estimate.errLines(), estimate.err());
        assertTrue(estimate.err().contains("the slice profile cannot be estimated from so small a scan: run 'smorekit"
                + " sr --profile gaussian:4mm --quick' with an assumed profile"), estimate.err());
        assertTrue(estimate.err().contains("SR's default patch does not fit: in-plane size " + size + " x " + size
                + " is too small"), estimate.err());
    }

    @Test
    void aScanTooNarrowForBothIsNotPointedToSr(@TempDir Path dir) throws IOException {
        // 40 x 40 in-plane: shorter than the estimator's patch (16 slices at scale 4 and a 21-tap profile span 81
        // voxels) and than SR's training patches, even the quick preset's
        int quickNeeds = srNeeds(SmoreOptions.quick());
        assertTrue(40 < quickNeeds);
        Path narrow = TestScans.write(TestScans.phantom(40, 40, 20, 1, 1, 4), dir.resolve("narrow.nii.gz"));
        CliRun estimate = CliRun.of("estimate", "--input", narrow.toString(), "--output", dir.resolve("p").toString());
        assertEquals(ExitCodes.BAD_INPUT, estimate.exitCode(), estimate.err());
        assertEquals(1, estimate.errLines(), estimate.err());
        assertTrue(estimate.err().contains("in-plane size 40 x 40 is shorter than the patch length 81"),
                estimate.err());
        assertTrue(estimate.err().contains("the slice profile cannot be estimated from so small a scan, and it is too"
                + " small for SR with an assumed profile ('smorekit sr --profile gaussian:4mm') as well: in-plane size"
                + " 40 x 40 is too small for training pairs"), estimate.err());
        assertTrue(estimate.err().strip().endsWith("even --quick's smaller patch (32 voxels) needs " + quickNeeds
                + " voxels"), estimate.err());
        assertFalse(estimate.err().contains("run 'smorekit sr"), estimate.err());
    }

    @Test
    void srAndRunRefuseAScanTooNarrowForTrainingPairsBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path narrow = TestScans.write(TestScans.phantom(40, 36, 12, 1, 1, 4), dir.resolve("narrow.nii.gz"));
        int need = srNeeds(SmoreOptions.defaults());
        Path out = dir.resolve("sr.nii.gz");
        CliRun sr = CliRun.of("sr", "--quiet", "--input", narrow.toString(), "--output", out.toString(), "--profile",
                "gaussian:4mm");
        assertEquals(ExitCodes.BAD_INPUT, sr.exitCode(), sr.err());
        assertEquals(1, sr.errLines(), sr.err());
        assertTrue(sr.err().contains(narrow + ": in-plane size 40 x 36 is too small for training pairs of "
                + SmoreOptions.defaults().lrWidth(4) + " low-resolution columns at scale 4 with a "
                + Profiles.gaussian(4).length() + "-tap profile: both in-plane sizes need at least " + need
                + " voxels (SR patch size 48 in-plane voxels; a smaller patch needs fewer)"), sr.err());
        assertFalse(Files.exists(out));

        // run estimates first, so its check counts the estimator's longer profile; it refuses before estimating
        CliRun run = CliRun.of("run", "--quiet", "--input", narrow.toString(), "--output",
                dir.resolve("run").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertEquals(1, run.errLines(), run.err());
        assertTrue(run.err().contains("in-plane size 40 x 36 is too small for training pairs"), run.err());
        assertFalse(Files.exists(dir.resolve("run/" + ProfileFiles.JSON)), "refused before estimating");
    }

    @Test
    void aHeaderWithoutVoxelSpacingSaysThatTheOneMillimetreIsAnAssumption(@TempDir Path dir) throws IOException {
        // pixdim[1..3] = 0 and qform/sform codes 0: nibabel (and we) read 1 mm, so the scan looks isotropic
        Path scan = TestScans.write(TestScans.phantom(12, 10, 8, 1, 1, 1), dir.resolve("no-spacing.nii"));
        try (RandomAccessFile raf = new RandomAccessFile(scan.toFile(), "rw")) {
            raf.seek(80);
            raf.write(new byte[12]); // pixdim[1..3], float32
            raf.seek(252);
            raf.write(new byte[4]); // qform_code, sform_code
        }
        String assumption = "the header gives no voxel spacing (pixdim 0, no qform/sform), so the 1 mm is an"
                + " assumption";
        CliRun info = CliRun.of("info", scan.toString());
        assertEquals(ExitCodes.OK, info.exitCode(), info.err());
        assertTrue(info.out().contains("voxel size:   1x1x1 mm (1 mm assumed where the header gives none"), info.out());
        assertTrue(info.out().contains("does not apply: spacing 1x1x1 mm is isotropic (all within 1%): there is no"
                + " thick slice axis to super-resolve; but " + assumption), info.out());

        CliRun r = CliRun.of("upsample", "--input", scan.toString(), "--output", dir.resolve("up.nii.gz").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines(), r.err());
        assertTrue(r.err().contains("isotropic") && r.err().contains(assumption), r.err());

        // only the slice spacing missing: named by axis
        try (RandomAccessFile raf = new RandomAccessFile(scan.toFile(), "rw")) {
            raf.seek(80);
            raf.write(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, (byte) 0x80, 0x3f}); // pixdim[1], pixdim[2] = 1.0f
        }
        CliRun partial = CliRun.of("info", scan.toString());
        assertTrue(partial.out().contains("no voxel spacing along axis 2 (pixdim[3] = 0, no qform/sform), so the 1 mm"
                + " there is an assumption"), partial.out());
    }

    @Test
    void anSformAndAPixdimThatDisagreeAreNamedAndTheSformIsUsed(@TempDir Path dir) throws IOException {
        Path scan = TestScans.write(TestScans.phantom(12, 10, 8, 1, 1, 4), dir.resolve("edited.nii"));
        try (RandomAccessFile raf = new RandomAccessFile(scan.toFile(), "rw")) {
            raf.seek(88);
            raf.write(new byte[] {0, 0, (byte) 0xa0, 0x40}); // pixdim[3] = 5.0f; the sform still says 4 mm
        }
        CliRun info = CliRun.of("info", scan.toString());
        assertEquals(ExitCodes.OK, info.exitCode(), info.err());
        assertTrue(info.err().contains("the sform gives voxels of 1x1x4 but pixdim says 1x1x5 (in the header's units);"
                + " smorekit uses the sform"), info.err());
        assertTrue(info.out().contains("voxel size:   1x1x4 mm"), info.out());
        CliRun agreeing = CliRun.of("info", TestScans.write(TestScans.phantom(12, 10, 8, 1, 1, 4),
                dir.resolve("plain.nii")).toString());
        assertFalse(agreeing.err().contains("pixdim says"), agreeing.err());
    }

    @Test
    void aHeaderInMicrometresIsReadAsItStandsAndSaidSo(@TempDir Path dir) throws IOException {
        // a rodent-sized scan stored in micrometres: 100 x 100 x 400 um voxels, xyzt_units = 3 (um) + 8 (s)
        Path scan = TestScans.write(TestScans.phantom(12, 10, 8, 100, 100, 400), dir.resolve("rodent.nii"));
        try (RandomAccessFile raf = new RandomAccessFile(scan.toFile(), "rw")) {
            raf.seek(123);
            raf.write(3 | 8);
        }
        String note = "the header declares its lengths in micrometres (xyzt_units); they are read as the numbers"
                + " stand";
        CliRun info = CliRun.of("info", scan.toString());
        assertEquals(ExitCodes.OK, info.exitCode(), info.err());
        assertTrue(info.err().contains(note), info.err());
        assertTrue(info.out().contains("voxel size:   100x100x400 mm (the header says micrometres: see the warning)"),
                info.out());
        assertTrue(info.out().contains("scale:        4"), info.out());
        CliRun json = CliRun.of("info", "--json", scan.toString());
        assertTrue(json.out().contains("\"spatial_unit\" : \"micrometre\""), json.out());

        Path out = dir.resolve("cubic.nii");
        CliRun r = CliRun.of("upsample", "--input", scan.toString(), "--output", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.err().contains(note), r.err());
        // the output keeps the unit, so it overlays its input in any viewer
        assertEquals(3 | 8, NiftiReader.read(out).header().xyztUnits());
        assertEquals(100, NiftiReader.read(out).volume().affine().voxelSizesMm()[2], 1e-3);
    }
}
