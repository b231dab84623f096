package org.smorekit.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smorekit.volume.SliceIntensityAlternation;
import org.smorekit.volume.SliceParityShift;
import org.smorekit.volume.Volume;
import org.smorekit.volume.nifti.NiftiReader;

/**
 * What an interleaved acquisition leaves between even and odd slices, on Colin27 thick-sliced along each axis
 * (Gaussian FWHM 4 at scale 4): alternating intensities (odd slices at 98.5% or 95% are found, within 0.3%, and
 * corrected) and an in-plane displacement (odd slices moved by a voxel are found within 0.05 voxel and moved back);
 * clean and noisy scans of other profiles and scales show neither.
 */
class Colin27InterleaveArtifactsTest {
    private static Volume colin;

    @BeforeAll
    static void read() throws Exception {
        Path file = Colin27DegradeTest.sharedData().resolve("colin27-t1-1mm.nii.gz");
        assumeTrue(Files.isRegularFile(file), "Colin27 not found at " + file.toAbsolutePath());
        colin = NiftiReader.read(file).volume();
    }

    /** The scan with every odd slice along {@code axis} multiplied by {@code gain}. */
    private static Volume withOddSlicesAt(Volume scan, int axis, float gain) {
        float[] data = scan.toArray();
        int[] shape = scan.shape();
        for (int z = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++) {
                    int slice = axis == 0 ? x : axis == 1 ? y : z;
                    if (slice % 2 == 1) {
                        data[scan.index(x, y, z)] *= gain;
                    }
                }
            }
        }
        return scan.withData(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aCleanScanShowsNoAlternation(int axis) {
        Volume lr = ThickSliceSimulator.simulate(colin, Profiles.gaussian(4), 4, axis);
        SliceIntensityAlternation clean = SliceIntensityAlternation.measure(lr, axis).orElseThrow();
        assertFalse(clean.present(), clean.toString());
        assertEquals(0, clean.logRatio(), 0.01, clean.toString());
    }

    /**
     * No false alarm on the paper's profiles at four scales along every axis, with and without 5% Rician noise (144
     * scans): the largest |L| seen is 1.2 standard errors (3 count), the largest displacement 3.1 (4 count).
     */
    @Test
    void neitherArtifactIsSeenOnCleanOrNoisyScansOfAnyProfileScaleOrAxis() {
        AcquisitionNoise fivePercent = AcquisitionNoise.parse("5%", AcquisitionNoise.Kind.RICIAN);
        for (SliceProfile profile : List.of(Profiles.gaussian(2), Profiles.gaussian(4), Profiles.gaussian(8),
                Profiles.rect(3), Profiles.rect(5), Profiles.rect(9))) {
            for (double scale : new double[] {2, 4, 5.5, 8}) {
                for (int axis = 0; axis < 3; axis++) {
                    Volume lr = ThickSliceSimulator.simulate(colin, profile, scale, axis);
                    for (Volume scan : List.of(lr, fivePercent.addTo(lr, 1))) {
                        String cell = "FWHM " + HalfMaximum.of(profile.values()).width() + " scale " + scale
                                + " axis " + axis + ": ";
                        SliceIntensityAlternation none = SliceIntensityAlternation.measure(scan, axis).orElseThrow();
                        assertFalse(none.present(), cell + none);
                        SliceParityShift aligned = SliceParityShift.measure(scan, axis).orElseThrow();
                        assertFalse(aligned.present(), cell + aligned);
                    }
                }
            }
        }
    }

    /** The scan with every odd slice's content moved by one voxel along the first in-plane axis. */
    private static Volume withOddSlicesMoved(Volume scan, int axis) {
        float[] source = scan.toArray();
        float[] data = scan.toArray();
        int[] shape = scan.shape();
        int along = axis == 0 ? 1 : 0;
        for (int z = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++) {
                    int[] at = {x, y, z};
                    if (at[axis] % 2 == 1) {
                        at[along] = Math.max(0, at[along] - 1);
                        data[scan.index(x, y, z)] = source[scan.index(at[0], at[1], at[2])];
                    }
                }
            }
        }
        return scan.withData(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void oddSlicesMovedByAVoxelAreFoundAndMovedBack(int axis) {
        Volume lr = ThickSliceSimulator.simulate(colin, Profiles.gaussian(4), 4, axis);
        Volume moved = withOddSlicesMoved(lr, axis);
        SliceParityShift found = SliceParityShift.measure(moved, axis).orElseThrow();
        assertTrue(found.present(), found.toString());
        assertEquals(-1, found.dx(), 0.05, found.toString());
        assertEquals(0, found.dy(), 0.05, found.toString());
        SliceParityShift after = SliceParityShift.measure(found.corrected(moved, axis), axis).orElseThrow();
        assertFalse(after.present(), after.toString());
        assertEquals(0, Math.hypot(after.dx(), after.dy()), 0.02, after.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void oneAndAHalfPercentIsFound(int axis) {
        Volume lr = ThickSliceSimulator.simulate(colin, Profiles.gaussian(4), 4, axis);
        SliceIntensityAlternation found = SliceIntensityAlternation.measure(withOddSlicesAt(lr, axis, 0.985f), axis)
                .orElseThrow();
        assertTrue(found.present(), found.toString());
        assertEquals(1 / 0.985, found.ratio(), 0.003, found.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void oddSlicesAtNinetyFivePercentAreFoundAndCorrected(int axis) {
        Volume lr = ThickSliceSimulator.simulate(colin, Profiles.gaussian(4), 4, axis);
        Volume striped = withOddSlicesAt(lr, axis, 0.95f);
        SliceIntensityAlternation found = SliceIntensityAlternation.measure(striped, axis).orElseThrow();
        assertTrue(found.present(), found.toString());
        assertEquals(1 / 0.95, found.ratio(), 0.003, found.toString());
        assertTrue(found.toString().contains("% brighter than odd ones"), found.toString());

        Volume corrected = found.corrected(striped, axis);
        SliceIntensityAlternation after = SliceIntensityAlternation.measure(corrected, axis).orElseThrow();
        assertFalse(after.present(), after.toString());
        // the correction keeps the mean level: even slices come down, odd ones up, by the same factor
        double ratio = found.ratio();
        int[] shape = lr.shape();
        int x = shape[0] / 2;
        int y = shape[1] / 2;
        int z = shape[2] / 2;
        int index = lr.index(x, y, z);
        int slice = axis == 0 ? x : axis == 1 ? y : z;
        double expected = lr.get(index) * (slice % 2 == 0 ? 1 / Math.sqrt(ratio) : 0.95 * Math.sqrt(ratio));
        assertEquals(expected, corrected.get(index), 1e-3 * Math.abs(expected) + 1e-6);
    }
}
