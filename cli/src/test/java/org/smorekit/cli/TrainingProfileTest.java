package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.PhaseTimes;
import org.smorekit.estimator.ProfileEstimate;

class TrainingProfileTest {

    private static ProfileEstimate estimate(SliceProfile profile, List<String> warnings) {
        return new ProfileEstimate(profile, 100, 0, 1.0, warnings, List.of(), new double[0],
                new PhaseTimes(0, 0, 0, 0, 0, 0, 0), new double[] {profile.fwhmVoxels()},
                new double[] {0}, profile, 0);
    }

    @Test
    void aPlausibleEstimateIsUsedAsIs() {
        SliceProfile k = Profiles.gaussian(3.7, 21);
        TrainingProfile chosen = TrainingProfile.choose(estimate(k, List.of()), 4.0, false);
        assertSame(k, chosen.profile());
        assertFalse(chosen.fellBack());
        assertEquals("", chosen.notice());
    }

    @Test
    void aFlaggedEstimateFallsBackOnAGaussianAsWideAsTheSliceSpacing() {
        SliceProfile flat = new SliceProfile(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        TrainingProfile chosen = TrainingProfile.choose(estimate(flat, List.of("at the limit of K = 21")), 4.0, false);
        assertTrue(chosen.fellBack());
        assertEquals(4.0, chosen.profile().fwhmVoxels(), 1e-3);
        assertTrue(chosen.notice().contains("flagged"));
        assertEquals(List.of("at the limit of K = 21"), chosen.reasons());
        assertEquals(true, chosen.toJson(0.9).get("fell_back_from_flagged_estimate"));
    }

    @Test
    void theUserMayKeepAFlaggedEstimate() {
        SliceProfile k = Profiles.gaussian(1.0, 21);
        TrainingProfile chosen = TrainingProfile.choose(estimate(k, List.of("narrow")), 4.0, true);
        assertSame(k, chosen.profile());
        assertFalse(chosen.fellBack());
    }

    @Test
    void aFlaggedEstimateFallsBackOnABoxAsWideAsTheNominalThicknessWhenItIsKnown() {
        SliceProfile narrow = Profiles.gaussian(1.2, 21);
        // 5 mm thick slices, 6 mm apart (a 1 mm gap), 1 mm pixels: scale 6, thickness 5 voxels
        Optional<NominalSliceThickness> thickness = Optional.of(new NominalSliceThickness(5, "sub-01_T2w.json"));
        ProfileEstimate checked = ThicknessAgreement.check(estimate(narrow, List.of()), thickness, 1.0);
        assertEquals(1, checked.warnings().size(), checked.warnings().toString());
        assertTrue(checked.warnings().get(0).contains("nominal slice thickness 5 mm (from sub-01_T2w.json)"));

        TrainingProfile chosen = TrainingProfile.choose(checked, AssumedProfile.of(6.0, thickness, 1.0), false);
        assertTrue(chosen.fellBack());
        assertEquals(5.0, chosen.profile().fwhmVoxels(), 1e-9);
        assertEquals(Profiles.rect(5.0), chosen.profile());
        assertEquals("assumed box, FWHM = nominal slice thickness 5 mm (from sub-01_T2w.json) = 5.00 in-plane"
                + " voxels (the estimate was flagged)", chosen.source());
    }

    @Test
    void withoutAKnownThicknessTheFallbackIsAsWideAsTheSliceSpacing() {
        SliceProfile flat = Profiles.rect(21);
        TrainingProfile chosen = TrainingProfile.choose(estimate(flat, List.of("at the limit")),
                AssumedProfile.of(4.0, Optional.empty(), 0.9), false);
        assertEquals(Profiles.gaussian(4.0), chosen.profile());
        assertEquals("assumed Gaussian, FWHM = slice spacing = 4.00 in-plane voxels (the estimate was flagged)",
                chosen.source());
        ProfileEstimate unchecked = estimate(flat, List.of());
        assertSame(unchecked, ThicknessAgreement.check(unchecked, Optional.empty(), 0.9), "no thickness, no check");
    }

    @Test
    void anEstimateThatAgreesWithTheThicknessIsNotFlagged() {
        SliceProfile k = Profiles.gaussian(4.5, 21);
        ProfileEstimate e = estimate(k, List.of());
        assertSame(e, ThicknessAgreement.check(e, Optional.of(new NominalSliceThickness(5, "--slice-thickness")), 1));
    }
}
