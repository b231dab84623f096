package org.smorekit.cli;

import org.smorekit.estimator.ProfileEstimate;

import picocli.CommandLine.Option;

/** {@code --keep-flagged-profile}: which profile SR trains with when the estimator flags its estimate. */
public final class TrainingProfileOptions {

    @Option(names = "--keep-flagged-profile",
            description = "Train with the estimated profile even when the estimator flags it as implausible. By "
                    + "default a flagged estimate is replaced by an assumed profile, and the replacement is "
                    + "reported: a box as wide as the nominal slice thickness when it is known (see "
                    + "--slice-thickness), else SMORE's assumption, a Gaussian with FWHM = slice spacing.")
    boolean keepFlaggedProfile;

    /** The profile to train with: the estimate, or the assumed profile when the estimate is flagged and not kept. */
    TrainingProfile choose(ProfileEstimate estimate, AssumedProfile assumed) {
        return TrainingProfile.choose(estimate, assumed, keepFlaggedProfile);
    }
}
