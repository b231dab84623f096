package org.smorekit.cli;

import java.util.Arrays;

/**
 * A grey-level window for display: values at or below {@code low} are black, at or above {@code high} white, linear
 * between. {@link #percentiles} sets it from the 1st and 99th percentiles of a volume, so a few very bright or dark
 * voxels do not wash out the picture.
 *
 * @param low  the value shown black
 * @param high the value shown white ({@code > low})
 */
record GreyWindow(double low, double high) {

    GreyWindow {
        if (!(high > low)) {
            throw new IllegalArgumentException("window needs high > low, got [" + low + ", " + high + "]");
        }
    }

    /**
     * The window from the {@code lowPercent} and {@code highPercent} percentiles of {@code values} (nearest rank on
     * a sorted copy of at most ~1M evenly strided samples); widened to [v, v + 1] for a constant input.
     */
    static GreyWindow percentiles(float[] values, double lowPercent, double highPercent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to window");
        }
        int stride = Math.max(1, values.length / 1_000_000);
        float[] sample = new float[(values.length + stride - 1) / stride];
        for (int i = 0, j = 0; i < values.length; i += stride, j++) {
            sample[j] = values[i];
        }
        Arrays.sort(sample);
        double low = sample[rank(sample.length, lowPercent)];
        double high = sample[rank(sample.length, highPercent)];
        return high > low ? new GreyWindow(low, high) : new GreyWindow(low, low + 1);
    }

    /** The grey level 0..255 of a value. */
    int grey(double value) {
        double t = (value - low) / (high - low);
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }

    private static int rank(int n, double percent) {
        return (int) Math.max(0, Math.min(n - 1, Math.round(percent / 100 * (n - 1))));
    }
}
