package org.smorekit.metrics;

/**
 * A mean SSIM and how it was obtained.
 *
 * @param value     mean SSIM over the evaluated voxels, in [-1, 1]
 * @param mode      3-D windows or 2-D per-slice windows
 * @param sliceAxis the axis perpendicular to the slices for {@link SsimMode#SLICES_2D}; null for
 *                  {@link SsimMode#VOLUME_3D}
 * @param voxels    number of voxels averaged (mask voxels at least the window radius away from the filtered borders)
 */
public record SsimResult(double value, SsimMode mode, Integer sliceAxis, long voxels) {
}
