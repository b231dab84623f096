package org.smorekit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --noise-matching auto|off}: whether a noisy scan's noise is modelled, by the slice-profile estimator and by
 * SR training. Mixed into the commands that estimate or train.
 */
public final class NoiseMatchingOption {

    /** The option's values. */
    enum Mode { auto, off }

    @Option(names = "--noise-matching", paramLabel = "<auto|off>", defaultValue = "auto",
            description = "auto: on a noisy scan (signal-to-noise ratio in the head below 50, measured in the slices' "
                    + "planes) the profile estimator gives the noise the same covariance in both directions it "
                    + "compares, and SR training gives its pairs' thick-slice columns the noise a thick slice has; "
                    + "both are logged. off: neither, as on a noise-free scan (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.auto;

    /** Whether the noise is modelled on a noisy scan. */
    boolean on() {
        return mode != Mode.off;
    }

    /** This option as a command-line argument, for a command that runs another. */
    String argument() {
        return "--noise-matching=" + mode;
    }
}
