package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
