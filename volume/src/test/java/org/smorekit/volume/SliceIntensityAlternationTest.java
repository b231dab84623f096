package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SliceIntensityAlternationTest {

    /**
     * A cylinder along z with a smooth texture in an empty background, 40 x 40 x n, odd slices times {@code gain}.
     */
    private static Volume cylinder(int slices, double gain) {
        int[] shape = {40, 40, slices};
        float[] data = new float[40 * 40 * slices];
        for (int z = 0; z < slices; z++) {
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    double dx = (x - 20) / 20.0;
                    double dy = (y - 20) / 20.0;
                    double texture = 20 * Math.sin(x / 5.0) * Math.cos(y / 7.0) + 10 * Math.sin(z / 4.0);
                    double signal = dx * dx + dy * dy < 0.8 ? 100 + texture : 0;
                    data[x + 40 * (y + 40 * z)] = (float) (signal * (z % 2 == 1 ? gain : 1));
                }
            }
        }
        return Volume.wrap(shape, data, Affine.identity());
    }

    @Test
    void findsTheRatioOfEvenToOddSlicesAndUndoesIt() {
        SliceIntensityAlternation found = SliceIntensityAlternation.measure(cylinder(30, 0.9), 2).orElseThrow();
        assertTrue(found.present(), found.toString());
        assertEquals(1 / 0.9, found.ratio(), 0.005, found.toString());
        Volume corrected = found.corrected(cylinder(30, 0.9), 2);
        Volume clean = cylinder(30, 1);
        // both parities end at the geometric mean of their levels: clean * sqrt(0.9)
        int centre = clean.index(20, 20, 15);
        assertEquals(clean.get(centre) * Math.sqrt(0.9), corrected.get(centre), 0.3);
        assertEquals(clean.get(centre + 1600) * Math.sqrt(0.9), corrected.get(centre + 1600), 0.3);
    }

    @Test
    void aScanWithoutAlternationShowsNone() {
        SliceIntensityAlternation none = SliceIntensityAlternation.measure(cylinder(30, 1), 2).orElseThrow();
        assertFalse(none.present(), none.toString());
        assertEquals(0, none.logRatio(), 0.01, none.toString());
    }

    @Test
    void tooFewSlicesGiveNoMeasurement() {
        assertTrue(SliceIntensityAlternation.measure(cylinder(6, 0.9), 2).isEmpty());
        assertTrue(SliceIntensityAlternation.measure(cylinder(30, 0.9), 0).isPresent());
    }

    @Test
    void aMeasurementNeedsEnoughSlicesAndAFiniteRatio() {
        assertThrows(IllegalArgumentException.class, () -> new SliceIntensityAlternation(Double.NaN, 0.01, 10));
        assertThrows(IllegalArgumentException.class, () -> new SliceIntensityAlternation(0.05, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new SliceIntensityAlternation(0.05, 0.01, 3));
    }

    @Test
    void saysWhichParityIsBrighterAndByHowMuch() {
        assertEquals("even slices 5.1% brighter than odd ones (+- 0.5%, 40 slices)",
                new SliceIntensityAlternation(0.05, 0.005, 40).toString());
        assertEquals("even slices 5.1% darker than odd ones (+- 0.5%, 40 slices)",
                new SliceIntensityAlternation(-0.05, 0.005, 40).toString());
    }
}
