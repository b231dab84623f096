package org.smorekit.cli;

import java.util.Optional;

import org.smorekit.degrade.TrainingPairs;
import org.smorekit.estimator.EstimatorOptions;
import org.smorekit.smore.SmoreOptions;
import org.smorekit.smore.SmoreTrainer;

/**
 * Refuses a scan SMORE cannot train on (an in-plane axis shorter than one training patch with its profile margins,
 * or fewer than 2 slices; {@link SmoreTrainer#sizeProblem}) right after reading it, before any estimator or training
 * work, and says how to get there: the {@code --quick} preset's smaller patch when that one fits.
 */
final class TooSmallForSr {
    private TooSmallForSr() {
    }

    /**
     * The longest profile SR may train with after estimating one: the estimate's K taps, or the assumed profile (a
     * box as wide as the nominal slice thickness when known, else a Gaussian as wide as the slice spacing) that
     * replaces a flagged estimate ({@link TrainingProfile}).
     */
    static int estimatedProfileLength(EstimatorOptions estimator, AssumedProfile assumed) {
        return Math.max(estimator.profileLength(), assumed.profile().length());
    }

    /** @throws IllegalArgumentException (bad input) with SR's reason, the numbers and what to do instead */
    static void check(ThickSliceScan scan, SmoreOptions options, boolean quick, int profileLength) {
        problem(scan.volume().shape(), scan.axis(), scan.scale(), options, quick, profileLength)
                .ifPresent(p -> {
                    throw new IllegalArgumentException(scan.path() + ": " + p);
                });
    }

    /**
     * SR's reason for refusing a scan of this shape, with the way out, or empty: "in-plane size ... need at least 69
     * voxels (SR patch size 48 ...); --quick's smaller patch (32 voxels) needs 53: add --quick (...)", or "...; even
     * --quick's smaller patch (32 voxels) needs 53 voxels".
     */
    static Optional<String> problem(int[] shape, int axis, double scale, SmoreOptions options, boolean quick,
                                    int profileLength) {
        Optional<String> problem = new SmoreTrainer(options).sizeProblem(shape, axis, scale, profileLength);
        SmoreOptions small = SmoreOptions.quick();
        if (problem.isEmpty() || quick || shape[axis] < 2 || small.lrWidth(scale) >= options.lrWidth(scale)) {
            return problem;
        }
        int need = TrainingPairs.minimumLineLength(profileLength, scale, small.lrWidth(scale));
        String patch = "--quick's smaller patch (" + small.patchSize() + " voxels) needs " + need;
        boolean fits = new SmoreTrainer(small).sizeProblem(shape, axis, scale, profileLength).isEmpty();
        return Optional.of(problem.get() + (fits ? "; " + patch + ": add --quick (a smaller network, lower quality)"
                : "; even " + patch + " voxels"));
    }
}
