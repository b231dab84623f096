package org.smorekit.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SliceGeometryTest {
    private static final OptionalInt AUTO = OptionalInt.empty();

    /** A rotation about an oblique axis (Rodrigues), so that no affine entry is zero. */
    static double[] rotation(double ax, double ay, double az, double angle) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double x = ax / n, y = ay / n, z = az / n, c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[] {
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c
        };
    }

    /** R * diag(zooms) plus an origin. */
    static Affine rotated(double[] zooms, double[] origin) {
        double[] r = rotation(0.3, -0.5, 0.8, 0.7);
        double[] m = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 4 + col] = r[row * 3 + col] * zooms[col];
            }
            m[row * 4 + 3] = origin[row];
        }
        m[15] = 1;
        return Affine.of(m);
    }

    @Test
    void slicesAlongTheCoarsestAxisWithAnExactNonIntegerScale() {
        SliceGeometry g = SliceGeometry.detect(new double[] {1.2, 4.5, 1.2}, AUTO);
        assertEquals(1, g.axis());
        assertEquals(1.2, g.inPlaneSpacingMm(), 1e-12);
        assertEquals(4.5, g.sliceSpacingMm(), 1e-12);
        assertEquals(3.75, g.scale(), 1e-12);
        assertArrayEquals(new int[] {0, 2}, g.inPlaneAxes());
    }

    @Test
    void spacingComesFromTheAffineEvenWhenRotated() {
        Volume v = Volume.of(new int[] {4, 4, 3}, new float[48], rotated(new double[] {0.9, 0.9, 3.3}, new double[3]));
        SliceGeometry g = SliceGeometry.detect(v, AUTO);
        assertEquals(2, g.axis());
        assertEquals(3.3 / 0.9, g.scale(), 1e-12);
    }

    /** The affine as a NIfTI-1 header stores it: every entry rounded to float32. */
    static Affine float32(Affine a) {
        double[] m = new double[16];
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                m[row * 4 + col] = (float) a.get(row, col);
            }
        }
        return Affine.of(m);
    }

    @Test
    void float32SpacingsGiveTheScaleTheScanWasAcquiredWith() {
        // 5.5 mm slices over 1.1 mm pixels: float32(1.1) makes the plain ratio 4.99999989, and the grid convention
        // floor((m - 1) * scale) + 1 would give 145 instead of 146 output slices for 30 thick ones
        SliceGeometry g = SliceGeometry.detect(new double[] {(float) 1.1, (float) 1.1, (float) 5.5}, AUTO);
        assertTrue(5.5 / (float) 1.1 < 5, "the raw ratio is just below 5");
        assertEquals(5.0, g.scale(), 0.0);
        assertEquals(146, (int) Math.floor(29 * g.scale() + 1e-9) + 1);

        // a 1 x 1 x 4 mm scan tilted by 20 degrees about x, stored in float32: column norms 0.99999999959, 3.9999999984
        double c = Math.cos(Math.toRadians(20));
        double s = Math.sin(Math.toRadians(20));
        Affine tilted = float32(Affine.of(
                1, 0, 0, -50,
                0, c, -4 * s, -60,
                0, s, 4 * c, -70,
                0, 0, 0, 1));
        Volume v = Volume.of(new int[] {4, 4, 46}, new float[4 * 4 * 46], tilted);
        double[] spacing = v.spacingMm();
        assertTrue(spacing[2] / ((spacing[0] + spacing[1]) / 2) < 4, "the raw ratio is just below 4");
        assertEquals(4.0, SliceGeometry.detect(v, AUTO).scale(), 0.0);
    }

    @Test
    void scalesThatAreNotNearASimpleFractionAreKeptAsTheyAre() {
        SliceGeometry g = SliceGeometry.detect(new double[] {0.4688, 0.4688, 5.0}, AUTO);
        assertEquals(5.0 / 0.4688, g.scale(), 0.0);
        assertEquals(4.0 / 0.9375, SliceGeometry.detect(new double[] {0.9375, 0.9375, 4}, AUTO).scale(), 1e-15);
    }

    @Test
    void inPlaneMismatchIsRefusedWithTheSpacings() {
        ScanGeometryException e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {1.0, 1.1, 5.0}, AUTO));
        assertTrue(e.getMessage().contains("in-plane spacings differ: axis 0 is 1 mm, axis 1 is 1.1 mm"),
                e.getMessage());
        assertTrue(e.getMessage().contains("square in-plane pixels"), e.getMessage());
    }

    @Test
    void inPlaneMismatchSaysHowToResampleToSquarePixelsInTheScansAxisOrder() {
        // 0.9 x 1.1 mm pixels, 5 mm slices: resample both in-plane axes to the finer 0.9 mm, keep the slices
        ScanGeometryException e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {0.9, 1.1, 5.0}, AUTO));
        assertTrue(e.getMessage().endsWith("resample the scan in-plane to square pixels first, e.g. with ANTs:"
                + " ResampleImage 3 in.nii.gz out.nii.gz 0.9x0.9x5 0 4 (spacing in mm per voxel axis, 4 = B-spline),"
                + " then super-resolve out.nii.gz"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        // slices along axis 0 (sagittal), stored in float32: the spacing follows the scan's axes, rounded for people
        e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {(float) 4.4, (float) 1.2, (float) 0.8}, AUTO));
        assertTrue(e.getMessage().contains("ResampleImage 3 in.nii.gz out.nii.gz 4.4x0.8x0.8 0 4"), e.getMessage());
    }

    @Test
    void withinOnePercentCountsAsSquare() {
        SliceGeometry g = SliceGeometry.detect(new double[] {1.0, 1.009, 3.0}, AUTO);
        assertEquals(1.0045, g.inPlaneSpacingMm(), 1e-12);
    }

    @Test
    void isotropicIsRefused() {
        ScanGeometryException e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {1.0, 1.005, 0.998}, AUTO));
        assertTrue(e.getMessage().contains("isotropic"), e.getMessage());
    }

    @Test
    void twoThickAxesAreRefusedAsAmbiguous() {
        ScanGeometryException e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {3.0, 1.0, 3.01}, AUTO));
        assertTrue(e.getMessage().contains("two thick axes (0 and 2"), e.getMessage());
        assertTrue(e.getMessage().contains("thin axis (1, 1 mm)"), e.getMessage());
    }

    @Test
    void explicitAxisOverridesButStillNeedsSquarePixels() {
        SliceGeometry g = SliceGeometry.detect(new double[] {2.0, 1.0, 1.0}, OptionalInt.of(0));
        assertEquals(2.0, g.scale(), 1e-12);
        SliceGeometry iso = SliceGeometry.detect(new double[] {1.0, 1.0, 1.0}, OptionalInt.of(2));
        assertEquals(1.0, iso.scale(), 1e-12);
        ScanGeometryException e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {1.0, 1.0, 4.0}, OptionalInt.of(0)));
        assertTrue(e.getMessage().contains("axis 1 is 1 mm, axis 2 is 4 mm"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SliceGeometry.detect(new double[] {1, 1, 4},
                OptionalInt.of(3)));
    }

    @Test
    void assessmentExplainsWithoutThrowing() {
        ScanAssessment yes = ScanAssessment.of(new double[] {1, 1, 4}, AUTO);
        assertTrue(yes.applies());
        assertEquals(4.0, yes.geometry().orElseThrow().scale(), 1e-12);
        assertTrue(yes.reason().contains("scale 4"), yes.reason());
        ScanAssessment iso = ScanAssessment.of(new double[] {1, 1, 1}, AUTO);
        assertFalse(iso.applies());
        assertTrue(iso.reason().contains("isotropic"), iso.reason());
        ScanAssessment forced = ScanAssessment.of(new double[] {1, 1, 1}, OptionalInt.of(2));
        assertFalse(forced.applies());
        assertTrue(forced.reason().contains("nothing to super-resolve"), forced.reason());
        assertTrue(yes.resampling().isEmpty());
    }

    @Test
    void slicesAreDetectedWithoutCheckingThePixels() {
        SliceSpacings s = SliceSpacings.detect(new double[] {0.9, 5.0, 1.1}, AUTO);
        assertEquals(new SliceSpacings(1, 0.9, 1.1, 5.0), s);
        assertArrayEquals(new int[] {0, 2}, s.inPlaneAxes());
        assertFalse(s.squarePixels());
        // isotropic and two thick axes are refused as by SliceGeometry.detect
        assertThrows(ScanGeometryException.class, () -> SliceSpacings.detect(new double[] {1, 1, 1.005}, AUTO));
        assertThrows(ScanGeometryException.class, () -> SliceSpacings.detect(new double[] {3, 1, 3.01}, AUTO));
    }

    @Test
    void nonSquarePixelsAreMadeSquareAtTheFinerSpacing() {
        // 0.9 x 1.1 mm pixels, 5 mm slices: axis 1 goes from 1.1 to 0.9 mm; SR then sees 0.9 mm pixels, scale 5 / 0.9
        SliceSpacings s = SliceSpacings.detect(new double[] {0.9, 1.1, 5.0}, AUTO);
        InPlaneResampling r = s.squarePixelResampling().orElseThrow();
        assertEquals(new InPlaneResampling(1, 1.1, 0.9), r);
        assertEquals(1.1 / 0.9, r.scale(), 1e-15);
        // 16 samples, 15 gaps of 1.1 mm = 16.5 mm, hold floor(16.5 / 0.9) + 1 = 19 samples of 0.9 mm
        assertArrayEquals(new long[] {20, 19, 6}, r.resampledShape(new long[] {20, 16, 6}));
        SliceGeometry g = s.squarePixelGeometry();
        assertEquals(new SliceGeometry(2, 0.9, 5.0), g);
        assertEquals(5.0 / 0.9, g.scale(), 1e-12);
        assertEquals("in-plane axis 1 resampled from 1.1 mm to 0.9 mm (cubic B-spline): square 0.9 mm pixels",
                r.toString());

        // square pixels need nothing, and keep the mean spacing
        SliceSpacings square = SliceSpacings.detect(new double[] {1.0, 1.009, 3.0}, AUTO);
        assertTrue(square.squarePixelResampling().isEmpty());
        assertEquals(square.geometry(), square.squarePixelGeometry());
    }

    @Test
    void anAbsurdInPlaneRatioIsNotMadeSquare() {
        // 0.5 x 2.5 mm "pixels" with 6 mm slices: a factor of 5 is not a thick-slice scan with non-square pixels
        SliceSpacings s = SliceSpacings.detect(new double[] {0.5, 2.5, 6.0}, AUTO);
        ScanGeometryException e = assertThrows(ScanGeometryException.class, s::squarePixelResampling);
        assertTrue(e.getMessage().startsWith("in-plane spacings differ: axis 0 is 0.5 mm, axis 1 is 2.5 mm (slice axis"
                + " 2), a factor of 5: more than 4, so not a thick-slice scan with non-square pixels"), e.getMessage());
        assertThrows(ScanGeometryException.class, s::squarePixelGeometry);
        // exactly 4 is still made square
        assertEquals(4.0, SliceSpacings.detect(new double[] {0.5, 2.0, 6.0}, AUTO).squarePixelResampling()
                .orElseThrow().scale(), 0.0);
        // a given slice axis finer than the coarser in-plane axis: not a thick-slice scan along it
        e = assertThrows(ScanGeometryException.class,
                () -> SliceSpacings.detect(new double[] {1.0, 1.0, 4.0}, OptionalInt.of(0)).squarePixelResampling());
        assertTrue(e.getMessage().endsWith("axis 2 is not finer than the slice axis: not a thick-slice scan along"
                + " axis 0"), e.getMessage());
    }

    @Test
    void assessmentStatesTheInPlaneResampling() {
        ScanAssessment aniso = ScanAssessment.of(new double[] {0.9, 1.1, 5.0}, AUTO);
        assertTrue(aniso.applies());
        assertEquals(1, aniso.resampling().orElseThrow().axis());
        assertEquals(0.9, aniso.geometry().orElseThrow().inPlaneSpacingMm(), 0.0);
        assertEquals("in-plane axis 1 resampled from 1.1 mm to 0.9 mm (cubic B-spline): square 0.9 mm pixels; then"
                + " slice axis 2: 5 mm slices, 0.9 mm in-plane pixels, scale 5.5556", aniso.reason());
        ScanAssessment absurd = ScanAssessment.of(new double[] {0.5, 2.5, 6.0}, AUTO);
        assertFalse(absurd.applies());
        assertTrue(absurd.resampling().isEmpty());
        assertTrue(absurd.reason().contains("a factor of 5: more than 4"), absurd.reason());
    }
}
