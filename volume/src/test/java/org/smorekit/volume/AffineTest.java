package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AffineTest {
    private final Affine rotated = SliceGeometryTest.rotated(new double[] {0.8, 1.3, 2.9},
            new double[] {-90.25, 12.5, 40});

    @Test
    void voxelSizesOfARotatedAffineAreTheZooms() {
        assertArrayEquals(new double[] {0.8, 1.3, 2.9}, rotated.voxelSizesMm(), 1e-12);
    }

    @Test
    void obliquityIsTheLargestAngleOfAVoxelAxisFromItsNearestWorldAxis() {
        assertEquals(0, Affine.scaling(0.9, -0.9, 4).obliquityDegrees(), 1e-12);
        assertEquals(0, Affine.scaling(1, 1, 4).permuted(new int[] {2, 0, 1}).obliquityDegrees(), 1e-12);
        double c = Math.cos(Math.toRadians(15));
        double s = Math.sin(Math.toRadians(15));
        // 15 degrees about x: the j and k axes tilt, i stays
        Affine tilted = Affine.fromRows(new double[] {1, 0, 0, 0}, new double[] {0, c, -4 * s, 0},
                new double[] {0, s, 4 * c, 0});
        assertEquals(15, tilted.obliquityDegrees(), 1e-9);
        // 60 degrees about z: each in-plane axis is 30 degrees from the other world axis, its nearest
        double c60 = 0.5;
        double s60 = Math.sqrt(3) / 2;
        Affine turned = Affine.fromRows(new double[] {c60, -s60, 0, 0}, new double[] {s60, c60, 0, 0},
                new double[] {0, 0, 1, 0});
        assertEquals(30, turned.obliquityDegrees(), 1e-9);
        // a degenerate sform (a zero column) has no direction along that axis: not NaN
        Affine flat = Affine.fromRows(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}, new double[] {0, 0, 0, 0});
        assertEquals(0, flat.obliquityDegrees(), 1e-12);
    }

    @Test
    void inverseRoundTrips() {
        assertEquals(0.0, rotated.multiply(rotated.inverse()).maxAbsDifference(Affine.identity()), 1e-12);
        double[] world = rotated.apply(3.25, -1, 17);
        assertArrayEquals(new double[] {3.25, -1, 17}, rotated.inverse().apply(world[0], world[1], world[2]), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Affine.scaling(1, 0, 1).inverse());
    }

    @Test
    void resampledAxisPutsVoxelNAtOldVoxelOffsetPlusNStep() {
        for (int axis = 0; axis < 3; axis++) {
            Affine r = rotated.resampledAxis(axis, 1.5, 0.25);
            for (int n = 0; n < 5; n++) {
                double[] fine = {2, 3, 4};
                fine[axis] = n;
                double[] old = fine.clone();
                old[axis] = 1.5 + n * 0.25;
                assertArrayEquals(rotated.apply(old[0], old[1], old[2]), r.apply(fine[0], fine[1], fine[2]), 1e-9);
            }
        }
    }

    @Test
    void thickSliceGridAndSuperResolvedGridMatchTheContract() {
        // Colin27 along z: 181 fine slices, scale 4 -> 46 thick slices at j*4 -> 181 SR slices on the truth grid
        Affine iso = Affine.of(1, 0, 0, -90, 0, 1, 0, -125, 0, 0, 1, -71, 0, 0, 0, 1);
        double s = 4;
        Affine thick = iso.resampledAxis(2, 0, s);
        assertArrayEquals(iso.apply(0, 0, 0), thick.apply(0, 0, 0), 1e-12, "first slice stays in place");
        assertArrayEquals(iso.apply(0, 0, 180), thick.apply(0, 0, 45), 1e-12);
        assertEquals(4.0, thick.voxelSizesMm()[2], 1e-12);
        Affine sr = thick.resampledAxis(2, 0, 1 / s);
        assertEquals(0.0, sr.maxAbsDifference(iso), 1e-12);
        // origin shift: a grid starting half a thick slice later
        Affine shifted = thick.resampledAxis(2, 0.5, 1);
        assertEquals(-71 + 2.0, shifted.get(2, 3), 1e-12);
    }

    @Test
    void permutedAffineMovesColumnsNotTheOrigin() {
        Affine p = rotated.permuted(new int[] {2, 0, 1});
        for (int row = 0; row < 3; row++) {
            assertEquals(rotated.get(row, 2), p.get(row, 0));
            assertEquals(rotated.get(row, 0), p.get(row, 1));
            assertEquals(rotated.get(row, 1), p.get(row, 2));
            assertEquals(rotated.get(row, 3), p.get(row, 3));
        }
    }
}
