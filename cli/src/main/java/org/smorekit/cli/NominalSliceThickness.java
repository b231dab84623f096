package org.smorekit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The slice thickness the scanner was set to, in mm: the nominal width of the excited slab, which is not the slice
 * spacing when slices have gaps (thickness 5 mm, spacing 6 mm: a 1 mm gap) or overlap. A NIfTI header gives only the
 * spacing; the thickness comes from the BIDS sidecar next to the scan ({@link BidsSidecar}, key
 * {@code SliceThickness}, as dcm2niix writes it) or from {@code --slice-thickness}.
 *
 * <p>Used as a plausibility check of the estimated profile ({@link #disagreement}) and as the width of the box
 * assumed when an estimate is flagged ({@link AssumedProfile}).
 *
 * @param mm     the thickness in mm, finite and {@code > 0}
 * @param source where it came from: the sidecar's path, or {@code --slice-thickness}
 */
record NominalSliceThickness(double mm, String source) {

    /** The source of a thickness given on the command line. */
    static final String OPTION = "--slice-thickness";

    /**
     * An estimate whose FWHM (mm) over the nominal thickness lies outside {@code [1 / AGREEMENT_FACTOR,
     * AGREEMENT_FACTOR]} is flagged ({@link #disagreement}).
     */
    static final double AGREEMENT_FACTOR = 1.5;

    /** Slice spacing and thickness within this fraction of the spacing are called contiguous ({@link #gapText}). */
    static final double CONTIGUOUS_TOLERANCE = 0.01;

    NominalSliceThickness {
        if (!(mm > 0) || !Double.isFinite(mm)) {
            throw new IllegalArgumentException("slice thickness must be a finite number > 0 mm, got " + mm);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("slice thickness needs a source, got " + source);
        }
    }

    /** "5 mm (from sub-01_T2w.json)", "5 mm (from --slice-thickness)". */
    String describe() {
        return VolumeText.number(mm) + " mm (from " + source + ")";
    }

    /**
     * For the terminal and the logs: "5 mm (from X.json), gap 1 mm" (without the gap when there is no slice
     * spacing), or "unknown (no --slice-thickness, no SliceThickness in X.json)", or "unknown (no --slice-thickness, no
     * sidecar X.json)" when there is no such file.
     *
     * @param thickness      the thickness, if known
     * @param image          the scan (to name the sidecar looked for)
     * @param sliceSpacingMm the header's slice spacing, mm; empty when the scan has no slice axis
     */
    static String describe(Optional<NominalSliceThickness> thickness, Path image, OptionalDouble sliceSpacingMm) {
        if (thickness.isEmpty()) {
            Path sidecar = BidsSidecar.of(image);
            return "unknown (no " + OPTION + ", no " + (Files.exists(sidecar) ? BidsSidecar.SLICE_THICKNESS + " in "
                    : "sidecar ") + sidecar + ")";
        }
        NominalSliceThickness t = thickness.get();
        return t.describe() + (sliceSpacingMm.isPresent() ? ", " + t.gapText(sliceSpacingMm.getAsDouble()) : "");
    }

    /** The thickness in voxels of the in-plane grid (the grid the slice profile is sampled on). */
    double voxels(double inPlaneSpacingMm) {
        if (!(inPlaneSpacingMm > 0) || !Double.isFinite(inPlaneSpacingMm)) {
            throw new IllegalArgumentException("in-plane spacing must be a finite number > 0 mm, got "
                    + inPlaneSpacingMm);
        }
        return mm / inPlaneSpacingMm;
    }

    /** Slice spacing minus thickness, mm: positive for a gap between slices, negative for overlapping slices. */
    double gapMm(double sliceSpacingMm) {
        return sliceSpacingMm - mm;
    }

    /**
     * "gap 1 mm" (spacing 6, thickness 5), "overlap 0.5 mm" (spacing 2, thickness 2.5), or "contiguous" when the
     * two agree within {@link #CONTIGUOUS_TOLERANCE} of the spacing.
     */
    String gapText(double sliceSpacingMm) {
        double gap = gapMm(sliceSpacingMm);
        if (Math.abs(gap) <= CONTIGUOUS_TOLERANCE * sliceSpacingMm) {
            return "contiguous";
        }
        return (gap > 0 ? "gap " : "overlap ") + VolumeText.number(Math.abs(gap)) + " mm";
    }

    /**
     * Why an estimated profile of this FWHM does not fit the nominal thickness, or empty when {@code fwhmMm /
     * mm} lies in {@code [1 / 1.5, 1.5]} (bounds included): "the estimated FWHM 1.13 mm disagrees with the nominal
     * slice thickness 2 mm (from X.json) by more than a factor of 1.5".
     *
     * @param fwhmMm the estimated profile's FWHM in mm (in-plane voxels times the in-plane spacing)
     */
    Optional<String> disagreement(double fwhmMm) {
        double ratio = fwhmMm / mm;
        if (ratio >= 1 / AGREEMENT_FACTOR && ratio <= AGREEMENT_FACTOR) {
            return Optional.empty();
        }
        return Optional.of("the estimated FWHM " + VolumeText.number(Math.round(fwhmMm * 100) / 100.0)
                + " mm disagrees with the nominal slice thickness " + describe() + " by more than a factor of "
                + VolumeText.number(AGREEMENT_FACTOR));
    }

    /**
     * The entries {@code nominal_slice_thickness_mm} and {@code nominal_slice_thickness_source} of profile.json and
     * report.json; both null when the thickness is unknown.
     */
    static Map<String, Object> json(Optional<NominalSliceThickness> thickness) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nominal_slice_thickness_mm", thickness.map(NominalSliceThickness::mm).orElse(null));
        m.put("nominal_slice_thickness_source", thickness.map(NominalSliceThickness::source).orElse(null));
        return m;
    }
}
