package org.smorekit.smore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.smorekit.degrade.AcquisitionNoise;
import org.smorekit.degrade.NoisyScan;
import org.smorekit.degrade.PairBatch;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.TrainingPairs;
import org.smorekit.volume.Volume;

class SmoreTrainerTest {
    private static final SmoreOptions TINY = new SmoreOptions(10, 4, 16, 1, 4, 1e-3, 3, 0, Upsampling.LR_GRID, 8, true);

    @Test
    void networkOverfitsATinyPairSet() {
        Volume iso = Phantom.ellipsoids(40, 40, 6, 30, 1);
        SliceProfile p = Phantom.gaussian(4, 8);
        double scale = 4;
        IntensityScale norm = IntensityScale.of(iso);
        TrainingPairs pairs = new TrainingPairs(norm.normalise(iso), p, scale, 16, 4, 5);
        PairBatch b = pairs.next(4);
        Architecture arch = Architecture.of(2, 8, 0.1, Upsampling.LR_GRID, scale);
        Map<String, Tensor> w = EdsrNetwork.initialWeights(arch, 1);
        int h = b.height(), lw = b.lrWidth(), hw = b.hrWidth();
        SameDiff sd = EdsrNetwork.build(arch, w, h, lw, hw, true);
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(2e-3))
                .dataSetFeatureMapping(EdsrNetwork.LR, EdsrNetwork.SKIP, EdsrNetwork.RESIZE)
                .dataSetLabelMapping(EdsrNetwork.HR).build());
        float[] skip = new float[b.count() * h * hw];
        SliceAxisGrid.interpolate(b.lr(), b.count() * h, lw, skip, hw, scale, b.phase(), h);
        MultiDataSet data = new MultiDataSet(new INDArray[] {
            Nd4j.create(b.lr(), new long[] {b.count(), h, lw, 1}, 'c'),
            Nd4j.create(skip, new long[] {b.count(), h, hw, 1}, 'c'),
            SmoreTrainer.resizeBatch(arch, lw, hw, scale, b.phase())},
            new INDArray[] {Nd4j.create(b.hr(), new long[] {b.count(), h, hw, 1}, 'c')});
        LossRecorder rec = new LossRecorder(EdsrNetwork.ABS_ERROR);
        List<Double> losses = new ArrayList<>();
        int steps = 200;
        for (int i = 0; i < steps; i++) {
            sd.fit(data, rec);
            losses.add(rec.last());
        }
        double first = losses.get(0);
        double last = losses.subList(steps - 10, steps).stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        // the cubic skip alone leaves `first`; memorising 4 pairs removes most of it
        // (measured 0.113 -> 0.030 in 200 steps)
        assertTrue(last < first / 3, "L1 loss " + first + " -> " + last + " in " + steps + " steps");
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Volume iso = Phantom.ellipsoids(34, 34, 34, 20, 3);
        SliceProfile p = Phantom.gaussian(2, 4);
        Volume lr = Phantom.simulate(iso, 2, p, 2);
        TrainedModel a = new SmoreTrainer(TINY).train(lr, 2, 2, p, null);
        TrainedModel b = new SmoreTrainer(TINY).train(lr, 2, 2, p, null);
        TrainedModel c = new SmoreTrainer(TINY.withSeed(4)).train(lr, 2, 2, p, null);
        assertEquals(a.weights(), b.weights());
        assertNotEquals(a.weights(), c.weights());
    }

    @Test
    void reportsProgressWithTheRunningLoss() {
        Volume iso = Phantom.ellipsoids(34, 34, 34, 20, 3);
        SliceProfile p = Phantom.gaussian(2, 4);
        Volume lr = Phantom.simulate(iso, 2, p, 2);
        List<String> notes = new ArrayList<>();
        long[] last = {0, 0};
        new SmoreTrainer(TINY).train(lr, 2, 2, p, (phase, done, total, note) -> {
            assertEquals("train", phase);
            notes.add(note);
            last[0] = done;
            last[1] = total;
        });
        assertEquals(TINY.iterations(), notes.size());
        assertEquals(last[0], last[1]);
        assertTrue(notes.get(notes.size() - 1).matches("loss \\d+\\.\\d{4}"), notes.get(notes.size() - 1));
    }

    @Test
    void aNoisyScansPairsGetTheirNoiseBackAndACleanScansDoNot() {
        Volume iso = Phantom.ellipsoids(34, 34, 34, 20, 3);
        SliceProfile p = Phantom.gaussian(2, 4);
        Volume clean = Phantom.simulate(iso, 2, p, 2);
        NoisyScan noisy = AcquisitionNoise.parse("10%", AcquisitionNoise.Kind.GAUSSIAN).apply(clean, 1);
        TrainedModel restored = new SmoreTrainer(TINY).train(noisy.scan(), 2, 2, p, null);
        // the trainer measures the noise itself (NoiseLevel), in the scan's units; on this small phantom its
        // ellipsoids' edges make up much of the head and read as noise too (measured 9.9 for 8.1)
        assertEquals(noisy.sigma(), restored.inputNoiseSigma(), 0.3 * noisy.sigma());
        assertTrue(restored.inputNoiseNote().orElseThrow().contains("the scan is noisy"));
        TrainedModel off = new SmoreTrainer(TINY.withNoiseMatching(false)).train(noisy.scan(), 2, 2, p, null);
        assertEquals(0, off.inputNoiseSigma());
        assertNotEquals(restored.weights(), off.weights());
        TrainedModel noiseFree = new SmoreTrainer(TINY).train(clean, 2, 2, p, null);
        assertEquals(0, noiseFree.inputNoiseSigma());
        assertEquals(Optional.empty(), noiseFree.inputNoiseNote());
    }

    @Test
    void theSizeCheckNamesTheInPlaneSizeSrNeedsForEverySliceAxis() {
        SmoreOptions options = SmoreOptions.defaults();
        SmoreTrainer trainer = new SmoreTrainer(options);
        int k = 15;
        double scale = 4;
        // both in-plane axes must hold one crop of the default patch's thick-slice columns with the profile's margins
        int need = TrainingPairs.minimumLineLength(k, scale, options.lrWidth(scale));
        for (int axis = 0; axis < 3; axis++) {
            int[] enough = {need, need, need};
            enough[axis] = 2;
            assertEquals(Optional.empty(), trainer.sizeProblem(enough, axis, scale, k), "axis " + axis);
            int[] narrow = enough.clone();
            narrow[(axis + 1) % 3] = need - 1;
            String problem = trainer.sizeProblem(narrow, axis, scale, k).orElseThrow();
            assertTrue(problem.contains("need at least " + need + " voxels (SR patch size 48"), problem);
            int[] oneSlice = enough.clone();
            oneSlice[axis] = 1;
            assertTrue(trainer.sizeProblem(oneSlice, axis, scale, k).orElseThrow().contains("at least 2 slices"));
        }
        // the quick preset's smaller patch needs fewer voxels
        int quickNeed = TrainingPairs.minimumLineLength(k, scale, SmoreOptions.quick().lrWidth(scale));
        assertTrue(quickNeed < need, quickNeed + " vs " + need);
        assertEquals(Optional.empty(),
                new SmoreTrainer(SmoreOptions.quick()).sizeProblem(new int[] {quickNeed, quickNeed, 3}, 2, scale, k));
    }

    @Test
    void badInputsGiveClearMessages() {
        Volume iso = Phantom.ellipsoids(34, 34, 34, 10, 3);
        SliceProfile p = Phantom.gaussian(2, 4);
        Volume lr = Phantom.simulate(iso, 2, p, 2);
        SmoreTrainer t = new SmoreTrainer(TINY);
        assertMessage("scale must be", () -> t.train(lr, 2, 0.5, p, null));
        assertMessage("sliceAxis must be", () -> t.train(lr, 3, 2, p, null));
        assertMessage("is too small for training pairs", () -> t.train(lr, 2, 2, Phantom.gaussian(12, 20), null));
        assertMessage("profile must not be null", () -> t.train(lr, 2, 2, null, null));
        Volume constant = lr.withData(new float[lr.size()]);
        assertMessage("the scan is constant (every voxel is 0.0); there is nothing to super-resolve",
                () -> t.train(constant, 2, 2, p, null));
        assertMessage("iterations must be >= 1", () -> TINY.withIterations(0));
        assertMessage("patchSize must be >= 8", () -> TINY.withPatchSize(4));
        assertMessage("learningRate must be > 0", () -> TINY.withLearningRate(-1));
    }

    private static void assertMessage(String part, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
