package org.smorekit.cli;

import java.util.OptionalDouble;

import picocli.CommandLine.Option;

/**
 * {@code --slice-thickness=<mm>}: the scan's nominal slice thickness, overriding the BIDS sidecar's
 * {@code SliceThickness} ({@link SliceThicknessLookup}). Mixed into the commands that estimate a profile
 * ({@code estimate}, {@code run}, {@code sr}, {@code cohort}) and into {@code info}.
 */
public final class SliceThicknessOption {

    @Option(names = "--slice-thickness", paramLabel = "<mm>",
            description = "The nominal slice thickness in mm (it differs from the slice spacing when slices have "
                    + "gaps or overlap). Default: SliceThickness of the BIDS sidecar next to the scan (X.json for "
                    + "X.nii.gz, as dcm2niix writes it), or unknown; given, the sidecar is not read. A known "
                    + "thickness flags an estimated FWHM more than 1.5 times off it, and is the width of the box "
                    + "assumed in place of a flagged estimate (without it: a Gaussian as wide as the slice "
                    + "spacing).")
    Double sliceThicknessMm;

    /** The thickness given, checked: a finite number {@code > 0}; empty when the option is not given. */
    OptionalDouble givenMm() {
        if (sliceThicknessMm == null) {
            return OptionalDouble.empty();
        }
        if (!(sliceThicknessMm > 0) || !Double.isFinite(sliceThicknessMm)) {
            throw new IllegalArgumentException("--slice-thickness must be a finite number > 0 mm, got "
                    + sliceThicknessMm);
        }
        return OptionalDouble.of(sliceThicknessMm);
    }

    /** The option as a {@code run} argument for {@code cohort}, or null when not given. */
    String argument() {
        return givenMm().isPresent() ? "--slice-thickness=" + sliceThicknessMm : null;
    }
}
