package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --input} / {@code --axis} (and the reading options {@code --volume} / {@code --nan-to-zero}, and
 * {@code --interleave-correction}), mixed into
 * every command that works on one thick-slice scan. The commands whose result the nominal slice thickness changes
 * ({@code estimate}, {@code run}, {@code sr}) add {@link SliceThicknessOption} and read with it; {@code upsample},
 * whose interpolation does not depend on it, does not offer the option.
 */
public final class ThickSliceScanOptions {

    @Option(names = "--input", required = true, paramLabel = "<lr.nii.gz>", description = "The thick-slice scan.")
    Path input;

    @Option(names = "--axis", paramLabel = "<0|1|2>",
            description = "The slice axis; detected (largest spacing) when not given.")
    Integer axis;

    @Mixin
    InputOptions reading;

    @Mixin
    InterleaveCorrectionOption interleave;

    /** The file given with {@code --input}. */
    public Path input() {
        return input;
    }

    /** Reads the scan and its slice geometry; refuses, as bad input, a scan that is not a thick-slice scan. */
    ThickSliceScan read(Terminal terminal) throws IOException {
        return ThickSliceScan.read(input, reading, axis, null, interleave.correct(), terminal);
    }

    /**
     * As {@link #read(Terminal)}, and looks up the scan's nominal slice thickness: {@code --slice-thickness}, else the
     * BIDS sidecar next to the input.
     */
    ThickSliceScan read(SliceThicknessOption thickness, Terminal terminal) throws IOException {
        return ThickSliceScan.read(input, reading, axis, thickness, interleave.correct(), terminal);
    }
}
