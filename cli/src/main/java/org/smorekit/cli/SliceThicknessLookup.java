package org.smorekit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a scan's nominal slice thickness comes from: {@code --slice-thickness} when given (the sidecar is then not
 * read), else the {@code SliceThickness} of the BIDS sidecar next to the scan ({@link BidsSidecar}), else unknown.
 * The slice spacing is always the header's: when the sidecar's {@code SpacingBetweenSlices} differs from it by more
 * than {@link #SPACING_TOLERANCE} (relative), a warning says so and that the header's is used.
 *
 * @param thickness the nominal thickness, or empty when unknown
 * @param warnings  what the user should be told (sidecar problems, spacings that disagree)
 */
record SliceThicknessLookup(Optional<NominalSliceThickness> thickness, List<String> warnings) {

    /** Relative difference between the sidecar's and the header's slice spacing above which a warning is given. */
    static final double SPACING_TOLERANCE = 0.01;

    SliceThicknessLookup {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param image                the scan
     * @param givenMm              {@code --slice-thickness}, already checked ({@link SliceThicknessOption#givenMm})
     * @param headerSliceSpacingMm the header's spacing along the slice axis, mm; empty when the scan has no slice axis
     */
    static SliceThicknessLookup of(Path image, OptionalDouble givenMm, OptionalDouble headerSliceSpacingMm) {
        if (givenMm.isPresent()) {
            return new SliceThicknessLookup(Optional.of(new NominalSliceThickness(givenMm.getAsDouble(),
                    NominalSliceThickness.OPTION)), List.of());
        }
        BidsSidecar sidecar = BidsSidecar.read(image);
        List<String> warnings = new ArrayList<>(sidecar.warnings());
        if (sidecar.spacingBetweenSlicesMm().isPresent() && headerSliceSpacingMm.isPresent()) {
            double side = sidecar.spacingBetweenSlicesMm().getAsDouble();
            double header = headerSliceSpacingMm.getAsDouble();
            if (Math.abs(side - header) > SPACING_TOLERANCE * header) {
                warnings.add(sidecar.file() + ": " + BidsSidecar.SPACING_BETWEEN_SLICES + " " + VolumeText.number(side)
                        + " mm disagrees with the header's slice spacing " + VolumeText.number(header)
                        + " mm by more than 1%; the header's is used");
            }
        }
        return new SliceThicknessLookup(sidecar.sliceThickness(), warnings);
    }
}
