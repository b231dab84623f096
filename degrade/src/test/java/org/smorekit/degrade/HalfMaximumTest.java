package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HalfMaximumTest {

    @Test
    void crossingsAreLinearlyInterpolated() {
        // max 4, half 2: left between taps 0 (1) and 1 (3) at 0.5; right between taps 3 (3) and 4 (0) at 3 + 1/3
        HalfMaximum h = HalfMaximum.of(new double[] {1, 3, 4, 3, 0});
        assertEquals(0.5, h.left(), 1e-12);
        assertEquals(3 + 1.0 / 3, h.right(), 1e-12);
        assertEquals(3 + 1.0 / 3 - 0.5, h.width(), 1e-12);
    }

    @Test
    void samplesOutsideTheArrayCountAsZero() {
        HalfMaximum h = HalfMaximum.of(new double[] {2, 2, 2});
        assertEquals(-0.5, h.left(), 1e-12);
        assertEquals(2.5, h.right(), 1e-12);
    }

    @Test
    void aTriangleHasItsHalfBaseAsWidth() {
        // triangle of half-base 4 sampled at integers: FWHM exactly 4 (the half-max lies on the linear flanks)
        double[] v = new double[11];
        for (int t = 0; t < v.length; t++) {
            v[t] = Math.max(0, 4 - Math.abs(t - 5));
        }
        assertEquals(4.0, HalfMaximum.of(v).width(), 1e-12);
    }

    @Test
    void rejectsCurvesWithoutAPositivePeak() {
        assertThrows(IllegalArgumentException.class, () -> HalfMaximum.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> HalfMaximum.of(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> HalfMaximum.of(new double[] {0, Double.NaN}));
    }
}
