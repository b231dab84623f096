package org.smorekit.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.ProfileEstimate;

/**
 * The slice profile SR trains with when the profile was estimated. A wrong profile is worse than none (it teaches the
 * network to over-sharpen or to blur), so when the estimator flags its own result as implausible the pipeline does not
 * pass it on silently: it falls back on SMORE's classic assumption, a Gaussian whose FWHM equals the slice spacing
 * ({@code scale} in-plane voxels), and says so in the log, the terminal and the JSON. {@code --keep-flagged-profile}
 * trains with the flagged estimate anyway.
 *
 * @param profile  the profile to train with
 * @param source   "estimated" or "assumed Gaussian, FWHM = slice spacing (the estimate was flagged)"
 * @param fellBack whether the fallback replaced the estimate
 * @param reasons  the estimator's warnings
 */
record TrainingProfile(SliceProfile profile, String source, boolean fellBack, List<String> reasons) {

    static TrainingProfile choose(ProfileEstimate estimate, double scale, boolean keepFlagged) {
        List<String> warnings = estimate.warnings();
        if (warnings.isEmpty() || keepFlagged) {
            return new TrainingProfile(estimate.profile(), "estimated", false, warnings);
        }
        return new TrainingProfile(Profiles.gaussian(scale), String.format(Locale.ROOT,
                "assumed Gaussian, FWHM = slice spacing = %.3g in-plane voxels (the estimate was flagged)", scale),
                true, warnings);
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
