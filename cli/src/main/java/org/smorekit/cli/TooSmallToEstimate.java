package org.smorekit.cli;

import java.util.Optional;

import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.volume.SliceGeometry;

/**
 * Refuses a scan the estimator cannot learn a slice profile from (fewer than 16 slices, or in-plane smaller than one
 * patch; {@link ProfileEstimator#sizeProblem}) before any estimator work, and says what the user can do instead:
 * super-resolve with an assumed profile, a Gaussian as wide as the slice spacing. Never falls back by itself.
 */
final class TooSmallToEstimate {
    private TooSmallToEstimate() {
    }

    /** @throws IllegalArgumentException (bad input) with the estimator's reason and the alternative */
    static void check(ThickSliceScan scan, ProfileEstimator estimator) {
        Optional<String> problem = estimator.sizeProblem(scan.volume().shape(), scan.axis(), scan.scale());
        if (problem.isPresent()) {
            throw new IllegalArgumentException(scan.path() + ": " + problem.get() + "; " + alternative(scan.geometry()));
        }
    }

    /** "the slice profile cannot be estimated from so small a scan: run 'smorekit sr --profile gaussian:5mm' ...". */
    static String alternative(SliceGeometry g) {
        String mm = VolumeText.number(g.sliceSpacingMm());
        return "the slice profile cannot be estimated from so small a scan: run 'smorekit sr --profile gaussian:" + mm
                + "mm' with an assumed profile (here a Gaussian as wide as the " + mm + " mm slice spacing)";
    }
}
