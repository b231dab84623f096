package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smorekit.volume.Volume;

class BsplineUpsamplerTest {

    @Test
    void outputLengthFollowsTheGridConvention() {
        assertEquals(181, BsplineUpsampler.outputLength(46, 4)); // Colin27 along z, back onto the truth grid
        assertEquals(24, BsplineUpsampler.outputLength(8, 3.3)); // floor(23.1) + 1
        assertEquals(34, BsplineUpsampler.outputLength(11, 3.3)); // 33 despite rounding in 10 * 3.3
        assertEquals(1, BsplineUpsampler.outputLength(1, 4));
        for (int n = 1; n < 200; n++) {
            for (double s : new double[] {2, 3, 4, 3.3, 5.75}) {
                int m = LineDegrader.outputLength(n, s);
                int back = BsplineUpsampler.outputLength(m, s);
                // (m-1) s <= n-1 < m s, so the fine grid covers the input but for less than s + 1 samples
                assertTrue(back <= n && back > n - s - 1, "n " + n + " s " + s + " back " + back);
            }
        }
    }

    @Test
    void coefficientsInterpolateTheSamples() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 1; n <= 30; n++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = r.nextDouble(-5, 5);
            }
            double[] c = f.clone();
            CubicBspline.prefilter(c, n);
            for (int i = 0; i < n; i++) {
                assertEquals(f[i], CubicBspline.at(c, n, i), 1e-12, "n " + n + " i " + i);
            }
        }
    }

    @Test
    void reproducesTheSamplesAtIntegerPositions() {
        SplittableRandom r = new SplittableRandom(4);
        float[] f = new float[20];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextDouble(0, 100);
        }
        float[] up = BsplineUpsampler.upsample(f, 4);
        assertEquals(77, up.length);
        for (int i = 0; i < f.length; i++) {
            assertEquals(f[i], up[4 * i], 1e-4);
        }
    }

    @Test
    void reproducesAQuadraticInside() {
        int m = 40;
        double s = 3.3;
        float[] f = new float[m];
        for (int i = 0; i < m; i++) {
            f[i] = (float) (0.05 * i * i - 1.5 * i + 4);
        }
        float[] up = BsplineUpsampler.upsample(f, s);
        // the mirror boundary is not quadratic; its influence decays as |z|^d = 0.268^d: stay 8 samples away
        for (int i = 0; i < up.length; i++) {
            double x = i / s;
            if (x >= 8 && x <= m - 1 - 8) {
                assertEquals(0.05 * x * x - 1.5 * x + 4, up[i], 1e-4, "x = " + x);
            }
        }
    }

    /**
     * Reference values from scipy 1.17.1 (numpy 2.4.6):
     * {@code scipy.ndimage.map_coordinates(f, [np.arange(24) / 3.3], order=3, mode='mirror')} with
     * {@code f = [3, 1, 4, 1, 5, 9, 2, 6]}, and {@code spline_filter1d(f, order=3, mode='mirror')} for the coefficients.
     */
    @Test
    void matchesScipyMapCoordinatesMirror() {
        float[] f = {3, 1, 4, 1, 5, 9, 2, 6};
        float[] up = BsplineUpsampler.upsample(f, 3.3);
        assertEquals(24, up.length);
        int[] index = {0, 1, 2, 5, 7, 11, 16, 20, 23};
        double[] scipy = {2.999999999999999, 2.513709662163375, 1.581161446440197, 2.645390798835556,
            3.9002861672303046, 1.3452549079481415, 9.298246462780533, 1.971690543951362, 5.988027790952577};
        for (int q = 0; q < index.length; q++) {
            assertEquals(scipy[q], up[index[q]], 1e-5, "i = " + index[q]);
        }
        double[] c = {3, 1, 4, 1, 5, 9, 2, 6};
        CubicBspline.prefilter(c, 8);
        assertArrayEquals(new double[] {5.24287187, -1.48574373, 6.70010306, -1.3146685, 4.55857094, 13.08038475,
            -2.88010993, 10.44005496}, c, 1e-8);
        // a 3-sample line at 0.5, 1.25, 1.9
        double[] c3 = {2, 7, 1};
        CubicBspline.prefilter(c3, 3);
        assertEquals(4.59375, CubicBspline.at(c3, 3, 0.5), 1e-12);
        assertEquals(5.95703125, CubicBspline.at(c3, 3, 1.25), 1e-12);
        assertEquals(1.16125, CubicBspline.at(c3, 3, 1.9), 1e-12);
    }

    @Test
    void upsamplesAVolumeOntoTheFineGrid() {
        Volume iso = ThickSliceSimulatorTest.obliqueVolume();
        for (int axis = 0; axis < 3; axis++) {
            double s = 3.3;
            Volume lr = ThickSliceSimulator.simulate(iso, Profiles.gaussian(3.3), s, axis);
            Volume up = BsplineUpsampler.upsample(lr, s, axis);
            int[] shape = lr.shape();
            shape[axis] = BsplineUpsampler.outputLength(shape[axis], s);
            assertArrayEquals(shape, up.shape());
            assertEquals(lr.affine().resampledAxis(axis, 0, 1 / s), up.affine());
            // the upsampled grid's voxel i along the axis is the input's voxel i (to rounding)
            assertEquals(0, iso.affine().maxAbsDifference(up.affine()), 1e-12);
            int[] sh = lr.shape();
            int uAxis = axis == 0 ? 1 : 0, vAxis = axis == 2 ? 1 : 2;
            float[] line = new float[sh[axis]];
            float[] got = new float[shape[axis]];
            for (int v = 0; v < sh[vAxis]; v += 3) {
                for (int u = 0; u < sh[uAxis]; u += 2) {
                    lr.copyLine(axis, u, v, line);
                    up.copyLine(axis, u, v, got);
                    assertArrayEquals(BsplineUpsampler.upsample(line, s), got);
                }
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> BsplineUpsampler.upsample(new float[] {1, 2}, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> BsplineUpsampler.upsample(ThickSliceSimulatorTest.obliqueVolume(), 2, -1));
    }
}
