package org.smorekit.metrics;

import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.volume.Volume;

/**
 * How well an estimated slice profile stands in for the true one, on the profile itself and on the scan it produces
 * (issue 3, "Accuracy"):
 *
 * <ul>
 *   <li>{@link #profile()}: profile error {@code sum_i |k_est(i) - k_true(i)|} with the centre taps aligned and FWHM
 *       error {@code |FWHM_est - FWHM_true|} ({@link ProfileComparison}), in voxels of the isotropic grid;</li>
 *   <li>{@link #scans()}: the isotropic volume degraded along {@code axis} by the estimate (the test) against the same
 *       volume degraded by the truth (the reference), both through the project's forward model
 *       ({@link ThickSliceSimulator}, so on the same thick-slice grid, no resampling), scored as the {@code compare}
 *       command does: PSNR and 3-D SSIM ({@link Comparison#compare(Volume, Volume, Mask)}) inside the head mask of
 *       the reference ({@link HeadMask}), data range R = max - min of the whole reference ({@link DataRange}).</li>
 * </ul>
 *
 * <p>An estimate equal to the truth gives PSNR {@link Double#POSITIVE_INFINITY} (identical scans), SSIM 1 and both
 * profile errors 0.
 *
 * @param profile profile and FWHM errors
 * @param scans   PSNR / SSIM of the scan degraded by the estimate against the scan degraded by the truth
 */
public record ProfileAccuracy(ProfileComparison profile, Comparison scans) {

    public ProfileAccuracy {
        if (profile == null || scans == null) {
            throw new IllegalArgumentException("profile and scans comparisons must not be null");
        }
    }

    /**
     * Scores {@code estimate} against {@code truth} on the isotropic volume {@code iso} degraded at {@code scale}
     * along {@code axis}. The profiles are sampled on {@code iso}'s grid along {@code axis}; the FWHM error in mm
     * uses {@code iso}'s spacing along that axis.
     *
     * @throws IllegalArgumentException for a null argument, or a scale / axis the forward model rejects
     */
    public static ProfileAccuracy of(Volume iso, SliceProfile truth, SliceProfile estimate, double scale, int axis) {
        if (iso == null || truth == null || estimate == null) {
            throw new IllegalArgumentException("iso, truth and estimate must not be null");
        }
        Volume reference = ThickSliceSimulator.simulate(iso, truth, scale, axis);
        Volume test = ThickSliceSimulator.simulate(iso, estimate, scale, axis);
        Comparison scans = Comparison.compare(reference, test, HeadMask.of(reference));
        return new ProfileAccuracy(ProfileComparison.of(estimate, truth, iso.spacingMm()[axis]), scans);
    }

    /** |FWHM_est - FWHM_true| in voxels. */
    public double fwhmErrorVoxels() {
        return profile.fwhmErrorVoxels();
    }

    /** {@code sum_i |k_est(i) - k_true(i)|}, centre taps aligned (0 to 2, no unit). */
    public double profileError() {
        return profile.profileError();
    }

    /** PSNR in dB inside the head mask; {@link Double#POSITIVE_INFINITY} for identical scans. */
    public double psnrDb() {
        return scans.psnrDb();
    }

    /** Mean 3-D SSIM inside the head mask. */
    public double ssim() {
        return scans.ssim();
    }
}
