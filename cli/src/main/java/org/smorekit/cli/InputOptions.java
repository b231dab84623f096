package org.smorekit.cli;

import picocli.CommandLine.Option;

/** How input volumes are read: which volume of a 4-D file, and what to do with NaN/Inf voxels. */
public final class InputOptions {

    @Option(names = "--volume", paramLabel = "<index>",
            description = "For a 4-D input: which 3-D volume to read, counting from 0. Without it a 4-D input with "
                    + "more than one volume is refused.")
    Integer volumeIndex;

    @Option(names = "--nan-to-zero",
            description = "Replace NaN and infinite voxels with 0 (and report how many) instead of refusing the input.")
    boolean nanToZero;
}
