package org.smorekit.cli;

import org.smorekit.volume.SliceIntensityAlternation;

import picocli.CommandLine.Option;

/**
 * {@code --slice-intensities auto|keep}: whether even and odd slices whose intensities differ (an interleaved
 * acquisition's cross-talk, {@link SliceIntensityAlternation}) are brought to a common level before anything else.
 * Mixed into the commands that read one thick-slice scan, and into {@code cohort}.
 */
public final class SliceIntensitiesOption {

    /** The option's values. */
    enum Mode { auto, keep }

    @Option(names = "--slice-intensities", paramLabel = "<auto|keep>", defaultValue = "auto",
            description = "auto: when even and odd slices differ in intensity (the cross-talk of an interleaved "
                    + "acquisition; found when the difference is at least 1 percent and 3 standard errors of its "
                    + "measurement: from 1 to 1.5 percent on a 40-slice head), scale both to their common level "
                    + "before estimating the profile, training and interpolating, and say so. Left in, the "
                    + "alternation reads as detail along the slice axis: the profile estimate collapses to an "
                    + "impulse. keep: use the slices as they are (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.auto;

    /** Whether an alternation found is corrected. */
    boolean correct() {
        return mode != Mode.keep;
    }

    /** This option as a command-line argument, for a command that runs another. */
    String argument() {
        return "--slice-intensities=" + mode;
    }
}
