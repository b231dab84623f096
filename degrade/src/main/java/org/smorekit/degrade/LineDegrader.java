package org.smorekit.degrade;

import java.util.Arrays;
import java.util.Objects;

/**
 * The forward model of a thick-slice acquisition along one line of voxels: blur with a {@link SliceProfile}, then
 * sample every {@code scale} voxels (scale may be non-integer). Both the simulator of thick-slice scans and the
 * maker of super-resolution training pairs use this one class, so the two can never disagree.
 *
 * <p>Blur (discrete convolution, K taps, centre tap {@code c = K/2}):
 * {@code b(i) = sum_{t=0}^{K-1} k[t] f(mirror(i - (t - c)))}. Boundary: whole-sample mirror
 * ({@code f(-i) = f(i)}, {@code f(n-1+i) = f(n-1-i)}), applied to both the blur and the interpolation; kernels longer
 * than the line are folded back and forth as often as needed.
 *
 * <p>Sample grid: output sample {@code j} sits at input coordinate {@code x_j = j * scale} (the first slice is kept in
 * place; with an integer scale this is "keep every s-th slice"), and there are
 * {@code m = floor((n - 1) / scale) + 1} of them for {@code n} input voxels. At an integer position
 * {@code y(j) = b(x_j)}; at a non-integer position the blurred line is read by Catmull-Rom cubic interpolation
 * ({@link CubicInterpolation}, Keys a = -0.5). Positions within {@code 1e-9} of an integer count as integers.
 *
 * <p>Only the blurred samples that the output needs are computed (m of them for an integer scale, at most 4m
 * otherwise), so the cost is O(m K) per line rather than O(n K); the values are the same as blurring the whole line.
 *
 * <p>Not thread-safe (it owns work buffers); make one per thread. Deterministic.
 */
public final class LineDegrader {
    private static final double GRID_EPS = 1e-9;

    private final double[] kernel;
    private final int centre;
    private final double scale;

    // Work buffers, reused for every line of the same length n.
    private int plannedLength = -1;
    private int[] needed = new int[0];      // blurred indices the output needs, ascending
    private int neededCount;
    private int[] sampleBase = new int[0];  // per output sample: floor(x_j)
    private double[] sampleFrac = new double[0]; // per output sample: x_j - floor(x_j), 0 at integer positions
    private double[] blurred = new double[0];

    /**
     * @param profile the slice profile, sampled on the grid of the input line (its FWHM is in input voxels)
     * @param scale   the spacing of the output samples in input voxels; finite and {@code >= 1}
     */
    public LineDegrader(SliceProfile profile, double scale) {
        Objects.requireNonNull(profile, "profile");
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        this.kernel = profile.values();
        this.centre = profile.centre();
        this.scale = scale;
    }

    public double scale() {
        return scale;
    }

    /** Number of thick-slice samples from {@code n} input voxels: {@code floor((n - 1) / scale) + 1}. */
    public int outputLength(int n) {
        return outputLength(n, scale);
    }

    /**
     * Number of thick-slice samples from {@code n} input voxels at a given scale:
     * {@code floor((n - 1) / scale + 1e-9) + 1} (the tolerance keeps e.g. n = 34, scale = 3.3 at 11 samples despite
     * rounding in {@code 33 / 3.3}).
     */
    public static int outputLength(int n, double scale) {
        if (n < 1) {
            throw new IllegalArgumentException("a line needs at least one voxel, got " + n);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, got " + scale);
        }
        return (int) Math.floor((n - 1) / scale + GRID_EPS) + 1;
    }

    /** Degrades a whole line into a new array of {@link #outputLength(int)} samples. */
    public float[] degrade(float[] line) {
        float[] out = new float[outputLength(line.length)];
        degrade(line, 0, 1, line.length, out, 0, 1);
        return out;
    }

    /**
     * Degrades {@code n} voxels read from {@code src[srcOffset + i * srcStride]} and writes
     * {@link #outputLength(int)} samples to {@code dst[dstOffset + j * dstStride]}.
     */
    public void degrade(float[] src, int srcOffset, int srcStride, int n,
                        float[] dst, int dstOffset, int dstStride) {
        if (n != plannedLength) {
            plan(n);
        }
        for (int q = 0; q < neededCount; q++) {
            int i = needed[q];
            double s = 0;
            // b(i) = sum_t k[t] f(i - (t - centre)); taps reach i - (K-1-centre) .. i + centre
            boolean interior = i - (kernel.length - 1 - centre) >= 0 && i + centre <= n - 1;
            if (interior) {
                int p = srcOffset + (i + centre) * srcStride;
                for (int t = 0; t < kernel.length; t++, p -= srcStride) {
                    s += kernel[t] * src[p];
                }
            } else {
                for (int t = 0; t < kernel.length; t++) {
                    s += kernel[t] * src[srcOffset + mirror(i - (t - centre), n) * srcStride];
                }
            }
            blurred[i] = s;
        }
        int m = sampleBase.length;
        for (int j = 0, d = dstOffset; j < m; j++, d += dstStride) {
            double frac = sampleFrac[j];
            double v = frac == 0 ? blurred[sampleBase[j]]
                    : CubicInterpolation.at(blurred, n, sampleBase[j], frac);
            dst[d] = (float) v;
        }
    }

    /** Sample positions and the set of blurred samples they read, for lines of n voxels. */
    private void plan(int n) {
        int m = outputLength(n);
        sampleBase = new int[m];
        sampleFrac = new double[m];
        boolean[] use = new boolean[n];
        for (int j = 0; j < m; j++) {
            double pos = j * scale;
            int base = (int) Math.floor(pos + GRID_EPS);
            double frac = pos - base;
            if (frac < GRID_EPS) {
                base = Math.min(base, n - 1);
                sampleBase[j] = base;
                sampleFrac[j] = 0;
                use[base] = true;
            } else {
                sampleBase[j] = base;
                sampleFrac[j] = frac;
                for (int o = -1; o <= 2; o++) {
                    use[mirror(base + o, n)] = true;
                }
            }
        }
        needed = new int[n];
        neededCount = 0;
        for (int i = 0; i < n; i++) {
            if (use[i]) {
                needed[neededCount++] = i;
            }
        }
        needed = Arrays.copyOf(needed, neededCount);
        blurred = new double[n];
        plannedLength = n;
    }

    /**
     * Whole-sample mirror of an index into {@code [0, n)}: reflection about the first and the last sample, period
     * {@code 2(n - 1)} (scipy.ndimage mode "mirror", numpy pad mode "reflect").
     */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int r = Math.floorMod(i, period);
        return r < n ? r : period - r;
    }
}
