package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected codes are nibabel's {@code aff2axcodes} for the same affines (the fixtures' JSON covers oblique ones). */
class AxisCodesTest {
    @Test
    void identityIsRas() {
        assertEquals("RAS", AxisCodes.of(Affine.identity()));
    }

    @Test
    void nibabelsDocExample() {
        // nibabel: aff2axcodes([[0,1,0,10],[-1,0,0,20],[0,0,1,30],[0,0,0,1]]) == ('P', 'R', 'S')
        assertEquals("PRS", AxisCodes.of(Affine.of(0, 1, 0, 10, -1, 0, 0, 20, 0, 0, 1, 30, 0, 0, 0, 1)));
    }

    @Test
    void radiologicalFlipAndPermutation() {
        assertEquals("LAS", AxisCodes.of(Affine.scaling(-2, 1, 3)));
        // permuting voxel axes permutes the codes
        Affine a = Affine.of(-1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1);
        assertEquals("LIA", AxisCodes.of(a));
        assertEquals("ALI", AxisCodes.of(a.permuted(new int[] {2, 0, 1})));
    }
}
