package org.smorekit.estimator;

import java.util.Arrays;

/**
 * Scales intensities so that the robust maximum (the {@value #PERCENTILE}th percentile of the voxels above the
 * minimum) becomes {@value #TARGET}. A spectrally normalised discriminator is 1-Lipschitz: on data in [0, 1] its logits
 * barely move and nothing is learned, so the paper scales to a maximum of 1000; the percentile keeps a few hot voxels
 * from deciding the scale.
 */
final class IntensityScaling {
    static final double PERCENTILE = 99.5;
    static final double TARGET = 1000;

    private IntensityScaling() {
    }

    /** The scaled copy of {@code data}; IllegalArgumentException if the volume is constant or not finite. */
    static float[] scaled(float[] data) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : data) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("the scan contains non-finite voxel values (" + v + ")");
            }
            min = Math.min(min, v);
        }
        int n = 0;
        float[] above = new float[data.length];
        for (float v : data) {
            if (v > min) {
                above[n++] = v - min;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the scan is constant (every voxel is " + min
                    + "); there is nothing to learn a profile from");
        }
        Arrays.sort(above, 0, n);
        double robustMax = above[Math.min(n - 1, (int) Math.floor(PERCENTILE / 100 * (n - 1)))];
        double factor = TARGET / robustMax;
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (float) ((data[i] - min) * factor);
        }
        return out;
    }
}
