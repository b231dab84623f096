package org.smorekit.metrics;

import org.smorekit.volume.OtsuThreshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smorekit.volume.Volume;

/**
 * Metrics on the real Colin27 T1 (shared data folder: system property {@code smorekit.sharedData}), against scipy /
 * scikit-image values from {@code make_colin27_reference.py} stored in {@code colin27-reference.properties}.
 */
class Colin27MetricsTest {
    private static Volume truth;
    private static Properties ref;

    @BeforeAll
    static void load() throws IOException {
        truth = SharedColin27.read();
        ref = new Properties();
        try (InputStream in = Colin27MetricsTest.class.getResourceAsStream("colin27-reference.properties")) {
            ref.load(in);
        }
    }

    /** test(x, y, z) = truth(x, y, min(z + 1, nz - 1)), as in make_colin27_reference.py. */
    private static Volume movedOneSlice(Volume v) {
        int nx = v.nx(), ny = v.ny(), nz = v.nz();
        float[] out = new float[v.size()];
        for (int z = 0; z < nz; z++) {
            int from = Math.min(z + 1, nz - 1);
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    out[v.index(x, y, z)] = v.get(x, y, from);
                }
            }
        }
        return v.withData(out);
    }

    @Test
    void headMaskMatchesScipy() {
        double t = OtsuThreshold.of(truth);
        assertEquals(MetricsFixtures.ref(ref, "colin27.otsu"), t, 1e-9);
        boolean[] above = new boolean[truth.size()];
        long aboveCount = 0;
        for (int i = 0; i < above.length; i++) {
            above[i] = truth.get(i) > t;
            aboveCount += above[i] ? 1 : 0;
        }
        assertEquals((long) MetricsFixtures.ref(ref, "colin27.aboveThreshold"), aboveCount);
        long largest = 0;
        for (boolean b : HeadMask.largestComponent(above, truth.shape())) {
            largest += b ? 1 : 0;
        }
        assertEquals((long) MetricsFixtures.ref(ref, "colin27.largestComponent"), largest);

        long t0 = System.nanoTime();
        Mask head = HeadMask.of(truth);
        System.out.printf("Colin27 head mask: %d voxels (%.1f%% of the grid), %.0f ms%n", head.count(),
                100 * head.fraction(), (System.nanoTime() - t0) / 1e6);
        assertEquals((long) MetricsFixtures.ref(ref, "colin27.headMask"), head.count());
        assertTrue(head.fraction() > 0.3 && head.fraction() < 0.6, "head fraction " + head.fraction());
    }

    @Test
    void psnrAndSsimMatchScikitImageOnTheRealVolume() {
        Volume test = movedOneSlice(truth);
        Mask head = HeadMask.of(truth);
        double range = DataRange.of(truth);
        assertEquals(MetricsFixtures.ref(ref, "colin27.shiftZ.psnr"), Psnr.of(truth, test), 1e-6);
        assertEquals(MetricsFixtures.ref(ref, "colin27.shiftZ.psnrHead"), Psnr.of(truth, test, head), 1e-6);
        assertEquals(MetricsFixtures.ref(ref, "colin27.shiftZ.ssim3d"), Ssim.volume3d(truth, test).value(), 1e-5);
        assertEquals(MetricsFixtures.ref(ref, "colin27.shiftZ.ssim2d.axis2"), Ssim.slices2d(truth, test, 2).value(),
                1e-5);

        long t0 = System.nanoTime();
        Comparison c = Comparison.compare(truth, test, head);
        System.out.printf("Colin27 compare (PSNR + 3-D SSIM in the head mask, same grid): %.0f ms%n",
                (System.nanoTime() - t0) / 1e6);
        assertEquals(MetricsFixtures.ref(ref, "colin27.shiftZ.ssim3dHead"), c.ssim(), 1e-5);
        assertEquals((long) MetricsFixtures.ref(ref, "colin27.shiftZ.ssim3dHeadVoxels"), c.ssimVoxels());
        assertEquals(head.count(), c.maskVoxels());
    }
}
