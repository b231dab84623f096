package org.smorekit.volume.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.smorekit.volume.Affine;

class NiftiTransformsTest {

    private static Affine rotatedAffine(boolean leftHanded) {
        double[] r = NiftiTransforms.quaternionToRotation(0.8, 0.1, -0.5, 0.3); // normalised inside
        double[] zooms = {0.9, 1.1, leftHanded ? -3.0 : 3.0};
        double[] m = new double[16];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                m[row * 4 + col] = r[row * 3 + col] * zooms[col];
            }
        }
        m[3] = 12.5;
        m[7] = -40;
        m[11] = 7.25;
        m[15] = 1;
        return Affine.of(m);
    }

    private static NiftiHeader withQform(NiftiTransforms.Qform q) {
        double[] z = q.zoomsMm();
        return NiftiHeader.builder().qformCode(1)
                .pixdim(new double[] {q.qfac(), z[0], z[1], z[2], 1, 1, 1, 1})
                .quaternB(q.quaternB()).quaternC(q.quaternC()).quaternD(q.quaternD())
                .qoffsetX(q.qoffsetX()).qoffsetY(q.qoffsetY()).qoffsetZ(q.qoffsetZ()).build();
    }

    @Test
    void qformRoundTripsRightAndLeftHandedAffines() {
        for (boolean left : new boolean[] {false, true}) {
            Affine a = rotatedAffine(left);
            NiftiTransforms.Qform q = NiftiTransforms.qformOf(a);
            assertEquals(left ? -1.0 : 1.0, q.qfac());
            assertArrayEquals(new double[] {0.9, 1.1, 3.0}, q.zoomsMm(), 1e-12);
            assertEquals(0.0, NiftiTransforms.qformAffine(withQform(q)).maxAbsDifference(a), 1e-12);
        }
    }

    @Test
    void shearsAreStrippedToTheNearestRotation() {
        Affine sheared = Affine.of(1, 0.1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
        Affine q = NiftiTransforms.qformAffine(withQform(NiftiTransforms.qformOf(sheared)));
        // columns of the qform affine are orthogonal
        double dot = 0;
        for (int row = 0; row < 3; row++) {
            dot += q.get(row, 0) * q.get(row, 1);
        }
        assertEquals(0.0, dot, 1e-12);
        // closest rotation to [[1, 0.1/|c1|], [0, 1/|c1|]] turns by half the shear angle
        assertTrue(q.maxAbsDifference(sheared) < 0.06);
    }

    @Test
    void baseAffineIsNibabelsCentredFlippedOne() {
        // nibabel: shape_zoom_affine((3, 5, 7), (3, 2, 1)) = [[-3,0,0,3],[0,2,0,-4],[0,0,1,-3]]
        NiftiHeader h = NiftiHeader.builder().dim(new long[] {3, 3, 5, 7, 1, 1, 1, 1})
                .pixdim(new double[] {1, 3, 2, 1, 1, 1, 1, 1}).build();
        assertEquals(Affine.of(-3, 0, 0, 3, 0, 2, 0, -4, 0, 0, 1, -3, 0, 0, 0, 1), NiftiTransforms.baseAffine(h));
        assertEquals(NiftiTransforms.baseAffine(h), NiftiTransforms.bestAffine(h));
    }

    @Test
    void quaternionClearlyAboveUnitNormIsRejected() {
        NiftiHeader h = NiftiHeader.builder().qformCode(1).quaternB(0.8).quaternC(0.8).quaternD(0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NiftiTransforms.qformAffine(h));
        assertTrue(e.getMessage().contains("norm > 1"), e.getMessage());
    }

    @Test
    void singularAffineHasNoQform() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NiftiTransforms.qformOf(Affine.scaling(1, 0, 1)));
        assertTrue(e.getMessage().contains("voxel size along axis 1 is 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NiftiTransforms.qformOf(Affine.of(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)));
    }

    @Test
    void invalidCodesReadAsZeroAsInNibabel() {
        NiftiHeader h = NiftiHeader.builder().sformCode(9).qformCode(-1).build();
        assertEquals(0, NiftiTransforms.effectiveSformCode(h));
        assertEquals(0, NiftiTransforms.effectiveQformCode(h));
    }

    @Test
    void headerCodecRoundTripsNifti1Fields() throws Exception {
        NiftiHeader h = NiftiHeader.builder().dim(new long[] {3, 5, 4, 3, 1, 1, 1, 1})
                .pixdim(new double[] {-1, 0.5, 0.75, 3, 2, 1, 1, 1}).datatype(4).bitpix(16).voxOffset(352)
                .sclSlope(0.5).sclInter(10).descrip("round trip").auxFile("aux").intentName("name").intentCode(1002)
                .intentP1(1.5).xyztUnits(10).dimInfo(57).sliceCode(1).sliceStart(0).sliceEnd(2)
                .sliceDuration(0.25).calMin(-1).calMax(99).toffset(3).qformCode(1).sformCode(4)
                .quaternB(0.5).quaternC(-0.25).quaternD(0.125).qoffsetX(1).qoffsetY(2).qoffsetZ(3)
                .srowX(new double[] {1, 2, 3, 4}).srowY(new double[] {5, 6, 7, 8}).srowZ(new double[] {9, 10, 11, 12})
                .build();
        byte[] bytes = NiftiHeaderCodec.encodeNifti1Single(h);
        assertEquals(352, bytes.length);
        NiftiHeader back = NiftiHeaderCodec.decode(java.util.Arrays.copyOf(bytes, 348), "test");
        assertEquals(h, back);
    }
}
