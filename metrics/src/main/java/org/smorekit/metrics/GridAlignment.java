package org.smorekit.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

/**
 * A test volume brought onto the truth's voxel grid through the two affines (world coordinates), never by index.
 *
 * <p>If the grids already agree (same shape, affines equal entry-wise within {@link #AFFINE_TOLERANCE_MM}), the test
 * volume is used as is. Otherwise every truth voxel v is mapped to the test's continuous voxel coordinates
 * {@code u = A_test^-1 A_truth v} and the test is sampled there by trilinear interpolation. Truth voxels whose u lies
 * outside the test's field of view ({@code [0, n-1]} on some axis, with a tolerance of {@value #FOV_TOLERANCE_VOXELS}
 * voxel) are marked invalid; they get the value at the nearest point of the field of view (so that filtering near the
 * edge, as SSIM does, sees no artificial step) and must be excluded from the metrics with {@link #valid()}.
 *
 * <p>A thick-slice grid that is centred on the field of view sits a fraction of a slice off the truth grid; comparing
 * such a volume by index under-rates it by several dB, which is why this step exists.
 *
 * @param test      the test volume on the truth grid (the truth's affine and shape)
 * @param valid     the truth voxels inside the test's field of view (all of them when not resampled)
 * @param resampled whether interpolation was needed
 */
public record GridAlignment(Volume test, Mask valid, boolean resampled) {
    /** Largest entry-wise affine difference (mm) for two grids to count as the same. */
    public static final double AFFINE_TOLERANCE_MM = 1e-4;
    /** How far (in test voxels) outside [0, n-1] a position may fall and still count as inside. */
    public static final double FOV_TOLERANCE_VOXELS = 1e-4;

    /** Brings {@code test} onto the grid of {@code truth}. */
    public static GridAlignment onto(Volume truth, Volume test) {
        if (sameGrid(truth, test)) {
            Volume onTruthGrid = test.affine().equals(truth.affine()) ? test
                    : test.withGrid(truth.shape(), test.toArray(), truth.affine());
            return new GridAlignment(onTruthGrid, Mask.full(truth.shape()), false);
        }
        return resample(truth, test);
    }

    /** Same shape and affines within {@link #AFFINE_TOLERANCE_MM}. */
    public static boolean sameGrid(Volume a, Volume b) {
        return Arrays.equals(a.shape(), b.shape())
                && a.affine().maxAbsDifference(b.affine()) <= AFFINE_TOLERANCE_MM;
    }

    private static GridAlignment resample(Volume truth, Volume test) {
        Affine truthToTest = test.affine().inverse().multiply(truth.affine());
        double[] m = truthToTest.toArray();
        int[] out = truth.shape();
        int[] in = test.shape();
        float[] src = test.toArray();
        float[] dst = new float[truth.size()];
        boolean[] valid = new boolean[truth.size()];
        int ox = out[0], oy = out[1];
        IntStream.range(0, out[2]).parallel().forEach(k -> {
            double[] u = new double[3];
            for (int j = 0; j < oy; j++) {
                int i0 = ox * (j + oy * k);
                for (int i = 0; i < ox; i++) {
                    for (int a = 0; a < 3; a++) {
                        u[a] = m[4 * a] * i + m[4 * a + 1] * j + m[4 * a + 2] * k + m[4 * a + 3];
                    }
                    boolean inside = true;
                    for (int a = 0; a < 3; a++) {
                        if (u[a] < -FOV_TOLERANCE_VOXELS || u[a] > in[a] - 1 + FOV_TOLERANCE_VOXELS) {
                            inside = false;
                        }
                    }
                    valid[i0 + i] = inside;
                    dst[i0 + i] = trilinear(src, in, u[0], u[1], u[2]);
                }
            }
        });
        return new GridAlignment(Volume.wrap(out, dst, truth.affine()), Mask.wrap(out, valid), true);
    }

    /** Trilinear interpolation at continuous voxel coordinates, each clamped to [0, n-1] first. */
    static float trilinear(float[] src, int[] shape, double ux, double uy, double uz) {
        int nx = shape[0], ny = shape[1], nz = shape[2];
        double cx = Math.min(Math.max(ux, 0), nx - 1);
        double cy = Math.min(Math.max(uy, 0), ny - 1);
        double cz = Math.min(Math.max(uz, 0), nz - 1);
        int x0 = Math.min((int) cx, Math.max(nx - 2, 0));
        int y0 = Math.min((int) cy, Math.max(ny - 2, 0));
        int z0 = Math.min((int) cz, Math.max(nz - 2, 0));
        double fx = cx - x0, fy = cy - y0, fz = cz - z0;
        int dx = nx > 1 ? 1 : 0, dy = ny > 1 ? nx : 0, dz = nz > 1 ? nx * ny : 0;
        int p = x0 + nx * (y0 + ny * z0);
        double c00 = src[p] + fx * (src[p + dx] - src[p]);
        double c10 = src[p + dy] + fx * (src[p + dy + dx] - src[p + dy]);
        double c01 = src[p + dz] + fx * (src[p + dz + dx] - src[p + dz]);
        double c11 = src[p + dz + dy] + fx * (src[p + dz + dy + dx] - src[p + dz + dy]);
        double c0 = c00 + fy * (c10 - c00);
        double c1 = c01 + fy * (c11 - c01);
        return (float) (c0 + fz * (c1 - c0));
    }
}
