package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.smorekit.degrade.SliceProfile;

class ProfileComparisonTest {

    @Test
    void identicalProfilesHaveNoError() {
        SliceProfile p = new SliceProfile(new double[] {1, 2, 4, 2, 1});
        ProfileComparison c = ProfileComparison.of(p, p, 1.0);
        assertEquals(0, c.profileError());
        assertEquals(0, c.fwhmErrorVoxels());
    }

    @Test
    void disjointProfilesHaveTheMaximalErrorOfTwo() {
        SliceProfile a = new SliceProfile(new double[] {1, 0, 0});
        SliceProfile b = new SliceProfile(new double[] {0, 0, 1});
        assertEquals(2.0, ProfileComparison.profileError(a, b), 1e-12);
    }

    @Test
    void centresAreAlignedAndTheShorterIsPaddedWithZeros() {
        // impulse of length 3 against impulse of length 9: same kernel once centred
        assertEquals(0.0, ProfileComparison.profileError(SliceProfile.impulse(3), SliceProfile.impulse(9)), 1e-12);
        // [0.25 0.5 0.25] vs the 5-tap impulse: |0.25| + |0.5 - 1| + |0.25| = 1
        SliceProfile tri = new SliceProfile(new double[] {1, 2, 1});
        assertEquals(1.0, ProfileComparison.profileError(tri, SliceProfile.impulse(5)), 1e-12);
        assertEquals(1.0, ProfileComparison.profileError(SliceProfile.impulse(5), tri), 1e-12);
    }

    @Test
    void fwhmErrorInVoxelsAndMm() {
        // rect of width 3 (FWHM 3) against the impulse (FWHM 1: crossings at -0.5, +0.5)
        SliceProfile rect = new SliceProfile(new double[] {0, 1, 1, 1, 0});
        SliceProfile impulse = SliceProfile.impulse(5);
        ProfileComparison c = ProfileComparison.of(impulse, rect, 0.8);
        assertEquals(3.0, c.fwhmTrueVoxels(), 1e-12);
        assertEquals(1.0, c.fwhmEstimatedVoxels(), 1e-12);
        assertEquals(2.0, c.fwhmErrorVoxels(), 1e-12);
        assertEquals(1.6, c.fwhmErrorMm(), 1e-12);
        assertEquals(4.0 / 3, c.profileError(), 1e-12);
    }
}
