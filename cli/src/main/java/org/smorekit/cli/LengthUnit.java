package org.smorekit.cli;

import java.util.Optional;

import org.smorekit.volume.nifti.NiftiHeader;

/**
 * The spatial unit a NIfTI header declares (bits 0-2 of xyzt_units), and what to tell the user when it is not the
 * millimetre. smorekit reads the affine's numbers as they stand, as nibabel, FSL and SPM do (ITK, and so ANTs,
 * converts to mm), so that its outputs overlay their inputs in any viewer; a scan stored in micrometres or metres
 * then has every length the tools label "mm" in that unit instead.
 */
enum LengthUnit {
    UNKNOWN("unknown"),
    METRE("metre"),
    MILLIMETRE("mm"),
    MICROMETRE("micrometre");

    private final String label;

    LengthUnit(String label) {
        this.label = label;
    }

    /** The unit of the header's spatial code: 1 metre, 2 mm, 3 micrometre; anything else unknown (read as mm). */
    static LengthUnit of(NiftiHeader h) {
        return switch (h.xyztUnits() & 0x07) {
            case 1 -> METRE;
            case 2 -> MILLIMETRE;
            case 3 -> MICROMETRE;
            default -> UNKNOWN;
        };
    }

    /** How {@code info --json} and the sidecars name it: "mm", "micrometre", "metre" or "unknown". */
    String label() {
        return label;
    }

    /**
     * E.g. "the header declares its lengths in micrometres (xyzt_units); they are read as the numbers stand, as
     * nibabel and FSL read them, so every length labelled mm (spacings, FWHM, thickness, options with an mm suffix)
     * is in micrometres", or empty for mm and for an unknown unit (which every tool takes as mm).
     */
    static Optional<String> note(NiftiHeader h) {
        LengthUnit unit = of(h);
        if (unit != METRE && unit != MICROMETRE) {
            return Optional.empty();
        }
        String plural = unit.label + "s";
        return Optional.of("the header declares its lengths in " + plural + " (xyzt_units); they are read as the"
                + " numbers stand, as nibabel and FSL read them, so every length labelled mm (spacings, FWHM,"
                + " thickness, options with an mm suffix) is in " + plural + ", and a BIDS SliceThickness (always"
                + " in mm) does not compare with them");
    }
}
