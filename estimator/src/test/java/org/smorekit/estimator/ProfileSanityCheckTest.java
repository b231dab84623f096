package org.smorekit.estimator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;

/** The notes and warnings a spectral fit carries: when its noise share and its mismatch D are worth saying. */
class ProfileSanityCheckTest {

    @Test
    void theNoiseNoteSpeaksOnlyOfABlurWhoseFinestDetailIsMostlyNoise() {
        SliceProfile blur = Profiles.gaussian(4, 21);
        Optional<String> mostly = ProfileSanityCheck.noiseNote(blur, 0.83);
        assertTrue(mostly.isPresent());
        assertTrue(mostly.get().startsWith("83% of the slice direction's power at a period of 2 voxels"), mostly.get());
        assertEquals(Optional.empty(), ProfileSanityCheck.noiseNote(blur, 0.4), "less than half");
        // for an impulse the noise term changes nothing, so its share means nothing
        assertEquals(Optional.empty(), ProfileSanityCheck.noiseNote(SliceProfile.impulse(21), 1.0));
    }

    @Test
    void runsTooShortForTheGeneratorToLeaveItsImpulseAreSaidSo() {
        String none = ProfileSanityCheck.shortRunNote(100).orElseThrow();
        assertTrue(none.startsWith("GAN runs of 100 iterations are too short to trust: the generator took no"
                + " adversarial step"), none);
        String few = ProfileSanityCheck.shortRunNote(250).orElseThrow();
        assertTrue(few.contains("only 150 adversarial steps"), few);
        assertEquals(Optional.empty(), ProfileSanityCheck.shortRunNote(ProfileSanityCheck.SHORT_RUN_ITERATIONS));
        assertEquals(Optional.empty(), ProfileSanityCheck.shortRunNote(EstimatorOptions.DEFAULT_ITERATIONS));
    }

    @Test
    void aFitNoBlurExplainsIsAWarningAboveTheThreshold() {
        assertTrue(ProfileSanityCheck.fitWarnings(ProfileSanityCheck.MAX_FIT_MISMATCH).isEmpty());
        assertEquals(1, ProfileSanityCheck.fitWarnings(2.08).size());
        assertTrue(ProfileSanityCheck.fitWarnings(Double.NaN).isEmpty(), "no fit, no claim");
    }
}
