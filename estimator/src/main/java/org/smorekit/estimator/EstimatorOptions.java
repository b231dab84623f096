package org.smorekit.estimator;

import java.util.Objects;

/**
 * Settings of {@link ProfileEstimator}. {@link #defaults()} is the measured speed/accuracy trade-off (see
 * docs/estimator.md); the other values follow ESPRESO (Han et al., IPMI 2021) and its public code espreso2 0.3.2.
 *
 * @param iterations            GAN iterations at most (after the warm-up)
 * @param batchSize             patches per branch (real and fake) per iteration
 * @param profileLength         K, odd number of taps of the estimated profile
 * @param seed                  seed of every random choice (initialisation, patch sampling); same seed, same profile
 * @param threads               native (ND4J/OpenMP/BLAS) threads; use the number of cores
 * @param convergenceStop       stop early once the EMA profile is stable (see {@link #convergenceWindow})
 * @param warmupIterations      generator-only iterations fitting k to an impulse before the GAN starts
 * @param generatorLearningRate Adam learning rate of the generator
 * @param discriminatorLearningRate Adam learning rate of the discriminator
 * @param generatorWeightDecay  L2 weight decay of the generator (lambda_w)
 * @param borderWeight          lambda_b of the border regulariser (k0 + k1 + k_{K-2} + k_{K-1})^2
 * @param peakWeight            weight of the "peak" regulariser (penalises increases away from the centre)
 * @param centroidWeight        lambda_c of the centroid regulariser (sum_i i k_i - K/2)^2
 * @param emaBeta               beta of the exponential moving average of k (in quantile space, {@link QuantileAverage})
 *                              that is the result
 * @param discriminatorChannels channels of the hidden discriminator layers
 * @param generatorChannels     channels of the generator's input tensor and hidden layer
 * @param symmetric             symmetrise the generator logits (a symmetric profile)
 * @param convergenceWindow     iterations over which the EMA profile must be stable to stop
 * @param convergenceFwhmTolerance  max - min of the EMA FWHM over the window, in voxels
 * @param convergenceProfileTolerance sum |k_now - k_window_ago| of the EMA profile
 * @param minimumIterations     never stop before this many GAN iterations
 * @param simultaneousSteps     take the generator's gradient from the discriminator's pass of the same iteration
 *                              (one forward and one backward per iteration; the generator loss is minus the
 *                              discriminator loss, so its input gradient is the negated one) instead of a second
 *                              pass after the discriminator update (the paper's alternating steps)
 * @param generatorBeta1        Adam beta1 of the generator
 * @param ensembleSize          independent GAN runs (seeds seed, seed + 1, ...) combined by {@link EnsembleChoice};
 *                              their spread is reported and checked
 * @param unimodal              the generator's profile never increases away from its centre ({@link UnimodalProfile});
 *                              needs {@code symmetric}
 * @param spreadWeight          weight of the spread prior on the unimodal profile's increments
 *                              ({@link IncrementPrior}); 0 switches it off, &gt; 0 needs {@code unimodal}
 * @param impulseWeight         weight of the impulse prior on the unimodal profile's centre increment
 *                              ({@link IncrementPrior}); 0 switches it off, &gt; 0 needs {@code unimodal}
 * @param noiseMatching         on a noisy scan ({@link org.smorekit.volume.NoiseLevel#noisy()}), give the scan's noise
 *                              the same covariance in both of D's branches ({@link NoiseMatching}) and in the
 *                              spectrum check ({@link SpectrumMismatch})
 * @param method                the GAN, the spectral fit alone, or whichever was the more accurate at the scan's scale
 *                              ({@link EstimationMethod})
 */
public record EstimatorOptions(int iterations, int batchSize, int profileLength, long seed, int threads,
                               boolean convergenceStop, int warmupIterations, double generatorLearningRate,
                               double discriminatorLearningRate, double generatorWeightDecay, double borderWeight,
                               double peakWeight, double centroidWeight, double emaBeta, int discriminatorChannels,
                               int generatorChannels, boolean symmetric, int convergenceWindow,
                               double convergenceFwhmTolerance, double convergenceProfileTolerance,
                               int minimumIterations, boolean simultaneousSteps, double generatorBeta1,
                               int ensembleSize, boolean unimodal, double spreadWeight,
                               double impulseWeight, boolean noiseMatching, EstimationMethod method) {

    public EstimatorOptions {
        Objects.requireNonNull(method, "method");
        positive("iterations", iterations);
        positive("batchSize", batchSize);
        positive("threads", threads);
        positive("discriminatorChannels", discriminatorChannels);
        positive("generatorChannels", generatorChannels);
        positive("convergenceWindow", convergenceWindow);
        positive("ensembleSize", ensembleSize);
        if (unimodal && !symmetric) {
            throw new IllegalArgumentException("unimodal needs symmetric: a unimodal profile is built symmetric");
        }
        if ((spreadWeight > 0 || impulseWeight > 0) && !unimodal) {
            throw new IllegalArgumentException("spreadWeight and impulseWeight need unimodal: the priors are on the"
                    + " unimodal increments");
        }
        if (profileLength < 3 || profileLength % 2 == 0) {
            throw new IllegalArgumentException("profileLength must be odd and >= 3, got " + profileLength);
        }
        if (warmupIterations < 0 || minimumIterations < 0) {
            throw new IllegalArgumentException("warmupIterations and minimumIterations must be >= 0, got "
                    + warmupIterations + " and " + minimumIterations);
        }
        if (!(emaBeta >= 0 && emaBeta < 1)) {
            throw new IllegalArgumentException("emaBeta must be in [0, 1), got " + emaBeta);
        }
        if (!(generatorBeta1 >= 0 && generatorBeta1 < 1)) {
            throw new IllegalArgumentException("generatorBeta1 must be in [0, 1), got " + generatorBeta1);
        }
        for (double x : new double[] {generatorLearningRate, discriminatorLearningRate}) {
            if (!(x > 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("learning rates must be finite and > 0, got " + x);
            }
        }
        for (double x : new double[] {generatorWeightDecay, borderWeight, peakWeight, centroidWeight, spreadWeight,
                impulseWeight,
                convergenceFwhmTolerance, convergenceProfileTolerance}) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("weights and tolerances must be finite and >= 0, got " + x);
            }
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /** GAN iterations per run in {@link #defaults()}, at most (the convergence stop may end a run earlier). */
    public static final int DEFAULT_ITERATIONS = 1000;
    /** Patches per branch per iteration in {@link #defaults()}. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /** The measured default (docs/estimator.md). */
    public static EstimatorOptions defaults() {
        return new EstimatorOptions(DEFAULT_ITERATIONS, DEFAULT_BATCH_SIZE, 21, 0L,
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                true, 100, 1e-3, 1e-3, 5e-3, 10, 0, 1, 0.99, 64, 256, true, 200, 0.1, 0.05, 800, true, 0.9, 3,
                true, 0, 0, NOISE_MATCHING_DEFAULT, EstimationMethod.AUTO);
    }

    /** Whether {@link #defaults()} match the noise of a noisy scan (docs/estimator.md, "Noise"). */
    static final boolean NOISE_MATCHING_DEFAULT = true;

    public EstimatorOptions withIterations(int n) {
        return with(b -> {
            b.iterations = n;
            b.minimumIterations = Math.min(minimumIterations, n);
        });
    }

    public EstimatorOptions withBatchSize(int n) {
        return with(b -> b.batchSize = n);
    }

    public EstimatorOptions withProfileLength(int k) {
        return with(b -> b.profileLength = k);
    }

    /**
     * These options with K at least the length recommended for {@code scale}, {@code 2 ceil(scale) + 1} taps: room
     * for a profile as wide as the slice spacing plus its tails. The default K = 21 covers scales up to 10; a 0.5 mm,
     * 6 mm slice scan (scale 12) gets K = 25. A longer K is kept.
     */
    public EstimatorOptions withProfileLengthFor(double scale) {
        int recommended = ProfileSanityCheck.recommendedLength(scale);
        return recommended <= profileLength ? this : withProfileLength(recommended);
    }

    public EstimatorOptions withSeed(long s) {
        return with(b -> b.seed = s);
    }

    public EstimatorOptions withThreads(int n) {
        return with(b -> b.threads = n);
    }

    public EstimatorOptions withConvergenceStop(boolean on) {
        return with(b -> b.convergenceStop = on);
    }

    public EstimatorOptions withLearningRates(double generator, double discriminator) {
        return with(b -> {
            b.generatorLearningRate = generator;
            b.discriminatorLearningRate = discriminator;
        });
    }

    public EstimatorOptions withDiscriminatorChannels(int n) {
        return with(b -> b.discriminatorChannels = n);
    }

    public EstimatorOptions withGeneratorChannels(int n) {
        return with(b -> b.generatorChannels = n);
    }

    public EstimatorOptions withWarmupIterations(int n) {
        return with(b -> b.warmupIterations = n);
    }

    public EstimatorOptions withGeneratorWeightDecay(double wd) {
        return with(b -> b.generatorWeightDecay = wd);
    }

    public EstimatorOptions withSymmetric(boolean on) {
        return with(b -> b.symmetric = on);
    }

    public EstimatorOptions withMinimumIterations(int n) {
        return with(b -> b.minimumIterations = n);
    }

    public EstimatorOptions withConvergence(int window, double fwhmTolerance, double profileTolerance) {
        return with(b -> {
            b.convergenceWindow = window;
            b.convergenceFwhmTolerance = fwhmTolerance;
            b.convergenceProfileTolerance = profileTolerance;
        });
    }

    public EstimatorOptions withRegularizerWeights(double border, double centroid, double peak) {
        return with(b -> {
            b.borderWeight = border;
            b.centroidWeight = centroid;
            b.peakWeight = peak;
        });
    }

    public EstimatorOptions withSimultaneousSteps(boolean on) {
        return with(b -> b.simultaneousSteps = on);
    }

    public EstimatorOptions withGeneratorBeta1(double beta1) {
        return with(b -> b.generatorBeta1 = beta1);
    }

    public EstimatorOptions withEnsembleSize(int n) {
        return with(b -> b.ensembleSize = n);
    }

    public EstimatorOptions withUnimodal(boolean on) {
        return with(b -> b.unimodal = on);
    }

    public EstimatorOptions withSpreadWeight(double weight) {
        return with(b -> b.spreadWeight = weight);
    }

    public EstimatorOptions withImpulseWeight(double weight) {
        return with(b -> b.impulseWeight = weight);
    }

    public EstimatorOptions withNoiseMatching(boolean on) {
        return with(b -> b.noiseMatching = on);
    }

    public EstimatorOptions withMethod(EstimationMethod m) {
        return with(b -> b.method = m);
    }

    /** The priors on the generator's increments these options ask for. */
    IncrementPrior incrementPrior() {
        return new IncrementPrior(spreadWeight, impulseWeight);
    }

    /** A copy with some components changed (the record's constructor checks the result). */
    private EstimatorOptions with(java.util.function.Consumer<Components> change) {
        Components b = new Components(this);
        change.accept(b);
        return b.build();
    }

    /** The components as mutable fields, for {@link #with}. */
    private static final class Components {
        int iterations;
        int batchSize;
        int profileLength;
        long seed;
        int threads;
        boolean convergenceStop;
        int warmupIterations;
        double generatorLearningRate;
        double discriminatorLearningRate;
        double generatorWeightDecay;
        double borderWeight;
        double peakWeight;
        double centroidWeight;
        double emaBeta;
        int discriminatorChannels;
        int generatorChannels;
        boolean symmetric;
        int convergenceWindow;
        double convergenceFwhmTolerance;
        double convergenceProfileTolerance;
        int minimumIterations;
        boolean simultaneousSteps;
        double generatorBeta1;
        int ensembleSize;
        boolean unimodal;
        double spreadWeight;
        double impulseWeight;
        boolean noiseMatching;
        EstimationMethod method;

        Components(EstimatorOptions o) {
            iterations = o.iterations;
            batchSize = o.batchSize;
            profileLength = o.profileLength;
            seed = o.seed;
            threads = o.threads;
            convergenceStop = o.convergenceStop;
            warmupIterations = o.warmupIterations;
            generatorLearningRate = o.generatorLearningRate;
            discriminatorLearningRate = o.discriminatorLearningRate;
            generatorWeightDecay = o.generatorWeightDecay;
            borderWeight = o.borderWeight;
            peakWeight = o.peakWeight;
            centroidWeight = o.centroidWeight;
            emaBeta = o.emaBeta;
            discriminatorChannels = o.discriminatorChannels;
            generatorChannels = o.generatorChannels;
            symmetric = o.symmetric;
            convergenceWindow = o.convergenceWindow;
            convergenceFwhmTolerance = o.convergenceFwhmTolerance;
            convergenceProfileTolerance = o.convergenceProfileTolerance;
            minimumIterations = o.minimumIterations;
            simultaneousSteps = o.simultaneousSteps;
            generatorBeta1 = o.generatorBeta1;
            ensembleSize = o.ensembleSize;
            unimodal = o.unimodal;
            spreadWeight = o.spreadWeight;
            impulseWeight = o.impulseWeight;
            noiseMatching = o.noiseMatching;
            method = o.method;
        }

        EstimatorOptions build() {
            return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                    warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay,
                    borderWeight, peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels,
                    symmetric, convergenceWindow, convergenceFwhmTolerance, convergenceProfileTolerance,
                    minimumIterations, simultaneousSteps, generatorBeta1, ensembleSize, unimodal,
                    spreadWeight, impulseWeight, noiseMatching, method);
        }
    }
}
