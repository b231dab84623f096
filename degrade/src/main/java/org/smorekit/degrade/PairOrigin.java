package org.smorekit.degrade;

/**
 * Provenance of one training pair, in the coordinates of the slice-axis-last volume it was cut from.
 *
 * @param plane         index along axis 2 (the in-plane slice)
 * @param degradedAxis  0 or 1: the in-plane axis that was blurred and resampled (the patch's columns)
 * @param flipDegraded  whether the degraded line was reversed before degradation
 * @param flipRows      whether the patch rows run backwards along the other in-plane axis
 * @param rowStart      first voxel of the patch along the other in-plane axis (before the row flip)
 * @param lrStart       first low-resolution sample (index into the degraded, possibly reversed, line)
 * @param hrStart       first high-resolution target voxel along the (possibly reversed) degraded line
 */
public record PairOrigin(int plane, int degradedAxis, boolean flipDegraded, boolean flipRows, int rowStart,
                         int lrStart, int hrStart) {
}
