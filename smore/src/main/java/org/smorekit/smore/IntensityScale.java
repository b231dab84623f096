package org.smorekit.smore;

import java.util.Arrays;
import org.smorekit.volume.Volume;

/**
 * Intensity normalisation {@code x / divisor}, with {@code divisor} the 99.5th percentile of the positive voxels (a
 * robust maximum: a few hot voxels do not squash the image), so that tissue lies in about [0, 1].
 */
public record IntensityScale(double divisor) {
    public static final double PERCENTILE = 99.5;

    public IntensityScale {
        if (!(divisor > 0) || !Double.isFinite(divisor)) {
            throw new IllegalArgumentException("divisor must be > 0, got " + divisor);
        }
    }

    /** The robust maximum of a volume; 1 if it has no positive voxel. */
    public static IntensityScale of(Volume v) {
        int n = v.size();
        float[] positive = new float[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            float x = v.get(i);
            if (x > 0 && Float.isFinite(x)) {
                positive[count++] = x;
            }
        }
        if (count == 0) {
            return new IntensityScale(1);
        }
        Arrays.sort(positive, 0, count);
        int k = (int) Math.min(count - 1, Math.floor(PERCENTILE / 100 * (count - 1) + 0.5));
        return new IntensityScale(positive[k]);
    }

    public Volume normalise(Volume v) {
        float[] d = v.toArray();
        float inv = (float) (1 / divisor);
        for (int i = 0; i < d.length; i++) {
            d[i] *= inv;
        }
        return v.withData(d);
    }

    public void restore(float[] d) {
        float f = (float) divisor;
        for (int i = 0; i < d.length; i++) {
            d[i] *= f;
        }
    }
}
