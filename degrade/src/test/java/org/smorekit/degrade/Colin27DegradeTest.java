package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * The thick-slice simulator on the real Colin27 T1 (181x217x181, 1 mm): Gaussian FWHM 4 at scale 4 along each axis,
 * checked against a direct evaluation of the forward model that does not use {@link LineDegrader}, then upsampled
 * back with {@link BsplineUpsampler} onto the truth grid.
 */
class Colin27DegradeTest {
    private static final String FILE = "colin27-t1-1mm.nii.gz";
    private static Volume colin;

    static Path sharedData() {
        String property = System.getProperty("smorekit.sharedData");
        if (property != null) {
            return Path.of(property);
        }
        // run from the repository root or from the module directory
        Path fromRoot = Path.of("..", "shared", "data");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "..", "shared", "data");
    }

    @BeforeAll
    static void read() throws Exception {
        Path file = sharedData().resolve(FILE);
        assumeTrue(Files.isRegularFile(file), "Colin27 not found at " + file.toAbsolutePath());
        colin = NiftiReader.read(file).volume();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void gaussianFwhm4AtScale4MatchesTheDirectFormula(int axis) {
        assertArrayEquals(new int[] {181, 217, 181}, colin.shape());
        SliceProfile k = Profiles.gaussian(4);
        double scale = 4;

        long best = Long.MAX_VALUE;
        Volume lr = null;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            lr = ThickSliceSimulator.simulate(colin, k, scale, axis);
            best = Math.min(best, System.nanoTime() - t0);
        }

        // header: shape, spacing, origin
        int[] shape = colin.shape();
        shape[axis] = (shape[axis] - 1) / 4 + 1; // 181 -> 46, 217 -> 55
        assertArrayEquals(shape, lr.shape());
        assertEquals(axis == 1 ? 55 : 46, lr.dim(axis));
        double[] spacing = colin.spacingMm();
        spacing[axis] *= scale;
        assertArrayEquals(spacing, lr.spacingMm(), 1e-9);
        assertArrayEquals(colin.affine().apply(0, 0, 0), lr.affine().apply(0, 0, 0), 1e-9);
        double[] lastLr = {0, 0, 0};
        double[] lastIso = {0, 0, 0};
        lastLr[axis] = lr.dim(axis) - 1;
        lastIso[axis] = 4 * (lr.dim(axis) - 1);
        assertArrayEquals(colin.affine().apply(lastIso[0], lastIso[1], lastIso[2]),
                lr.affine().apply(lastLr[0], lastLr[1], lastLr[2]), 1e-9);
        assertEquals(colin.header(), lr.header());
        assertTrue(lr.header().isPresent());

        // voxels: y(j) = sum_t k[t] iso(mirror(4 j - (t - c))) along the axis, written out for every output voxel
        int c = k.centre();
        int n = colin.dim(axis);
        double maxDiff = 0;
        int[] p = new int[3];
        for (int z = 0; z < lr.nz(); z++) {
            for (int y = 0; y < lr.ny(); y++) {
                for (int x = 0; x < lr.nx(); x++) {
                    double sum = 0;
                    for (int t = 0; t < k.length(); t++) {
                        p[0] = x;
                        p[1] = y;
                        p[2] = z;
                        int i = 4 * p[axis] - (t - c);
                        p[axis] = i < 0 ? -i : i > n - 1 ? 2 * (n - 1) - i : i;
                        sum += k.value(t) * colin.get(p[0], p[1], p[2]);
                    }
                    maxDiff = Math.max(maxDiff, Math.abs(sum - lr.get(x, y, z)));
                }
            }
        }
        System.out.printf("Colin27 Gaussian FWHM 4, scale 4, axis %d: %s, simulate %.1f ms (min of 3),"
                + " max |simulator - direct| %.2e%n", axis, lr, best / 1e6, maxDiff);
        assertTrue(maxDiff < 1e-3, "max |simulator - direct| = " + maxDiff);

        // and back: the B-spline baseline lands exactly on the truth grid and passes through the thick slices
        long t0 = System.nanoTime();
        Volume up = BsplineUpsampler.upsample(lr, scale, axis);
        double upMs = (System.nanoTime() - t0) / 1e6;
        assertArrayEquals(colin.shape(), up.shape());
        assertEquals(0, colin.affine().maxAbsDifference(up.affine()), 1e-9);
        float[] thick = new float[lr.dim(axis)];
        float[] fine = new float[up.dim(axis)];
        for (int v = 0; v < 181; v += 10) {
            for (int u = 0; u < 181; u += 10) {
                lr.copyLine(axis, u, v, thick);
                up.copyLine(axis, u, v, fine);
                for (int j = 0; j < thick.length; j++) {
                    assertEquals(thick[j], fine[4 * j], 1e-3);
                }
            }
        }
        System.out.printf("Colin27 B-spline upsample back along axis %d: %.1f ms (single run)%n", axis, upMs);
    }
}
