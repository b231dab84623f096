package org.smorekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.estimator.ProfileEstimator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smorekit estimate}: the slice profile of a thick-slice scan, learned from the scan itself. */
@Command(name = "estimate",
        mixinStandardHelpOptions = true,
        header = "Estimate the slice profile of a thick-slice scan (ESPRESO: a GAN on the scan's own patches).",
        description = {
            "Learns the blur k (a 1-D kernel on the in-plane voxel grid, summing to 1) that, applied along an "
                    + "in-plane axis and followed by sampling at the scale, makes in-plane patches look like "
                    + "through-plane ones. The result is the moving average of k over the GAN iterations; several "
                    + "independent runs guard against one run gone astray (--runs). The same seed gives the same "
                    + "profile. At scales up to 2.5 (slices at most 2.5 times as far apart as the in-plane pixels) the "
                    + "profile is by default the spectral fit instead, found in seconds and the more accurate there, "
                    + "where it explains the scan (--profile-method).",
            "When the nominal slice thickness is known (--slice-thickness, or SliceThickness in the BIDS sidecar "
                    + "next to the scan), an FWHM more than 1.5 times off it is one more warning.",
            "Writes DIR/profile.json (values, fwhm_voxels, fwhm_mm, axis, scale, nominal_slice_thickness_mm, "
                    + "iterations, seed, seconds, warnings, ...), DIR/profile.png and DIR/estimate.log.",
        },
        footer = {"", "Example:", "  smorekit estimate --input lr.nii.gz --output prof --seed 7"})
public final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerbosityOptions verbosity;

    @Mixin
    ComputeOptions compute;

    @Mixin
    NoiseMatchingOption noiseMatching;

    @Mixin
    ProfileMethodOption profileMethod;

    @Mixin
    ThickSliceScanOptions scanOptions;

    @Mixin
    SliceThicknessOption thicknessOption;

    @Option(names = "--output", required = true, paramLabel = "<dir>",
            description = "Folder for profile.json, profile.png and estimate.log (created if missing).")
    Path output;

    @Option(names = "--iterations", paramLabel = "<count>",
            description = "GAN iterations per run, at most (default: " + EstimatorOptions.DEFAULT_ITERATIONS
                    + "; a run stops early once its profile is stable). profile.json's iterations is the total over"
                    + " the runs.")
    Integer iterations;

    @Option(names = "--runs", paramLabel = "<count>",
            description = "Independent GAN runs, with seeds --seed, --seed + 1, ...; runs whose degraded rows do not "
                    + "match the scan's slice direction (power spectra far apart) are set aside and replaced by "
                    + "further runs (at most <count> more), the profile is the "
                    + "remaining run with the median FWHM, and runs that disagree (the widest over twice as wide as the narrowest and more "
                    + "than 1 voxel apart) are flagged "
                    + "(default: the estimator's default, 3). 1 is three times faster and less robust.")
    Integer runs;

    @Option(names = "--profile-length", paramLabel = "<taps>",
            description = "Taps K of the estimated profile, an odd count of in-plane voxels (default: 21, or "
                    + "2 ceil(scale) + 1 where the scale needs more, e.g. 25 for 0.5 mm pixels and 6 mm slices). "
                    + "It must hold the whole profile: raise it when the result warns that the profile is "
                    + "truncated.")
    Integer profileLength;

    @Override
    public Integer call() throws Exception {
        Terminal terminal = verbosity.terminal();
        if (runs != null && runs < 1) {
            throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
        }
        if (profileLength != null && (profileLength < 3 || profileLength % 2 == 0)) {
            throw new IllegalArgumentException("--profile-length must be odd and >= 3, got " + profileLength);
        }
        // refuse a bad input before creating any output
        ThickSliceScan scan = scanOptions.read(thicknessOption, terminal);
        EstimatorOptions options = profileMethod.applyTo(Presets.estimator(iterations, compute, noiseMatching,
                scan.scale()));
        if (runs != null) {
            options = options.withEnsembleSize(runs);
        }
        if (profileLength != null) {
            options = options.withProfileLength(profileLength);
        }
        ProfileEstimator estimator = new ProfileEstimator(options);
        TooSmallToEstimate.check(scan, estimator);
        OutputFiles.createDirectory(output);
        OutputFiles.prepare(output.resolve(ProfileFiles.JSON), scan.path());
        try (RunLog log = RunLog.create(output.resolve("estimate.log"), spec)) {
            log.note(scan.describe(), terminal);
            scan.warnings().forEach(log::warn); // already shown on the terminal by read
            log.param("nominal slice thickness", scan.describeThickness());
            log.param("profile method", options.method());
            log.param("GAN iterations per run", Presets.describeGanIterations(options, scan.scale()));
            log.param("seed", options.seed());
            log.param("profile length", options.profileLength());
            log.param("threads", options.threads());
            ProfileEstimate estimate = ThicknessAgreement.check(estimator
                    .estimate(scan.volume(), scan.axis(), scan.scale(), terminal.progress()), scan.thickness(),
                    scan.geometry().inPlaneSpacingMm());
            log.timing("estimate", estimate.seconds());
            estimate.warnings().forEach(w -> log.warn(w, terminal));
            estimate.notes().forEach(n -> log.note(n, terminal));
            ProfileFiles.write(output, estimate, scan, options, false, log, terminal);
            double fwhm = estimate.fwhmVoxels();
            int runCount = estimate.runFwhmVoxels().length;
            String how = runCount == 0 ? "spectral fit" : String.format(Locale.ROOT, "%d GAN iterations over %d runs",
                    estimate.iterations(), runCount);
            terminal.result(String.format(Locale.ROOT, "slice profile FWHM %.3f voxels = %.3f mm (%s, %.1f s); wrote"
                            + " %s", fwhm, fwhm * scan.geometry().inPlaneSpacingMm(), how, estimate.seconds(),
                    output.resolve(ProfileFiles.JSON)));
            if (Files.exists(output.resolve("report.json"))) {
                log.note(output.resolve("report.json") + " is an earlier run's report: it describes that run's"
                        + " profile and super-resolution, not this estimate", terminal);
            }
            log.finish("ok");
        }
        return ExitCodes.OK;
    }
}
