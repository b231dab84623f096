package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smorekit.volume.Volume;

class HeadMaskTest {

    /**
     * A bright sphere (radius 12) with a dark cavity (radius 5) inside, plus a separate small bright blob (radius 3):
     * the head mask is the whole sphere, cavity included, and not the blob.
     */
    @Test
    void keepsTheLargestComponentAndFillsItsCavity() {
        int[] shape = {40, 36, 32};
        Volume v = MetricsFixtures.build(shape, (x, y, z) -> {
            double r = Math.sqrt(sq(x - 16) + sq(y - 17) + sq(z - 15));
            double blob = Math.sqrt(sq(x - 35) + sq(y - 31) + sq(z - 27));
            if (blob <= 3) {
                return 180;
            }
            return r <= 12 && r > 5 ? 150 + (x % 3) : 5 + (y % 2);
        });
        Mask head = HeadMask.of(v);
        long expected = 0;
        for (int z = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++) {
                    boolean inSphere = sq(x - 16) + sq(y - 17) + sq(z - 15) <= 144;
                    assertEquals(inSphere, head.contains(x, y, z), "voxel " + x + "," + y + "," + z);
                    expected += inSphere ? 1 : 0;
                }
            }
        }
        assertEquals(expected, head.count());
        assertTrue(head.contains(16, 17, 15), "cavity centre is filled");
        assertFalse(head.contains(35, 31, 27), "separate blob is dropped");
    }

    @Test
    void aCavityOpenToTheBorderIsNotAHole() {
        // a slab through the whole x-y extent with a tunnel along z: the tunnel reaches the border, so it stays out
        int[] shape = {20, 20, 20};
        Volume v = MetricsFixtures.build(shape, (x, y, z) -> {
            boolean tunnel = Math.abs(x - 10) <= 1 && Math.abs(y - 10) <= 1;
            return z >= 5 && z < 15 && !tunnel ? 100 : 0;
        });
        Mask head = HeadMask.of(v);
        assertFalse(head.contains(10, 10, 10));
        assertTrue(head.contains(3, 3, 10));
        assertEquals(10L * 400 - 10 * 9, head.count());
    }

    @Test
    void handlesAVolumeLargerThanAnyRecursionCouldReach() {
        // one big component spanning a 181x217x181 grid (7.1 M voxels): the flood fills must be iterative
        int[] shape = {181, 217, 181};
        Volume v = MetricsFixtures.build(shape, (x, y, z) -> x > 10 && x < 170 && y > 10 && y < 206 && z > 10
                && z < 170 ? 100 : 0);
        long t0 = System.nanoTime();
        Mask head = HeadMask.of(v);
        System.out.printf("HeadMask on 181x217x181: %.0f ms (single run)%n", (System.nanoTime() - t0) / 1e6);
        assertEquals(159L * 195 * 159, head.count());
    }

    private static double sq(double a) {
        return a * a;
    }
}
