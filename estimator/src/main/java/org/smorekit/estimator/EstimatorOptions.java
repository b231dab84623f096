package org.smorekit.estimator;

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
 */
public record EstimatorOptions(int iterations, int batchSize, int profileLength, long seed, int threads,
                               boolean convergenceStop, int warmupIterations, double generatorLearningRate,
                               double discriminatorLearningRate, double generatorWeightDecay, double borderWeight,
                               double peakWeight, double centroidWeight, double emaBeta, int discriminatorChannels,
                               int generatorChannels, boolean symmetric, int convergenceWindow,
                               double convergenceFwhmTolerance, double convergenceProfileTolerance,
                               int minimumIterations, boolean simultaneousSteps, double generatorBeta1) {

    public EstimatorOptions {
        positive("iterations", iterations);
        positive("batchSize", batchSize);
        positive("threads", threads);
        positive("discriminatorChannels", discriminatorChannels);
        positive("generatorChannels", generatorChannels);
        positive("convergenceWindow", convergenceWindow);
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
        for (double x : new double[] {generatorWeightDecay, borderWeight, peakWeight, centroidWeight,
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

    /** The measured default (docs/estimator.md). */
    public static EstimatorOptions defaults() {
        return new EstimatorOptions(1500, 32, 21, 0L, Math.max(1, Runtime.getRuntime().availableProcessors()),
                true, 100, 1e-3, 1e-3, 5e-3, 10, 0, 1, 0.99, 64, 256, true, 200, 0.1, 0.05, 800, true, 0.9);
    }

    public EstimatorOptions withIterations(int n) {
        return new EstimatorOptions(n, batchSize, profileLength, seed, threads, convergenceStop, warmupIterations,
                generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, Math.min(minimumIterations, n), simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withBatchSize(int n) {
        return new EstimatorOptions(iterations, n, profileLength, seed, threads, convergenceStop, warmupIterations,
                generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withProfileLength(int k) {
        return new EstimatorOptions(iterations, batchSize, k, seed, threads, convergenceStop, warmupIterations,
                generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withSeed(long s) {
        return new EstimatorOptions(iterations, batchSize, profileLength, s, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric,
                convergenceWindow, convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withThreads(int n) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, n, convergenceStop, warmupIterations,
                generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withConvergenceStop(boolean on) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, on, warmupIterations,
                generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withLearningRates(double generator, double discriminator) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generator, discriminator, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withDiscriminatorChannels(int n) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, n, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withGeneratorChannels(int n) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, n, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withWarmupIterations(int n) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop, n,
                generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withGeneratorWeightDecay(double wd) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, wd, borderWeight, peakWeight,
                centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withSymmetric(boolean on) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels, on, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withMinimumIterations(int n) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric,
                convergenceWindow, convergenceFwhmTolerance, convergenceProfileTolerance, n, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withConvergence(int window, double fwhmTolerance, double profileTolerance) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric, window,
                fwhmTolerance, profileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withRegularizerWeights(double border, double centroid, double peak) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, border,
                peak, centroid, emaBeta, discriminatorChannels, generatorChannels, symmetric, convergenceWindow,
                convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, simultaneousSteps, generatorBeta1);
    }

    public EstimatorOptions withSimultaneousSteps(boolean on) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric,
                convergenceWindow, convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations, on, generatorBeta1);
    }

    public EstimatorOptions withGeneratorBeta1(double b) {
        return new EstimatorOptions(iterations, batchSize, profileLength, seed, threads, convergenceStop,
                warmupIterations, generatorLearningRate, discriminatorLearningRate, generatorWeightDecay, borderWeight,
                peakWeight, centroidWeight, emaBeta, discriminatorChannels, generatorChannels, symmetric,
                convergenceWindow, convergenceFwhmTolerance, convergenceProfileTolerance, minimumIterations,
                simultaneousSteps, b);
    }
}
