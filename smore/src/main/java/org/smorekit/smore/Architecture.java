package org.smorekit.smore;

/**
 * The EDSR-style network's hyper-parameters (Lim et al., "Enhanced deep residual networks for single image
 * super-resolution", CVPRW 2017): a 3x3 head convolution to {@code channels}, {@code blocks} residual blocks
 * {@code x + residualScaling * conv(relu(conv(x)))}, a body-closing convolution with a long skip, and a tail
 * convolution to {@code subPixels} outputs per input sample.
 *
 * @param blocks          residual blocks (>= 1)
 * @param channels        feature channels (>= 1)
 * @param residualScaling factor on each block's residual branch (0.1 as in EDSR)
 * @param upsampling      where the network works along the slice axis
 * @param subPixels       outputs per input sample along the slice axis: {@code ceil(scale)} for
 *                        {@link Upsampling#LR_GRID}, 1 for {@link Upsampling#PRE_INTERPOLATED}
 */
public record Architecture(int blocks, int channels, double residualScaling, Upsampling upsampling, int subPixels) {
    public Architecture {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        if (!(residualScaling > 0) || !Double.isFinite(residualScaling)) {
            throw new IllegalArgumentException("residualScaling must be > 0, got " + residualScaling);
        }
        if (upsampling == null) {
            throw new IllegalArgumentException("upsampling must not be null");
        }
        if (subPixels < 1) {
            throw new IllegalArgumentException("subPixels must be >= 1, got " + subPixels);
        }
    }

    /** The architecture for a scale: sub-pixels {@code ceil(scale)} on the low-resolution grid, else 1. */
    public static Architecture of(int blocks, int channels, double residualScaling, Upsampling upsampling,
                                  double scale) {
        int r = upsampling == Upsampling.LR_GRID ? (int) Math.ceil(scale - 1e-9) : 1;
        return new Architecture(blocks, channels, residualScaling, upsampling, r);
    }
}
