package org.smorekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.Profiles;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.estimator.PhaseTimes;
import org.smorekit.estimator.ProfileEstimate;
import org.smorekit.metrics.ResolutionMeasurement;

class EvaluateTableTest {
    private static RemainingBlur blur(double fwhmMm, List<String> warnings) {
        SliceProfile k = Profiles.gaussian(fwhmMm, 21);
        ProfileEstimate estimate = new ProfileEstimate(k, 1000, 0, 40, warnings, List.of(), new double[0],
                new PhaseTimes(0, 0, 0, 0, 0, 0, 0), new double[] {k.fwhmVoxels()}, new double[] {0.1}, k, 0.1);
        return new RemainingBlur(new ResolutionMeasurement(2, k.fwhmVoxels(), fwhmMm, 1, 1, estimate));
    }

    @Test
    void aBlurMeasurementItsOwnSanityCheckDistrustsIsMarked() {
        assertEquals("4.00", EvaluateCommand.blurText(blur(4, List.of())));
        assertEquals("12.00 (flagged)", EvaluateCommand.blurText(blur(12, List.of("the profile reaches the K limit"))));
    }
}
