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

    @Test
    void inPlaneMismatchIsRefusedWithTheSpacings() {
        ScanGeometryException e = assertThrows(ScanGeometryException.class,
                () -> SliceGeometry.detect(new double[] {1.0, 1.1, 5.0}, AUTO));
        assertTrue(e.getMessage().contains("in-plane spacings differ: axis 0 is 1 mm, axis 1 is 1.1 mm"),
                e.getMessage());
        assertTrue(e.getMessage().contains("square in-plane pixels"), e.getMessage());
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
        assertFalse(ScanAssessment.of(new double[] {1, 1.5, 4}, AUTO).applies());
    }
}
