package org.smorekit.cli;

import java.util.ArrayList;
import java.util.List;

import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.smore.SmoreOptions;

import picocli.CommandLine.Option;

/**
 * How much work {@code run} does on a scan: the preset, the estimator's iterations, SR's training steps and whether
 * the result is measured. Shared by {@code run} and {@code cohort}, which passes them on to every scan's run.
 */
public final class RunJobOptions {

    @Option(names = "--quick",
            description = "Fast, lower-quality preset for demos and tests: a smaller SR network and fewer training "
                    + "steps (the profile estimation keeps its defaults). Results are labelled as such.")
    boolean quick;

    @Option(names = "--iterations", paramLabel = "<count>",
            description = "Estimator iterations per GAN run, at most, for the profile (default: "
                    + EstimatorOptions.DEFAULT_ITERATIONS + ").")
    Integer iterations;

    @Option(names = "--train-iterations", paramLabel = "<count>",
            description = "SR training steps (default: " + SmoreOptions.DEFAULT_STEPS + "; "
                    + SmoreOptions.QUICK_STEPS + " with --quick).")
    Integer trainIterations;

    @Option(names = "--skip-measure",
            description = "Do not measure the blur left in the result (saves a few seconds).")
    boolean skipMeasure;

    /** These options as {@code run} arguments. */
    List<String> arguments() {
        List<String> a = new ArrayList<>();
        if (quick) {
            a.add("--quick");
        }
        if (iterations != null) {
            a.add("--iterations=" + iterations);
        }
        if (trainIterations != null) {
            a.add("--train-iterations=" + trainIterations);
        }
        if (skipMeasure) {
            a.add("--skip-measure");
        }
        return a;
    }
}
