package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class ThickSliceSimulatorTest {

    /** A 23x19x17 volume of random values with an oblique affine (rotation about z, anisotropic spacing, offset). */
    static Volume obliqueVolume() {
        int[] shape = {23, 19, 17};
        float[] data = new float[23 * 19 * 17];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextDouble(0, 255);
        }
        double a = Math.toRadians(20), c = Math.cos(a), s = Math.sin(a);
        Affine affine = Affine.of(
                0.9 * c, -1.1 * s, 0, -10.5,
                0.9 * s, 1.1 * c, 0, 20.25,
                0, 0, 1.3, -30,
                0, 0, 0, 1);
        return Volume.wrap(shape, data, affine);
    }

    @Test
    void outputGridForEachAxis() {
        Volume iso = obliqueVolume();
        for (int axis = 0; axis < 3; axis++) {
            for (double scale : new double[] {4, 3.3}) {
                Volume lr = ThickSliceSimulator.simulate(iso, Profiles.gaussian(scale), scale, axis);
                int[] expectedShape = iso.shape();
                expectedShape[axis] = (int) Math.floor((expectedShape[axis] - 1) / scale) + 1;
                assertArrayEquals(expectedShape, lr.shape(), "axis " + axis + ", scale " + scale);
                double[] spacing = iso.spacingMm();
                spacing[axis] *= scale;
                assertArrayEquals(spacing, lr.spacingMm(), 1e-12);
                // sample 0 stays in place, sample j sits at input voxel j * scale
                assertArrayEquals(iso.affine().apply(0, 0, 0), lr.affine().apply(0, 0, 0), 1e-12);
                double[] last = {0, 0, 0};
                last[axis] = lr.dim(axis) - 1;
                double[] lastInInput = last.clone();
                lastInInput[axis] *= scale;
                assertArrayEquals(iso.affine().apply(lastInInput[0], lastInInput[1], lastInInput[2]),
                        lr.affine().apply(last[0], last[1], last[2]), 1e-9);
                assertEquals(iso.affine().resampledAxis(axis, 0, scale), lr.affine());
                assertFalse(lr.header().isPresent());
            }
        }
    }

    @Test
    void everyLineGoesThroughTheLineDegrader() {
        Volume iso = obliqueVolume();
        SliceProfile profile = new SliceProfile(new double[] {0.1, 0.5, 0.3, 0.1, 0});
        for (int axis = 0; axis < 3; axis++) {
            for (double scale : new double[] {1, 2, 3.3}) {
                Volume lr = ThickSliceSimulator.simulate(iso, profile, scale, axis);
                LineDegrader degrader = new LineDegrader(profile, scale);
                int[] sh = iso.shape();
                int uAxis = axis == 0 ? 1 : 0, vAxis = axis == 2 ? 1 : 2;
                float[] line = new float[sh[axis]];
                for (int v = 0; v < sh[vAxis]; v++) {
                    for (int u = 0; u < sh[uAxis]; u++) {
                        iso.copyLine(axis, u, v, line);
                        float[] expected = degrader.degrade(line);
                        float[] actual = new float[expected.length];
                        lr.copyLine(axis, u, v, actual);
                        assertArrayEquals(expected, actual, "axis " + axis + " line " + u + "," + v);
                    }
                }
            }
        }
    }

    @Test
    void matchesTheDirectFormulaAtIntegerScale() {
        Volume iso = obliqueVolume();
        SliceProfile k = Profiles.gaussian(3);
        int c = k.centre();
        Volume lr = ThickSliceSimulator.simulate(iso, k, 2, 2);
        int nz = iso.nz();
        for (int z = 0; z < lr.nz(); z++) {
            for (int y = 0; y < lr.ny(); y++) {
                for (int x = 0; x < lr.nx(); x++) {
                    double s = 0;
                    for (int t = 0; t < k.length(); t++) {
                        int zi = 2 * z - (t - c);
                        zi = zi < 0 ? -zi : zi > nz - 1 ? 2 * (nz - 1) - zi : zi;
                        s += k.value(t) * iso.get(x, y, zi);
                    }
                    assertEquals(s, lr.get(x, y, z), 1e-3);
                }
            }
        }
    }

    @Test
    void isDeterministic() {
        Volume iso = obliqueVolume();
        Volume a = ThickSliceSimulator.simulate(iso, Profiles.rect(3.5), 3.3, 1);
        Volume b = ThickSliceSimulator.simulate(iso, Profiles.rect(3.5), 3.3, 1);
        assertArrayEquals(a.toArray(), b.toArray());
    }

    @Test
    void rejectsBadArguments() {
        Volume iso = obliqueVolume();
        assertThrows(IllegalArgumentException.class,
                () -> ThickSliceSimulator.simulate(iso, Profiles.gaussian(4), 4, 3));
        assertThrows(IllegalArgumentException.class,
                () -> ThickSliceSimulator.simulate(iso, Profiles.gaussian(4), 0.5, 2));
        assertThrows(NullPointerException.class, () -> ThickSliceSimulator.simulate(iso, null, 4, 2));
    }
}
