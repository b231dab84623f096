package org.smorekit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --interleave-correction auto|off}: whether what an interleaved acquisition leaves between its even and odd
 * slices ({@link InterleaveArtifacts}: an intensity alternation, an in-plane displacement) is corrected before anything
 * else. Mixed into the commands that read one thick-slice scan, and into {@code cohort}.
 */
public final class InterleaveCorrectionOption {

    /** The option's values. */
    enum Mode { auto, off }

    @Option(names = "--interleave-correction", paramLabel = "<auto|off>", defaultValue = "auto",
            description = "auto: when the even and the odd slices differ, as the two passes of an interleaved "
                    + "acquisition leave them, correct it before estimating the profile, training and interpolating, "
                    + "and say so: an intensity difference (cross-talk; found from 1 to 1.5 percent on a 40-slice "
                    + "head) is scaled to the common level, an in-plane displacement (the head moved between the "
                    + "passes; found from a quarter of a voxel) is undone by moving the slices back. Left in, "
                    + "either reads as detail along the slice axis: the profile estimate collapses to an impulse. "
                    + "off: measure and warn only (default: ${DEFAULT-VALUE}).")
    Mode mode = Mode.auto;

    /** Whether what is found is corrected. */
    boolean correct() {
        return mode != Mode.off;
    }

    /** This option as a command-line argument, for a command that runs another. */
    String argument() {
        return "--interleave-correction=" + mode;
    }
}
