package org.smorekit.estimator;

import java.util.Arrays;
import org.smorekit.degrade.CubicInterpolation;

/**
 * The generator's degradation of a patch along its horizontal (high-resolution) axis: a valid convolution with the
 * profile k, then resampling by the scale s to {@value #OUT} samples. Both steps are linear, so the whole map from a
 * patch row to an output row is fixed once k is; gradients with respect to k are exact.
 *
 * <p>Convolution (true convolution, as {@link org.smorekit.degrade.LineDegrader}): for a row P of length L,
 * {@code B[c] = sum_t k[t] P[c + K - 1 - t]}, c = 0 .. M-1, where B[c] is the blurred value at row position
 * {@code c + K/2}. Resampling: output j sits at blurred coordinate {@code o + j s} (the grid convention of the
 * project: thick sample j at fine coordinate j s). For integer s, o = 0 and the output is {@code B[j s]}, M = 15 s + 1.
 * For non-integer s, o = 1 and the value is read by Catmull-Rom cubic interpolation from B[base-1 .. base+2],
 * M = floor(1 + 15 s) + 3, so no boundary rule is ever needed. The patch length is {@code L = M + K - 1}.
 */
final class PatchDegradation {
    /** Samples per patch side after degradation (the paper's 16). */
    static final int OUT = 16;
    private static final double GRID_EPS = 1e-9;

    private final int profileLength;
    private final double scale;
    private final int blurredLength;
    private final int patchLength;
    /** Sparse resampling operator: output j reads blurred[index[j][q]] with weight weight[j][q]. */
    private final int[][] index;
    private final double[][] weight;
    /** Distinct blurred positions that any output reads. */
    private final int[] needed;

    PatchDegradation(int profileLength, double scale) {
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        this.profileLength = profileLength;
        this.scale = scale;
        boolean integer = Math.abs(scale - Math.rint(scale)) < GRID_EPS;
        index = new int[OUT][];
        weight = new double[OUT][];
        if (integer) {
            int s = (int) Math.rint(scale);
            blurredLength = (OUT - 1) * s + 1;
            for (int j = 0; j < OUT; j++) {
                index[j] = new int[] {j * s};
                weight[j] = new double[] {1};
            }
        } else {
            blurredLength = (int) Math.floor(1 + (OUT - 1) * scale + GRID_EPS) + 3;
            double[] unit = new double[4];
            for (int j = 0; j < OUT; j++) {
                double pos = 1 + j * scale;
                int base = (int) Math.floor(pos + GRID_EPS);
                double frac = pos - base;
                index[j] = new int[] {base - 1, base, base + 1, base + 2};
                weight[j] = new double[4];
                for (int q = 0; q < 4; q++) {
                    // the Catmull-Rom weights are the interpolation of unit vectors
                    Arrays.fill(unit, 0);
                    unit[q] = 1;
                    weight[j][q] = frac < GRID_EPS ? (q == 1 ? 1 : 0) : CubicInterpolation.at(unit, 4, 1, frac);
                }
            }
        }
        patchLength = blurredLength + profileLength - 1;
        boolean[] used = new boolean[blurredLength];
        int count = 0;
        for (int[] idx : index) {
            for (int i : idx) {
                if (!used[i]) {
                    used[i] = true;
                    count++;
                }
            }
        }
        needed = new int[count];
        for (int i = 0, n = 0; i < blurredLength; i++) {
            if (used[i]) {
                needed[n++] = i;
            }
        }
    }

    /** The sampling step of the degraded rows, in in-plane voxels. */
    double scale() {
        return scale;
    }

    /** Length L of a patch row along the high-resolution axis. */
    int patchLength() {
        return patchLength;
    }

    int blurredLength() {
        return blurredLength;
    }

    /** The resampling weight of blurred position c in output j (dense view of the sparse operator, for tests). */
    double resamplingWeight(int j, int c) {
        double w = 0;
        for (int q = 0; q < index[j].length; q++) {
            if (index[j][q] == c) {
                w += weight[j][q];
            }
        }
        return w;
    }

    /**
     * Degrades {@code rows} patch rows: {@code patches[(r * L) + i]} -> {@code out[r * OUT + j]}.
     */
    void forward(float[] patches, int rows, double[] k, float[] out) {
        int kLen = profileLength;
        double[] blurred = new double[blurredLength];
        for (int r = 0; r < rows; r++) {
            int pBase = r * patchLength + kLen - 1;
            for (int c : needed) {
                double s = 0;
                int p = pBase + c;
                for (int t = 0; t < kLen; t++) {
                    s += k[t] * patches[p - t];
                }
                blurred[c] = s;
            }
            int oBase = r * OUT;
            for (int j = 0; j < OUT; j++) {
                double v = 0;
                int[] idx = index[j];
                double[] w = weight[j];
                for (int q = 0; q < idx.length; q++) {
                    v += w[q] * blurred[idx[q]];
                }
                out[oBase + j] = (float) v;
            }
        }
    }

    /** Adds dL/dk to {@code dk} given dL/dout for the rows of a {@link #forward} call. */
    void backward(float[] patches, int rows, float[] dOut, double[] dk) {
        int kLen = profileLength;
        double[] dBlurred = new double[blurredLength];
        for (int r = 0; r < rows; r++) {
            for (int c : needed) {
                dBlurred[c] = 0;
            }
            int oBase = r * OUT;
            for (int j = 0; j < OUT; j++) {
                double d = dOut[oBase + j];
                int[] idx = index[j];
                double[] w = weight[j];
                for (int q = 0; q < idx.length; q++) {
                    dBlurred[idx[q]] += w[q] * d;
                }
            }
            int pBase = r * patchLength + kLen - 1;
            for (int c : needed) {
                double d = dBlurred[c];
                int p = pBase + c;
                for (int t = 0; t < kLen; t++) {
                    dk[t] += d * patches[p - t];
                }
            }
        }
    }
}
