package org.smorekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.metrics.ResolutionMeter;
import org.smorekit.volume.SliceGeometry;
import org.smorekit.volume.Volume;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code smorekit measure}: how much blur is left along an axis of a volume. */
@Command(name = "measure",
        mixinStandardHelpOptions = true,
        header = "Measure the blur left along one axis of any volume (FWHM in voxels and mm).",
        description = {
            "Estimates the relative slice profile along --axis at scale 1 (the metrics module's ResolutionMeter): "
                    + "the FWHM of the blur that relates that axis to the in-plane axes, in in-plane voxels and mm. A "
                    + "volume as sharp through-plane as in-plane gives about 1 voxel. Meant for volumes on an "
                    + "isotropic grid, such as super-resolved ones.",
        },
        footer = {"", "Example:", "  smorekit measure --input sr.nii.gz --axis 2"})
public final class MeasureCommand implements Callable<Integer> {

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    ComputeOptions compute;

    @Mixin
    InputOptions inputOptions;

    @Option(names = "--input", required = true, paramLabel = "<vol.nii.gz>", description = "The volume to measure.")
    Path input;

    @Option(names = "--axis", required = true, paramLabel = "<0|1|2>", description = "The axis to measure along.")
    int axis;

    @Option(names = "--method", paramLabel = "<spectral|gan>", defaultValue = "spectral",
            description = "How to estimate the profile: 'spectral', the box with Gaussian edges whose blur makes the "
                    + "in-plane rows' power spectra match the axis's best, with white noise allowed for (seconds; "
                    + "recovers known blurs of Colin27 within 0.3 voxel up to 6 voxels, within 0.7 voxel up to 4 "
                    + "voxels with noise at a signal-to-noise ratio of 11-44), or 'gan', the paper's GAN estimator "
                    + "(minutes; its runs "
                    + "scatter at scale 1) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--iterations", paramLabel = "<count>",
            description = "GAN iterations per run, at most, with --method gan (default: "
                    + EstimatorOptions.DEFAULT_ITERATIONS + ").")
    Integer iterations;

    @Option(names = "--json", paramLabel = "<file.json>", description = "Also write the result as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        SliceAxisArguments.requireAxis(axis);
        if (json != null) {
            OutputFiles.prepare(json, input);
        }
        ResolutionMeter.Method meterMethod = switch (method) {
            case "spectral" -> ResolutionMeter.Method.SPECTRAL_FIT;
            case "gan" -> ResolutionMeter.Method.GAN;
            default -> throw new IllegalArgumentException("--method must be spectral or gan, got " + method);
        };
        if (iterations != null && meterMethod != ResolutionMeter.Method.GAN) {
            throw new IllegalArgumentException("--iterations applies to --method gan only");
        }
        EstimatorOptions options = Presets.estimator(iterations, compute, 1);
        Volume volume = new ScanReader(inputOptions, terminal).read(input).volume();
        RemainingBlur blur = RemainingBlur.measure(volume, axis, options, meterMethod, terminal.progress());
        List<String> warnings = new ArrayList<>(blur.estimate().warnings());
        double axisMm = blur.measurement().axisSpacingMm();
        double inPlaneMm = blur.measurement().inPlaneSpacingMm();
        if (!SliceGeometry.agree(axisMm, inPlaneMm)) {
            warnings.add(String.format(Locale.ROOT, "the spacing along axis %d (%s mm) is not the in-plane spacing (%s"
                    + " mm): the meter compares the two grids sample for sample, so this FWHM is not the blur in mm;"
                    + " measure a volume on an isotropic grid (the output of sr or upsample)", axis,
                    VolumeText.number(axisMm), VolumeText.number(inPlaneMm)));
        }
        warnings.forEach(terminal::warn);
        terminal.result(String.format(Locale.ROOT, "blur along axis %d: FWHM %.3f voxels = %.3f mm "
                        + "(%s at scale 1, %.1f s)", axis, blur.fwhmVoxels(), blur.fwhmMm(),
                meterMethod == ResolutionMeter.Method.GAN ? blur.estimate().iterations() + " GAN iterations"
                        : "spectral fit", blur.estimate().seconds()));
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tool", "smorekit measure");
            m.put("version", VersionProvider.version());
            m.put("input", input.toAbsolutePath().normalize().toString());
            m.put("seed", options.seed());
            m.put("threads", options.threads());
            m.put("method", method);
            m.putAll(blur.toJson());
            m.put("warnings", warnings);
            JsonSidecar.write(json, m);
        }
        return ExitCodes.OK;
    }
}
