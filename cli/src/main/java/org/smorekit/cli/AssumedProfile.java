package org.smorekit.cli;

import java.util.Locale;
import java.util.Optional;

import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;

/**
 * The slice profile assumed when no trustworthy estimate exists. With a known nominal slice thickness
 * ({@link NominalSliceThickness}) it is a box as wide as the thickness: the thickness of a 2-D multi-slice acquisition
 * is the width of a nearly box-shaped slab, and with gaps (thickness 5 mm, spacing 6 mm) it is the better guess of
 * that width. Without it, SMORE's classic assumption: a Gaussian whose FWHM is the slice spacing, i.e. {@code scale}
 * in-plane voxels. At the same FWHM a Gaussian has 1.47 times a box's standard deviation, so assuming it for a box
 * teaches SR to remove more blur than the scan has (docs/benchmarks.md, "The assumed profile's shape").
 *
 * @param shape      a Gaussian or a box
 * @param fwhmVoxels the FWHM in in-plane voxels
 * @param width      what the FWHM equals, for a person: "slice spacing = 4 in-plane voxels", "nominal slice
 *                   thickness 5 mm (from X.json) = 5.56 in-plane voxels"
 */
record AssumedProfile(Shape shape, double fwhmVoxels, String width) {

    /** The assumed profile's shape, with its name for a person and the prefix of its {@code --profile} form. */
    enum Shape {
        GAUSSIAN("Gaussian", "gaussian"),
        BOX("box", "rect");

        private final String title;
        private final String spec;

        Shape(String title, String spec) {
            this.title = title;
            this.spec = spec;
        }

        /** "Gaussian" or "box". */
        String title() {
            return title;
        }

        /** The {@code --profile} form of this shape with an FWHM of {@code mm} mm: "gaussian:4mm", "rect:5mm". */
        String spec(String mm) {
            return spec + ":" + mm + "mm";
        }
    }

    AssumedProfile {
        if (shape == null) {
            throw new IllegalArgumentException("shape must be given");
        }
        if (!(fwhmVoxels > 0) || !Double.isFinite(fwhmVoxels)) {
            throw new IllegalArgumentException("fwhmVoxels must be a finite number > 0, got " + fwhmVoxels);
        }
    }

    /** SMORE's assumption: a Gaussian with FWHM = slice spacing = {@code scale} in-plane voxels. */
    static AssumedProfile sliceSpacing(double scale) {
        return new AssumedProfile(Shape.GAUSSIAN, scale, String.format(Locale.ROOT,
                "slice spacing = %.3g in-plane voxels", scale));
    }

    /** A box as wide as the nominal thickness when it is known, else the Gaussian as wide as the slice spacing. */
    static AssumedProfile of(double scale, Optional<NominalSliceThickness> thickness, double inPlaneSpacingMm) {
        if (thickness.isEmpty()) {
            return sliceSpacing(scale);
        }
        NominalSliceThickness t = thickness.get();
        double voxels = t.voxels(inPlaneSpacingMm);
        return new AssumedProfile(Shape.BOX, voxels, String.format(Locale.ROOT, "nominal slice thickness %s = %.3g "
                + "in-plane voxels", t.describe(), voxels));
    }

    /** The sampled profile: {@link Profiles#gaussian(double)} (as many taps as it needs) or {@link Profiles#rect}. */
    SliceProfile profile() {
        return shape == Shape.GAUSSIAN ? Profiles.gaussian(fwhmVoxels) : Profiles.rect(fwhmVoxels);
    }

    /** "assumed box, FWHM = nominal slice thickness 5 mm (from X.json) = 5.56 in-plane voxels". */
    String describe() {
        return "assumed " + shape.title() + ", FWHM = " + width;
    }
}
