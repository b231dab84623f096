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
 * <p>Implementation: blur and interpolation are both linear, so for a line length {@code n} the model is compiled
 * once into a sparse {@code m x n} matrix {@code W} (row {@code j}: the Catmull-Rom weights of the 4, or the 1,
 * blurred samples it reads, each spread over the K input voxels that blurred sample reads, mirrored indices merged)
 * and each line is then {@code y = W f}: at most {@code K + 3} multiply-adds per output sample, no branches. The
 * values equal blurring the whole line and interpolating it, up to floating-point summation order.
 *
 * <p>Not thread-safe (it caches the matrix of the last line length); make one per thread. Deterministic.
 */
public final class LineDegrader {
    private static final double GRID_EPS = 1e-9;

    private final SliceProfile profile;
    private final double[] kernel;
    private final int centre;
    private final double scale;

    // The compiled model for lines of plannedLength voxels, in compressed sparse rows.
    private int plannedLength = -1;
    private int[] rowStart = new int[1]; // row j holds entries rowStart[j] .. rowStart[j+1]-1
    private int[] column = new int[0];   // input voxel index
    private double[] weight = new double[0];

    /**
     * @param profile the slice profile, sampled on the grid of the input line (its FWHM is in input voxels)
     * @param scale   the spacing of the output samples in input voxels; finite and {@code >= 1}
     */
    public LineDegrader(SliceProfile profile, double scale) {
        Objects.requireNonNull(profile, "profile");
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        this.profile = profile;
        this.kernel = profile.values();
        this.centre = profile.centre();
        this.scale = scale;
    }

    public SliceProfile profile() {
        return profile;
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
        int m = rowStart.length - 1;
        for (int j = 0, d = dstOffset; j < m; j++, d += dstStride) {
            double s = 0;
            for (int q = rowStart[j], end = rowStart[j + 1]; q < end; q++) {
                s += weight[q] * src[srcOffset + column[q] * srcStride];
            }
            dst[d] = (float) s;
        }
    }

    /**
     * How this model passes white noise on lines of {@code n} voxels: entry {@code j} is the variance of output sample
     * {@code j} when the input voxels carry independent noise of unit variance, the sum of the squared weights it
     * reads ({@code sum_t k_t^2} for an integer scale away from the line ends; a little less between two slices, where
     * the cubic interpolation averages).
     */
    public double[] noiseGains(int n) {
        if (n != plannedLength) {
            plan(n);
        }
        double[] gains = new double[rowStart.length - 1];
        for (int j = 0; j < gains.length; j++) {
            for (int q = rowStart[j]; q < rowStart[j + 1]; q++) {
                gains[j] += weight[q] * weight[q];
            }
        }
        return gains;
    }

    /** Compiles blur + sampling for lines of {@code n} voxels into the sparse rows above. */
    private void plan(int n) {
        int m = outputLength(n);
        int maxRow = Math.min(n, 4 * kernel.length);
        int[] cols = new int[m * maxRow];
        double[] vals = new double[m * maxRow];
        int[] starts = new int[m + 1];
        double[] acc = new double[n];       // dense row accumulator, cleared after each row
        boolean[] touched = new boolean[n];
        int[] touchedList = new int[n];
        double[] readWeight = new double[4];
        int[] readIndex = new int[4];
        int count = 0;
        for (int j = 0; j < m; j++) {
            // which blurred samples b(i) output j reads, and with which weights
            double pos = j * scale;
            int base = (int) Math.floor(pos + GRID_EPS);
            double frac = pos - base;
            int reads;
            if (frac < GRID_EPS) {
                readIndex[0] = Math.min(base, n - 1);
                readWeight[0] = 1;
                reads = 1;
            } else {
                CubicInterpolation.weights(frac, readWeight);
                for (int o = 0; o < 4; o++) {
                    readIndex[o] = mirror(base - 1 + o, n);
                }
                reads = 4;
            }
            // b(i) = sum_t k[t] f(mirror(i - (t - centre)))
            int nTouched = 0;
            for (int r = 0; r < reads; r++) {
                int i = readIndex[r];
                for (int t = 0; t < kernel.length; t++) {
                    int p = mirror(i - (t - centre), n);
                    if (!touched[p]) {
                        touched[p] = true;
                        touchedList[nTouched++] = p;
                    }
                    acc[p] += readWeight[r] * kernel[t];
                }
            }
            Arrays.sort(touchedList, 0, nTouched);
            starts[j] = count;
            for (int q = 0; q < nTouched; q++) {
                int p = touchedList[q];
                cols[count] = p;
                vals[count] = acc[p];
                count++;
                acc[p] = 0;
                touched[p] = false;
            }
        }
        starts[m] = count;
        rowStart = starts;
        column = Arrays.copyOf(cols, count);
        weight = Arrays.copyOf(vals, count);
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
