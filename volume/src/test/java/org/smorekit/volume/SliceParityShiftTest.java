package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SliceParityShiftTest {

    /**
     * A cylinder along z with a smooth texture and border in an empty background, 48 x 48 x n; the odd slices' content
     * moved by {@code (mx, my)} voxels.
     */
    private static Volume cylinder(int slices, double mx, double my) {
        int[] shape = {48, 48, slices};
        float[] data = new float[48 * 48 * slices];
        for (int z = 0; z < slices; z++) {
            double ox = z % 2 == 1 ? mx : 0;
            double oy = z % 2 == 1 ? my : 0;
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 48; x++) {
                    double px = x - ox;
                    double py = y - oy;
                    double dx = (px - 24) / 20.0;
                    double dy = (py - 24) / 20.0;
                    double texture = 20 * Math.sin(px / 3.0) * Math.cos(py / 4.0) + 10 * Math.sin(z / 4.0);
                    // a smooth border: a sampled hard edge does not move by sub-voxel amounts
                    double inside = 1 / (1 + Math.exp(-12 * (0.8 - dx * dx - dy * dy)));
                    data[x + 48 * (y + 48 * z)] = (float) ((100 + texture) * inside);
                }
            }
        }
        return Volume.wrap(shape, data, Affine.identity());
    }

    @Test
    void findsHowFarTheEvenSlicesAreFromTheOddOnesAndMovesThemBack() {
        Volume moved = cylinder(30, 0.8, -0.4);
        SliceParityShift found = SliceParityShift.measure(moved, 2).orElseThrow();
        assertTrue(found.present(), found.toString());
        // the odd slices moved by (0.8, -0.4): the even ones sit at (-0.8, +0.4) from them
        assertEquals(-0.8, found.dx(), 0.05, found.toString());
        assertEquals(0.4, found.dy(), 0.05, found.toString());
        SliceParityShift after = SliceParityShift.measure(found.corrected(moved, 2), 2).orElseThrow();
        assertFalse(after.present(), after.toString());
        assertEquals(0, Math.hypot(after.dx(), after.dy()), 0.02, after.toString());
    }

    @Test
    void aScanWhoseSlicesAreAlignedShowsNoShift() {
        SliceParityShift none = SliceParityShift.measure(cylinder(30, 0, 0), 2).orElseThrow();
        assertFalse(none.present(), none.toString());
        assertEquals(0, Math.hypot(none.dx(), none.dy()), 0.02, none.toString());
    }

    @Test
    void tooFewSlicesGiveNoMeasurement() {
        assertTrue(SliceParityShift.measure(cylinder(11, 1, 0), 2).isEmpty());
    }

    @Test
    void aMeasurementNeedsFiniteValuesAndEnoughSlices() {
        assertThrows(IllegalArgumentException.class, () -> new SliceParityShift(Double.NaN, 0, 0.01, 10));
        assertThrows(IllegalArgumentException.class, () -> new SliceParityShift(0, 0, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new SliceParityShift(0, 0, 0.01, 5));
        assertEquals("even slices displaced by (1.02, -0.01) voxels from the odd ones (+- 0.03, 40 slices)",
                new SliceParityShift(1.02, -0.01, 0.03, 40).toString());
    }
}
