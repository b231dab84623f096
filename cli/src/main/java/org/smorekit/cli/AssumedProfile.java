package org.smorekit.cli;

import java.util.Locale;
import java.util.Optional;

import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;

/**
 * The Gaussian slice profile assumed when no trustworthy estimate exists (SMORE's classic assumption): its FWHM is the
 * nominal slice thickness when it is known ({@link NominalSliceThickness}), else the slice spacing, i.e. {@code scale}
 * in-plane voxels. With gaps (thickness 5 mm, spacing 6 mm) the thickness is the better guess of the slab's width.
 *
 * @param fwhmVoxels the FWHM in in-plane voxels
 * @param width      what the FWHM equals, for a person: "slice spacing = 4 in-plane voxels", "nominal slice
 *                   thickness 5 mm (from X.json) = 5.56 in-plane voxels"
 */
record AssumedProfile(double fwhmVoxels, String width) {

    AssumedProfile {
        if (!(fwhmVoxels > 0) || !Double.isFinite(fwhmVoxels)) {
            throw new IllegalArgumentException("fwhmVoxels must be a finite number > 0, got " + fwhmVoxels);
        }
    }

    /** FWHM = slice spacing: {@code scale} in-plane voxels. */
    static AssumedProfile sliceSpacing(double scale) {
        return new AssumedProfile(scale, String.format(Locale.ROOT, "slice spacing = %.3g in-plane voxels", scale));
    }

    /** FWHM = the nominal thickness when known, else the slice spacing. */
    static AssumedProfile of(double scale, Optional<NominalSliceThickness> thickness, double inPlaneSpacingMm) {
        if (thickness.isEmpty()) {
            return sliceSpacing(scale);
        }
        NominalSliceThickness t = thickness.get();
        double voxels = t.voxels(inPlaneSpacingMm);
        return new AssumedProfile(voxels, String.format(Locale.ROOT, "nominal slice thickness %s = %.3g in-plane "
                + "voxels", t.describe(), voxels));
    }

    /** The sampled Gaussian ({@link Profiles#gaussian(double)}: as many taps as it needs). */
    SliceProfile profile() {
        return Profiles.gaussian(fwhmVoxels);
    }
}
