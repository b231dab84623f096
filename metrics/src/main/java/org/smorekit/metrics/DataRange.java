package org.smorekit.metrics;

import org.smorekit.volume.Volume;

/**
 * The dynamic range R of a reference volume, {@code R = max(truth) - min(truth)} over <em>all</em> its voxels (not only
 * those inside a mask), as used by {@link Psnr} and {@link Ssim}.
 *
 * <p>scikit-image leaves R to the caller ({@code data_range}); taking it from the whole truth volume makes the number
 * independent of the mask and of the test volume, so scores of different methods on the same truth share one scale.
 */
public final class DataRange {
    private DataRange() {
    }

    /** max - min over all voxels; NaN voxels are ignored. Throws if there is no finite voxel. */
    public static double of(Volume truth) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0, n = truth.size(); i < n; i++) {
            float v = truth.get(i);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        if (!(max >= min) || Double.isInfinite(max) || Double.isInfinite(min)) {
            throw new IllegalArgumentException("truth volume has no finite range (min " + min + ", max " + max + ")");
        }
        return max - min;
    }
}
