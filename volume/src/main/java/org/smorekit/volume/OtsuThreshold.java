package org.smorekit.volume;

/**
 * Otsu's threshold (N. Otsu, "A threshold selection method from gray-level histograms", IEEE SMC 9(1), 1979): the
 * histogram bin centre t that maximises the between-class variance {@code w1(t) w2(t) (m1(t) - m2(t))^2} of the voxels
 * at or below t and those above it.
 *
 * <p>Follows scikit-image's {@code threshold_otsu(image, nbins)} for a float image: {@code nbins} equal-width bins over
 * [min, max] of the volume (numpy's {@code histogram}: the maximum falls in the last bin), thresholds at bin centres,
 * the first maximum wins; a constant volume returns its value. Foreground is {@code value > threshold}.
 */
public final class OtsuThreshold {
    /** The number of bins scikit-image uses by default. */
    public static final int DEFAULT_BINS = 256;

    private OtsuThreshold() {
    }

    public static double of(Volume volume) {
        return of(volume, DEFAULT_BINS);
    }

    /** Otsu threshold with {@code bins >= 2} histogram bins; NaN voxels are ignored. */
    public static double of(Volume volume, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = volume.size();
        for (int i = 0; i < n; i++) {
            float v = volume.get(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("volume has no finite voxel");
        }
        if (max == min) {
            return min;
        }
        long[] counts = new long[bins];
        double binsPerUnit = bins / (max - min);
        for (int i = 0; i < n; i++) {
            float v = volume.get(i);
            if (Float.isNaN(v)) {
                continue;
            }
            int b = (int) ((v - min) * binsPerUnit);
            counts[Math.min(Math.max(b, 0), bins - 1)]++;
        }
        double width = (max - min) / bins;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = min + (b + 0.5) * width;
        }
        // cumulative weights and sums from below (class 1) and from above (class 2)
        double[] w1 = new double[bins];
        double[] s1 = new double[bins];
        double w = 0;
        double s = 0;
        for (int b = 0; b < bins; b++) {
            w += counts[b];
            s += counts[b] * centres[b];
            w1[b] = w;
            s1[b] = s;
        }
        double total = w;
        double totalSum = s;
        int best = 0;
        double bestVariance = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < bins - 1; b++) {
            double wBelow = w1[b];
            double wAbove = total - wBelow;
            double mBelow = s1[b] / wBelow;
            double mAbove = (totalSum - s1[b]) / wAbove;
            double between = wBelow * wAbove * (mBelow - mAbove) * (mBelow - mAbove);
            if (between > bestVariance) { // NaN (an empty class) never wins
                bestVariance = between;
                best = b;
            }
        }
        return centres[best];
    }
}
