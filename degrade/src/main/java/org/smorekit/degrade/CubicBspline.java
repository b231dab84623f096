package org.smorekit.degrade;

/**
 * Cubic B-spline interpolation of a sampled line with a whole-sample mirror boundary, as scipy.ndimage's
 * {@code map_coordinates(order=3, mode="mirror")}.
 *
 * <p>The interpolant is {@code g(x) = sum_k c[k] beta3(x - k)} with the cubic B-spline
 * {@code beta3(x) = 2/3 - x^2 + |x|^3/2} for {@code |x| < 1}, {@code (2 - |x|)^3/6} for {@code 1 <= |x| < 2}, else 0.
 * The coefficients make it interpolate the samples, {@code f[k] = (c[k-1] + 4 c[k] + c[k+1]) / 6}; they are found by
 * the recursive prefilter of Unser, Aldroubi and Eden (IEEE TSP 41(2), 1993; Unser, IEEE SPM 16(6), 1999): gain 6,
 * a causal then an anti-causal first-order filter with pole {@code z = sqrt(3) - 2}, initialised exactly for the
 * mirror-symmetric extension {@code f(-k) = f(k)}, {@code f(n-1+k) = f(n-1-k)} (whose coefficients have the same
 * symmetry, so evaluation mirrors coefficient indices).
 */
public final class CubicBspline {
    /** The pole of the cubic B-spline prefilter, {@code sqrt(3) - 2}. */
    public static final double POLE = Math.sqrt(3) - 2;

    private CubicBspline() {
    }

    /** Replaces the first {@code n} samples of {@code f} by their interpolating B-spline coefficients. */
    public static void prefilter(double[] f, int n) {
        if (n < 1 || n > f.length) {
            throw new IllegalArgumentException("need 1 <= n <= " + f.length + ", got " + n);
        }
        if (n == 1) {
            return;
        }
        double z = POLE;
        double gain = (1 - z) * (1 - 1 / z); // = 6
        for (int k = 0; k < n; k++) {
            f[k] *= gain;
        }
        f[0] = causalInit(f, n, z);
        for (int k = 1; k < n; k++) {
            f[k] += z * f[k - 1];
        }
        f[n - 1] = (z / (z * z - 1)) * (f[n - 1] + z * f[n - 2]);
        for (int k = n - 2; k >= 0; k--) {
            f[k] = z * (f[k + 1] - f[k]);
        }
    }

    /**
     * The first causal coefficient for the mirror-symmetric extension, summed exactly over one period:
     * {@code c+[0] = (f[0] + z^(n-1) f[n-1] + sum_{k=1}^{n-2} (z^k + z^(2n-2-k)) f[k]) / (1 - z^(2n-2))}.
     */
    private static double causalInit(double[] f, int n, double z) {
        double zn = z;
        double iz = 1 / z;
        double z2n = Math.pow(z, n - 1);
        double sum = f[0] + z2n * f[n - 1];
        z2n *= z2n * iz;
        for (int k = 1; k < n - 1; k++) {
            sum += (zn + z2n) * f[k];
            zn *= z;
            z2n *= iz;
        }
        return sum / (1 - zn * zn);
    }

    /**
     * Weights of the coefficients at {@code base-1 .. base+2} for fractional offset {@code t in [0, 1)}:
     * {@code (1-t)^3/6, (3t^3 - 6t^2 + 4)/6, (-3t^3 + 3t^2 + 3t + 1)/6, t^3/6} (they sum to 1).
     */
    public static double[] weights(double t) {
        double s = 1 - t;
        double t2 = t * t, t3 = t2 * t;
        return new double[] {s * s * s / 6, (3 * t3 - 6 * t2 + 4) / 6, (-3 * t3 + 3 * t2 + 3 * t + 1) / 6, t3 / 6};
    }

    /** The interpolant at {@code x} (any real; mirrored into the line) from coefficients {@code c[0..n)}. */
    public static double at(double[] c, int n, double x) {
        int base = (int) Math.floor(x);
        double[] w = weights(x - base);
        double w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3];
        if (base >= 1 && base + 2 <= n - 1) {
            return w0 * c[base - 1] + w1 * c[base] + w2 * c[base + 1] + w3 * c[base + 2];
        }
        return w0 * c[LineDegrader.mirror(base - 1, n)] + w1 * c[LineDegrader.mirror(base, n)]
                + w2 * c[LineDegrader.mirror(base + 1, n)] + w3 * c[LineDegrader.mirror(base + 2, n)];
    }
}
