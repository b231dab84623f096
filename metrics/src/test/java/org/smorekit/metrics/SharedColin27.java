package org.smorekit.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/** The real Colin27 T1 of the shared data folder (system property {@code smorekit.sharedData}); skips if absent. */
final class SharedColin27 {
    private SharedColin27() {
    }

    static Path file() {
        String prop = System.getProperty("smorekit.sharedData");
        Path file = (prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "data")).resolve("colin27-t1-1mm.nii.gz");
        assumeTrue(Files.isRegularFile(file), "shared data not present: " + file.toAbsolutePath());
        return file;
    }

    static Volume read() throws IOException {
        return NiftiReader.read(file()).volume();
    }
}
