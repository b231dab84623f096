package org.smorekit.estimator;

/**
 * Wall time per phase of an estimate, milliseconds summed over all GAN iterations (the warm-up is separate).
 *
 * @param sampleMs                  patch sampling
 * @param generatorMs               generator forward/backward, patch degradation and its backward, regularisers
 * @param discriminatorForwardMs    discriminator forward passes (both steps)
 * @param discriminatorBackwardMs   discriminator backward passes (weight gradients in the D step, input gradients in
 *                                  the G step), including spectral-norm backward
 * @param optimizerMs               Adam updates, power iteration, EMA and convergence bookkeeping
 * @param warmupMs                  the generator warm-up towards an impulse
 * @param setupMs                   scaling intensities and building the sampler
 */
public record PhaseTimes(double sampleMs, double generatorMs, double discriminatorForwardMs,
                         double discriminatorBackwardMs, double optimizerMs, double warmupMs, double setupMs) {

    /** Phase by phase sums, for several runs. */
    public PhaseTimes plus(PhaseTimes o) {
        return new PhaseTimes(sampleMs + o.sampleMs, generatorMs + o.generatorMs,
                discriminatorForwardMs + o.discriminatorForwardMs, discriminatorBackwardMs + o.discriminatorBackwardMs,
                optimizerMs + o.optimizerMs, warmupMs + o.warmupMs, setupMs + o.setupMs);
    }
}
