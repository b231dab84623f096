package org.smorekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.smorekit.degrade.BsplineUpsampler;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.BenchmarkScan;
import org.smorekit.estimator.EstimatorBenchmark;
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
import picocli.CommandLine.Parameters;
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
            description = {
                "Runs the estimator module's EstimatorBenchmark: simulates the Colin27 thick-slice scan in memory "
                        + "(Gaussian FWHM 4 voxels, scale 4 along z: 181x217x46), estimates its profile --runs times "
                        + "and prints ms per iteration per phase, the wall time of each run and the FWHM found. The "
                        + "minimum over runs is the number to report on a shared machine.",
                "Its options are passed through: [--iterations N] [--batch N] [--threads N] [--runs N] [--seed N] "
                        + "[--fwhm F] [--scale S] [--convergence-stop true|false] [--input iso.nii.gz].",
            })
    static final class Estimator implements Callable<Integer> {
        @Parameters(paramLabel = "<option>", arity = "0..*",
                description = "Options of the estimator benchmark (see above).")
        List<String> options = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<String> args = new ArrayList<>(options);
            if (!args.contains("--input")) {
                args.addAll(List.of("--input", BundledSample.path().toString()));
            }
            EstimatorBenchmark.main(args.toArray(String[]::new));
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
