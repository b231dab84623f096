package org.smorekit.metrics;

import org.smorekit.estimator.ProfileEstimate;

/**
 * The remaining through-plane blur of a volume, as measured by {@link ResolutionMeter}.
 *
 * @param axis             the voxel axis measured (the slice axis of the acquisition)
 * @param fwhmVoxels       FWHM of the estimated relative profile, in in-plane voxels
 * @param fwhmMm           {@code fwhmVoxels * inPlaneSpacingMm}
 * @param inPlaneSpacingMm mean spacing of the two other axes, mm
 * @param axisSpacingMm    spacing along {@code axis}, mm (equal to the in-plane spacing for a super-resolved output)
 * @param estimate         the estimator's full result at scale 1 (profile, iterations, warnings, timing)
 */
public record ResolutionMeasurement(int axis, double fwhmVoxels, double fwhmMm, double inPlaneSpacingMm,
        double axisSpacingMm, ProfileEstimate estimate) {
}
