package org.smorekit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.BenchmarkScan;
import org.smorekit.estimator.EstimatorBenchmark;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.metrics.Comparison;
import org.smorekit.metrics.HeadMask;
import org.smorekit.metrics.Mask;
import org.smorekit.smore.SmoreApplier;
import org.smorekit.smore.SmoreOptions;
import org.smorekit.smore.SmoreTrainer;
import org.smorekit.smore.TrainedModel;
import org.smorekit.volume.Volume;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smorekit bench}: speed (and accuracy) of the learned parts on a simulated scan with a known profile, built by
 * the estimator module's {@link BenchmarkScan} from the bundled isotropic sample.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        header = "Benchmark the estimator and the SR network on a simulated thick-slice scan.",
        subcommands = {BenchCommand.Estimator.class, BenchCommand.Smore.class},
        footer = {"", "Examples:", "  smorekit bench estimator --runs 3",
            "  smorekit bench smore --fwhm 4 --scale 4 --iterations 200"})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The simulated benchmark scan: shared options. */
    static final class Scenario {
        @Option(names = "--truth", paramLabel = "<iso.nii.gz>",
                description = "The isotropic volume (default: the bundled sample).")
        Path truth;

        @Option(names = "--shape", defaultValue = "gaussian", paramLabel = "<gaussian|rect>",
                description = "Shape of the true profile (default: ${DEFAULT-VALUE}).")
        String shape;

        @Option(names = "--fwhm", defaultValue = "4", paramLabel = "<voxels>",
                description = "FWHM of the true profile in voxels of the truth (default: ${DEFAULT-VALUE}).")
        double fwhmVoxels;

        @Option(names = "--scale", defaultValue = "4", paramLabel = "<factor>",
                description = "Slice spacing in voxels of the truth (default: ${DEFAULT-VALUE}).")
        double scale;

        @Mixin
        SimulatedSliceAxisOption sliceAxis;

        Path truthPath() {
            return truth != null ? truth : BundledSample.path();
        }
    }

    @Command(name = "estimator", mixinStandardHelpOptions = true,
            header = "Time the slice-profile estimator: ms per GAN iteration per phase, wall time, FWHM.",
            description = "Simulates a thick-slice scan from the isotropic volume in memory (by default the bundled "
                    + "sample, Gaussian FWHM 4 voxels at scale 4 along z: 181x217x46), estimates its profile --runs "
                    + "times with the estimator's defaults, and prints per run the iterations, the wall time, ms per "
                    + "iteration per phase and the FWHM found with its error. The minimum over runs is the number to "
                    + "report on a shared machine.")
    static final class Estimator implements Callable<Integer> {
        @Mixin
        ComputeOptions compute;

        @Mixin
        Scenario scenario;

        @Option(names = "--iterations", paramLabel = "<count>",
                description = "GAN iterations per run of the ensemble, at most (default: "
                        + EstimatorOptions.DEFAULT_ITERATIONS + ").")
        Integer iterations;

        @Option(names = "--batch", paramLabel = "<patches>",
                description = "Patches per branch per iteration (default: the estimator's, "
                        + EstimatorOptions.DEFAULT_BATCH_SIZE + ").")
        Integer batch;

        @Option(names = "--runs", paramLabel = "<count>", defaultValue = "2",
                description = "How many times to estimate the profile, each timed on its own "
                        + "(default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--convergence-stop", paramLabel = "<true|false>", defaultValue = "true", arity = "1",
                description = "Whether a GAN run may stop early once its profile is stable; false times every "
                        + "iteration (default: ${DEFAULT-VALUE}).")
        boolean convergenceStop;

        @Override
        public Integer call() throws Exception {
            scenario.sliceAxis.check();
            SliceAxisArguments.requireScale(scenario.scale);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be >= 1, got " + runs);
            }
            EstimatorOptions options = Presets.estimator(iterations, compute, scenario.scale)
                    .withConvergenceStop(convergenceStop);
            if (batch != null) {
                if (batch < 1) {
                    throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
                }
                options = options.withBatchSize(batch);
            }
            EstimatorBenchmark.run(scenario.truthPath(), BenchmarkScan.profile(scenario.shape, scenario.fwhmVoxels),
                    scenario.scale, scenario.sliceAxis.axis(), options, runs, System.out);
            return ExitCodes.OK;
        }
    }

    @Command(name = "smore", mixinStandardHelpOptions = true,
            header = "Time SR training (s/step) and inference with the true profile; PSNR/SSIM against cubic.")
    static final class Smore implements Callable<Integer> {
        @Mixin
        VerbosityOptions verbosity;

        @Mixin
        ComputeOptions compute;

        @Mixin
        Scenario scenario;

        @Option(names = "--iterations", paramLabel = "<count>",
                description = "Training steps (default: " + SmoreOptions.DEFAULT_STEPS + "; "
                        + SmoreOptions.QUICK_STEPS + " with --quick).")
        Integer iterations;

        @Option(names = "--quick", description = "Use the --quick preset's network and schedule.")
        boolean quick;

        @Override
        public Integer call() throws Exception {
            Terminal terminal = verbosity.terminal();
            int axis = scenario.sliceAxis.axis();
            double scale = scenario.scale;
            SliceAxisArguments.requireScale(scale);
            Volume iso = BenchmarkScan.readIsotropic(scenario.truthPath());
            SliceProfile truth = BenchmarkScan.profile(scenario.shape, scenario.fwhmVoxels);
            Volume lr = BenchmarkScan.simulate(iso, truth, scale, axis);
            SmoreOptions options = Presets.smore(quick, iterations, compute);
            TrainedModel model = new SmoreTrainer(options).train(lr, axis, scale, truth, terminal.progress());
            long start = System.nanoTime();
            Volume sr = new SmoreApplier().apply(model, lr, axis, scale, terminal.progress());
            double applySeconds = (System.nanoTime() - start) / 1e9;
            Mask head = HeadMask.of(iso);
            Comparison cSr = Comparison.compare(iso, sr, head);
            Comparison cCubic = Comparison.compare(iso, BsplineUpsampler.upsample(lr, scale, axis), head);
            terminal.result(String.format(Locale.ROOT, "scan %s -> %s; %s", VolumeText.shape(lr.shape()),
                    VolumeText.shape(sr.shape()), options));
            terminal.result(String.format(Locale.ROOT, "train: %d steps in %.1f s (%.3f s/step); apply: %.1f s",
                    options.iterations(), model.trainSeconds(), model.trainSeconds() / options.iterations(),
                    applySeconds));
            terminal.result(String.format(Locale.ROOT, "head mask: SR (true profile) %.2f dB / %.4f, cubic %.2f dB / "
                    + "%.4f", cSr.psnrDb(), cSr.ssim(), cCubic.psnrDb(), cCubic.ssim()));
            terminal.result("(times are wall-clock; other processes on the machine inflate them)");
            return ExitCodes.OK;
        }
    }
}
