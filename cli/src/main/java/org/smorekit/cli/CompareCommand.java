package org.smorekit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smorekit.metrics.Comparison;
import org.smorekit.metrics.Mask;
import org.smorekit.metrics.SsimMode;
import org.smorekit.volume.Volume;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smorekit compare}: PSNR and SSIM of a test volume against a truth, through the affines. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        header = "PSNR and SSIM of a volume against a truth, inside a mask.",
        description = {
            "The test volume is brought onto the truth's voxel grid through the two affines (trilinear "
                    + "interpolation when the grids differ; voxels outside the test's field of view are left out), "
                    + "never matched by index. PSNR uses the truth's data range (max - min). SSIM uses Gaussian "
                    + "windows (sigma 1.5 voxels), in 3-D or in 2-D slices averaged.",
        },
        footer = {"", "Example:", "  smorekit compare --truth sample/colin27-t1-1mm.nii.gz --test demo/sr.nii.gz "
                + "--json demo/compare.json"})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--truth", required = true, paramLabel = "<truth.nii.gz>",
            description = "The reference volume; its grid is the one compared on.")
    Path truth;

    @Option(names = "--test", required = true, paramLabel = "<test.nii.gz>",
            description = "The volume to score (any grid covering the truth's field of view).")
    Path test;

    @Option(names = "--mask", defaultValue = "auto", paramLabel = "<auto|none|mask.nii.gz>",
            description = "Where to measure: auto = the truth's head mask, none = every voxel, or a NIfTI mask on the "
                    + "truth's grid (nonzero = inside) (default: ${DEFAULT-VALUE}).")
    String mask;

    @Option(names = "--ssim", defaultValue = "3d", paramLabel = "<3d|2d>",
            description = "SSIM windows: 3d (whole-volume Gaussian windows) or 2d (per slice across --axis, averaged) "
                    + "(default: ${DEFAULT-VALUE}).")
    String ssim;

    @Option(names = "--axis", defaultValue = "2", paramLabel = "<0|1|2>",
            description = "For --ssim 2d: the axis across the slices (default: ${DEFAULT-VALUE}).")
    int axis;

    @Option(names = "--json", paramLabel = "<file.json>",
            description = "Also write the result as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        SsimMode mode = ssimMode(ssim);
        SliceAxisArguments.requireAxis(axis);
        MaskChoice maskChoice = MaskChoice.parse(mask);
        if (json != null) {
            OutputFiles.prepare(json, truth, test, maskChoice.file());
        }
        ScanReader reader = new ScanReader(inputOptions, terminal);
        Volume truthVolume = reader.read(truth).volume();
        Volume testVolume = reader.read(test).volume();
        Mask region = maskChoice.resolve(truthVolume, reader);
        Comparison c = Comparison.compare(truthVolume, testVolume, region, mode, axis);

        terminal.result(String.format(Locale.ROOT, "truth: %s (%s voxels of %s mm)", truth,
                VolumeText.shape(truthVolume.shape()), VolumeText.spacing(truthVolume.spacingMm())));
        terminal.result(String.format(Locale.ROOT, "test:  %s (%s voxels of %s mm), %s", test,
                VolumeText.shape(testVolume.shape()), VolumeText.spacing(testVolume.spacingMm()),
                c.resampled() ? "resampled onto the truth grid through the affines (trilinear)"
                        : "on the truth grid (no resampling)"));
        terminal.result(String.format(Locale.ROOT, "mask:  %s, %d voxels (%.1f%%)%s", maskChoice.describe(),
                region.count(), 100 * region.fraction(),
                c.maskVoxels() < region.count() ? "; " + c.maskVoxels() + " inside the test's field of view" : ""));
        terminal.result(String.format(Locale.ROOT, "PSNR:  %s (data range %s = truth max - min)",
                Double.isInfinite(c.psnrDb()) ? "inf dB (identical)" : String.format(Locale.ROOT, "%.2f dB", c.psnrDb()),
                VolumeText.number(c.dataRange())));
        terminal.result(String.format(Locale.ROOT, "SSIM:  %.4f (%s, over %d voxels)", c.ssim(),
                c.ssimMode() == SsimMode.VOLUME_3D ? "3-D windows"
                        : "2-D windows in slices across axis " + c.ssimSliceAxis() + ", averaged",
                c.ssimVoxels()));

        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tool", "smorekit compare");
            m.put("version", VersionProvider.version());
            m.put("truth", truth.toAbsolutePath().normalize().toString());
            m.put("test", test.toAbsolutePath().normalize().toString());
            m.put("mask", maskChoice.toJson(region));
            m.putAll(comparisonJson(c));
            JsonSidecar.write(json, m);
            terminal.note("wrote " + json);
        }
        return ExitCodes.OK;
    }

    /** The metrics of a comparison as JSON keys (shared with run/evaluate reports). */
    static Map<String, Object> comparisonJson(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("psnr_db", c.psnrDb());
        m.put("ssim", c.ssim());
        m.put("ssim_mode", c.ssimMode() == SsimMode.VOLUME_3D ? "3d" : "2d");
        if (c.ssimSliceAxis() != null && c.ssimMode() == SsimMode.SLICES_2D) {
            m.put("ssim_slice_axis", c.ssimSliceAxis());
        }
        m.put("mask_voxels", c.maskVoxels());
        m.put("ssim_voxels", c.ssimVoxels());
        m.put("data_range", c.dataRange());
        m.put("resampled", c.resampled());
        return m;
    }

    private static SsimMode ssimMode(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "3d":
                return SsimMode.VOLUME_3D;
            case "2d":
                return SsimMode.SLICES_2D;
            default:
                throw new IllegalArgumentException("--ssim must be 3d or 2d, got " + text);
        }
    }
}
