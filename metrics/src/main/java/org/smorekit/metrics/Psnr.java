package org.smorekit.metrics;

import java.util.Arrays;
import org.smorekit.volume.Volume;

/**
 * Peak signal-to-noise ratio in decibels between a truth and a test volume on the same grid:
 *
 * <pre>
 *   PSNR = 10 log10( R^2 / MSE ),   MSE = (1 / |M|) sum_{v in M} (test_v - truth_v)^2
 * </pre>
 *
 * <p>where M is the mask (all voxels when none is given) and R is the data range of the truth ({@link DataRange}:
 * max - min over the whole truth volume). This is scikit-image's {@code peak_signal_noise_ratio(truth, test,
 * data_range=R)} restricted to the mask. Identical volumes give {@link Double#POSITIVE_INFINITY}; note that JSON has no
 * infinity (Jackson writes it as the string {@code "Infinity"} by default).
 */
public final class Psnr {
    private Psnr() {
    }

    /** PSNR over all voxels, R from the truth. */
    public static double of(Volume truth, Volume test) {
        return of(truth, test, Mask.full(truth.shape()), DataRange.of(truth));
    }

    /** PSNR inside {@code mask}, R from the truth. */
    public static double of(Volume truth, Volume test, Mask mask) {
        return of(truth, test, mask, DataRange.of(truth));
    }

    /**
     * PSNR inside {@code mask} with an explicit data range.
     *
     * @throws IllegalArgumentException if the shapes differ, the mask is empty, or {@code dataRange <= 0}
     */
    public static double of(Volume truth, Volume test, Mask mask, double dataRange) {
        requireSameShape(truth, test);
        mask.requireShape(truth.shape(), "truth");
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("dataRange must be finite and > 0, got " + dataRange);
        }
        if (mask.count() == 0) {
            throw new IllegalArgumentException("mask is empty: PSNR needs at least one voxel");
        }
        double mse = meanSquaredError(truth, test, mask);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(dataRange * dataRange / mse);
    }

    /** Mean of (test - truth)^2 over the mask (double accumulation). */
    public static double meanSquaredError(Volume truth, Volume test, Mask mask) {
        requireSameShape(truth, test);
        mask.requireShape(truth.shape(), "truth");
        if (mask.count() == 0) {
            throw new IllegalArgumentException("mask is empty: the mean squared error needs at least one voxel");
        }
        double sum = 0;
        for (int i = 0, n = truth.size(); i < n; i++) {
            if (mask.contains(i)) {
                double d = (double) test.get(i) - truth.get(i);
                sum += d * d;
            }
        }
        return sum / mask.count();
    }

    static void requireSameShape(Volume truth, Volume test) {
        if (!Arrays.equals(truth.shape(), test.shape())) {
            throw new IllegalArgumentException("truth shape " + Arrays.toString(truth.shape())
                    + " differs from test shape " + Arrays.toString(test.shape())
                    + "; align the test volume to the truth grid first (GridAlignment)");
        }
    }
}
