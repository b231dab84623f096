package org.smorekit.smore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smorekit.volume.Volume;

class IntensityScaleTest {
    private static Volume head() {
        return Phantom.ellipsoids(40, 40, 12, 30, 1);
    }

    private static Volume shifted(Volume v, float by) {
        float[] d = v.toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] += by;
        }
        return v.withData(d);
    }

    private static float[] range(Volume v) {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < v.size(); i++) {
            lo = Math.min(lo, v.get(i));
            hi = Math.max(hi, v.get(i));
        }
        return new float[] {lo, hi};
    }

    @Test
    void aMagnitudeImageKeepsItsZeroAndIsDividedByItsRobustMaximum() {
        Volume v = head();
        IntensityScale s = IntensityScale.of(v);
        assertEquals(0, s.offset());
        float[] r = range(s.normalise(v));
        assertEquals(0, r[0]);
        assertTrue(r[1] >= 1 && r[1] < 1.5, "top " + r[1]);
    }

    @Test
    void anImageStoredWithAnOffsetIsShiftedToItsFloorFirst() {
        for (float by : new float[] {1000, -1000}) {
            Volume v = shifted(head(), by);
            IntensityScale s = IntensityScale.of(v);
            assertEquals(by, s.offset(), 1e-3);
            float[] r = range(s.normalise(v));
            // tissue spans about [0, 1] as without the offset, not [0.9, 1] nor mostly negative
            assertEquals(0, r[0], 1e-4);
            assertTrue(r[1] >= 1 && r[1] < 1.5, "top " + r[1]);
        }
    }

    @Test
    void aCropWithNoBackgroundIsStretchedToItsRobustRange() {
        Volume v = shifted(head(), 30); // every voxel at least 30: no dark background
        IntensityScale s = IntensityScale.of(v);
        assertEquals(30, s.offset(), 1e-6);
        assertEquals(0, range(s.normalise(v))[0], 1e-6);
    }

    @Test
    void restoreUndoesNormalise() {
        Volume v = shifted(head(), 250);
        IntensityScale s = IntensityScale.of(v);
        float[] back = s.normalise(v).toArray();
        s.restore(back);
        for (int i = 0; i < back.length; i++) {
            assertEquals(v.get(i), back[i], 1e-3);
        }
    }

    @Test
    void nothingFiniteOrNothingButZerosIsLeftAlone() {
        Volume zeros = head().withData(new float[40 * 40 * 12]);
        assertEquals(new IntensityScale(0, 1), IntensityScale.of(zeros));
        float[] nan = new float[40 * 40 * 12];
        java.util.Arrays.fill(nan, Float.NaN);
        assertEquals(new IntensityScale(0, 1), IntensityScale.of(zeros.withData(nan)));
    }
}
