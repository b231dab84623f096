package org.smorekit.volume;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-plane displacement between the even and the odd slices, as a head that moved between the two passes of an
 * interleaved 2-D acquisition leaves it. Along the slice axis edges then zig-zag with a period of 2 slices, the finest
 * the scan can hold, which no blur of the in-plane rows has: the slice-profile estimator reads it as detail and returns
 * an impulse (1.18 voxels for a true 4 on the Colin27 4 mm scan with the odd slices moved by 1 voxel).
 *
 * <p>Model: slice {@code j} is the anatomy moved in-plane by {@code +d/2} for even {@code j} and {@code -d/2} for odd
 * {@code j}. Each slice {@code s_j} is compared with the cubic interpolation {@code n_j} of its neighbours (of the
 * other parity, as in {@link SliceIntensityAlternation}): to first order {@code s_j - n_j = -(-1)^j d . grad n_j}, so
 * per slice {@code d_j} is the least-squares solution over the voxels where both are above the scan's Otsu threshold,
 * and {@code d} their mean weighted by those voxels' counts, with the standard error of a weighted mean from their
 * scatter. The planes are smoothed first (binomial, about 1 voxel): a sharp edge, sampled, does not move linearly by
 * sub-voxel amounts, and without it a phantom with hard edges read 0.79 voxel for a 1-voxel displacement. Three rounds,
 * each on the slices moved back by the rounds before, so that displacements of a voxel or more, beyond the first-order
 * model, are still measured. Rotations between the passes are not modelled.
 *
 * @param dx            displacement of the even slices relative to the odd ones along the first in-plane axis (voxels)
 * @param dy            the same along the second in-plane axis (the in-plane axes in voxel order, the slice axis left
 *                      out)
 * @param standardError the larger standard error of {@code dx} and {@code dy} (voxels)
 * @param slices        how many slices it was measured on
 */
public record SliceParityShift(double dx, double dy, double standardError, int slices) {

    /** How many standard errors the displacement must exceed to count as present. */
    public static final double DETECTION_Z = 4;
    /** The smallest displacement that counts (voxels). */
    public static final double MIN_VOXELS_SHIFT = 0.25;
    /** Fewest slices with a usable comparison for a measurement. */
    public static final int MIN_SLICES = 6;
    private static final int ROUNDS = 3;
    private static final int MIN_HEAD_VOXELS = 100;
    private static final double[] BINOMIAL = {1, 4, 6, 4, 1};

    public SliceParityShift {
        if (!Double.isFinite(dx) || !Double.isFinite(dy) || !(standardError >= 0) || slices < MIN_SLICES) {
            throw new IllegalArgumentException("need finite displacements, a standard error >= 0 and at least "
                    + MIN_SLICES + " slices, got " + dx + ", " + dy + ", " + standardError + ", " + slices);
        }
    }

    /** Measures the displacement across {@code sliceAxis}, or empty when too few slices can be compared. */
    public static Optional<SliceParityShift> measure(Volume scan, int sliceAxis) {
        Objects.requireNonNull(scan, "scan");
        Affine.checkAxis(sliceAxis);
        double threshold = OtsuThreshold.of(scan);
        SlicePlanes original = SlicePlanes.of(scan, sliceAxis);
        double dx = 0;
        double dy = 0;
        Round round = null;
        for (int r = 0; r < ROUNDS; r++) {
            round = Round.of(smoothed(movedBack(original, dx, dy)), threshold);
            if (round == null) {
                return Optional.empty();
            }
            dx += round.dx;
            dy += round.dy;
        }
        return Optional.of(new SliceParityShift(dx, dy, round.standardError, round.count));
    }

    /** True when the displacement is both clear of the measurement's scatter and at least a quarter of a voxel. */
    public boolean present() {
        double size = Math.hypot(dx, dy);
        return size > DETECTION_Z * standardError && size >= MIN_VOXELS_SHIFT;
    }

    /**
     * The scan with the even and odd slices brought together: the odd ones moved by the whole voxels of {@code d} and
     * half its fraction, the even ones by minus that half (cubic interpolation by at most a quarter of a voxel).
     */
    public Volume corrected(Volume scan, int sliceAxis) {
        Objects.requireNonNull(scan, "scan");
        Affine.checkAxis(sliceAxis);
        return movedBack(SlicePlanes.of(scan, sliceAxis), dx, dy).into(scan, sliceAxis);
    }

    /** "even slices displaced by (1.02, -0.01) voxels from the odd ones (+- 0.03, 40 slices)". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "even slices displaced by (%.2f, %.2f) voxels from the odd ones (+- %.2f,"
                + " %d slices)", dx, dy, standardError, slices);
    }

    /**
     * The slices moved so that the even ones no longer sit at {@code d} from the odd ones: the odd ones by the whole
     * voxels {@code n = round(d)} (exact) plus half the fraction {@code f = d - n}, the even ones by minus half of it.
     * Every slice is interpolated by at most a quarter of a voxel, where moving each by half of {@code d} would
     * interpolate by up to half a voxel and blur the planes more (the profile estimate reads blurrier planes as a
     * narrower profile); the result stays on the even slices' position up to {@code f/2}.
     */
    private static SlicePlanes movedBack(SlicePlanes slices, double dx, double dy) {
        if (dx == 0 && dy == 0) {
            return slices;
        }
        long nx = Math.round(dx);
        long ny = Math.round(dy);
        double fx = dx - nx;
        double fy = dy - ny;
        float[][] planes = slices.planes();
        float[][] moved = new float[planes.length][];
        for (int j = 0; j < planes.length; j++) {
            moved[j] = j % 2 == 0 ? CubicShift.shift(planes[j], slices.nu(), slices.nv(), -fx / 2, -fy / 2)
                    : CubicShift.shift(planes[j], slices.nu(), slices.nv(), nx + fx / 2, ny + fy / 2);
        }
        return new SlicePlanes(moved, slices.nu(), slices.nv());
    }

    /**
     * Every plane smoothed in-plane with the binomial kernel [1 4 6 4 1] / 16 along each axis (a Gaussian of about 1
     * voxel standard deviation): the same blur on both sides of {@code s_j - n_j = -(-1)^j d . grad n_j} keeps the
     * model, and extends the range where it is linear beyond the width of a sharp, sampled edge.
     */
    private static SlicePlanes smoothed(SlicePlanes slices) {
        int nu = slices.nu();
        int nv = slices.nv();
        float[][] planes = slices.planes();
        float[][] out = new float[planes.length][];
        for (int j = 0; j < planes.length; j++) {
            float[] along = new float[nu * nv];
            for (int b = 0; b < nv; b++) {
                binomial(planes[j], b * nu, 1, nu, along);
            }
            out[j] = new float[nu * nv];
            for (int a = 0; a < nu; a++) {
                binomial(along, a, nu, nv, out[j]);
            }
        }
        return new SlicePlanes(out, nu, nv);
    }

    private static void binomial(float[] in, int start, int stride, int length, float[] out) {
        for (int k = 0; k < length; k++) {
            double sum = 0;
            for (int t = -2; t <= 2; t++) {
                int c = Math.max(0, Math.min(length - 1, k + t));
                sum += BINOMIAL[t + 2] * in[start + stride * c];
            }
            out[start + stride * k] = (float) (sum / 16);
        }
    }

    /** One round: d measured on the slices as they are given. */
    private record Round(double dx, double dy, double standardError, int count) {

        static Round of(SlicePlanes slices, double threshold) {
            float[][] p = slices.planes();
            int n = p.length;
            int nu = slices.nu();
            int nv = slices.nv();
            double[] ex = new double[n];
            double[] ey = new double[n];
            double[] weights = new double[n];
            double total = 0;
            int count = 0;
            double[] interpolated = new double[nu * nv];
            for (int j = 3; j < n - 3; j++) {
                for (int i = 0; i < interpolated.length; i++) {
                    interpolated[i] = slices.neighbours(j, i, true);
                }
                double sxx = 0;
                double sxy = 0;
                double syy = 0;
                double bx = 0;
                double by = 0;
                int voxels = 0;
                for (int b = 1; b < nv - 1; b++) {
                    for (int a = 1; a < nu - 1; a++) {
                        int i = a + nu * b;
                        double s = p[j][i];
                        double m = interpolated[i];
                        if (s <= threshold || m <= threshold) {
                            continue;
                        }
                        double gx = 0.5 * (interpolated[i + 1] - interpolated[i - 1]);
                        double gy = 0.5 * (interpolated[i + nu] - interpolated[i - nu]);
                        double r = s - m;
                        sxx += gx * gx;
                        sxy += gx * gy;
                        syy += gy * gy;
                        bx += gx * r;
                        by += gy * r;
                        voxels++;
                    }
                }
                double det = sxx * syy - sxy * sxy;
                if (voxels < MIN_HEAD_VOXELS || !(det > 0)) {
                    continue;
                }
                // s_j - n_j = -(-1)^j d . grad n_j, solved by least squares
                double sign = j % 2 == 0 ? -1 : 1;
                ex[count] = sign * (syy * bx - sxy * by) / det;
                ey[count] = sign * (sxx * by - sxy * bx) / det;
                weights[count] = voxels;
                total += voxels;
                count++;
            }
            if (count < MIN_SLICES) {
                return null;
            }
            double mx = 0;
            double my = 0;
            for (int k = 0; k < count; k++) {
                mx += weights[k] / total * ex[k];
                my += weights[k] / total * ey[k];
            }
            double vx = 0;
            double vy = 0;
            for (int k = 0; k < count; k++) {
                double w = weights[k] / total;
                vx += w * w * (ex[k] - mx) * (ex[k] - mx);
                vy += w * w * (ey[k] - my) * (ey[k] - my);
            }
            double factor = count / (count - 1.0);
            return new Round(mx, my, Math.sqrt(factor * Math.max(vx, vy)), count);
        }
    }
}
