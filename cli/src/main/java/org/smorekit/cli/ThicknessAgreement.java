package org.smorekit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smorekit.estimator.ProfileEstimate;

/**
 * Checks an estimated slice profile against the scan's nominal slice thickness: an FWHM more than
 * {@link NominalSliceThickness#AGREEMENT_FACTOR} times off the thickness ({@link NominalSliceThickness#disagreement})
 * is one more warning of the estimate, so it is recorded with the estimator's own warnings (profile.json, report.json,
 * cohort's "flagged") and, like them, makes {@code run} and {@code sr} fall back on the assumed profile, a box as
 * wide as the thickness ({@link TrainingProfile}). Without a known thickness the estimate is returned unchanged.
 */
final class ThicknessAgreement {
    private ThicknessAgreement() {
    }

    /**
     * @param estimate         the estimator's result
     * @param thickness        the nominal thickness, if known
     * @param inPlaneSpacingMm the spacing of the profile's taps, mm (to turn its FWHM into mm)
     * @return {@code estimate}, with the disagreement added to its warnings when there is one
     */
    static ProfileEstimate check(ProfileEstimate estimate, Optional<NominalSliceThickness> thickness,
                                 double inPlaneSpacingMm) {
        Optional<String> disagreement = thickness
                .flatMap(t -> t.disagreement(estimate.fwhmVoxels() * inPlaneSpacingMm));
        if (disagreement.isEmpty()) {
            return estimate;
        }
        List<String> warnings = new ArrayList<>(estimate.warnings());
        warnings.add(disagreement.get());
        return new ProfileEstimate(estimate.profile(), estimate.iterations(), estimate.iterationsSaved(),
                estimate.seconds(), warnings, estimate.notes(), estimate.fwhmTrace(), estimate.timing(),
                estimate.runFwhmVoxels(), estimate.runMismatch(), estimate.spectralFit(),
                estimate.spectralFitMismatch());
    }
}
