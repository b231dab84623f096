package org.smorekit.metrics;

import org.smorekit.degrade.SliceProfile;

/**
 * How far an estimated slice profile is from the true one.
 *
 * <p>Profile error: {@code E = sum_k |k_est(k) - k_true(k)|} over offsets k from the centre tap, after aligning the centre
 * taps (index {@code K/2} of each) and padding the shorter profile symmetrically with zeros. Both profiles sum to 1,
 * so {@code 0 <= E <= 2}. FWHM error: {@code |FWHM_est - FWHM_true|} by {@link SliceProfile#fwhmVoxels()} (half
 * maximum, linear interpolation), in voxels of the in-plane grid and in mm.
 *
 * @param profileError     sum of absolute differences, centres aligned (no unit)
 * @param fwhmEstimatedVoxels FWHM of the estimate in voxels
 * @param fwhmTrueVoxels   FWHM of the truth in voxels
 * @param fwhmErrorVoxels  |fwhmEstimatedVoxels - fwhmTrueVoxels|
 * @param fwhmErrorMm      fwhmErrorVoxels times the in-plane spacing
 */
public record ProfileComparison(double profileError, double fwhmEstimatedVoxels, double fwhmTrueVoxels,
        double fwhmErrorVoxels, double fwhmErrorMm) {

    /**
     * Compares {@code estimate} with {@code truth}, both sampled on the in-plane grid of spacing
     * {@code inPlaneSpacingMm}.
     */
    public static ProfileComparison of(SliceProfile estimate, SliceProfile truth, double inPlaneSpacingMm) {
        if (!(inPlaneSpacingMm > 0) || Double.isInfinite(inPlaneSpacingMm)) {
            throw new IllegalArgumentException("inPlaneSpacingMm must be finite and > 0, got " + inPlaneSpacingMm);
        }
        double fwhmEst = estimate.fwhmVoxels();
        double fwhmTrue = truth.fwhmVoxels();
        double fwhmError = Math.abs(fwhmEst - fwhmTrue);
        return new ProfileComparison(profileError(estimate, truth), fwhmEst, fwhmTrue, fwhmError,
                fwhmError * inPlaneSpacingMm);
    }

    /** {@code sum |a - b|} with centre taps aligned, the shorter padded symmetrically with zeros. */
    public static double profileError(SliceProfile a, SliceProfile b) {
        int half = Math.max(a.centre(), b.centre());
        double sum = 0;
        for (int offset = -half; offset <= half; offset++) {
            sum += Math.abs(tap(a, offset) - tap(b, offset));
        }
        return sum;
    }

    private static double tap(SliceProfile p, int offset) {
        int i = p.centre() + offset;
        return i >= 0 && i < p.length() ? p.value(i) : 0;
    }
}
