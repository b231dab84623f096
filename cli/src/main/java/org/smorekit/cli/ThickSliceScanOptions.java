package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --input} / {@code --axis} (and the reading options {@code --volume} / {@code --nan-to-zero}), mixed into
 * every command that works on one thick-slice scan.
 */
public final class ThickSliceScanOptions {

    @Option(names = "--input", required = true, paramLabel = "<lr.nii.gz>", description = "The thick-slice scan.")
    Path input;

    @Option(names = "--axis", paramLabel = "<0|1|2>",
            description = "The slice axis; detected (largest spacing) when not given.")
    Integer axis;

    @Mixin
    InputOptions reading;

    /** The file given with {@code --input}. */
    public Path input() {
        return input;
    }

    /** Reads the scan and its slice geometry; refuses, as bad input, a scan that is not a thick-slice scan. */
    ThickSliceScan read(Terminal terminal) throws IOException {
        return ThickSliceScan.read(input, reading, axis, terminal);
    }
}
