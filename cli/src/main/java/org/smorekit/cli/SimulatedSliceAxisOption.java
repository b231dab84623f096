package org.smorekit.cli;

import picocli.CommandLine.Option;

/** {@code --axis} of the commands that simulate a thick-slice scan from an isotropic one: the axis to make thick. */
public final class SimulatedSliceAxisOption {

    @Option(names = "--axis", defaultValue = "2", paramLabel = "<0|1|2>",
            description = "The simulated slice axis (default: ${DEFAULT-VALUE}).")
    int axis;

    /** Refuses an axis other than 0, 1 or 2; call it before any work so that a bad value costs nothing. */
    public void check() {
        SliceAxisArguments.requireAxis(axis);
    }

    /** The axis, checked to be 0, 1 or 2. */
    public int axis() {
        check();
        return axis;
    }
}
