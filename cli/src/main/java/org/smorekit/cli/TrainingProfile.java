package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.ProfileEstimate;

/**
 * The slice profile SR trains with when the profile was estimated. A wrong profile is worse than none (it teaches the
 * network to over-sharpen or to blur), so when the estimator flags its own result as implausible (or the cli does:
 * an FWHM far from the nominal slice thickness, {@link ThicknessAgreement}) the pipeline does not pass it on silently:
 * it falls back on an assumed profile ({@link AssumedProfile}): a box as wide as the nominal slice thickness when it is
 * known, else SMORE's classic assumption, a Gaussian whose FWHM is the slice spacing ({@code scale} in-plane voxels),
 * and says so in the log, the terminal and the JSON. {@code --keep-flagged-profile} trains with the flagged estimate
 * anyway.
 *
 * @param profile  the profile to train with
 * @param source   "estimated" or "assumed Gaussian, FWHM = slice spacing = 4 in-plane voxels (the estimate was
 *                 flagged)" (or "assumed box, FWHM = nominal slice thickness 5 mm (from X.json) = 5 in-plane
 *                 voxels ...")
 * @param fellBack whether the fallback replaced the estimate
 * @param reasons  the estimator's warnings
 */
record TrainingProfile(SliceProfile profile, String source, boolean fellBack, List<String> reasons) {

    /** The estimate, or when it is flagged (and not kept) SMORE's Gaussian as wide as the slice spacing. */
    static TrainingProfile choose(ProfileEstimate estimate, double scale, boolean keepFlagged) {
        return choose(estimate, AssumedProfile.sliceSpacing(scale), keepFlagged);
    }

    /** The estimate, or when it is flagged (and not kept) the {@code assumed} profile. */
    static TrainingProfile choose(ProfileEstimate estimate, AssumedProfile assumed, boolean keepFlagged) {
        List<String> warnings = estimate.warnings();
        if (warnings.isEmpty() || keepFlagged) {
            return new TrainingProfile(estimate.profile(), "estimated", false, warnings);
        }
        return new TrainingProfile(assumed.profile(), assumed.describe() + " (the estimate was flagged)", true,
                warnings);
    }

    /** One line for the terminal and the log, or empty when the estimate is used as is. */
    String notice() {
        return fellBack ? "the estimated profile was flagged as implausible; training with " + source
                + " instead (use --keep-flagged-profile to train with the estimate)" : "";
    }

    Map<String, Object> toJson(double inPlaneSpacingMm) {
        Map<String, Object> m = new LinkedHashMap<>(ProfileJson.describe(profile, inPlaneSpacingMm, source));
        m.put("fell_back_from_flagged_estimate", fellBack);
        m.put("estimator_warnings", reasons);
        return m;
    }
}
