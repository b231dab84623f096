package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class GridAlignmentTest {

    private static double smooth(double x, double y, double z) {
        return 100 + 50 * Math.sin(0.35 * x + 0.2 * y) * Math.cos(0.3 * z) + 20 * Math.cos(0.45 * z + 0.1 * x);
    }

    @Test
    void sameGridIsUsedDirectly() {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Volume test = MetricsFixtures.test(MetricsFixtures.SHAPE_A, "noisy");
        GridAlignment g = GridAlignment.onto(truth, test);
        assertFalse(g.resampled());
        assertSame(test, g.test());
        assertEquals(truth.size(), g.valid().count());
    }

    @Test
    void trilinearResamplingIsExactForALinearFunction() {
        // world-linear intensity sampled on a coarser, rotated-free but shifted grid of 1.5 x 1 x 2 mm voxels
        int[] truthShape = {20, 18, 16};
        Volume truth = MetricsFixtures.build(truthShape, (x, y, z) -> 3 * x - 2 * y + 0.5 * z + 7);
        Affine testAffine = Affine.of(1.5, 0, 0, 1.2, 0, 1, 0, -0.7, 0, 0, 2, 0.9, 0, 0, 0, 1);
        int[] testShape = {12, 20, 8};
        Volume test = MetricsFixtures.build(testShape, (i, j, k) -> {
            double[] w = testAffine.apply(i, j, k);
            return 3 * w[0] - 2 * w[1] + 0.5 * w[2] + 7;
        });
        test = Volume.wrap(testShape, test.toArray(), testAffine);
        GridAlignment g = GridAlignment.onto(truth, test);
        assertTrue(g.resampled());
        long valid = 0;
        for (int z = 0; z < truthShape[2]; z++) {
            for (int y = 0; y < truthShape[1]; y++) {
                for (int x = 0; x < truthShape[0]; x++) {
                    // truth voxel (x, y, z) is world (x, y, z); the test covers x in [1.2, 17.7], y in [-0.7, 18.3],
                    // z in [0.9, 14.9]
                    boolean inside = x >= 1.2 && x <= 17.7 && y >= -0.7 && y <= 18.3 && z >= 0.9 && z <= 14.9;
                    assertEquals(inside, g.valid().contains(x, y, z), "validity at " + x + "," + y + "," + z);
                    if (inside) {
                        valid++;
                        assertEquals(truth.get(x, y, z), g.test().get(x, y, z), 1e-4);
                    }
                }
            }
        }
        assertEquals(valid, g.valid().count());
        assertEquals(truth.affine(), g.test().affine());
    }

    @Test
    void aHalfVoxelShiftComparesBetterThroughTheAffines() {
        // the test samples the same smooth image at z + 0.5 (its affine says so); by index it looks blurred/shifted
        int[] shape = {40, 36, 32};
        Volume truth = MetricsFixtures.build(shape, GridAlignmentTest::smooth);
        Volume shiftedSamples = MetricsFixtures.build(shape, (x, y, z) -> smooth(x, y, z + 0.5));
        Volume test = Volume.wrap(shape, shiftedSamples.toArray(), Affine.identity().resampledAxis(2, 0.5, 1));

        Comparison byIndex = Comparison.compare(truth, Volume.wrap(shape, test.toArray(), truth.affine()));
        Comparison aligned = Comparison.compare(truth, test);
        System.out.printf("half-voxel shift: by index %.2f dB / SSIM %.4f, through the affines %.2f dB / SSIM %.4f%n",
                byIndex.psnrDb(), byIndex.ssim(), aligned.psnrDb(), aligned.ssim());
        assertFalse(byIndex.resampled());
        assertTrue(aligned.resampled());
        // truth slice z = 0 lies at test coordinate -0.5, outside the test's field of view
        assertEquals((long) shape[0] * shape[1] * (shape[2] - 1), aligned.maskVoxels());
        assertTrue(aligned.psnrDb() > byIndex.psnrDb() + 10, aligned.psnrDb() + " vs " + byIndex.psnrDb());
        assertTrue(aligned.ssim() > byIndex.ssim(), aligned.ssim() + " vs " + byIndex.ssim());
    }
}
