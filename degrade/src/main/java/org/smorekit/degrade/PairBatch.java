package org.smorekit.degrade;

import java.util.List;

/**
 * A batch of super-resolution training pairs in NHWC order with one channel: pair {@code p}, row {@code h} (the
 * undegraded in-plane axis) and column {@code w} (the degraded axis) is at {@code (p * height + h) * width + w}.
 *
 * <p>Column {@code c} of the low-resolution patch sits at column {@code c * scale} of the high-resolution line it came
 * from; high-resolution target column {@code i} sits at {@code phase[p] + i} on the same axis, i.e. at low-resolution
 * coordinate {@code (phase[p] + i) / scale}. For an integer scale the phase is always 0.
 *
 * @param count   number of pairs
 * @param height  rows per patch
 * @param lrWidth low-resolution columns per patch
 * @param hrWidth high-resolution target columns per patch
 * @param lr      low-resolution inputs, {@code count * height * lrWidth}
 * @param hr      high-resolution targets, {@code count * height * hrWidth}
 * @param phase   offset in high-resolution voxels of target column 0 from low-resolution column 0, in [0, 1)
 * @param origins where each pair came from (for tests and diagnostics)
 */
public record PairBatch(int count, int height, int lrWidth, int hrWidth, float[] lr, float[] hr, double[] phase,
                        List<PairOrigin> origins) {
}
