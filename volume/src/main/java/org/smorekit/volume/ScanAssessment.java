package org.smorekit.volume;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether slice-axis super-resolution applies to a scan, and why: the non-throwing form of
 * {@link SliceGeometry#detect}, for reports such as {@code smorekit info}.
 *
 * @param applies   true when a slice geometry was found
 * @param reason    one line: the geometry when it applies, else why not (isotropic, in-plane mismatch, ...)
 * @param geometry  the geometry when it applies
 */
public record ScanAssessment(boolean applies, String reason, Optional<SliceGeometry> geometry) {

    public ScanAssessment {
        if (reason == null || geometry == null) {
            throw new IllegalArgumentException("reason and geometry must not be null");
        }
        if (applies != geometry.isPresent()) {
            throw new IllegalArgumentException("a geometry is given exactly when SR applies");
        }
    }

    public static ScanAssessment of(Volume volume, OptionalInt axis) {
        return of(volume.spacingMm(), axis);
    }

    /** Assesses voxel spacings (mm), e.g. from an affine read without the voxels. */
    public static ScanAssessment of(double[] spacingMm, OptionalInt axis) {
        try {
            SliceGeometry g = SliceGeometry.detect(spacingMm, axis);
            if (g.scale() <= 1 + SliceGeometry.TOLERANCE) {
                return new ScanAssessment(false, "the chosen axis " + g.axis() + " is not coarser than the in-plane"
                        + " pixels (" + g + "): nothing to super-resolve", Optional.empty());
            }
            return new ScanAssessment(true, g.toString(), Optional.of(g));
        } catch (ScanGeometryException e) {
            return new ScanAssessment(false, e.getMessage(), Optional.empty());
        }
    }
}
