package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineDegraderTest {

    /** Straight from the definition: blur every sample with explicit reflection, then read x_j = j s. */
    private static double[] reference(float[] f, double[] k, double scale) {
        int n = f.length;
        int c = k.length / 2;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k.length; t++) {
                b[i] += k[t] * f[reflect(i - (t - c), n)];
            }
        }
        int m = (int) Math.floor((n - 1) / scale + 1e-9) + 1;
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            double x = j * scale;
            int i0 = (int) Math.floor(x + 1e-9);
            double t = x - i0;
            if (Math.abs(t) < 1e-9) {
                y[j] = b[i0];
                continue;
            }
            // Catmull-Rom as a cubic through the 4 neighbours with central-difference slopes
            double p0 = b[reflect(i0 - 1, n)], p1 = b[reflect(i0, n)], p2 = b[reflect(i0 + 1, n)],
                    p3 = b[reflect(i0 + 2, n)];
            double m1 = (p2 - p0) / 2, m2 = (p3 - p1) / 2;
            double h00 = 2 * t * t * t - 3 * t * t + 1, h10 = t * t * t - 2 * t * t + t;
            double h01 = -2 * t * t * t + 3 * t * t, h11 = t * t * t - t * t;
            y[j] = h00 * p1 + h10 * m1 + h01 * p2 + h11 * m2;
        }
        return y;
    }

    /** Reflection by repeated folding (no modular arithmetic), for checking {@link LineDegrader#mirror}. */
    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i > n - 1) {
            i = i < 0 ? -i : 2 * (n - 1) - i;
        }
        return i;
    }

    private static float[] randomLine(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (100 * r.nextDouble());
        }
        return f;
    }

    @Test
    void mirrorReflectsAboutTheEndSamples() {
        // n = 4, i = -6..6: 0 1 2 3 2 1 | 0 1 2 3 | 2 1 0
        int[] expected = {0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0};
        for (int i = -6; i <= 6; i++) {
            assertEquals(expected[i + 6], LineDegrader.mirror(i, 4), "i = " + i);
        }
        for (int n = 1; n <= 7; n++) {
            for (int i = -40; i <= 40; i++) {
                assertEquals(reflect(i, n), LineDegrader.mirror(i, n), "n = " + n + ", i = " + i);
            }
        }
    }

    @Test
    void outputLengthKeepsTheFirstSampleAndFitsInsideTheLine() {
        assertEquals(46, LineDegrader.outputLength(181, 4));
        assertEquals(61, LineDegrader.outputLength(181, 3));
        assertEquals(55, LineDegrader.outputLength(181, 3.3)); // 180/3.3 = 54.5
        assertEquals(11, LineDegrader.outputLength(34, 3.3)); // 33/3.3 = 10 despite rounding
        assertEquals(1, LineDegrader.outputLength(1, 4));
        assertEquals(1, LineDegrader.outputLength(4, 4));
        assertEquals(2, LineDegrader.outputLength(5, 4));
        assertEquals(181, LineDegrader.outputLength(181, 1));
        assertThrows(IllegalArgumentException.class, () -> LineDegrader.outputLength(0, 4));
    }

    @Test
    void impulseAtScaleOneLeavesTheLineUnchanged() {
        float[] f = randomLine(37, 1);
        float[] y = new LineDegrader(SliceProfile.impulse(9), 1).degrade(f);
        assertArrayEquals(f, y);
    }

    @Test
    void impulseAtIntegerScaleKeepsEverySthSample() {
        float[] f = randomLine(30, 2);
        float[] y = new LineDegrader(SliceProfile.impulse(1), 3).degrade(f);
        assertEquals(10, y.length);
        for (int j = 0; j < y.length; j++) {
            assertEquals(f[3 * j], y[j]);
        }
    }

    @Test
    void matchesTheDefinitionForAsymmetricKernelsAndNonIntegerScales() {
        double[] k = {0.05, 0.1, 0.4, 0.3, 0.1, 0.05, 0};
        for (double scale : new double[] {1, 2, 3.3, 4, 5.75}) {
            for (int n : new int[] {1, 2, 3, 5, 40, 181}) {
                float[] f = randomLine(n, n * 31L + (long) (scale * 100));
                float[] y = new LineDegrader(new SliceProfile(k), scale).degrade(f);
                double[] ref = reference(f, new SliceProfile(k).values(), scale);
                assertEquals(ref.length, y.length);
                for (int j = 0; j < y.length; j++) {
                    assertEquals(ref[j], y[j], 1e-4, "scale " + scale + ", n " + n + ", j " + j);
                }
            }
        }
    }

    @Test
    void aKernelLongerThanTheLineFoldsBackAndForth() {
        float[] f = {1, 5, 2};
        SliceProfile wide = Profiles.gaussian(6); // 21 taps on a 3-voxel line
        float[] y = new LineDegrader(wide, 1).degrade(f);
        double[] ref = reference(f, wide.values(), 1);
        for (int j = 0; j < 3; j++) {
            assertEquals(ref[j], y[j], 1e-5);
        }
    }

    @Test
    void nonIntegerPositionsReadTheLineAtJTimesScale() {
        // impulse profile + quadratic line: Catmull-Rom reproduces quadratics, so y_j = f(j s) away from the ends
        int n = 60;
        double scale = 3.3;
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (0.02 * i * i - 0.7 * i + 3);
        }
        float[] y = new LineDegrader(SliceProfile.impulse(1), scale).degrade(f);
        assertEquals(18, y.length); // floor(59 / 3.3) + 1
        for (int j = 1; j < y.length - 1; j++) {
            double x = j * scale;
            assertEquals(0.02 * x * x - 0.7 * x + 3, y[j], 1e-4, "j = " + j);
        }
    }

    @Test
    void aConstantLineStaysConstant() {
        float[] f = new float[50];
        java.util.Arrays.fill(f, 7.25f);
        for (double scale : new double[] {1, 2.5, 4}) {
            for (SliceProfile p : new SliceProfile[] {Profiles.gaussian(4), Profiles.rect(3.5),
                    new SliceProfile(new double[] {0.7, 0.2, 0.1})}) {
                for (float v : new LineDegrader(p, scale).degrade(f)) {
                    assertEquals(7.25, v, 1e-5);
                }
            }
        }
    }

    @Test
    void theMeanOfALongSignalIsPreserved() {
        // a sum of sinusoids over many periods: blurring and resampling keep the mean (the kernel sums to 1)
        int n = 4001;
        float[] f = new float[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            f[i] = (float) (10 + 3 * Math.sin(2 * Math.PI * i / 37.0) + 2 * Math.cos(2 * Math.PI * i / 11.3));
            mean += f[i];
        }
        mean /= n;
        float[] y = new LineDegrader(Profiles.gaussian(4), 4).degrade(f);
        double yMean = 0;
        for (float v : y) {
            yMean += v;
        }
        yMean /= y.length;
        assertEquals(mean, yMean, 0.01);
    }

    @Test
    void gaussiansCompose() {
        // A sampled Gaussian of FWHM b blurred by a Gaussian of FWHM a is a Gaussian of FWHM sqrt(a^2 + b^2). The
        // half-max rule with linear interpolation itself reads a sampled Gaussian up to ~0.025 voxels wide (the curve
        // is convex between the taps around the crossing), so compare (1) with the same rule applied to a directly
        // sampled Gaussian of the composed FWHM, tightly, and (2) with the closed form, within that bias.
        double[][] pairs = {{4, 6}, {3, 5}, {2, 8}, {6, 6}};
        for (double[] ab : pairs) {
            double a = ab[0], b = ab[1], composed = Math.hypot(a, b);
            float[] f = sampledGaussian(b, 201);
            float[] y = new LineDegrader(Profiles.gaussian(a), 1).degrade(f);
            double measured = fwhm(y);
            assertEquals(fwhm(sampledGaussian(composed, 201)), measured, 1e-3, "a = " + a + ", b = " + b);
            assertEquals(composed, measured, 0.03, "a = " + a + ", b = " + b);
        }
    }

    private static float[] sampledGaussian(double fwhm, int n) {
        double sigma = fwhm / Profiles.FWHM_PER_SIGMA;
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            double x = i - n / 2;
            f[i] = (float) Math.exp(-x * x / (2 * sigma * sigma));
        }
        return f;
    }

    private static double fwhm(float[] y) {
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = y[i];
        }
        return HalfMaximum.of(d).width();
    }

    @Test
    void writesThroughOffsetsAndStrides() {
        float[] f = randomLine(20, 5);
        float[] strided = new float[3 + 20 * 4];
        for (int i = 0; i < 20; i++) {
            strided[3 + 4 * i] = f[i];
        }
        LineDegrader d = new LineDegrader(Profiles.gaussian(2), 2.5);
        float[] direct = d.degrade(f);
        float[] out = new float[1 + direct.length * 3];
        d.degrade(strided, 3, 4, 20, out, 1, 3);
        for (int j = 0; j < direct.length; j++) {
            assertEquals(direct[j], out[1 + 3 * j]);
        }
    }

    @Test
    void whiteNoiseKeepsTheSumOfTheSquaredTapsOfItsVarianceAtAnIntegerScale() {
        // a box of 5 taps averages 5 independent voxels: a fifth of the variance; a Gaussian keeps sum k_t^2
        double[] box = new LineDegrader(new SliceProfile(new double[] {1, 1, 1, 1, 1}), 4).noiseGains(200);
        double[] k = Profiles.gaussian(3).values();
        double sumSquares = 0;
        for (double v : k) {
            sumSquares += v * v;
        }
        double[] bell = new LineDegrader(Profiles.gaussian(3), 4).noiseGains(200);
        for (int j = 5; j < box.length - 5; j++) {
            assertEquals(0.2, box[j], 1e-12);
            assertEquals(sumSquares, bell[j], 1e-12);
        }
    }

    @Test
    void noiseGainsAreTheVarianceOfDegradedWhiteNoise() {
        // a non-integer scale reads between voxels through the cubic weights: check against noise itself
        int n = 60;
        int lines = 40000;
        LineDegrader d = new LineDegrader(Profiles.gaussian(2.5), 2.7);
        double[] gains = d.noiseGains(n);
        double[] sumSquares = new double[gains.length];
        SplittableRandom r = new SplittableRandom(5);
        float[] line = new float[n];
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < n; i++) {
                line[i] = (float) r.nextGaussian();
            }
            float[] out = d.degrade(line);
            for (int j = 0; j < out.length; j++) {
                sumSquares[j] += out[j] * out[j];
            }
        }
        for (int j = 0; j < gains.length; j++) {
            // the variance of a variance estimate from 40000 Gaussian samples is 2 g^2 / 40000: 4 standard errors
            assertEquals(gains[j], sumSquares[j] / lines, 4 * gains[j] * Math.sqrt(2.0 / lines), "sample " + j);
        }
    }

    @Test
    void rejectsScalesBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new LineDegrader(SliceProfile.impulse(1), 0.5));
        assertThrows(IllegalArgumentException.class, () -> new LineDegrader(SliceProfile.impulse(1), Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new LineDegrader(SliceProfile.impulse(1), Double.POSITIVE_INFINITY));
    }
}
