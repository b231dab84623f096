package org.smorekit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.smorekit.volume.nifti.NiftiImage;
import org.smorekit.volume.nifti.NiftiReader;
import org.smorekit.volume.nifti.NonFinitePolicy;
import org.smorekit.volume.nifti.NonFiniteVoxelsException;
import org.smorekit.volume.nifti.ReadOptions;

/** Reads the input volumes of a command with the user's {@link InputOptions}, and says what it had to change. */
public final class ScanReader {

    private final InputOptions options;
    private final Terminal terminal;

    public ScanReader(InputOptions options, Terminal terminal) {
        this.options = options;
        this.terminal = terminal;
    }

    /** Reads one 3-D volume; a missing file or directory is named in a one-line message. */
    public NiftiImage read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a folder; a NIfTI file (.nii, .nii.gz, .hdr/.img) is needed");
        }
        ReadOptions read = ReadOptions.defaults();
        if (options != null && options.volumeIndex != null) {
            read = read.withVolumeIndex(options.volumeIndex);
        }
        if (options != null && options.nanToZero) {
            read = read.withNonFinitePolicy(NonFinitePolicy.ZERO);
        }
        NiftiImage image;
        try {
            image = NiftiReader.read(path, read);
        } catch (NonFiniteVoxelsException e) {
            throw new NonFiniteVoxelsException(e.getMessage() + "; refusing them (--nan-to-zero replaces them with 0)",
                    e.count());
        }
        if (image.nonFiniteCount() > 0) {
            terminal.warn(path + ": replaced " + image.nonFiniteCount() + " NaN/infinite voxels with 0");
        }
        if (image.volumeCount() > 1) {
            terminal.note(path + ": read volume " + image.volumeIndex() + " of " + image.volumeCount());
        }
        return image;
    }
}
