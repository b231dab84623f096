package org.smorekit.degrade;

import java.util.Objects;
import java.util.stream.IntStream;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * The interpolation baseline: upsamples a thick-slice volume along its slice axis by a (possibly non-integer) scale
 * with cubic B-spline interpolation ({@link CubicBspline}: exact prefilter, whole-sample mirror boundary; the same
 * values as scipy.ndimage {@code map_coordinates(order=3, mode="mirror")} at these coordinates).
 *
 * <p>Grid convention (the inverse of {@link ThickSliceSimulator}): from {@code m} thick slices, {@code
 * N = floor((m - 1) s) + 1} output samples, output sample {@code i} at thick-slice coordinate {@code i / s}, affine
 * {@code lr.affine().resampledAxis(axis, 0, 1/s)}. For Colin27 degraded to 46 slices at s = 4 this gives back 181
 * slices exactly on the truth grid. (scipy's {@code zoom} would instead stretch to {@code (m-1)/(N-1)}, which differs
 * for non-integer scales.)
 */
public final class BsplineUpsampler {
    private static final double GRID_EPS = 1e-9;

    private BsplineUpsampler() {
    }

    /** Number of output samples from {@code m} thick slices: {@code floor((m - 1) s + 1e-9) + 1}. */
    public static int outputLength(int m, double scale) {
        checkScale(scale);
        if (m < 1) {
            throw new IllegalArgumentException("a line needs at least one sample, got " + m);
        }
        return (int) Math.floor((m - 1) * scale + GRID_EPS) + 1;
    }

    /** Upsamples one line: output {@code i} is the interpolant at {@code i / scale}. */
    public static float[] upsample(float[] line, double scale) {
        int m = line.length;
        Stencil stencil = new Stencil(m, scale);
        float[] out = new float[stencil.outputLength()];
        stencil.apply(line, 0, 1, new double[m], out, 0, 1);
        return out;
    }

    /**
     * Upsamples {@code lr} along {@code axis} by {@code scale} (finite, {@code >= 1}); the other axes and the header are
     * kept.
     */
    public static Volume upsample(Volume lr, double scale, int axis) {
        Objects.requireNonNull(lr, "lr");
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        }
        int[] shape = lr.shape();
        int m = shape[axis];
        Stencil stencil = new Stencil(m, scale);
        int[] outShape = shape.clone();
        outShape[axis] = stencil.outputLength();
        int uAxis = axis == 0 ? 1 : 0;
        int vAxis = axis == 2 ? 1 : 2;
        int nu = shape[uAxis];
        int nv = shape[vAxis];
        int inStride = lr.stride(axis);
        int[] outStrides = {1, outShape[0], outShape[0] * outShape[1]};
        float[] src = lr.toArray();
        float[] dst = new float[outShape[0] * outShape[1] * outShape[2]];
        IntStream.range(0, nv).parallel().forEach(v -> {
            double[] c = new double[m];
            for (int u = 0; u < nu; u++) {
                stencil.apply(src, lr.lineStart(axis, u, v), inStride, c,
                        dst, u * outStrides[uAxis] + v * outStrides[vAxis], outStrides[axis]);
            }
        });
        Affine affine = lr.affine().resampledAxis(axis, 0, 1 / scale);
        return lr.withGrid(outShape, dst, affine);
    }

    /**
     * The four coefficient indices (mirrored) and B-spline weights of every output sample, for lines of {@code m}
     * samples; computed once per volume and shared read-only between threads.
     */
    private static final class Stencil {
        private final int m;
        private final int[] index;    // 4 per output sample
        private final double[] weight; // 4 per output sample

        Stencil(int m, double scale) {
            int big = BsplineUpsampler.outputLength(m, scale);
            this.m = m;
            this.index = new int[4 * big];
            this.weight = new double[4 * big];
            for (int i = 0; i < big; i++) {
                double x = i / scale;
                double r = Math.rint(x);
                if (Math.abs(x - r) < GRID_EPS) {
                    x = r; // land exactly on a sample so the spline returns it
                }
                int base = (int) Math.floor(x);
                double t = x - base;
                double[] w = CubicBspline.weights(t);
                for (int o = 0; o < 4; o++) {
                    index[4 * i + o] = LineDegrader.mirror(base - 1 + o, m);
                    weight[4 * i + o] = w[o];
                }
            }
        }

        int outputLength() {
            return index.length / 4;
        }

        void apply(float[] src, int srcOffset, int srcStride, double[] c, float[] dst, int dstOffset,
                   int dstStride) {
            for (int k = 0, p = srcOffset; k < m; k++, p += srcStride) {
                c[k] = src[p];
            }
            CubicBspline.prefilter(c, m);
            int big = outputLength();
            for (int i = 0, q = 0, d = dstOffset; i < big; i++, q += 4, d += dstStride) {
                dst[d] = (float) (weight[q] * c[index[q]] + weight[q + 1] * c[index[q + 1]]
                        + weight[q + 2] * c[index[q + 2]] + weight[q + 3] * c[index[q + 3]]);
            }
        }
    }

    private static void checkScale(double scale) {
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
    }
}
