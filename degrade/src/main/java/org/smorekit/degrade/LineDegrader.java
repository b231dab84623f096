package org.smorekit.degrade;

/**
 * The forward model of a thick-slice acquisition along one line of voxels: blur with a {@link SliceProfile}, then
 * sample every {@code scale} voxels (scale may be non-integer). Both the simulator of thick-slice scans and the
 * maker of super-resolution training pairs use this one class, so the two can never disagree.
 *
 * <p>Sample grid: output sample {@code j} sits at input coordinate {@code j * scale} (the first slice is kept in
 * place; with an integer scale this is "keep every s-th slice"), and there are
 * {@code m = floor((n - 1) / scale) + 1} of them for {@code n} input voxels. Non-integer positions are read from the
 * blurred line by Catmull-Rom cubic interpolation (Keys, a = -0.5). Boundary: whole-sample mirror
 * ({@code f(-i) = f(i)}, {@code f(n-1+i) = f(n-1-i)}), applied to both the blur and the interpolation.
 *
 * <p>Not thread-safe (it owns a work buffer); make one per thread.
 */
public final class LineDegrader {
    private static final double GRID_EPS = 1e-9;

    private final double[] kernel;
    private final int centre;
    private final double scale;
    private double[] blurred = new double[0];

    public LineDegrader(SliceProfile profile, double scale) {
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

    /** Number of thick-slice samples from {@code n} input voxels at a given scale. */
    public static int outputLength(int n, double scale) {
        if (n < 1) {
            throw new IllegalArgumentException("a line needs at least one voxel, got " + n);
        }
        return (int) Math.floor((n - 1) / scale + GRID_EPS) + 1;
    }

    /**
     * Degrades {@code n} voxels read from {@code src[srcOffset + i * srcStride]} and writes
     * {@link #outputLength(int)} samples to {@code dst[dstOffset + j * dstStride]}.
     */
    public void degrade(float[] src, int srcOffset, int srcStride, int n,
                        float[] dst, int dstOffset, int dstStride) {
        if (blurred.length < n) {
            blurred = new double[n];
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            // (f * k)(i) = sum_t k[t] f(i - (t - centre))
            for (int t = 0; t < kernel.length; t++) {
                int p = mirror(i - (t - centre), n);
                s += kernel[t] * src[srcOffset + p * srcStride];
            }
            blurred[i] = s;
        }
        int m = outputLength(n);
        for (int j = 0; j < m; j++) {
            double pos = j * scale;
            int base = (int) Math.floor(pos + GRID_EPS);
            double frac = pos - base;
            double v;
            if (frac < GRID_EPS) {
                v = blurred[Math.min(base, n - 1)];
            } else {
                v = CubicInterpolation.at(blurred, n, base, frac);
            }
            dst[dstOffset + j * dstStride] = (float) v;
        }
    }

    /** Whole-sample mirror of an index into {@code [0, n)}. */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int r = Math.floorMod(i, period);
        return r < n ? r : period - r;
    }
}
