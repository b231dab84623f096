package org.smorekit.smore;

/**
 * Settings of SMORE training and inference.
 *
 * @param iterations     optimiser steps (>= 1)
 * @param batchSize      pairs per step (>= 1)
 * @param patchSize      patch rows, and patch extent along the degraded axis in high-resolution voxels (the
 *                       low-resolution width is {@code max(3, round(patchSize / scale))})
 * @param blocks         residual blocks of the EDSR-style network
 * @param channels       feature channels
 * @param learningRate   Adam's peak learning rate (cosine decay to 1% of it, after a linear warm-up)
 * @param seed           random seed of weights and pair sampling
 * @param threads        compute threads for ND4J (0 = ND4J's default)
 * @param upsampling     where the network works along the slice axis
 * @param inferenceBatch through-plane slices per inference slab (bounds memory)
 * @param noiseMatching  on a noisy scan ({@link org.smorekit.volume.NoiseLevel#noisy()}), give the training pairs'
 *                       low-resolution columns the noise variance of a thick slice
 *                       ({@link org.smorekit.degrade.TrainingPairs}); see docs/smore.md, "Noise"
 */
public record SmoreOptions(int iterations, int batchSize, int patchSize, int blocks, int channels, double learningRate,
                           long seed, int threads, Upsampling upsampling, int inferenceBatch,
                           boolean noiseMatching) {
    /** EDSR's residual scaling. */
    public static final double RESIDUAL_SCALING = 0.1;

    public SmoreOptions {
        positive("iterations", iterations);
        positive("batchSize", batchSize);
        if (patchSize < 8) {
            throw new IllegalArgumentException("patchSize must be >= 8, got " + patchSize);
        }
        positive("blocks", blocks);
        positive("channels", channels);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = default), got " + threads);
        }
        if (upsampling == null) {
            throw new IllegalArgumentException("upsampling must not be null");
        }
        positive("inferenceBatch", inferenceBatch);
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    /** Training steps of {@link #defaults()}. */
    public static final int DEFAULT_STEPS = 4000;
    /** Training steps of {@link #quick()}. */
    public static final int QUICK_STEPS = 300;

    /** The full-quality preset (see docs/smore.md for the measurements behind it). */
    public static SmoreOptions defaults() {
        return new SmoreOptions(DEFAULT_STEPS, 16, 48, 8, 32, 5e-4, 0, 0, Upsampling.LR_GRID, 8, true);
    }

    /** A fast preset for demos and smoke tests: a smaller network, fewer steps; clearly lower quality. */
    public static SmoreOptions quick() {
        return new SmoreOptions(QUICK_STEPS, 16, 32, 4, 16, 1e-3, 0, 0, Upsampling.LR_GRID, 8, true);
    }

    /** Low-resolution patch width for a scale. */
    public int lrWidth(double scale) {
        return Math.max(3, (int) Math.round(patchSize / scale));
    }

    public Architecture architecture(double scale) {
        return Architecture.of(blocks, channels, RESIDUAL_SCALING, upsampling, scale);
    }

    public SmoreOptions withIterations(int v) {
        return with(c -> c.iterations = v);
    }

    public SmoreOptions withBatchSize(int v) {
        return with(c -> c.batchSize = v);
    }

    public SmoreOptions withPatchSize(int v) {
        return with(c -> c.patchSize = v);
    }

    public SmoreOptions withBlocks(int v) {
        return with(c -> c.blocks = v);
    }

    public SmoreOptions withChannels(int v) {
        return with(c -> c.channels = v);
    }

    public SmoreOptions withLearningRate(double v) {
        return with(c -> c.learningRate = v);
    }

    public SmoreOptions withSeed(long v) {
        return with(c -> c.seed = v);
    }

    public SmoreOptions withThreads(int v) {
        return with(c -> c.threads = v);
    }

    public SmoreOptions withUpsampling(Upsampling v) {
        return with(c -> c.upsampling = v);
    }

    public SmoreOptions withInferenceBatch(int v) {
        return with(c -> c.inferenceBatch = v);
    }

    public SmoreOptions withNoiseMatching(boolean v) {
        return with(c -> c.noiseMatching = v);
    }

    /** A copy with some components changed (the record's constructor checks the result). */
    private SmoreOptions with(java.util.function.Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.build();
    }

    /** The components as mutable fields, for {@link #with}. */
    private static final class Components {
        int iterations;
        int batchSize;
        int patchSize;
        int blocks;
        int channels;
        double learningRate;
        long seed;
        int threads;
        Upsampling upsampling;
        int inferenceBatch;
        boolean noiseMatching;

        Components(SmoreOptions o) {
            iterations = o.iterations;
            batchSize = o.batchSize;
            patchSize = o.patchSize;
            blocks = o.blocks;
            channels = o.channels;
            learningRate = o.learningRate;
            seed = o.seed;
            threads = o.threads;
            upsampling = o.upsampling;
            inferenceBatch = o.inferenceBatch;
            noiseMatching = o.noiseMatching;
        }

        SmoreOptions build() {
            return new SmoreOptions(iterations, batchSize, patchSize, blocks, channels, learningRate, seed, threads,
                    upsampling, inferenceBatch, noiseMatching);
        }
    }
}
