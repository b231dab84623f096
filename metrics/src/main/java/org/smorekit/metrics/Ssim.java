package org.smorekit.metrics;

import java.util.stream.IntStream;
import org.smorekit.volume.Volume;

/**
 * Mean structural similarity (Wang, Bovik, Sheikh, Simoncelli, "Image quality assessment: from error visibility to
 * structural similarity", IEEE TIP 13(4), 2004) between a truth x and a test volume y on the same grid.
 *
 * <p>At every voxel, with Gaussian-weighted local statistics (weights G, sigma 1.5 voxels, truncated at 3.5 sigma:
 * an 11-tap window):
 *
 * <pre>
 *   mu_x = G*x,  mu_y = G*y,  s_x^2 = G*(x^2) - mu_x^2,  s_y^2 = G*(y^2) - mu_y^2,  s_xy = G*(xy) - mu_x mu_y
 *   SSIM = (2 mu_x mu_y + C1)(2 s_xy + C2) / ((mu_x^2 + mu_y^2 + C1)(s_x^2 + s_y^2 + C2)),
 *   C1 = (K1 R)^2, C2 = (K2 R)^2,  K1 = 0.01, K2 = 0.03
 * </pre>
 *
 * <p>R is the data range ({@link DataRange}: max - min of the whole truth volume). This is scikit-image's
 * {@code structural_similarity(x, y, data_range=R, gaussian_weights=True, sigma=1.5, use_sample_covariance=False)}
 * (population covariance, as in Wang et al.): filtering with {@code mode='reflect'} (half-sample symmetric), then the
 * map is averaged over voxels at least r = 5 voxels away from the border of every filtered axis (skimage's
 * {@code crop(S, (win_size - 1) // 2)}) and, here, also inside the mask. Without a mask the result equals skimage's.
 *
 * <p>{@link SsimMode#SLICES_2D} filters only the two in-plane axes of each slice perpendicular to {@code sliceAxis}
 * and crops only those; the mean is over all evaluated voxels of all slices (for a full mask this equals the mean of
 * skimage's 2-D SSIM of every slice).
 *
 * <p>Numerics: the separable filtering runs in float on both volumes shifted by the truth's mid-range c (variances
 * and covariance are shift-invariant, so {@code G*((x-c)^2) - (mu_x-c)^2} keeps float cancellation small); the
 * per-voxel SSIM and the mean are in double.
 */
public final class Ssim {
    /** Gaussian window sigma in voxels. */
    public static final double SIGMA = 1.5;
    /** Window truncation in units of sigma (radius {@code (int) (3.5 * 1.5 + 0.5) = 5}). */
    public static final double TRUNCATE = 3.5;
    public static final double K1 = 0.01;
    public static final double K2 = 0.03;

    private static final GaussianFilter WINDOW = new GaussianFilter(SIGMA, TRUNCATE);

    private Ssim() {
    }

    /** Radius of the window in voxels; the averaged region excludes this many voxels at each filtered border. */
    public static int windowRadius() {
        return WINDOW.radius();
    }

    /** 3-D SSIM over the whole grid, R from the truth. */
    public static SsimResult volume3d(Volume truth, Volume test) {
        return volume3d(truth, test, Mask.full(truth.shape()), DataRange.of(truth));
    }

    /**
     * 3-D SSIM averaged inside {@code mask}.
     *
     * @throws IllegalArgumentException if shapes differ, an axis is shorter than the window (11 voxels), dataRange is
     *                                  not > 0, or no mask voxel lies at least 5 voxels inside the borders
     */
    public static SsimResult volume3d(Volume truth, Volume test, Mask mask, double dataRange) {
        return compute(truth, test, mask, dataRange, -1);
    }

    /** 2-D per-slice SSIM over the whole grid, R from the truth. */
    public static SsimResult slices2d(Volume truth, Volume test, int sliceAxis) {
        return slices2d(truth, test, Mask.full(truth.shape()), DataRange.of(truth), sliceAxis);
    }

    /** 2-D SSIM of every slice perpendicular to {@code sliceAxis}, averaged inside {@code mask}. */
    public static SsimResult slices2d(Volume truth, Volume test, Mask mask, double dataRange, int sliceAxis) {
        if (sliceAxis < 0 || sliceAxis > 2) {
            throw new IllegalArgumentException("sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        }
        return compute(truth, test, mask, dataRange, sliceAxis);
    }

    private static SsimResult compute(Volume truth, Volume test, Mask mask, double dataRange, int sliceAxis) {
        Psnr.requireSameShape(truth, test);
        mask.requireShape(truth.shape(), "truth");
        if (!(dataRange > 0) || Double.isInfinite(dataRange)) {
            throw new IllegalArgumentException("dataRange must be finite and > 0, got " + dataRange);
        }
        int[] shape = truth.shape();
        int r = WINDOW.radius();
        for (int a = 0; a < 3; a++) {
            if (a != sliceAxis && shape[a] < WINDOW.width()) {
                throw new IllegalArgumentException("SSIM needs at least " + WINDOW.width() + " voxels along axis " + a
                        + " (the Gaussian window), got " + shape[a]);
            }
        }
        double centre = midRange(truth, dataRange);
        float c = (float) centre;
        int n = truth.size();
        float[] mx = new float[n];
        float[] my = new float[n];
        float[] sxx = new float[n];
        float[] syy = new float[n];
        float[] sxy = new float[n];
        IntStream.range(0, shape[2]).parallel().forEach(z -> {
            for (int i = shape[0] * shape[1] * z, end = i + shape[0] * shape[1]; i < end; i++) {
                float a = truth.get(i) - c;
                float b = test.get(i) - c;
                mx[i] = a;
                my[i] = b;
                sxx[i] = a * a;
                syy[i] = b * b;
                sxy[i] = a * b;
            }
        });
        for (float[] map : new float[][] {mx, my, sxx, syy, sxy}) {
            for (int axis = 0; axis < 3; axis++) {
                if (axis != sliceAxis) {
                    WINDOW.filterAxis(map, shape, axis);
                }
            }
        }
        double c1 = (K1 * dataRange) * (K1 * dataRange);
        double c2 = (K2 * dataRange) * (K2 * dataRange);
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = a == sliceAxis ? 0 : r;
            hi[a] = a == sliceAxis ? shape[a] : shape[a] - r;
        }
        int nx = shape[0], ny = shape[1];
        double[] planeSum = new double[shape[2]];
        long[] planeCount = new long[shape[2]];
        IntStream.range(lo[2], hi[2]).parallel().forEach(z -> {
            double sum = 0;
            long count = 0;
            for (int y = lo[1]; y < hi[1]; y++) {
                for (int x = lo[0], i = nx * (y + ny * z) + lo[0]; x < hi[0]; x++, i++) {
                    if (!mask.contains(i)) {
                        continue;
                    }
                    double ux = mx[i];
                    double uy = my[i];
                    double vx = sxx[i] - ux * ux;
                    double vy = syy[i] - uy * uy;
                    double vxy = sxy[i] - ux * uy;
                    ux += centre;
                    uy += centre;
                    sum += (2 * ux * uy + c1) * (2 * vxy + c2) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
                    count++;
                }
            }
            planeSum[z] = sum;
            planeCount[z] = count;
        });
        double sum = 0;
        long count = 0;
        for (int z = 0; z < shape[2]; z++) {
            sum += planeSum[z];
            count += planeCount[z];
        }
        if (count == 0) {
            throw new IllegalArgumentException("no mask voxel lies at least " + r
                    + " voxels inside the filtered borders; SSIM is undefined");
        }
        SsimMode mode = sliceAxis < 0 ? SsimMode.VOLUME_3D : SsimMode.SLICES_2D;
        return new SsimResult(sum / count, mode, sliceAxis < 0 ? null : sliceAxis, count);
    }

    /** min + R/2 of the truth: the shift that keeps the float statistics well conditioned. */
    private static double midRange(Volume truth, double dataRange) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0, n = truth.size(); i < n; i++) {
            min = Math.min(min, truth.get(i));
        }
        return min + dataRange / 2;
    }
}
