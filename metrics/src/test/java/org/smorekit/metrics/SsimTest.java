package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smorekit.volume.Volume;

class SsimTest {
    /** Agreement with scikit-image (float filtering here, float64 there; measured deviation ~2e-8). */
    private static final double SKIMAGE_TOLERANCE = 1e-5;

    @Test
    void identicalVolumesScoreOne() {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        SsimResult r = Ssim.volume3d(truth, truth);
        assertEquals(1.0, r.value(), 1e-6);
        assertEquals(SsimMode.VOLUME_3D, r.mode());
        assertNull(r.sliceAxis());
        assertEquals(1.0, Ssim.slices2d(truth, truth, 2).value(), 1e-6);
    }

    @Test
    void symmetricInItsArgumentsForAFixedRange() {
        Volume a = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        Volume b = MetricsFixtures.test(MetricsFixtures.SHAPE_A, "noisy");
        Mask all = Mask.full(a.shape());
        double range = DataRange.of(a);
        assertEquals(Ssim.volume3d(a, b, all, range).value(), Ssim.volume3d(b, a, all, range).value(), 1e-6);
    }

    @Test
    void decreasesAsNoiseGrows() {
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        double previous = 1.0;
        for (double sigma : new double[] {1, 4, 16, 64}) {
            SplittableRandom random = new SplittableRandom(42);
            float[] noisy = truth.toArray();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += (float) (sigma * random.nextGaussian());
            }
            double ssim = Ssim.volume3d(truth, truth.withData(noisy)).value();
            assertTrue(ssim < previous, "SSIM " + ssim + " at noise sigma " + sigma + " not below " + previous);
            previous = ssim;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"noisy", "affine", "shifted"})
    void agreesWithScikitImage(String kind) {
        Properties ref = MetricsFixtures.reference();
        for (String shapeName : new String[] {"a", "b"}) {
            int[] shape = shapeName.equals("a") ? MetricsFixtures.SHAPE_A : MetricsFixtures.SHAPE_B;
            Volume truth = MetricsFixtures.truth(shape);
            Volume test = MetricsFixtures.test(shape, kind);
            String key = shapeName + "." + kind;
            assertEquals(MetricsFixtures.ref(ref, key + ".ssim3d"), Ssim.volume3d(truth, test).value(),
                    SKIMAGE_TOLERANCE, key + " 3-D");
            Mask ball = MetricsFixtures.ball(shape);
            assertEquals(MetricsFixtures.ref(ref, key + ".ssim3dBall"),
                    Ssim.volume3d(truth, test, ball, DataRange.of(truth)).value(), SKIMAGE_TOLERANCE,
                    key + " 3-D in the ball");
            for (int axis = 0; axis < 3; axis++) {
                String k2 = key + ".ssim2d.axis" + axis;
                if (ref.getProperty(k2) == null) {
                    // skimage refuses slices narrower than the window; so must we
                    final int a = axis;
                    assertThrows(IllegalArgumentException.class, () -> Ssim.slices2d(truth, test, a));
                    continue;
                }
                SsimResult r = Ssim.slices2d(truth, test, axis);
                assertEquals(SsimMode.SLICES_2D, r.mode());
                assertEquals(axis, r.sliceAxis());
                assertEquals(MetricsFixtures.ref(ref, k2), r.value(), SKIMAGE_TOLERANCE, k2);
            }
        }
    }

    @Test
    void averagesOnlyVoxelsAwayFromTheBorder() {
        // 20x18x16 with radius 5: (20-10)(18-10)(16-10) voxels are averaged in 3-D; in 2-D along z all z count
        Volume truth = MetricsFixtures.truth(MetricsFixtures.SHAPE_A);
        assertEquals(10L * 8 * 6, Ssim.volume3d(truth, truth).voxels());
        assertEquals(10L * 8 * 16, Ssim.slices2d(truth, truth, 2).voxels());
    }

    @Test
    void rejectsVolumesSmallerThanTheWindow() {
        int[] shape = {10, 20, 20};
        Volume v = MetricsFixtures.build(shape, MetricsFixtures::truthFormula);
        assertThrows(IllegalArgumentException.class, () -> Ssim.volume3d(v, v));
        assertEquals(1.0, Ssim.slices2d(v, v, 0).value(), 1e-6); // only axes 1 and 2 are filtered
    }

    @Test
    void timingOnAColin27SizedVolume() {
        int[] shape = {181, 217, 181};
        Volume truth = MetricsFixtures.build(shape, MetricsFixtures::truthFormula);
        Volume test = MetricsFixtures.build(shape, (x, y, z) -> MetricsFixtures.truthFormula(x, y, z)
                + 15 * Math.sin(1.7 * x + 2.3 * y + 3.1 * z));
        double[] value = new double[1];
        double ms = MetricsFixtures.minMillis(3, () -> value[0] = Ssim.volume3d(truth, test).value());
        System.out.printf("SSIM 3-D on 181x217x181: %.0f ms (min of 3, %d threads in the common pool + caller)%n",
                ms, ForkJoinPool.getCommonPoolParallelism());
        assertTrue(value[0] > 0 && value[0] < 1, "SSIM " + value[0]);
    }
}
