package org.smorekit.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Separable Gaussian smoothing of a 3-D float array in place, as {@code scipy.ndimage.gaussian_filter(a, sigma,
 * truncate=t, mode='reflect')} does it along each chosen axis.
 *
 * <p>Kernel: radius {@code r = (int) (t * sigma + 0.5)}, taps {@code w_k = exp(-k^2 / (2 sigma^2)) / sum_j exp(-j^2 /
 * (2 sigma^2))} for {@code k = -r..r}. Boundary: scipy's {@code 'reflect'}, the half-sample symmetric extension
 * {@code (d c b a | a b c d | d c b a)}, i.e. index {@code -1 -> 0}, {@code n -> n - 1}. Every filtered axis must have at
 * least {@code r + 1} voxels so that one reflection suffices.
 *
 * <p>Memory order as {@code Volume}: x fastest. Each pass works on whole x-rows (so the JIT can vectorise the
 * multiply-adds) and is split over threads of the common fork-join pool.
 */
final class GaussianFilter {
    private final float[] weights; // w_{-r..r}, index k + r
    private final int radius;

    GaussianFilter(double sigma, double truncate) {
        if (!(sigma > 0) || !(truncate > 0)) {
            throw new IllegalArgumentException("sigma and truncate must be > 0, got " + sigma + ", " + truncate);
        }
        radius = (int) (truncate * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            w[k + radius] = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += w[k + radius];
        }
        weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) (w[i] / sum);
        }
    }

    int radius() {
        return radius;
    }

    /** Window width {@code 2r + 1}. */
    int width() {
        return weights.length;
    }

    /** Smooths {@code data} (shape {@code nx, ny, nz}) in place along {@code axis}. */
    void filterAxis(float[] data, int[] shape, int axis) {
        int nx = shape[0], ny = shape[1], nz = shape[2];
        if (shape[axis] <= radius) {
            throw new IllegalArgumentException("axis " + axis + " has " + shape[axis]
                    + " voxels; the Gaussian window needs at least " + (radius + 1));
        }
        switch (axis) {
            case 0 -> IntStream.range(0, nz).parallel().forEach(z -> filterRowsAlongX(data, nx, ny, z));
            case 1 -> IntStream.range(0, nz).parallel().forEach(z -> filterPlaneAlongY(data, nx, ny, z));
            case 2 -> IntStream.range(0, ny).parallel().forEach(y -> filterSheetAlongZ(data, nx, ny, nz, y));
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
    }

    /** Reflected index for {@code -r <= i < n + r} ('reflect': -1 -> 0, n -> n - 1). */
    private static int reflect(int i, int n) {
        return i < 0 ? -i - 1 : i >= n ? 2 * n - 1 - i : i;
    }

    private void filterRowsAlongX(float[] data, int nx, int ny, int z) {
        float[] padded = new float[nx + 2 * radius];
        float[] acc = new float[nx];
        for (int y = 0; y < ny; y++) {
            int start = nx * (y + ny * z);
            for (int i = -radius; i < nx + radius; i++) {
                padded[i + radius] = data[start + reflect(i, nx)];
            }
            Arrays.fill(acc, 0f);
            for (int k = 0; k < weights.length; k++) {
                float w = weights[k];
                for (int x = 0; x < nx; x++) {
                    acc[x] += w * padded[x + k];
                }
            }
            System.arraycopy(acc, 0, data, start, nx);
        }
    }

    private void filterPlaneAlongY(float[] data, int nx, int ny, int z) {
        int planeStart = nx * ny * z;
        float[] plane = new float[nx * ny];
        System.arraycopy(data, planeStart, plane, 0, plane.length);
        for (int y = 0; y < ny; y++) {
            int out = planeStart + nx * y;
            accumulateRows(plane, nx, y, ny, data, out);
        }
    }

    private void filterSheetAlongZ(float[] data, int nx, int ny, int nz, int y) {
        // the nz rows (length nx) at this y, gathered so that the pass can write over them
        float[] sheet = new float[nx * nz];
        for (int z = 0; z < nz; z++) {
            System.arraycopy(data, nx * (y + ny * z), sheet, nx * z, nx);
        }
        for (int z = 0; z < nz; z++) {
            accumulateRows(sheet, nx, z, nz, data, nx * (y + ny * z));
        }
    }

    /**
     * {@code dst[out .. out+nx) = sum_k w_k * rows[reflect(row + k - r)]}, where {@code rows} holds {@code count} rows
     * of length {@code nx}.
     */
    private void accumulateRows(float[] rows, int nx, int row, int count, float[] dst, int out) {
        Arrays.fill(dst, out, out + nx, 0f);
        for (int k = 0; k < weights.length; k++) {
            float w = weights[k];
            int src = nx * reflect(row + k - radius, count);
            for (int x = 0; x < nx; x++) {
                dst[out + x] += w * rows[src + x];
            }
        }
    }
}
