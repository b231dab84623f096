package org.smorekit.smore;

/** Where the network works along the slice axis. */
public enum Upsampling {
    /**
     * On the thick-slice (low-resolution) grid; the tail predicts {@code r = ceil(scale)} sub-pixels per input sample
     * (pixel shuffle along the slice axis), linearly resampled to the exact output grid, added to a cubic
     * interpolation of the input. About {@code scale} times cheaper than {@link #PRE_INTERPOLATED}.
     */
    LR_GRID,
    /** On the output grid: the input is cubically interpolated first and the network predicts the residual. */
    PRE_INTERPOLATED
}
