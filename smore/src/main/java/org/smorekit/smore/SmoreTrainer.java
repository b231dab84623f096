package org.smorekit.smore;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.smorekit.degrade.SliceProfile;
import org.smorekit.degrade.TrainingPairs;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.NoiseLevel;
import org.smorekit.volume.Volume;

/**
 * Trains a per-scan SMORE network (Zhao et al., IEEE TMI 2021) on pairs made from the scan's own in-plane slices
 * ({@link TrainingPairs}): L1 loss, Adam with a warm-up + cosine learning-rate schedule ({@link CosineSchedule}).
 * On a noisy scan the pairs' low-resolution columns get the noise the profile averaged away back
 * ({@link SmoreOptions#noiseMatching()}).
 */
public final class SmoreTrainer {
    /** The schedule's final learning rate as a fraction of the peak. */
    private static final double FINAL_LR_FRACTION = 0.01;

    private final SmoreOptions options;

    public SmoreTrainer(SmoreOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.options = options;
    }

    /**
     * @param scan      a thick-slice scan in any orientation
     * @param sliceAxis its slice (low-resolution) axis, 0, 1 or 2
     * @param scale     slice spacing / in-plane spacing (>= 1, may be non-integer)
     * @param profile   the relative slice profile on the in-plane grid
     * @param progress  receives phase "train" with the running L1 loss
     */
    public TrainedModel train(Volume scan, int sliceAxis, double scale, SliceProfile profile,
                              ProgressListener progress) {
        checkInputs(scan, sliceAxis, scale, profile);
        Optional<String> tooSmall = sizeProblem(scan.shape(), sliceAxis, scale, profile.length());
        if (tooSmall.isPresent()) {
            throw new IllegalArgumentException(tooSmall.get());
        }
        ProgressListener listener = progress == null ? ProgressListener.SILENT : progress;
        NdThreads.apply(options.threads());
        long start = System.nanoTime();
        Volume sliceLast = scan.permuted(SliceAxisOrder.sliceLast(sliceAxis));
        IntensityScale intensity = IntensityScale.of(sliceLast);
        Volume normalised = intensity.normalise(sliceLast);
        int lrWidth = options.lrWidth(scale);
        int height = Math.min(options.patchSize(), Math.min(sliceLast.nx(), sliceLast.ny()));
        double inputNoise = options.noiseMatching() ? noiseToRestore(sliceLast) : 0;
        TrainingPairs pairs = new TrainingPairs(normalised, profile, scale, height, lrWidth,
                inputNoise / intensity.divisor(), options.seed());
        int hrWidth = pairs.hrWidth();
        Architecture arch = options.architecture(scale);
        Map<String, Tensor> initial = EdsrNetwork.initialWeights(arch, options.seed() ^ 0x5DEECE66DL);
        SameDiff sd = EdsrNetwork.build(arch, initial, height, lrWidth, hrWidth, true);
        int warmup = Math.min(100, options.iterations() / 20);
        boolean lrGrid = arch.upsampling() == Upsampling.LR_GRID;
        TrainingConfig.Builder config = new TrainingConfig.Builder()
                .updater(new Adam(new CosineSchedule(options.learningRate(),
                        options.learningRate() * FINAL_LR_FRACTION, warmup, options.iterations())))
                .dataSetLabelMapping(EdsrNetwork.HR);
        if (lrGrid) {
            config.dataSetFeatureMapping(EdsrNetwork.LR, EdsrNetwork.SKIP, EdsrNetwork.RESIZE);
        } else {
            config.dataSetFeatureMapping(EdsrNetwork.SKIP);
        }
        sd.setTrainingConfig(config.build());
        LossRecorder recorder = new LossRecorder(EdsrNetwork.ABS_ERROR, options.iterations(), listener);
        PairBatchIterator batches = new PairBatchIterator(pairs, arch, options.batchSize(), options.iterations());
        sd.fit(batches, 1, recorder);
        batches.closePrevious();
        double running = recorder.running();
        listener.finish("train");
        Map<String, Tensor> trained = EdsrNetwork.weightsOf(sd, initial);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainedModel(arch, trained, scale, sliceAxis, profile, intensity, options, running, seconds,
                inputNoise);
    }

    /**
     * The noise sigma of a noisy slice-last scan ({@link NoiseLevel#noisy()}), measured in its slices' planes; 0 for a
     * scan that does not count as noisy, or whose noise cannot be measured.
     */
    private static double noiseToRestore(Volume sliceLast) {
        return NoiseLevel.measure(sliceLast, 2).filter(NoiseLevel::noisy).map(NoiseLevel::sigma).orElse(0.0);
    }

    /**
     * Why SMORE cannot super-resolve a scan of this shape with these options and a profile of {@code profileLength}
     * taps, or empty: the network is applied along the slice axis, which needs at least 2 slices; training cuts
     * patches of {@link SmoreOptions#lrWidth} thick-slice columns (about patch size / scale) from both in-plane axes,
     * each of which needs {@link TrainingPairs#minimumLineLength} voxels. {@link #train} refuses such a scan later
     * with the same numbers; callers ask first, to refuse before any work.
     *
     * @param shape         the scan's shape (3 sizes, any orientation)
     * @param sliceAxis     its slice axis, 0..2
     * @param scale         slice spacing / in-plane spacing (>= 1)
     * @param profileLength taps of the profile training will use (the longest one it may use)
     */
    public Optional<String> sizeProblem(int[] shape, int sliceAxis, double scale, int profileLength) {
        if (shape == null || shape.length != 3) {
            throw new IllegalArgumentException("shape needs 3 sizes, got " + Arrays.toString(shape));
        }
        int[] order = SliceAxisOrder.sliceLast(sliceAxis);
        Optional<String> slices = sliceProblem(shape, sliceAxis);
        if (slices.isPresent()) {
            return slices;
        }
        int lrWidth = options.lrWidth(scale);
        return TrainingPairs.sizeProblem(shape[order[0]], shape[order[1]], profileLength, scale, lrWidth)
                .map(p -> p + " (SR patch size " + options.patchSize() + " in-plane voxels; a smaller patch needs"
                        + " fewer)");
    }

    /** Batched sub-pixel-to-output maps, one per pair (their phases differ for a non-integer scale). */
    static INDArray resizeBatch(Architecture arch, int lrWidth, int hrWidth, double scale, double[] phase) {
        int q = lrWidth * arch.subPixels();
        float[] all = new float[phase.length * q * hrWidth];
        float[] shared = null;
        double sharedPhase = Double.NaN;
        for (int p = 0; p < phase.length; p++) {
            if (shared == null || phase[p] != sharedPhase) {
                shared = SliceAxisGrid.resizeMatrix(lrWidth, arch.subPixels(), hrWidth, scale, phase[p]);
                sharedPhase = phase[p];
            }
            System.arraycopy(shared, 0, all, p * q * hrWidth, shared.length);
        }
        return Nd4j.create(all, new long[] {phase.length, q, hrWidth}, 'c');
    }

    /** Training and applying need at least 2 slices: the network and its cubic skip path interpolate between them. */
    private static Optional<String> sliceProblem(int[] shape, int sliceAxis) {
        if (shape[sliceAxis] < 2) {
            return Optional.of("the slice axis " + sliceAxis + " needs at least 2 slices, got "
                    + Arrays.toString(shape));
        }
        return Optional.empty();
    }

    static void checkInputs(Volume scan, int sliceAxis, double scale, SliceProfile profile) {
        if (scan == null) {
            throw new IllegalArgumentException("scan must not be null");
        }
        if (sliceAxis < 0 || sliceAxis > 2) {
            throw new IllegalArgumentException("sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        }
        if (!(scale >= 1) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number >= 1, got " + scale);
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null");
        }
        Optional<String> slices = sliceProblem(scan.shape(), sliceAxis);
        if (slices.isPresent()) {
            throw new IllegalArgumentException(slices.get());
        }
        float first = scan.get(0);
        for (int i = 1; i < scan.size(); i++) {
            if (scan.get(i) != first) {
                return;
            }
        }
        // a network trained on constant pairs does not return exactly that constant: refuse rather than invent detail
        throw new IllegalArgumentException("the scan is constant (every voxel is " + first
                + "); there is nothing to super-resolve");
    }
}
