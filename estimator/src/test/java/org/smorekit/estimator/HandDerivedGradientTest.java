package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of every hand-derived backward pass: generator (softmax, symmetrisation, ReLU, two 1-D
 * convolutions), patch degradation (convolution with k and resampling), discriminator (im2col products, LeakyReLU,
 * spectral normalisation) and the profile regularisers. Central differences in double for the Java parts; the
 * discriminator runs its products in float32, so its check uses a larger step and a relative tolerance.
 */
class HandDerivedGradientTest {

    @Test
    void generatorBackwardMatchesFiniteDifferences() {
        // variants: unimodal; symmetric softmax; plain softmax; unimodal with the spread prior on its increments;
        // unimodal with both increment priors
        for (int variant = 0; variant < 5; variant++) {
            boolean symmetric = variant != 2;
            boolean unimodal = variant == 0 || variant >= 3;
            IncrementPrior prior = new IncrementPrior(variant >= 3 ? 0.7 : 0, variant == 4 ? 0.9 : 0);
            ProfileGenerator g = new ProfileGenerator(7, 6, symmetric, unimodal, prior, 3);
            double[] weights = new double[7];
            SplittableRandom rnd = new SplittableRandom(4);
            for (int i = 0; i < 7; i++) {
                weights[i] = rnd.nextDouble() - 0.5;
            }
            g.forward();
            double[] grad = new double[g.parameters().length];
            g.backward(weights, grad);
            double[] p = g.parameters();
            double h = 1e-6;
            for (int i = 0; i < p.length; i += 3) {
                double keep = p[i];
                p[i] = keep + h;
                double up = dot(g.forward(), weights) + g.priorPenalty();
                p[i] = keep - h;
                double down = dot(g.forward(), weights) + g.priorPenalty();
                p[i] = keep;
                assertEquals((up - down) / (2 * h), grad[i], 1e-7, "parameter " + i + " symmetric=" + symmetric
                        + " unimodal=" + unimodal + " " + prior);
            }
        }
    }

    @Test
    void unimodalProfileNeverRisesAwayFromItsCentreAndItsBackwardMatchesFiniteDifferences() {
        SplittableRandom rnd = new SplittableRandom(8);
        double[] p = new double[9];
        for (int i = 0; i <= 4; i++) {
            p[4 + i] = rnd.nextDouble();
            p[4 - i] = p[4 + i];
        }
        double[] k = new double[9];
        UnimodalProfile.forward(p, k);
        double sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += k[i];
            assertEquals(k[i], k[8 - i], 1e-15, "symmetric");
        }
        assertEquals(1, sum, 1e-12);
        for (int i = 4; i < 8; i++) {
            assertTrue(k[i + 1] <= k[i], "non-increasing away from the centre at " + i);
        }
        double[] impulse = new double[9];
        impulse[4] = 1;
        double[] out = new double[9];
        UnimodalProfile.forward(impulse, out);
        assertEquals(1, out[4], 0);
        double[] weights = new double[9];
        for (int i = 0; i < 9; i++) {
            weights[i] = rnd.nextDouble() - 0.5;
        }
        double[] dp = UnimodalProfile.backward(p, k, weights);
        double h = 1e-7;
        for (int i = 0; i < 9; i++) {
            double keep = p[i];
            p[i] = keep + h;
            UnimodalProfile.forward(p, out);
            double up = dot(out, weights);
            p[i] = keep - h;
            UnimodalProfile.forward(p, out);
            double down = dot(out, weights);
            p[i] = keep;
            assertEquals((up - down) / (2 * h), dp[i], 1e-7, "p " + i);
        }
    }

    @Test
    void degradationBackwardMatchesFiniteDifferences() {
        for (double scale : new double[] {1, 2, 2.5, 4}) {
            PatchDegradation d = new PatchDegradation(9, scale);
            int rows = 3, len = d.patchLength();
            SplittableRandom rnd = new SplittableRandom(5);
            float[] patches = new float[rows * len];
            for (int i = 0; i < patches.length; i++) {
                patches[i] = (float) rnd.nextDouble();
            }
            double[] k = new double[9];
            for (int i = 0; i < 9; i++) {
                k[i] = rnd.nextDouble();
            }
            float[] weights = new float[rows * PatchDegradation.OUT];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (rnd.nextDouble() - 0.5);
            }
            double[] dk = new double[9];
            d.backward(patches, rows, weights, dk);
            float[] out = new float[rows * PatchDegradation.OUT];
            double h = 1e-3;
            for (int t = 0; t < 9; t++) {
                double keep = k[t];
                k[t] = keep + h;
                d.forward(patches, rows, k, out);
                double up = dot(out, weights);
                k[t] = keep - h;
                d.forward(patches, rows, k, out);
                double down = dot(out, weights);
                k[t] = keep;
                assertEquals((up - down) / (2 * h), dk[t], 1e-3, "tap " + t + " scale " + scale);
            }
        }
    }

    @Test
    void discriminatorBackwardMatchesFiniteDifferences() {
        PatchDiscriminator d = new PatchDiscriminator(8, new int[] {3, 3, 3, 1, 1}, 11);
        int rows = 6, width = 16;
        SplittableRandom rnd = new SplittableRandom(12);
        float[] input = new float[rows * width];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (rnd.nextDouble() * 4 - 2);
        }
        int outW = d.outputWidth(width);
        float[] weights = new float[rows * outW];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (rnd.nextDouble() - 0.5);
        }
        PatchDiscriminator.LogitLoss linear = logits -> weights.clone();
        PatchDiscriminator.Pass pass = d.run(input, rows, width, linear, true, true);
        // input gradient
        double h = 1e-2;
        int checked = 0;
        for (int i = 0; i < input.length; i += 5) {
            float keep = input[i];
            input[i] = (float) (keep + h);
            double up = dot(d.run(input, rows, width, linear, false, false).logits(), weights);
            input[i] = (float) (keep - h);
            double down = dot(d.run(input, rows, width, linear, false, false).logits(), weights);
            input[i] = keep;
            assertClose((up - down) / (2 * h), pass.inputGradient()[i], "input " + i);
            checked++;
        }
        // weight and bias gradients (through spectral normalisation, u and v fixed)
        for (int l = 0; l < d.layers(); l++) {
            double[] w = d.weights(l);
            double hw = 5e-4;
            for (int i = 0; i < w.length; i += Math.max(1, w.length / 7)) {
                double keep = w[i];
                w[i] = keep + hw;
                d.refreshNormalised(l);
                double up = dot(d.run(input, rows, width, linear, false, false).logits(), weights);
                w[i] = keep - hw;
                d.refreshNormalised(l);
                double down = dot(d.run(input, rows, width, linear, false, false).logits(), weights);
                w[i] = keep;
                d.refreshNormalised(l);
                assertClose((up - down) / (2 * hw), pass.weightGradients()[l][i], "layer " + l + " weight " + i);
                checked++;
            }
            double[] b = d.biases(l);
            for (int i = 0; i < b.length; i += 3) {
                double keep = b[i];
                b[i] = keep + hw;
                double up = dot(d.run(input, rows, width, linear, false, false).logits(), weights);
                b[i] = keep - hw;
                double down = dot(d.run(input, rows, width, linear, false, false).logits(), weights);
                b[i] = keep;
                assertClose((up - down) / (2 * hw), pass.biasGradients()[l][i], "layer " + l + " bias " + i);
                checked++;
            }
        }
        assertTrue(checked > 40);
    }

    @Test
    void rowDifferencesAndTheirAdjointSatisfyTheDotProductIdentity() {
        int rows = 3, width = PatchDegradation.OUT;
        SplittableRandom rnd = new SplittableRandom(5);
        float[] x = new float[rows * width], g = new float[rows * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
            g[i] = (float) rnd.nextGaussian();
        }
        float[] dx = x.clone(), dtg = g.clone();
        GanRun.diffRows(dx, rows);
        GanRun.diffRowsAdjoint(dtg, rows);
        double left = 0, right = 0;
        for (int i = 0; i < x.length; i++) {
            left += dx[i] * g[i];
            right += x[i] * dtg[i];
        }
        assertClose(left, right, "<D x, g> = <x, D^T g>");
        assertEquals(x[1] - x[0], dx[0], 1e-6);
        assertEquals(0, dx[width - 1]);
    }

    @Test
    void regularizerGradientMatchesFiniteDifferences() {
        ProfileRegularizers r = new ProfileRegularizers(10, 1, 1);
        double[] k = {0.05, 0.02, 0.1, 0.3, 0.2, 0.25, 0.08};
        double[] dk = new double[7];
        r.addGradient(k, dk);
        double h = 1e-7;
        for (int i = 0; i < 7; i++) {
            double keep = k[i];
            k[i] = keep + h;
            double up = r.addGradient(k, new double[7]);
            k[i] = keep - h;
            double down = r.addGradient(k, new double[7]);
            k[i] = keep;
            assertEquals((up - down) / (2 * h), dk[i], 1e-5, "tap " + i);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double tol = 2e-2 * Math.abs(expected) + 2e-3;
        assertEquals(expected, actual, tol, what);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
