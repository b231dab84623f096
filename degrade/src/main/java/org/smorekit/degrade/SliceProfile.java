package org.smorekit.degrade;

import java.util.Arrays;

/**
 * A relative slice profile k: a nonnegative 1-D kernel that sums to 1, sampled on the in-plane voxel grid, with an odd
 * number of taps K whose centre tap {@code K/2} (integer division) sits at offset 0.
 *
 * <p>Applying it along the slice axis of an isotropic image (then resampling) simulates a thick-slice acquisition;
 * see Han et al., "MR slice profile estimation by learning to match internal patch distributions", IPMI 2021.
 */
public record SliceProfile(double[] values) {

    /** Validates and normalises to sum 1 (a copy). Length must be odd; values finite, nonnegative, not all zero. */
    public SliceProfile {
        if (values == null || values.length == 0 || values.length % 2 == 0) {
            throw new IllegalArgumentException("a slice profile needs an odd number of taps, got "
                    + (values == null ? "null" : values.length));
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("slice profile values must be finite and >= 0, got " + v);
            }
            sum += v;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("slice profile values must not all be zero");
        }
        double[] norm = new double[values.length];
        for (int i = 0; i < norm.length; i++) {
            norm[i] = values[i] / sum;
        }
        values = norm;
    }

    /** A copy of the taps. */
    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    /** Index of the tap at offset 0. */
    public int centre() {
        return values.length / 2;
    }

    public double value(int tap) {
        return values[tap];
    }

    /**
     * Full width at half maximum in voxels of the sampling grid: the first and last taps at or above half the maximum,
     * each extended to the half-maximum crossing by linear interpolation with its outer neighbour (a tap outside the
     * kernel counts as 0). A sampled Gaussian of FWHM 4 gives 4.000; a rect of integer width w gives w (fractional
     * widths: see {@link Profiles#rect(double)}).
     */
    public double fwhmVoxels() {
        return HalfMaximum.of(values).width();
    }

    /** FWHM in mm given the in-plane voxel spacing. */
    public double fwhmMm(double inPlaneSpacingMm) {
        return fwhmVoxels() * inPlaneSpacingMm;
    }

    /** The impulse (no extra blur) of length K. */
    public static SliceProfile impulse(int length) {
        double[] v = new double[length];
        v[length / 2] = 1;
        return new SliceProfile(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliceProfile p && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return String.format("SliceProfile[K=%d, FWHM %.3f voxels]", values.length, fwhmVoxels());
    }
}
