package org.smorekit.cli;

/** Checks of the --axis and --scale values common to several commands, with messages that say what is allowed. */
final class SliceAxisArguments {

    private SliceAxisArguments() {
    }

    static void requireAxis(int axis) {
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("--axis must be 0, 1 or 2 (the voxel axis i, j or k), got " + axis);
        }
    }

    static void requireScale(double scale) {
        if (!Double.isFinite(scale) || scale < 1) {
            throw new IllegalArgumentException("--scale must be a finite number >= 1, got " + scale);
        }
    }
}
