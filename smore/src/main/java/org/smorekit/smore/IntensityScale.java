package org.smorekit.smore;

import java.util.Arrays;
import org.smorekit.volume.Volume;

/**
 * Intensity normalisation {@code (x - offset) / divisor}, so that tissue lies in about [0, 1].
 *
 * <p>A magnitude image (its floor, the {@value #FLOOR_PERCENTILE}th percentile, between 0 and {@value #FLOOR_SHARE}
 * of its top) keeps its zero: the offset is 0 and the divisor the {@value #PERCENTILE}th percentile of the positive
 * voxels (a robust maximum: a few hot voxels do not squash the image). An image stored with an offset or with signed
 * values (a floor far from 0, or below it), or cropped with no background, is shifted to its floor first, and the
 * divisor is the robust range: stored with 1000 added, a crop of the simulated Colin27 (Gaussian 4 mm at scale 4) was
 * super-resolved to 26.56 dB when only divided, its tissue squeezed into [0.9, 1], against 29.93 dB without the offset;
 * shifted first, both give 30.07 dB (docs/smore.md).
 */
public record IntensityScale(double offset, double divisor) {
    public static final double PERCENTILE = 99.5;
    public static final double FLOOR_PERCENTILE = 0.5;
    /** Largest floor, as a share of the robust maximum, that still counts as a magnitude image's dark background. */
    public static final double FLOOR_SHARE = 0.05;

    public IntensityScale {
        if (!(divisor > 0) || !Double.isFinite(divisor)) {
            throw new IllegalArgumentException("divisor must be > 0, got " + divisor);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("offset must be finite, got " + offset);
        }
    }

    /** A plain division, offset 0. */
    public IntensityScale(double divisor) {
        this(0, divisor);
    }

    /** The normalisation of a volume (non-finite voxels ignored); the identity if it has no finite voxel. */
    public static IntensityScale of(Volume v) {
        int n = v.size();
        float[] finite = new float[n];
        int count = 0;
        int notPositive = 0;
        for (int i = 0; i < n; i++) {
            float x = v.get(i);
            if (Float.isFinite(x)) {
                finite[count++] = x;
                notPositive += x > 0 ? 0 : 1;
            }
        }
        if (count == 0) {
            return new IntensityScale(1);
        }
        Arrays.sort(finite, 0, count);
        double floor = finite[percentileIndex(FLOOR_PERCENTILE, count)];
        int positives = count - notPositive; // after sorting, the positive voxels are the last ones
        double top = positives == 0 ? 0 : finite[notPositive + percentileIndex(PERCENTILE, positives)];
        if (floor >= 0 && floor <= FLOOR_SHARE * top) {
            return new IntensityScale(top > 0 ? top : 1);
        }
        double range = finite[percentileIndex(PERCENTILE, count)] - floor;
        return new IntensityScale(floor, range > 0 ? range : 1);
    }

    private static int percentileIndex(double percentile, int count) {
        return (int) Math.min(count - 1, Math.floor(percentile / 100 * (count - 1) + 0.5));
    }

    public Volume normalise(Volume v) {
        float[] d = v.toArray();
        float inv = (float) (1 / divisor);
        float shift = (float) offset;
        for (int i = 0; i < d.length; i++) {
            d[i] = (d[i] - shift) * inv;
        }
        return v.withData(d);
    }

    public void restore(float[] d) {
        float f = (float) divisor;
        float shift = (float) offset;
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] * f + shift;
        }
    }
}
