package org.smorekit.cli;

import java.util.Locale;

import org.smorekit.estimator.EstimationMethod;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.smore.SmoreOptions;

/**
 * The settings the commands start from: the modules' measured defaults, or the {@code --quick} preset, a clearly
 * lower-quality fast setting for demos and tests. Explicit options ({@code --iterations}, {@code --seed},
 * {@code --threads}, {@code --noise-matching}) override either.
 *
 * <p>{@code --quick} shortens SR training ({@link SmoreOptions#quick()}: a smaller network, fewer steps) but keeps the
 * estimator's defaults: a profile estimated with far fewer GAN iterations was measured to stay at the impulse
 * (FWHM 1.03 voxels for a true 4 after 300 iterations on the simulated Colin27 scan, with the estimator of 16:45 UTC),
 * and SR with a wrong profile is not worth demonstrating. The estimator already stops early once its profile is
 * stable.
 */
final class Presets {

    private Presets() {
    }

    /**
     * The estimator's defaults for a scan at this scale: K grows beyond its default 21 taps where the scale needs it
     * ({@link EstimatorOptions#withProfileLengthFor}).
     */
    static EstimatorOptions estimator(Integer iterations, ComputeOptions compute, double scale) {
        return estimator(iterations, compute, new NoiseMatchingOption(), scale);
    }

    /** As {@link #estimator(Integer, ComputeOptions, double)}, with {@code --noise-matching}. */
    static EstimatorOptions estimator(Integer iterations, ComputeOptions compute, NoiseMatchingOption noise,
                                      double scale) {
        EstimatorOptions o = EstimatorOptions.defaults().withSeed(compute.seed()).withThreads(compute.threads())
                .withProfileLengthFor(scale).withNoiseMatching(noise.on());
        if (iterations != null) {
            if (iterations < 1) {
                throw new IllegalArgumentException("--iterations must be >= 1, got " + iterations);
            }
            o = o.withIterations(iterations).withMinimumIterations(Math.min(o.minimumIterations(), iterations));
        }
        return o;
    }

    /**
     * The GAN iterations per run as a log names them: with a remark where the method takes the spectral fit at this
     * scale, so that a log of an estimate no GAN run made does not suggest that 1000 iterations were run.
     */
    static String describeGanIterations(EstimatorOptions o, double scale) {
        if (o.method() == EstimationMethod.SPECTRAL_FIT) {
            return "none (--profile-method spectral)";
        }
        return o.method().usesGan(scale) ? o.iterations() + " (at most)" : String.format(Locale.ROOT,
                "%d, but none run unless the spectral fit fails to explain the scan (the fit is the estimate up to"
                        + " scale %s; this scan's is %.2f)", o.iterations(), EstimationMethod.SPECTRAL_FIT_MAX_SCALE,
                scale);
    }

    static SmoreOptions smore(boolean quick, Integer iterations, ComputeOptions compute) {
        return smore(quick, iterations, compute, new NoiseMatchingOption());
    }

    /** As {@link #smore(boolean, Integer, ComputeOptions)}, with {@code --noise-matching}. */
    static SmoreOptions smore(boolean quick, Integer iterations, ComputeOptions compute, NoiseMatchingOption noise) {
        SmoreOptions o = (quick ? SmoreOptions.quick() : SmoreOptions.defaults()).withSeed(compute.seed())
                .withThreads(compute.threads()).withNoiseMatching(noise.on());
        if (iterations != null) {
            if (iterations < 1) {
                throw new IllegalArgumentException("--train-iterations must be >= 1, got " + iterations);
            }
            o = o.withIterations(iterations);
        }
        return o;
    }
}
