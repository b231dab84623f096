package org.smorekit.estimator;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Volume;

/**
 * Test fixture: the bundled Colin27 T1 (181 x 217 x 181, 1 mm) degraded (along z unless said) with a known profile
 * through the project's forward model, and crops of it.
 */
final class SimulatedColin27 {
    /** The benchmark's cells (the paper's grid), in the form {@link #cells} reads. */
    static final String GRID_CELLS = "gauss:2,gauss:4,gauss:8,rect:3,rect:5,rect:9";

    private static Volume cached;

    /** A benchmark cell: a profile shape ("gauss" or "rect") and its FWHM in voxels. */
    record Cell(String shape, double fwhm) {
        SliceProfile profile() {
            return BenchmarkScan.profile(shape, fwhm);
        }
    }

    private SimulatedColin27() {
    }

    static synchronized Volume isotropic() throws IOException {
        if (cached == null) {
            cached = BenchmarkScan.readIsotropic(BenchmarkScan.defaultIsotropicScan());
        }
        return cached;
    }

    /** Cells written as a development driver's argument, e.g. "gauss:4,rect:9". */
    static List<Cell> cells(String list) {
        return Arrays.stream(list.split(",")).map(c -> c.split(":"))
                .map(p -> new Cell(p[0], Double.parseDouble(p[1]))).toList();
    }

    static SliceProfile gaussian(double fwhm, int taps) {
        return Profiles.gaussian(fwhm, taps);
    }

    static Volume thickSlices(Volume iso, SliceProfile profile, double scale) {
        return BenchmarkScan.simulate(iso, profile, scale, 2);
    }

    /**
     * The spectrum mismatch D of a benchmark cell: {@code iso} degraded along {@code axis} with the cell's true
     * profile at {@code scale}, its patches those {@link ProfileEstimator} samples (same checks), K = {@code taps}.
     */
    static SpectrumMismatch spectrumMismatch(Volume iso, SliceProfile truth, double scale, int axis, int taps) {
        ProfileEstimator.Patches patches = new ProfileEstimator(EstimatorOptions.defaults().withProfileLength(taps))
                .patches(BenchmarkScan.simulate(iso, truth, scale, axis), axis, scale);
        return new SpectrumMismatch(patches.sampler(), patches.degradation());
    }

    /** A sub-block [x0, x0+sx) x [y0, y0+sy) x all z. */
    static Volume crop(Volume v, int x0, int sx, int y0, int sy) {
        int nz = v.nz();
        float[] out = new float[sx * sy * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < sy; y++) {
                for (int x = 0; x < sx; x++) {
                    out[x + sx * (y + sy * z)] = v.get(x0 + x, y0 + y, z);
                }
            }
        }
        return Volume.wrap(new int[] {sx, sy, nz}, out, v.affine());
    }
}
