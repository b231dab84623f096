package org.smorekit.degrade;

/**
 * Catmull-Rom cubic convolution (Keys 1981, a = -0.5) on a sampled line with whole-sample mirror boundaries.
 * Weights for fractional offset t in [0, 1) from samples at base-1, base, base+1, base+2:
 * w(-1) = (-t^3 + 2t^2 - t)/2, w(0) = (3t^3 - 5t^2 + 2)/2, w(1) = (-3t^3 + 4t^2 + t)/2, w(2) = (t^3 - t^2)/2.
 */
public final class CubicInterpolation {
    private CubicInterpolation() {
    }

    /** Value at {@code base + frac} of the first {@code n} samples of {@code f}. */
    public static double at(double[] f, int n, int base, double frac) {
        double t = frac, t2 = t * t, t3 = t2 * t;
        double w0 = (-t3 + 2 * t2 - t) * 0.5;
        double w1 = (3 * t3 - 5 * t2 + 2) * 0.5;
        double w2 = (-3 * t3 + 4 * t2 + t) * 0.5;
        double w3 = (t3 - t2) * 0.5;
        if (base >= 1 && base + 2 <= n - 1) {
            return w0 * f[base - 1] + w1 * f[base] + w2 * f[base + 1] + w3 * f[base + 2];
        }
        return w0 * f[LineDegrader.mirror(base - 1, n)] + w1 * f[LineDegrader.mirror(base, n)]
                + w2 * f[LineDegrader.mirror(base + 1, n)] + w3 * f[LineDegrader.mirror(base + 2, n)];
    }
}
