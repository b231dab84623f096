package org.smorekit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.ThickSliceSimulator;
import org.smorekit.volume.Volume;

/**
 * {@link ProfileAccuracy} on a crop of the real Colin27 T1 (96 x 112 x 96 voxels, the head's top with background
 * around it), degraded along z at scale 4 as the accuracy benchmark does.
 */
class ProfileAccuracyTest {
    private static final int AXIS = 2;
    private static final double SCALE = 4;
    private static Volume iso;

    @BeforeAll
    static void load() throws IOException {
        iso = crop(SharedColin27.read(), new int[] {42, 52, 84}, new int[] {96, 112, 96});
    }

    /** The box starting at {@code from} of size {@code size}; the affine is kept (the grid origin moves, no matter). */
    private static Volume crop(Volume v, int[] from, int[] size) {
        float[] out = new float[size[0] * size[1] * size[2]];
        for (int z = 0, i = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++, i++) {
                    out[i] = v.get(from[0] + x, from[1] + y, from[2] + z);
                }
            }
        }
        return v.withGrid(size, out, v.affine());
    }

    @Test
    void estimateEqualToTheTruthScoresInfinitePsnrSsimOneAndNoError() {
        SliceProfile truth = Profiles.gaussian(4);
        ProfileAccuracy a = ProfileAccuracy.of(iso, truth, Profiles.gaussian(4), SCALE, AXIS);
        assertEquals(Double.POSITIVE_INFINITY, a.psnrDb());
        assertEquals(1.0, a.ssim(), 1e-12);
        assertEquals(0.0, a.profileError());
        assertEquals(0.0, a.fwhmErrorVoxels());
    }

    @Test
    void slightlyWiderGaussianScoresFinitePsnrAndSsimBelowOneAndWiderScoresWorse() {
        SliceProfile truth = Profiles.gaussian(4);
        ProfileAccuracy slightly = ProfileAccuracy.of(iso, truth, Profiles.gaussian(4.5), SCALE, AXIS);
        ProfileAccuracy wider = ProfileAccuracy.of(iso, truth, Profiles.gaussian(6), SCALE, AXIS);
        assertTrue(Double.isFinite(slightly.psnrDb()) && slightly.psnrDb() > 0, "PSNR " + slightly.psnrDb());
        assertTrue(slightly.ssim() < 1 && slightly.ssim() > 0, "SSIM " + slightly.ssim());
        assertTrue(wider.psnrDb() < slightly.psnrDb(), wider.psnrDb() + " vs " + slightly.psnrDb());
        assertTrue(wider.ssim() < slightly.ssim(), wider.ssim() + " vs " + slightly.ssim());
        assertTrue(wider.fwhmErrorVoxels() > slightly.fwhmErrorVoxels());
        assertTrue(wider.profileError() > slightly.profileError());
    }

    @Test
    void scansAreComparedLikeCompareInTheHeadMaskOfTheTruthDegradedScan() {
        SliceProfile truth = Profiles.gaussian(4);
        SliceProfile estimate = Profiles.gaussian(5);
        ProfileAccuracy a = ProfileAccuracy.of(iso, truth, estimate, SCALE, AXIS);
        Volume reference = ThickSliceSimulator.simulate(iso, truth, SCALE, AXIS);
        Volume test = ThickSliceSimulator.simulate(iso, estimate, SCALE, AXIS);
        Mask head = HeadMask.of(reference);
        assertEquals(Comparison.compare(reference, test, head), a.scans());
        assertEquals(head.count(), a.scans().maskVoxels());
        assertEquals(DataRange.of(reference), a.scans().dataRange());
        assertEquals(SsimMode.VOLUME_3D, a.scans().ssimMode());
        assertFalse(a.scans().resampled());
        assertTrue(head.count() < head.size(), "the crop keeps background outside the head");
    }

    @Test
    void profileErrorOfShortProfilesIsTheHandComputedSum() {
        // estimate [1/4 1/2 1/4] (FWHM 2) against the rect [0 1/3 1/3 1/3 0] (FWHM 3), centres aligned:
        // |1/4 - 1/3| + |1/2 - 1/3| + |1/4 - 1/3| = 1/12 + 1/6 + 1/12 = 1/3
        SliceProfile estimate = new SliceProfile(new double[] {1, 2, 1});
        SliceProfile truth = new SliceProfile(new double[] {0, 1, 1, 1, 0});
        ProfileAccuracy a = ProfileAccuracy.of(iso, truth, estimate, 2, AXIS);
        assertEquals(1.0 / 3, a.profileError(), 1e-12);
        assertEquals(1.0, a.fwhmErrorVoxels(), 1e-12);
        assertEquals(2.0, a.profile().fwhmEstimatedVoxels(), 1e-12);
        assertEquals(3.0, a.profile().fwhmTrueVoxels(), 1e-12);
    }

    @Test
    void rejectsMissingArguments() {
        SliceProfile p = Profiles.gaussian(2);
        assertThrows(IllegalArgumentException.class, () -> ProfileAccuracy.of(null, p, p, SCALE, AXIS));
        assertThrows(IllegalArgumentException.class, () -> ProfileAccuracy.of(iso, p, null, SCALE, AXIS));
        assertThrows(IllegalArgumentException.class, () -> ProfileAccuracy.of(iso, p, p, SCALE, 3));
    }
}
