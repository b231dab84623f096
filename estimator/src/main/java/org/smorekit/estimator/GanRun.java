package org.smorekit.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.smorekit.degrade.HalfMaximum;
import org.smorekit.progress.ProgressListener;

/**
 * One adversarial run of ESPRESO from one seed (Han et al., IPMI 2021). Per iteration: draw two batches of patches
 * I1, I2; the generator blurs each along its in-plane axis with k and resamples by the scale to 16 x 16; the
 * discriminator sees rows of G(I1)^T (the true slice direction, "real") and of G(I2) (the simulated one, "fake").
 * D step: BCE, real = 1, fake = 0 (paper Eq. 4). G step: minus D's loss (Eq. 5, both branches carry G) plus the
 * border, centroid and peak regularisers. The result is the exponential moving average of k in quantile space
 * ({@link QuantileAverage}), which keeps the width of a fluctuating k. See docs/estimator.md for every choice.
 */
final class GanRun {
    private static final int[] DISCRIMINATOR_KERNELS = discriminatorKernels();
    private static final int ROWS = PatchDegradation.OUT;
    /** Learning rate of the warm-up towards an impulse (espreso2 0.3.2: 80 iterations at 1e-4). */
    static final double WARMUP_LEARNING_RATE = 1e-4;
    /**
     * The warm-up stops once the centre tap holds this much mass: a fully converged impulse (centre ~0.99) saturates
     * the softmax and the weak early adversarial gradient then cannot move k at all (measured, docs/estimator.md).
     */
    static final double WARMUP_PEAK = 0.5;
    /**
     * GAN iterations in which only the discriminator learns: an untrained discriminator gives the generator a
     * consistent but meaningless direction, and following it collapses k to an impulse before any signal exists.
     */
    static final int DISCRIMINATOR_HEAD_START = 100;

    private static final boolean DEBUG = Boolean.getBoolean("smorekit.estimator.debug");
    /** Development switch (off by default, not yet measured on the grid): remove each row's mean before D. */
    private static final boolean ROW_MEAN_REMOVAL = Boolean.getBoolean("smorekit.estimator.rowMeanRemoval");
    /** Development switch (off by default): D sees each row's first differences instead of the row. */
    private static final boolean ROW_DIFFERENCES = Boolean.getBoolean("smorekit.estimator.rowDifferences");
    /**
     * Development switch (unset by default): a fixed profile ("gauss:FWHM" or "rect:FWHM") replaces the generator's k
     * in both branches, so that only D learns; its loss then tells how well that k matches the scan.
     */
    private static final String FROZEN_PROFILE = System.getProperty("smorekit.estimator.frozenProfile");
    private final EstimatorOptions options;
    private final PatchSampler sampler;
    private final NoiseMatching noiseMatching;
    private final PatchDegradation degradation;

    /**
     * The outcome of one run.
     *
     * @param profile    the averaged k, K taps summing to 1
     * @param iterations GAN iterations run (after the warm-up)
     * @param fwhmTrace  FWHM of the averaged k every {@link ProfileEstimate#TRACE_EVERY} iterations
     * @param timing     where the time went (setup excluded)
     */
    record Result(double[] profile, int iterations, double[] fwhmTrace, PhaseTimes timing) {
        double fwhmVoxels() {
            return HalfMaximum.of(profile).width();
        }
    }

    /**
     * @param matchedNoiseSigma the scan's noise sigma in the patches' units when its noise is to be matched in both
     *                          branches ({@link NoiseMatching}), else 0
     */
    GanRun(EstimatorOptions options, PatchSampler sampler, PatchDegradation degradation, double matchedNoiseSigma) {
        this.options = options;
        this.sampler = sampler;
        this.degradation = degradation;
        this.noiseMatching = matchedNoiseSigma > 0 ? new NoiseMatching(matchedNoiseSigma, degradation.scale()) : null;
    }

    /**
     * Runs the GAN from {@code seed}. Progress goes to {@code progress} as iterations of run {@code member} (from 0)
     * of {@code members}.
     */
    Result run(long seed, ProgressListener progress, int member, int members) {
        long warmupStart = System.nanoTime();
        int kLen = options.profileLength();
        int length = degradation.patchLength();
        ProfileGenerator generator = new ProfileGenerator(kLen, options.generatorChannels(), options.symmetric(),
                options.unimodal(), options.incrementPrior(), seed);
        PatchDiscriminator discriminator = new PatchDiscriminator(options.discriminatorChannels(),
                DISCRIMINATOR_KERNELS, seed + 0x9E3779B97F4A7C15L);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom noiseRnd = noiseMatching == null ? null : new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 1);

        double[] gParams = generator.parameters();
        double[] gGrad = new double[gParams.length];
        warmUp(generator, gGrad);
        long warmupEnd = System.nanoTime();

        Adam gAdam = new Adam(gParams.length, options.generatorBeta1(), 0.999, options.generatorWeightDecay(), 0);
        int layers = discriminator.layers();
        Adam[] dwAdam = new Adam[layers], dbAdam = new Adam[layers];
        for (int l = 0; l < layers; l++) {
            dwAdam[l] = new Adam(discriminator.weights(l).length, 0.5, 0.999, 0, 0);
            dbAdam[l] = new Adam(discriminator.biases(l).length, 0.5, 0.999, 0, 0);
        }
        ProfileRegularizers regularizers = new ProfileRegularizers(options.borderWeight(), options.centroidWeight(),
                options.peakWeight());
        ConvergenceMonitor monitor = new ConvergenceMonitor(options.convergenceWindow(),
                options.convergenceFwhmTolerance(), options.convergenceProfileTolerance(),
                options.minimumIterations());

        int batch = options.batchSize();
        int rowsPerBranch = batch * ROWS;
        float[] p1 = new float[rowsPerBranch * length], p2 = new float[rowsPerBranch * length];
        float[] g1 = new float[rowsPerBranch * ROWS], g2 = new float[rowsPerBranch * ROWS];
        float[] input = new float[2 * rowsPerBranch * ROWS];
        float[] dG1 = new float[rowsPerBranch * ROWS], dG2 = new float[rowsPerBranch * ROWS];
        int outWidth = discriminator.outputWidth(ROWS);
        int logitsPerBranch = rowsPerBranch * outWidth;
        QuantileAverage average = new QuantileAverage(kLen, options.emaBeta());
        average.add(generator.forward());
        double[] result = average.profile();
        List<Double> trace = new ArrayList<>();
        double[] frozen = FROZEN_PROFILE != null ? frozen(kLen) : null;
        double[] dLoss = new double[1];

        long sampleNs = 0, generatorNs = 0, optimizerNs = 0;
        int done = 0;
        int total = options.iterations();
        for (int it = 1; it <= total; it++) {
            long t0 = System.nanoTime();
            sampler.sample(rnd, batch, p1);
            sampler.sample(rnd, batch, p2);
            long t1 = System.nanoTime();
            double[] k = frozen != null ? frozen.clone() : generator.forward().clone();
            degradation.forward(p1, rowsPerBranch, k, g1);
            degradation.forward(p2, rowsPerBranch, k, g2);
            transposeInto(g1, batch, input, 0);
            System.arraycopy(g2, 0, input, rowsPerBranch * ROWS, rowsPerBranch * ROWS);
            if (noiseMatching != null) {
                noiseMatching.addTo(input, rowsPerBranch, k, noiseRnd);
            }
            if (ROW_MEAN_REMOVAL) {
                centreRows(input, 2 * rowsPerBranch);
            }
            if (ROW_DIFFERENCES) {
                diffRows(input, 2 * rowsPerBranch);
            }
            long t2 = System.nanoTime();

            // discriminator step: BCE with real = 1, fake = 0, each branch averaged over its pixels
            boolean simultaneous = options.simultaneousSteps();
            PatchDiscriminator.Pass dPass = discriminator.run(input, 2 * rowsPerBranch, ROWS,
                    logits -> bceGradient(logits, logitsPerBranch, 1, dLoss), true, simultaneous);
            long t3 = System.nanoTime();
            for (int l = 0; l < layers; l++) {
                dwAdam[l].step(discriminator.weights(l), dPass.weightGradients()[l],
                        options.discriminatorLearningRate());
                dbAdam[l].step(discriminator.biases(l), dPass.biasGradients()[l], options.discriminatorLearningRate());
            }
            discriminator.powerIteration();
            long t4 = System.nanoTime();

            // generator step: minus the discriminator's loss, through both branches
            float[] dIn;
            if (simultaneous) {
                dIn = dPass.inputGradient();
                for (int i = 0; i < dIn.length; i++) {
                    dIn[i] = -dIn[i];
                }
            } else {
                dIn = discriminator.run(input, 2 * rowsPerBranch, ROWS,
                        logits -> bceGradient(logits, logitsPerBranch, -1, null), false, true).inputGradient();
            }
            if (ROW_DIFFERENCES) {
                diffRowsAdjoint(dIn, 2 * rowsPerBranch);
            }
            if (ROW_MEAN_REMOVAL) {
                centreRows(dIn, 2 * rowsPerBranch); // the projection is its own adjoint
            }
            long t5 = System.nanoTime();
            transposeFrom(dIn, batch, dG1);
            System.arraycopy(dIn, rowsPerBranch * ROWS, dG2, 0, rowsPerBranch * ROWS);
            double[] dk = new double[kLen];
            degradation.backward(p1, rowsPerBranch, dG1, dk);
            degradation.backward(p2, rowsPerBranch, dG2, dk);
            if (DEBUG && it % 10 == 0) {
                System.out.printf("it %d k FWHM %.3f centre %.4f |dk_adv| %.4g dk_adv %s%n", it,
                        HalfMaximum.of(k).width(), k[kLen / 2], Math.sqrt(Arrays.stream(dk)
                                .map(x -> x * x).sum()), Arrays.toString(Arrays.stream(dk)
                                .mapToObj(x -> String.format("%.2g", x)).toArray()));
            }
            regularizers.addGradient(k, dk);
            generator.backward(dk, gGrad);
            long t6 = System.nanoTime();
            if (it > DISCRIMINATOR_HEAD_START) {
                gAdam.step(gParams, gGrad, generatorLearningRate(it, total));
            }
            average.add(k);
            result = average.profile();
            done = it;
            boolean stop = options.convergenceStop() && monitor.converged(it, result);
            long t7 = System.nanoTime();
            sampleNs += t1 - t0;
            generatorNs += (t2 - t1) + (t6 - t5);
            optimizerNs += (t4 - t3) + (t7 - t6);
            if (it % ProfileEstimate.TRACE_EVERY == 0) {
                trace.add(HalfMaximum.of(result).width());
            }
            if (it % 10 == 0 || it == total || stop) {
                progress.update("estimate", member * total + it, members * total, String.format(
                        members > 1 ? "FWHM %.2f, D loss %.3f, run %d of %d" : "FWHM %.2f, D loss %.3f",
                        HalfMaximum.of(result).width(), dLoss[0], member + 1, members));
            }
            if (stop) {
                break;
            }
        }
        PhaseTimes timing = new PhaseTimes(sampleNs / 1e6, generatorNs / 1e6, discriminator.forwardNanos() / 1e6,
                discriminator.backwardNanos() / 1e6, optimizerNs / 1e6, (warmupEnd - warmupStart) / 1e6, 0);
        return new Result(result, done, trace.stream().mapToDouble(Double::doubleValue).toArray(), timing);
    }

    /**
     * The generator's learning rate: constant for the first half of the iterations, then linearly down to 10% at the
     * end (an annealing like the tail of espreso2's one-cycle schedule), so that k settles instead of oscillating.
     */
    private double generatorLearningRate(int iteration, int total) {
        double lr = options.generatorLearningRate();
        double half = total / 2.0;
        if (iteration <= half) {
            return lr;
        }
        return lr * (1 - 0.9 * (iteration - half) / (total - half));
    }

    /** Generator-only iterations fitting k to the impulse (mean squared error), as espreso2 does before the GAN. */
    private void warmUp(ProfileGenerator generator, double[] grad) {
        double[] params = generator.parameters();
        Adam adam = new Adam(params.length, 0.5, 0.999, 0, 0);
        int kLen = generator.length();
        for (int it = 0; it < options.warmupIterations(); it++) {
            double[] k = generator.forward();
            if (k[kLen / 2] >= WARMUP_PEAK) {
                break;
            }
            double[] dk = new double[kLen];
            for (int i = 0; i < kLen; i++) {
                double target = i == kLen / 2 ? 1 : 0;
                dk[i] = 2 * (k[i] - target) / kLen;
            }
            generator.backward(dk, grad);
            adam.step(params, grad, WARMUP_LEARNING_RATE);
        }
    }

    /**
     * dL/dlogits of {@code sign} times the discriminator loss {@code mean_real softplus(-l) + mean_fake softplus(l)};
     * the first {@code perBranch} logits are real. Writes the loss into {@code lossOut[0]} if given.
     */
    static float[] bceGradient(float[] logits, int perBranch, double sign, double[] lossOut) {
        float[] d = new float[logits.length];
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            double l = logits[i];
            double sig = 1 / (1 + Math.exp(-l));
            boolean real = i < perBranch;
            double g = real ? sig - 1 : sig;
            d[i] = (float) (sign * g / perBranch);
            if (lossOut != null) {
                double x = real ? -l : l;
                loss += (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))) / perBranch;
            }
        }
        if (lossOut != null) {
            lossOut[0] = loss;
        }
        return d;
    }

    /** Subtracts from each {@value #ROWS}-sample row its mean. */
    private static void centreRows(float[] a, int rows) {
        for (int r = 0; r < rows; r++) {
            int base = r * ROWS;
            double mean = 0;
            for (int i = 0; i < ROWS; i++) {
                mean += a[base + i];
            }
            float m = (float) (mean / ROWS);
            for (int i = 0; i < ROWS; i++) {
                a[base + i] -= m;
            }
        }
    }

    private static double[] frozen(int kLen) {
        String[] shapeAndWidth = FROZEN_PROFILE.split(":");
        double width = Double.parseDouble(shapeAndWidth[1]);
        return org.smorekit.degrade.Profiles.withLength(BenchmarkScan.profile(shapeAndWidth[0], width), kLen).values();
    }

    /** Each {@value #ROWS}-sample row, in place, by its first differences: d[i] = x[i+1] - x[i], d[ROWS-1] = 0. */
    static void diffRows(float[] a, int rows) {
        for (int r = 0; r < rows; r++) {
            int base = r * ROWS;
            for (int i = 0; i < ROWS - 1; i++) {
                a[base + i] = a[base + i + 1] - a[base + i];
            }
            a[base + ROWS - 1] = 0;
        }
    }

    /**
     * The adjoint of {@link #diffRows}, in place: x[i] = g[i-1] - g[i] (g[-1] = 0, g[ROWS-1] unused). Runs from the
     * row's end, so every g it reads is still unwritten.
     */
    static void diffRowsAdjoint(float[] g, int rows) {
        for (int r = 0; r < rows; r++) {
            int base = r * ROWS;
            g[base + ROWS - 1] = g[base + ROWS - 2];
            for (int i = ROWS - 2; i > 0; i--) {
                g[base + i] = g[base + i - 1] - g[base + i];
            }
            g[base] = -g[base];
        }
    }

    /** input row (b, j) at column r = G(I1)_b[r][j]: the true slice direction becomes horizontal. */
    private static void transposeInto(float[] g, int batch, float[] dst, int dstOffset) {
        for (int b = 0; b < batch; b++) {
            int base = b * ROWS * ROWS;
            for (int r = 0; r < ROWS; r++) {
                for (int j = 0; j < ROWS; j++) {
                    dst[dstOffset + base + j * ROWS + r] = g[base + r * ROWS + j];
                }
            }
        }
    }

    private static void transposeFrom(float[] src, int batch, float[] g) {
        for (int b = 0; b < batch; b++) {
            int base = b * ROWS * ROWS;
            for (int r = 0; r < ROWS; r++) {
                for (int j = 0; j < ROWS; j++) {
                    g[base + r * ROWS + j] = src[base + j * ROWS + r];
                }
            }
        }
    }

    /**
     * The paper's kernels 3, 3, 3, 1, 1 (receptive field 7), or, as a development switch (unset by default), those of
     * {@code -Dsmorekit.estimator.discriminatorKernels=3,3,3,3,3} (espreso2 0.3.2's receptive field 11).
     */
    private static int[] discriminatorKernels() {
        String property = System.getProperty("smorekit.estimator.discriminatorKernels");
        if (property == null || property.isBlank()) {
            return new int[] {3, 3, 3, 1, 1};
        }
        return Arrays.stream(property.split(",")).mapToInt(k -> Integer.parseInt(k.trim())).toArray();
    }
}
