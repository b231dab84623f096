package org.smorekit.degrade;

/**
 * Catmull-Rom cubic convolution (Keys 1981, a = -0.5) on a sampled line with whole-sample mirror boundaries.
 * Weights for fractional offset t in [0, 1) from samples at base-1, base, base+1, base+2:
 * w(-1) = (-t^3 + 2t^2 - t)/2, w(0) = (3t^3 - 5t^2 + 2)/2, w(1) = (-3t^3 + 4t^2 + t)/2, w(2) = (t^3 - t^2)/2.
 */
public final class CubicInterpolation {
    private CubicInterpolation() {
    }

    /** Writes the weights of the samples at {@code base-1 .. base+2} for fractional offset {@code t} into {@code w}. */
    public static void weights(double t, double[] w) {
        double t2 = t * t, t3 = t2 * t;
        w[0] = (-t3 + 2 * t2 - t) * 0.5;
        w[1] = (3 * t3 - 5 * t2 + 2) * 0.5;
        w[2] = (-3 * t3 + 4 * t2 + t) * 0.5;
        w[3] = (t3 - t2) * 0.5;
    }

    /** Value at {@code base + frac} of the first {@code n} samples of {@code f}. */
    public static double at(double[] f, int n, int base, double frac) {
        double[] w = new double[4];
        weights(frac, w);
        if (base >= 1 && base + 2 <= n - 1) {
            return w[0] * f[base - 1] + w[1] * f[base] + w[2] * f[base + 1] + w[3] * f[base + 2];
        }
        return w[0] * f[LineDegrader.mirror(base - 1, n)] + w[1] * f[LineDegrader.mirror(base, n)]
                + w[2] * f[LineDegrader.mirror(base + 1, n)] + w[3] * f[LineDegrader.mirror(base + 2, n)];
    }
}
