package org.smorekit.degrade;

/**
 * The half-maximum crossings of a sampled, single-peaked curve, found by linear interpolation (as espreso2's
 * {@code calc_fwhm}): {@code left} and {@code right} are fractional tap positions, {@code width = right - left}.
 */
public record HalfMaximum(double left, double right) {

    public double width() {
        return right - left;
    }

    /** Crossings of {@code max/2}; samples outside the array count as 0. */
    public static HalfMaximum of(double[] v) {
        if (v.length == 0) {
            throw new IllegalArgumentException("need at least one sample");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (!(max > 0)) {
            throw new IllegalArgumentException("curve has no positive maximum");
        }
        double half = max / 2;
        int first = 0;
        while (v[first] < half) {
            first++;
        }
        int last = v.length - 1;
        while (v[last] < half) {
            last--;
        }
        double outerLeft = first > 0 ? v[first - 1] : 0;
        double outerRight = last < v.length - 1 ? v[last + 1] : 0;
        double left = first - (v[first] - half) / (v[first] - outerLeft);
        double right = last + (v[last] - half) / (v[last] - outerRight);
        return new HalfMaximum(left, right);
    }
}
