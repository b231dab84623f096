package org.smorekit.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smorekit upsample}: the interpolation baseline, cubic B-spline along the slice axis. */
@Command(name = "upsample",
        mixinStandardHelpOptions = true,
        header = "Interpolate a thick-slice scan to fine slices with cubic B-splines (the baseline SR must beat).",
        description = {
            "From m thick slices, writes floor((m - 1) * scale) + 1 slices at the in-plane spacing, on the grid "
                    + "super-resolution also writes (first slice in place). Cubic B-spline with an exact prefilter and "
                    + "mirror boundary, as scipy.ndimage's map_coordinates(order=3, mode='mirror').",
        },
        footer = {"", "Example:", "  smorekit upsample --input demo/lr.nii.gz --output demo/cubic.nii.gz"})
public final class UpsampleCommand implements Callable<Integer> {

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    ThickSliceScanOptions scanOptions;

    @Option(names = "--output", required = true, paramLabel = "<out.nii.gz>",
            description = "Where to write the interpolated volume (float32 NIfTI-1).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        OutputFiles.prepare(output, scanOptions.input());
        Path sidecar = OutputFiles.prepare(OutputFiles.sibling(output, ".json"), scanOptions.input());
        long start = System.nanoTime();
        ThickSliceScan scan = scanOptions.read(terminal);
        Volume up = BsplineUpsampler.upsample(scan.volume(), scan.scale(), scan.axis());
        NiftiWriter.write(up, output);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tool", "smorekit upsample");
        json.put("version", VersionProvider.version());
        json.put("method", "cubic B-spline interpolation along the slice axis");
        json.put("input", scan.toJson());
        json.put("output", output.toAbsolutePath().normalize().toString());
        json.put("output_shape", up.shape());
        json.put("output_spacing_mm", up.spacingMm());
        json.put("seconds", seconds);
        json.put("warnings", scan.warnings());
        JsonSidecar.write(sidecar, json);
        terminal.result(String.format(Locale.ROOT, "wrote %s: %s voxels of %s mm (cubic B-spline along axis %d, "
                        + "scale %s) in %.1f s", output, VolumeText.shape(up.shape()),
                VolumeText.spacing(up.spacingMm()), scan.axis(), VolumeText.number(scan.scale()), seconds));
        return ExitCodes.OK;
    }
}
