package org.smorekit.cli;

import java.util.Optional;

import org.smorekit.estimator.ProfileEstimator;
import org.smorekit.smore.SmoreOptions;
import org.smorekit.smore.SmoreTrainer;
import org.smorekit.volume.SliceGeometry;

/**
 * Refuses a scan the estimator cannot learn a slice profile from (fewer than 16 slices, or in-plane smaller than one
 * patch; {@link ProfileEstimator#sizeProblem}) before any estimator work, and says what the user can do instead:
 * super-resolve with an assumed profile ({@link AssumedProfile}: a box as wide as the nominal slice thickness when it
 * is known, else a Gaussian as wide as the slice spacing), when SR's own size check
 * ({@link TooSmallForSr}) accepts the scan with that profile (adding {@code --quick} when only its smaller patch
 * fits); otherwise that the scan is too small for SR as well, with SR's numbers. Never falls back by itself.
 */
final class TooSmallToEstimate {
    private TooSmallToEstimate() {
    }

    /** @throws IllegalArgumentException (bad input) with the estimator's reason and the alternative */
    static void check(ThickSliceScan scan, ProfileEstimator estimator) {
        Optional<String> problem = estimator.sizeProblem(scan.volume().shape(), scan.axis(), scan.scale());
        if (problem.isPresent()) {
            throw new IllegalArgumentException(scan.path() + ": " + problem.get() + "; "
                    + alternative(scan.volume().shape(), scan.geometry(), scan.thickness()));
        }
    }

    /**
     * "the slice profile cannot be estimated from so small a scan: run 'smorekit sr --profile rect:5mm' ...", with
     * {@code --quick} added when only that preset's patch fits, or "...; it is too small for SR with an assumed
     * profile as well: ..." when SR refuses the scan too.
     */
    static String alternative(int[] shape, SliceGeometry g, Optional<NominalSliceThickness> thickness) {
        String mm = VolumeText.number(thickness.map(NominalSliceThickness::mm).orElse(g.sliceSpacingMm()));
        AssumedProfile profile = AssumedProfile.of(g.scale(), thickness, g.inPlaneSpacingMm());
        String spec = profile.shape().spec(mm);
        int taps = profile.profile().length();
        String cannot = "the slice profile cannot be estimated from so small a scan";
        String assumed = " with an assumed profile (here a " + profile.shape().title() + " as wide as the " + thickness
                .map(t -> "nominal slice thickness " + t.describe()).orElse(mm + " mm slice spacing") + ")";
        SmoreOptions defaults = SmoreOptions.defaults();
        Optional<String> srProblem = TooSmallForSr.problem(shape, g.axis(), g.scale(), defaults, false, taps);
        if (srProblem.isEmpty()) {
            return cannot + ": run 'smorekit sr --profile " + spec + "'" + assumed;
        }
        Optional<String> quickProblem = TooSmallForSr.problem(shape, g.axis(), g.scale(), SmoreOptions.quick(), true,
                taps);
        if (quickProblem.isEmpty()) {
            return cannot + ": run 'smorekit sr --profile " + spec + " --quick'" + assumed + "; SR's default patch does"
                    + " not fit: " + new SmoreTrainer(defaults)
                    .sizeProblem(shape, g.axis(), g.scale(), taps).orElseThrow();
        }
        return cannot + ", and it is too small for SR with an assumed profile ('smorekit sr --profile " + spec + "')"
                + " as well: " + srProblem.get();
    }
}
