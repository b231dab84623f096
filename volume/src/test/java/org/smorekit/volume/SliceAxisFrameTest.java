package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceAxisFrameTest {

    static Volume randomVolume(int[] shape, Affine affine) {
        SplittableRandom random = new SplittableRandom(42);
        float[] data = new float[shape[0] * shape[1] * shape[2]];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return Volume.wrap(shape, data, affine);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void sliceAxisGoesLastAndEveryVoxelKeepsItsWorldPosition(int axis) {
        double[] zooms = {1.1, 1.1, 1.1};
        zooms[axis] = 4.4;
        Volume v = randomVolume(new int[] {5, 6, 7},
                SliceGeometryTest.rotated(zooms, new double[] {-12.5, 30, 4.25}));
        SliceAxisFrame frame = SliceGeometry.detect(v, java.util.OptionalInt.empty()).frame();
        assertEquals(axis, frame.sliceAxis());
        Volume last = frame.toSliceLast(v);
        assertEquals(v.dim(axis), last.dim(2));
        assertEquals(4.4, last.spacingMm()[2], 1e-12);
        int[] order = frame.order();
        assertEquals(axis, order[2]);
        assertEquals(true, order[0] < order[1], "in-plane axes keep their order");
        int[] shape = last.shape();
        for (int k = 0; k < shape[2]; k++) {
            for (int j = 0; j < shape[1]; j++) {
                for (int i = 0; i < shape[0]; i++) {
                    int[] n = {i, j, k};
                    int[] o = new int[3];
                    for (int a = 0; a < 3; a++) {
                        o[order[a]] = n[a];
                    }
                    assertEquals(v.get(o[0], o[1], o[2]), last.get(i, j, k));
                    // voxel corner (-0.5 offsets) and centre map to the same world point in both frames
                    for (double c : new double[] {-0.5, 0, 0.5}) {
                        assertArrayEquals(v.affine().apply(o[0] + c, o[1] + c, o[2] + c),
                                last.affine().apply(i + c, j + c, k + c), 1e-9);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void restoreUndoesToSliceLastExactly(int axis) {
        Volume v = randomVolume(new int[] {3, 4, 5}, SliceGeometryTest.rotated(new double[] {1, 2, 3},
                new double[] {1, 2, 3}));
        SliceAxisFrame frame = new SliceAxisFrame(axis);
        Volume back = frame.restore(frame.toSliceLast(v));
        assertArrayEquals(v.shape(), back.shape());
        assertArrayEquals(v.toArray(), back.toArray());
        assertEquals(v.affine(), back.affine());
        if (axis == 2) {
            assertSame(v, frame.toSliceLast(v), "axis 2 needs no copy");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void gridChangedAlongTheSliceAxisComesBackOnTheOriginalAxis(int axis) {
        Volume v = randomVolume(new int[] {9, 9, 9}, SliceGeometryTest.rotated(new double[] {1, 1, 1},
                new double[] {-4, 5, 6}));
        SliceAxisFrame frame = new SliceAxisFrame(axis);
        Volume last = frame.toSliceLast(v);
        // thick slices at every 4th fine slice (j * 4), then back in the original orientation
        Affine thickAffine = last.affine().resampledAxis(2, 0, 4);
        Volume thick = last.withGrid(new int[] {9, 9, 3}, new float[9 * 9 * 3], thickAffine);
        Volume restored = frame.restore(thick);
        assertEquals(3, restored.dim(axis));
        assertEquals(0.0, restored.affine().maxAbsDifference(v.affine().resampledAxis(axis, 0, 4)), 1e-12);
    }
}
