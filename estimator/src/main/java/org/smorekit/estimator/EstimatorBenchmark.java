package org.smorekit.estimator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/**
 * Speed benchmark of {@link ProfileEstimator}: simulates the Colin27 thick-slice scan in memory (Gaussian FWHM 4,
 * scale 4 along z: 181 x 217 x 46), runs {@code estimate} several times, and prints ms per GAN iteration per phase and
 * the end-to-end wall time of each run. The minimum over runs is the number to report when the machine is shared.
 *
 * <p>Usage: {@code EstimatorBenchmark [--iterations N] [--batch N] [--threads N] [--runs N] [--seed N]
 * [--fwhm F] [--scale S] [--convergence-stop true|false] [--input iso.nii.gz]}. Defaults: the estimator defaults,
 * 2 runs.
 */
public final class EstimatorBenchmark {
    private EstimatorBenchmark() {
    }

    /** Developer entry point; the CLI's {@code smorekit bench estimator} calls {@link #run} with parsed options. */
    public static void main(String[] args) throws Exception {
        EstimatorOptions options = EstimatorOptions.defaults();
        int runs = 2;
        double fwhm = 4, scale = 4;
        Path input = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--iterations" -> options = options.withIterations(Integer.parseInt(value));
                case "--batch" -> options = options.withBatchSize(Integer.parseInt(value));
                case "--threads" -> options = options.withThreads(Integer.parseInt(value));
                case "--seed" -> options = options.withSeed(Long.parseLong(value));
                case "--runs" -> runs = Integer.parseInt(value);
                case "--fwhm" -> fwhm = Double.parseDouble(value);
                case "--scale" -> scale = Double.parseDouble(value);
                case "--convergence-stop" -> options = options.withConvergenceStop(Boolean.parseBoolean(value));
                case "--input" -> input = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; known: --iterations --batch --threads --seed --runs --fwhm --scale --convergence-stop"
                        + " --input");
            }
        }
        Path file = input != null ? input : BenchmarkScan.defaultIsotropicScan();
        run(file, BenchmarkScan.profile("gauss", fwhm), scale, 2, options, runs, System.out);
    }

    /**
     * Simulates the scan from an isotropic volume and estimates its profile {@code runs} times with the GAN (also at
     * scales where {@link EstimationMethod#AUTO} would take the spectral fit), printing one table row per run and the
     * minimum wall time.
     *
     * @param isotropic the isotropic source volume's file
     * @param truth     the true profile, on the source's grid
     * @param scale     the slice spacing, in voxels of the source
     * @param axis      the slice axis to simulate
     */
    public static void run(Path isotropic, SliceProfile truth, double scale, int axis, EstimatorOptions options,
                           int runs, PrintStream out) throws IOException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        Volume scan = BenchmarkScan.simulate(BenchmarkScan.readIsotropic(isotropic), truth, scale, axis);
        int[] shape = scan.shape();
        out.printf(Locale.ROOT, "estimator benchmark: %s, true FWHM %.2f voxels, scale %.3g along axis %d -> %dx%dx%d;"
                        + " iterations %d, batch %d, threads %d, convergence stop %b, %d cores visible%n",
                isotropic.getFileName(), truth.fwhmVoxels(), scale, axis, shape[0], shape[1], shape[2],
                options.iterations(), options.batchSize(), options.threads(), options.convergenceStop(),
                Runtime.getRuntime().availableProcessors());
        out.println("run | its | wall s | ms/it: sample | generator | D fwd | D bwd | optimizer | total"
                + " | warm-up s | setup s | FWHM | error");
        double best = Double.POSITIVE_INFINITY;
        for (int r = 1; r <= runs; r++) {
            ProfileEstimate e = new ProfileEstimator(options.withMethod(EstimationMethod.GAN))
                    .estimate(scan, axis, scale, ProgressListener.SILENT);
            PhaseTimes t = e.timing();
            int n = Math.max(1, e.iterations());
            double loop = t.sampleMs() + t.generatorMs() + t.discriminatorForwardMs() + t.discriminatorBackwardMs()
                    + t.optimizerMs();
            out.printf(Locale.ROOT, "%d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f"
                            + " | %.3f | %+.3f%n", r, e.iterations(), e.seconds(), t.sampleMs() / n,
                    t.generatorMs() / n, t.discriminatorForwardMs() / n, t.discriminatorBackwardMs() / n,
                    t.optimizerMs() / n, loop / n, t.warmupMs() / 1000, t.setupMs() / 1000, e.fwhmVoxels(),
                    e.fwhmVoxels() - truth.fwhmVoxels());
            best = Math.min(best, e.seconds());
        }
        out.printf(Locale.ROOT, "minimum wall time over %d runs: %.1f s%n", runs, best);
    }
}
