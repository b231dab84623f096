package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;

class NoiseMatchingTest {

    private static final int ROWS = PatchDegradation.OUT;

    /** Autocovariance at {@code lag} over the rows [first, first + rows) of 16 samples (zero-mean noise). */
    private static double covariance(float[] input, int first, int rows, int lag) {
        double sum = 0;
        long n = 0;
        for (int r = first; r < first + rows; r++) {
            for (int i = 0; i + lag < ROWS; i++) {
                sum += (double) input[r * ROWS + i] * input[r * ROWS + i + lag];
                n++;
            }
        }
        return sum / n;
    }

    @Test
    void afterMatchingBothBranchesCarryNoiseOfTheSameCovariance() {
        // the scan's noise as the two branches see it: real rows across slices (white, variance sigma^2 r_0), fake
        // rows along the blurred in-plane line sampled every s voxels (correlated)
        double sigma = 3;
        int scale = 4;
        double[] k = Profiles.withLength(Profiles.rect(5), 21).values();
        int rows = 20000;
        float[] input = new float[2 * rows * ROWS];
        SplittableRandom random = new SplittableRandom(1);
        double r0 = NoiseMatching.autocorrelation(k, 0);
        for (int i = 0; i < rows * ROWS; i++) {
            input[i] = (float) (sigma * Math.sqrt(r0) * random.nextGaussian());
        }
        int span = (ROWS - 1) * scale + k.length;
        double[] line = new double[span];
        for (int r = 0; r < rows; r++) {
            for (int t = 0; t < span; t++) {
                line[t] = sigma * random.nextGaussian();
            }
            for (int j = 0; j < ROWS; j++) {
                double v = 0;
                for (int t = 0; t < k.length; t++) {
                    v += k[t] * line[j * scale + t];
                }
                input[(rows + r) * ROWS + j] = (float) v;
            }
        }
        double fakeLag1 = covariance(input, rows, rows, 1);
        assertEquals(sigma * sigma * NoiseMatching.autocorrelation(k, scale), fakeLag1, 0.05);
        assertTrue(fakeLag1 > 0.3, "before: the fake rows' noise is correlated, the real rows' is not");

        new NoiseMatching(sigma, scale).addTo(input, rows, k, new SplittableRandom(2));

        for (int lag = 0; lag <= 3; lag++) {
            double real = covariance(input, 0, rows, lag);
            double fake = covariance(input, rows, rows, lag);
            assertEquals(fake, real, 0.03 * covariance(input, rows, rows, 0), "lag " + lag);
        }
    }

    @Test
    void noNoiseAddsNothing() {
        float[] input = new float[2 * 4 * ROWS];
        new NoiseMatching(0, 4).addTo(input, 4, Profiles.withLength(Profiles.gaussian(4), 21).values(),
                new SplittableRandom(1));
        for (float v : input) {
            assertEquals(0, v);
        }
    }

    @Test
    void theAutocorrelationInterpolatesBetweenTaps() {
        double[] k = {0.25, 0.5, 0.25};
        assertEquals(0.375, NoiseMatching.autocorrelation(k, 0), 1e-12);
        assertEquals(0.25, NoiseMatching.autocorrelation(k, 1), 1e-12);
        assertEquals(0.0625, NoiseMatching.autocorrelation(k, 2), 1e-12);
        assertEquals(0.5 * (0.25 + 0.0625), NoiseMatching.autocorrelation(k, 1.5), 1e-12);
    }
}
