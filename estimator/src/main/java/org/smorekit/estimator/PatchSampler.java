package org.smorekit.estimator;

import java.util.SplittableRandom;
import org.smorekit.volume.Affine;
import org.smorekit.volume.OtsuThreshold;
import org.smorekit.volume.Volume;

/**
 * Draws 2-D patches for the GAN from a volume whose slice (low-resolution) axis is axis 2: {@value #ROWS} consecutive
 * slices (rows, the LR direction) by L consecutive voxels along x (an x-z patch) or along y (a y-z patch) (columns,
 * the HR direction). Each draw picks x-z or y-z with probability 1/2, flips rows and columns each with probability
 * 1/2 (the 8 samplers of espreso2), and picks the patch position uniformly among those whose centre voxel is
 * foreground (above the scan's Otsu threshold; espreso2 samples uniformly over its Otsu foreground too), so background
 * is never drawn. The paper's gradient-proportional sampling biases the estimate on thick-slice scans (see
 * {@link #foreground()}). Deterministic for a given {@link SplittableRandom}.
 */
final class PatchSampler {
    static final int ROWS = PatchDegradation.OUT;

    private final float[] data;
    private final int nx, ny, nz;
    private final int length;
    /** Cumulative weights over patch anchors, per orientation (0: x-z, 1: y-z); null if none fits. */
    private final double[][] cumulative = new double[2][];

    PatchSampler(float[] data, int[] shape, int length) {
        this.data = data;
        this.nx = shape[0];
        this.ny = shape[1];
        this.nz = shape[2];
        this.length = length;
        if (nz < ROWS) {
            throw new IllegalArgumentException("need at least " + ROWS + " slices along the slice axis to sample "
                    + ROWS + "-slice patches, got " + nz);
        }
        if (nx < length && ny < length) {
            throw new IllegalArgumentException("in-plane size " + nx + " x " + ny + " is shorter than the patch length "
                    + length + " (16 * scale + K - 1); use a smaller profile length or scale");
        }
        float[] weight = foreground();
        for (int o = 0; o < 2; o++) {
            cumulative[o] = anchors(weight, o);
        }
        if (cumulative[0] == null && cumulative[1] == null) {
            throw new IllegalArgumentException("the scan has no intensity variation where patches fit");
        }
    }

    /**
     * 1 for voxels above the scan's Otsu threshold (the head), 0 elsewhere. Not the gradient magnitude: the gradient
     * of a thick-slice scan is measured over one slice spacing along the slice axis and one in-plane voxel across it,
     * so weighting by it favours places where the intensity changes from slice to slice, and the real (slice
     * direction) rows then carry more contrast than the in-plane ones at the true profile. Measured on the simulated
     * Colin27 (docs/estimator.md): first-difference energies of real and fake rows cross at a profile FWHM of 2.8 for a
     * true 4 with gradient weights, at 4.2 with foreground weights.
     */
    private float[] foreground() {
        double threshold = OtsuThreshold.of(Volume.wrap(new int[] {nx, ny, nz}, data, Affine.identity()));
        float[] w = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            w[i] = data[i] > threshold ? 1f : 0f;
        }
        return w;
    }

    /** Anchor (z0, h0, other) enumerated as other-major, then z0, then h0; weight = foreground at the patch centre. */
    private double[] anchors(float[] weight, int orientation) {
        int nh = orientation == 0 ? nx : ny;
        int nOther = orientation == 0 ? ny : nx;
        int hCount = nh - length + 1, zCount = nz - ROWS + 1;
        if (hCount < 1) {
            return null;
        }
        double[] cum = new double[nOther * zCount * hCount];
        double total = 0;
        int n = 0;
        for (int other = 0; other < nOther; other++) {
            for (int z0 = 0; z0 < zCount; z0++) {
                int zc = z0 + ROWS / 2;
                for (int h0 = 0; h0 < hCount; h0++) {
                    int hc = h0 + length / 2;
                    int x = orientation == 0 ? hc : other, y = orientation == 0 ? other : hc;
                    total += weight[x + nx * (y + ny * zc)];
                    cum[n++] = total;
                }
            }
        }
        return total > 0 ? cum : null;
    }

    /**
     * Fills {@code out[b * ROWS * L + r * L + i]} for b in [0, count) with freshly drawn patches: row r is slice
     * z0 + r (or reversed), column i is HR position h0 + i (or reversed).
     */
    void sample(SplittableRandom rnd, int count, float[] out) {
        int nOrient = (cumulative[0] != null ? 1 : 0) + (cumulative[1] != null ? 1 : 0);
        for (int b = 0; b < count; b++) {
            int o;
            if (nOrient == 2) {
                o = rnd.nextInt(2);
            } else {
                o = cumulative[0] != null ? 0 : 1;
            }
            double[] cum = cumulative[o];
            double target = rnd.nextDouble() * cum[cum.length - 1];
            int a = upperBound(cum, target);
            boolean flipRows = rnd.nextBoolean(), flipCols = rnd.nextBoolean();
            int nh = o == 0 ? nx : ny;
            int hCount = nh - length + 1, zCount = nz - ROWS + 1;
            int h0 = a % hCount;
            int z0 = (a / hCount) % zCount;
            int other = a / (hCount * zCount);
            int hStride = o == 0 ? 1 : nx;
            int base = (o == 0 ? nx * other : other) + nx * ny * z0;
            int outBase = b * ROWS * length;
            for (int r = 0; r < ROWS; r++) {
                int z = flipRows ? ROWS - 1 - r : r;
                int rowStart = base + nx * ny * z + h0 * hStride;
                int dst = outBase + r * length;
                if (flipCols) {
                    for (int i = 0; i < length; i++) {
                        out[dst + i] = data[rowStart + (length - 1 - i) * hStride];
                    }
                } else {
                    for (int i = 0; i < length; i++) {
                        out[dst + i] = data[rowStart + i * hStride];
                    }
                }
            }
        }
    }

    /** First index with cum[i] > target. */
    private static int upperBound(double[] cum, double target) {
        int lo = 0, hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
