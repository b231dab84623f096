package org.smorekit.smore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.volume.Affine;
import org.smorekit.volume.Volume;

class SmoreApplierTest {
    /** A tiny network and few steps: these tests check plumbing and geometry, not quality. */
    private static final SmoreOptions TINY = new SmoreOptions(12, 4, 16, 1, 4, 1e-3, 3, 0, Upsampling.LR_GRID, 8, true);

    /** An oblique affine with anisotropic spacing and an origin, so that axis mix-ups change the answer. */
    private static Affine oblique() {
        double c = Math.cos(0.3), s = Math.sin(0.3);
        return Affine.of(
                0.9 * c, -1.1 * s, 0, -40,
                0.9 * s, 1.1 * c, 0.2, 12,
                0, 0, 1.3, 7,
                0, 0, 0, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void outputHasTheConventionGridAffineAndOrientation(int axis) {
        Volume iso0 = Phantom.ellipsoids(34, 38, 36, 25, 5 + axis);
        Volume iso = Volume.wrap(iso0.shape(), iso0.toArray(), oblique());
        SliceProfile p = Phantom.gaussian(2, 4);
        double scale = 2;
        Volume lr = Phantom.simulate(iso, axis, p, scale);
        TrainedModel model = new SmoreTrainer(TINY).train(lr, axis, scale, p, null);
        Volume sr = new SmoreApplier().apply(model, lr, axis, scale, null);

        int m = lr.dim(axis);
        int expectedN = (int) Math.floor((m - 1) * scale) + 1;
        for (int a = 0; a < 3; a++) {
            assertEquals(a == axis ? expectedN : iso.dim(a), sr.dim(a), "axis " + a);
        }
        Affine expected = lr.affine().resampledAxis(axis, 0, 1 / scale);
        assertTrue(sr.affine().maxAbsDifference(expected) < 1e-9, sr.affine() + " vs " + expected);
        // output voxel i along the slice axis sits where thick coordinate i / s sits, i.e. on the truth grid
        for (int i = 0; i < expectedN; i += 7) {
            double[] idx = {3, 4, 5};
            idx[axis] = i;
            double[] thick = idx.clone();
            thick[axis] = i / scale;
            assertArrayEquals(lr.affine().apply(thick[0], thick[1], thick[2]), sr.affine().apply(idx[0], idx[1], idx[2]),
                    1e-9);
            assertArrayEquals(iso.affine().apply(idx[0], idx[1], idx[2]), sr.affine().apply(idx[0], idx[1], idx[2]),
                    1e-9);
        }
        // orientation: the output resembles the truth voxel by voxel, and far better than a mirrored truth would
        double err = 0, mirrored = 0, range = 0;
        int[] shape = sr.shape();
        for (int z = 0; z < shape[2]; z++) {
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++) {
                    float v = sr.get(x, y, z);
                    err += Math.abs(v - iso.get(x, y, z));
                    mirrored += Math.abs(v - iso.get(shape[0] - 1 - x, shape[1] - 1 - y, z));
                    range = Math.max(range, Math.abs(iso.get(x, y, z)));
                }
            }
        }
        err /= sr.size();
        mirrored /= sr.size();
        assertTrue(err < 0.05 * range, "mean abs error " + err + " of range " + range);
        assertTrue(err < 0.5 * mirrored, "error " + err + " vs mirrored " + mirrored);
    }

    @Test
    void loadingAFileThatIsNotACheckpointIsTheCallersMistake(@TempDir Path dir) throws IOException {
        Path notAModel = java.nio.file.Files.writeString(dir.resolve("scan.nii"), "not a zip at all");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainedModel.load(notAModel));
        assertTrue(e.getMessage().contains("scan.nii is not a smorekit model checkpoint"), e.getMessage());
    }

    @Test
    void saveLoadRoundTripGivesIdenticalOutput(@TempDir Path dir) throws IOException {
        Volume iso = Phantom.ellipsoids(34, 34, 34, 20, 9);
        SliceProfile p = Phantom.gaussian(3, 5);
        Volume lr = Phantom.simulate(iso, 2, p, 3);
        TrainedModel model = new SmoreTrainer(TINY).train(lr, 2, 3, p, null);
        Path file = dir.resolve("model.smore");
        model.save(file);
        TrainedModel loaded = TrainedModel.load(file);
        assertEquals(model.weights(), loaded.weights());
        assertEquals(model.architecture(), loaded.architecture());
        assertEquals(model.options(), loaded.options());
        assertEquals(model.profile(), loaded.profile());
        assertEquals(model.scale(), loaded.scale());
        assertEquals(model.inputNoiseSigma(), loaded.inputNoiseSigma());
        assertEquals(model.trainingIntensity(), loaded.trainingIntensity());
        Volume a = new SmoreApplier().apply(model, lr, 2, 3, null);
        Volume b = new SmoreApplier().apply(loaded, lr, 2, 3, null);
        assertArrayEquals(a.toArray(), b.toArray());
        assertEquals(a.affine(), b.affine());
    }

    @Test
    void nonIntegerScaleGivesTheConventionGrid() {
        Volume iso = Phantom.ellipsoids(36, 34, 40, 20, 4);
        SliceProfile p = Phantom.gaussian(2.5, 5);
        double scale = 2.5;
        Volume lr = Phantom.simulate(iso, 2, p, scale);
        TrainedModel model = new SmoreTrainer(TINY).train(lr, 2, scale, p, null);
        Volume sr = new SmoreApplier().apply(model, lr, 2, scale, null);
        int m = lr.nz();
        assertEquals((int) Math.floor((m - 1) * scale) + 1, sr.nz());
        assertTrue(sr.affine().maxAbsDifference(iso.affine()) < 1e-9);
        double err = 0;
        for (int i = 0; i < sr.size(); i++) {
            err += Math.abs(sr.get(i) - iso.get(i)); // same x-fastest layout over the first nz slices
        }
        assertTrue(err / sr.size() < 8, "mean abs error " + err / sr.size());
    }

    /**
     * The network runs on each line of thick slices forwards and reversed (it was trained on both directions), so
     * super-resolving a scan with its slices in reverse order gives the same volume in reverse order: no position
     * between two thick slices is treated differently from its mirror image.
     */
    @ParameterizedTest
    @ValueSource(doubles = {3, 2.5})
    void reversingTheSlicesReversesTheOutput(double scale) {
        Volume iso = Phantom.ellipsoids(30, 32, 41, 20, 6);
        SliceProfile p = Phantom.gaussian(scale, 5);
        Volume lr = Phantom.simulate(iso, 2, p, scale);
        int m = lr.nz();
        assertEquals(0, (m - 1) * scale % 1, 1e-12, "the reversed scan's grid must be the original's");
        TrainedModel model = new SmoreTrainer(TINY).train(lr, 2, scale, p, null);

        Volume sr = new SmoreApplier().apply(model, lr, 2, scale, null);
        Volume srOfReversed = new SmoreApplier().apply(model, reversedSlices(lr), 2, scale, null);

        float[] expected = reversedSlices(sr).toArray();
        float[] actual = srOfReversed.toArray();
        double range = 0, worst = 0;
        for (int i = 0; i < expected.length; i++) {
            range = Math.max(range, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst < 1e-5 * range, "largest difference " + worst + " of range " + range);
    }

    private static Volume reversedSlices(Volume v) {
        int nx = v.nx(), ny = v.ny(), nz = v.nz();
        float[] data = new float[v.size()];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    data[x + nx * (y + ny * z)] = v.get(x, y, nz - 1 - z);
                }
            }
        }
        return Volume.wrap(v.shape(), data, v.affine());
    }

    @Test
    void refusesAModelTrainedForAnotherScale() {
        Volume iso = Phantom.ellipsoids(34, 34, 34, 20, 2);
        SliceProfile p = Phantom.gaussian(2, 4);
        Volume lr = Phantom.simulate(iso, 2, p, 2);
        TrainedModel model = new SmoreTrainer(TINY.withIterations(2)).train(lr, 2, 2, p, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmoreApplier().apply(model, lr, 2, 3, null));
        assertTrue(e.getMessage().contains("trained for scale 2"), e.getMessage());
    }
}
