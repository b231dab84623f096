package org.smorekit.volume;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether slice-axis super-resolution applies to a scan, and why: the non-throwing form of what a command does with
 * it, for reports such as {@code smorekit info}. Non-square in-plane pixels are made square as the commands make them
 * ({@link SliceSpacings#squarePixelResampling()}): the scan then applies, with the resampling stated.
 *
 * @param applies    true when a slice geometry was found
 * @param reason     one line: the geometry when it applies (after the in-plane resampling, if any), else why not
 *                   (isotropic, in-plane spacings too far apart, ...)
 * @param geometry   the geometry SR works on, when it applies
 * @param resampling the in-plane resampling that makes the pixels square, when SR applies and needs one
 */
public record ScanAssessment(boolean applies, String reason, Optional<SliceGeometry> geometry,
                             Optional<InPlaneResampling> resampling) {

    public ScanAssessment {
        if (reason == null || geometry == null || resampling == null) {
            throw new IllegalArgumentException("reason, geometry and resampling must not be null");
        }
        if (applies != geometry.isPresent()) {
            throw new IllegalArgumentException("a geometry is given exactly when SR applies");
        }
        if (resampling.isPresent() && !applies) {
            throw new IllegalArgumentException("a resampling is given only when SR applies");
        }
    }

    public static ScanAssessment of(Volume volume, OptionalInt axis) {
        return of(volume.spacingMm(), axis);
    }

    /** Assesses voxel spacings (mm), e.g. from an affine read without the voxels. */
    public static ScanAssessment of(double[] spacingMm, OptionalInt axis) {
        try {
            SliceSpacings spacings = SliceSpacings.detect(spacingMm, axis);
            Optional<InPlaneResampling> resampling = spacings.squarePixelResampling();
            SliceGeometry g = spacings.squarePixelGeometry();
            if (g.scale() <= 1 + SliceGeometry.TOLERANCE) {
                return new ScanAssessment(false, "the chosen axis " + g.axis() + " is not coarser than the in-plane"
                        + " pixels (" + g + "): nothing to super-resolve", Optional.empty(), Optional.empty());
            }
            String reason = resampling.map(r -> r + "; then " + g).orElse(g.toString());
            return new ScanAssessment(true, reason, Optional.of(g), resampling);
        } catch (ScanGeometryException e) {
            return new ScanAssessment(false, e.getMessage(), Optional.empty(), Optional.empty());
        }
    }
}
