package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class NominalSliceThicknessTest {

    private static NominalSliceThickness fromSidecar(double mm) {
        return new NominalSliceThickness(mm, "sub-01_T2w.json");
    }

    @Test
    void slicesThinnerThanTheirSpacingLeaveAGap() {
        assertEquals("gap 1 mm", fromSidecar(5).gapText(6));
        assertEquals(1.0, fromSidecar(5).gapMm(6), 1e-12);
        assertEquals("overlap 0.5 mm", fromSidecar(2.5).gapText(2));
        assertEquals("contiguous", fromSidecar(4).gapText(4));
        // within 1% of the spacing (float32 headers store 3.3 as 3.2999999523)
        assertEquals("contiguous", fromSidecar(3.3).gapText(3.2999999523));
        assertEquals("5 mm (from sub-01_T2w.json), gap 1 mm",
                NominalSliceThickness.describe(Optional.of(fromSidecar(5)), Path.of("sub-01_T2w.nii.gz"),
                        OptionalDouble.of(6)));
    }

    @Test
    void anEstimateWithinAFactorOfOnePointFiveAgrees() {
        NominalSliceThickness t = fromSidecar(2);
        assertTrue(t.disagreement(2).isEmpty());
        assertTrue(t.disagreement(2 * 1.5).isEmpty(), "the bound is inside the band");
        assertTrue(t.disagreement(2 / 1.5).isEmpty(), "the bound is inside the band");
        assertTrue(t.disagreement(3.01).isPresent());
        String narrow = t.disagreement(1.13).orElseThrow();
        assertEquals("the estimated FWHM 1.13 mm disagrees with the nominal slice thickness 2 mm (from "
                + "sub-01_T2w.json) by more than a factor of 1.5", narrow);
    }

    @Test
    void theThicknessInVoxelsIsOnTheInPlaneGrid() {
        assertEquals(5 / 0.9, fromSidecar(5).voxels(0.9), 1e-12);
    }

    @Test
    void aThicknessMustBePositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromSidecar(bad));
            assertTrue(e.getMessage().contains("got " + bad), e.getMessage());
        }
    }
}
