package org.smorekit.estimator;

import java.nio.file.Files;
import java.nio.file.Path;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * The benchmark input: an isotropic scan (by default the bundled Colin27 T1, 181 x 217 x 181, 1 mm) degraded along one
 * axis with a known Gaussian or rect profile through the project's forward model ({@link ThickSliceSimulator}).
 */
public final class BenchmarkScan {
    private BenchmarkScan() {
    }

    /**
     * The bundled Colin27 file: {@code $SMOREKIT_HOME/data}, {@code -Dsmorekit.sharedData}, {@code ../shared/data},
     * {@code shared/data}, or {@code /work/shared/data}, whichever holds it first.
     */
    public static Path defaultIsotropicScan() {
        String name = "colin27-t1-1mm.nii.gz";
        String[] dirs = {System.getProperty("smorekit.sharedData"), System.getenv("SMOREKIT_HOME") == null ? null
                : System.getenv("SMOREKIT_HOME") + "/data", "../shared/data", "shared/data", "../../shared/data",
                "/work/shared/data"};
        for (String d : dirs) {
            if (d != null && Files.isRegularFile(Path.of(d, name))) {
                return Path.of(d, name);
            }
        }
        throw new IllegalArgumentException("cannot find " + name + "; pass the isotropic scan explicitly");
    }

    public static Volume readIsotropic(Path file) throws java.io.IOException {
        return NiftiReader.read(file).volume();
    }

    /** The true profile of a benchmark cell: "gauss" or "rect" of the given FWHM (voxels). */
    public static SliceProfile profile(String shape, double fwhmVoxels) {
        return switch (shape) {
            case "gauss", "gaussian" -> Profiles.gaussian(fwhmVoxels);
            case "rect" -> Profiles.rect(fwhmVoxels);
            default -> throw new IllegalArgumentException("profile shape must be gaussian (or gauss) or rect, got "
                    + shape);
        };
    }

    public static Volume simulate(Volume iso, SliceProfile truth, double scale, int axis) {
        return ThickSliceSimulator.simulate(iso, truth, scale, axis);
    }
}
