package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SliceProfileTest {

    /** A Gaussian of FWHM 4 point-sampled on ESPRESO's 21 taps, built here from the formula. */
    private static double[] gaussian21Fwhm4() {
        double sigma = 4 / (2 * Math.sqrt(2 * Math.log(2)));
        double[] v = new double[21];
        for (int t = 0; t < 21; t++) {
            double x = t - 10;
            v[t] = Math.exp(-x * x / (2 * sigma * sigma));
        }
        return v;
    }

    @Test
    void gaussianOfFwhm4On21TapsMeasures4() {
        SliceProfile p = new SliceProfile(gaussian21Fwhm4());
        assertEquals(21, p.length());
        assertEquals(10, p.centre());
        assertEquals(4.0, p.fwhmVoxels(), 1e-3);
        assertEquals(4.0 * 1.5, p.fwhmMm(1.5), 1.5e-3);
    }

    @Test
    void integerRectMeasuresItsWidth() {
        // odd width 3: three full taps; even width 4: full taps with half taps at the edges
        assertEquals(3.0, new SliceProfile(new double[] {0, 1, 1, 1, 0}).fwhmVoxels(), 1e-12);
        assertEquals(4.0, new SliceProfile(new double[] {0.5, 1, 1, 1, 0.5}).fwhmVoxels(), 1e-12);
        assertEquals(1.0, SliceProfile.impulse(21).fwhmVoxels(), 1e-12);
    }

    @Test
    void normalisesToSumOneAndCopies() {
        double[] raw = {1, 2, 3, 2, 1};
        SliceProfile p = new SliceProfile(raw);
        double sum = 0;
        for (double v : p.values()) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-15);
        assertEquals(3.0 / 9, p.value(2), 1e-15);
        raw[2] = 100;
        assertEquals(3.0 / 9, p.value(2), 1e-15, "the record keeps its own copy");
        p.values()[2] = 100;
        assertEquals(3.0 / 9, p.value(2), 1e-15, "values() hands out a copy");
    }

    @Test
    void impulseHasOneTapAtTheCentre() {
        SliceProfile p = SliceProfile.impulse(5);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, p.values());
        assertEquals(2, p.centre());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(new SliceProfile(new double[] {1, 2, 1}), new SliceProfile(new double[] {2, 4, 2}));
        assertEquals(new SliceProfile(new double[] {1, 2, 1}).hashCode(),
                new SliceProfile(new double[] {2, 4, 2}).hashCode());
        assertTrue(new SliceProfile(new double[] {1, 2, 1}).toString().contains("K=3"));
    }

    @Test
    void rejectsInvalidTaps() {
        assertThrows(IllegalArgumentException.class, () -> new SliceProfile(new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new SliceProfile(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new SliceProfile(null));
        assertThrows(IllegalArgumentException.class, () -> new SliceProfile(new double[] {1, -0.1, 1}));
        assertThrows(IllegalArgumentException.class, () -> new SliceProfile(new double[] {1, Double.NaN, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> new SliceProfile(new double[] {1, Double.POSITIVE_INFINITY, 1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SliceProfile(new double[] {0, 0, 0}));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
    }
}
