package org.smorekit.estimator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The generator of ESPRESO (Han et al., IPMI 2021, Fig. 2) as in the current public code (espreso2 0.3.2): a
 * learnable input tensor {@code z} of shape [C, K + 4] goes through a 1-D convolution C -> C (kernel 3, valid),
 * a ReLU, and a 1-D convolution C -> 1 (kernel 3, valid), giving K logits {@code s}. Optionally the logits are
 * symmetrised, {@code s'_p = (s_p + s_{K-1-p}) / 2}, and the profile is {@code k = softmax(s')}, so k is positive and
 * sums to one by construction; optionally ({@code unimodal}) the softmax is mapped by {@link UnimodalProfile} to a
 * profile that never increases away from its centre, whose increments may carry priors ({@link IncrementPrior},
 * added to every loss this generator is trained on).
 *
 * <p>Forward and backward are plain Java in double precision (the network has ~200k weights and one output of K
 * values; it costs a few ms per iteration, far less than the discriminator). All parameters live in one flat array
 * {@link #parameters()} so that one {@link Adam} instance can update them.
 *
 * <p>Layout of the flat parameter vector: z [C][K+4], W1 [C_out][C_in][3], b1 [C], W2 [C][3], b2 [1].
 */
final class ProfileGenerator {
    private final int length;
    private final int channels;
    private final boolean symmetric;
    private final boolean unimodal;
    private final IncrementPrior prior;
    private final double[] params;
    private final int zOff, w1Off, b1Off, w2Off, b2Off;
    private final int inLen, hidLen;
    // forward caches
    private final double[] hidden;   // pre-activation of layer 1, [C][K+2]
    private final double[] logits;   // after symmetrisation, [K]
    private final double[] softmax;  // softmax of the logits, [K]
    private final double[] profile;  // k: the softmax, or its unimodal map, [K]

    ProfileGenerator(int length, int channels, boolean symmetric, boolean unimodal, IncrementPrior prior, long seed) {
        if (length < 3 || length % 2 == 0) {
            throw new IllegalArgumentException("profile length must be odd and >= 3, got " + length);
        }
        if (unimodal && !symmetric) {
            throw new IllegalArgumentException("a unimodal profile is built symmetric: set symmetric too");
        }
        if (prior.isActive() && !unimodal) {
            throw new IllegalArgumentException("the increment priors need a unimodal profile, got " + prior);
        }
        this.prior = prior;
        this.unimodal = unimodal;
        this.length = length;
        this.channels = channels;
        this.symmetric = symmetric;
        this.inLen = length + 4;
        this.hidLen = length + 2;
        zOff = 0;
        w1Off = zOff + channels * inLen;
        b1Off = w1Off + channels * channels * 3;
        w2Off = b1Off + channels;
        b2Off = w2Off + channels * 3;
        params = new double[b2Off + 1];
        hidden = new double[channels * hidLen];
        logits = new double[length];
        softmax = new double[length];
        profile = new double[length];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < channels * inLen; i++) {
            params[zOff + i] = gaussian(rnd);
        }
        // PyTorch's default conv initialisation: U(-1/sqrt(fanIn), 1/sqrt(fanIn)) for weights and biases.
        double bound = 1 / Math.sqrt(channels * 3.0);
        for (int i = w1Off; i < b2Off + 1; i++) {
            params[i] = (2 * rnd.nextDouble() - 1) * bound;
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble(), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    int length() {
        return length;
    }

    /** The live parameter vector (updated in place by the optimiser). */
    double[] parameters() {
        return params;
    }

    /** Computes and returns the profile k (a view on an internal buffer; copy it to keep it). */
    double[] forward() {
        int c = channels;
        for (int o = 0; o < c; o++) {
            double b = params[b1Off + o];
            int hRow = o * hidLen;
            for (int p = 0; p < hidLen; p++) {
                hidden[hRow + p] = b;
            }
            for (int i = 0; i < c; i++) {
                int wBase = w1Off + (o * c + i) * 3;
                double w0 = params[wBase], w1 = params[wBase + 1], w2 = params[wBase + 2];
                int zRow = zOff + i * inLen;
                for (int p = 0; p < hidLen; p++) {
                    hidden[hRow + p] += w0 * params[zRow + p] + w1 * params[zRow + p + 1] + w2 * params[zRow + p + 2];
                }
            }
        }
        double[] s = new double[length];
        for (int p = 0; p < length; p++) {
            s[p] = params[b2Off];
        }
        for (int i = 0; i < c; i++) {
            int wBase = w2Off + i * 3;
            double w0 = params[wBase], w1 = params[wBase + 1], w2 = params[wBase + 2];
            int hRow = i * hidLen;
            for (int p = 0; p < length; p++) {
                s[p] += w0 * relu(hidden[hRow + p]) + w1 * relu(hidden[hRow + p + 1]) + w2 * relu(hidden[hRow + p + 2]);
            }
        }
        for (int p = 0; p < length; p++) {
            logits[p] = symmetric ? 0.5 * (s[p] + s[length - 1 - p]) : s[p];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int p = 0; p < length; p++) {
            softmax[p] = Math.exp(logits[p] - max);
            sum += softmax[p];
        }
        for (int p = 0; p < length; p++) {
            softmax[p] /= sum;
        }
        if (unimodal) {
            UnimodalProfile.forward(softmax, profile);
        } else {
            System.arraycopy(softmax, 0, profile, 0, length);
        }
        return profile;
    }

    private static double relu(double v) {
        return v > 0 ? v : 0;
    }

    /** The increment priors' term of the loss for the k of the last {@link #forward()} (0 without a prior). */
    double priorPenalty() {
        return prior.isActive() ? prior.penalty(softmax) : 0;
    }

    /**
     * Gradient of a loss plus {@link #priorPenalty()} with respect to all parameters, given dL/dk for the k of the
     * last {@link #forward()}. Overwrites {@code grad} (same length as {@link #parameters()}).
     */
    void backward(double[] dProfile, double[] grad) {
        int c = channels;
        Arrays.fill(grad, 0);
        double[] dSoftmax = unimodal ? UnimodalProfile.backward(softmax, profile, dProfile) : dProfile;
        if (prior.isActive()) {
            prior.addGradient(softmax, dSoftmax);
        }
        // softmax: ds'_p = a_p (da_p - sum_q a_q da_q), a = softmax
        double dot = 0;
        for (int p = 0; p < length; p++) {
            dot += softmax[p] * dSoftmax[p];
        }
        double[] dLogit = new double[length];
        for (int p = 0; p < length; p++) {
            dLogit[p] = softmax[p] * (dSoftmax[p] - dot);
        }
        double[] ds = new double[length];
        for (int p = 0; p < length; p++) {
            ds[p] = symmetric ? 0.5 * (dLogit[p] + dLogit[length - 1 - p]) : dLogit[p];
        }
        double sumDs = 0;
        for (double v : ds) {
            sumDs += v;
        }
        grad[b2Off] = sumDs;
        double[] dHidden = new double[c * hidLen];
        for (int i = 0; i < c; i++) {
            int wBase = w2Off + i * 3;
            int hRow = i * hidLen;
            double g0 = 0, g1 = 0, g2 = 0;
            double w0 = params[wBase], w1 = params[wBase + 1], w2 = params[wBase + 2];
            for (int p = 0; p < length; p++) {
                double d = ds[p];
                g0 += d * relu(hidden[hRow + p]);
                g1 += d * relu(hidden[hRow + p + 1]);
                g2 += d * relu(hidden[hRow + p + 2]);
                dHidden[hRow + p] += w0 * d;
                dHidden[hRow + p + 1] += w1 * d;
                dHidden[hRow + p + 2] += w2 * d;
            }
            grad[wBase] = g0;
            grad[wBase + 1] = g1;
            grad[wBase + 2] = g2;
        }
        for (int i = 0; i < dHidden.length; i++) {
            if (!(hidden[i] > 0)) {
                dHidden[i] = 0;
            }
        }
        for (int o = 0; o < c; o++) {
            int hRow = o * hidLen;
            double b = 0;
            for (int p = 0; p < hidLen; p++) {
                b += dHidden[hRow + p];
            }
            grad[b1Off + o] = b;
            for (int i = 0; i < c; i++) {
                int wBase = w1Off + (o * c + i) * 3;
                double w0 = params[wBase], w1 = params[wBase + 1], w2 = params[wBase + 2];
                int zRow = zOff + i * inLen;
                double g0 = 0, g1 = 0, g2 = 0;
                for (int p = 0; p < hidLen; p++) {
                    double d = dHidden[hRow + p];
                    g0 += d * params[zRow + p];
                    g1 += d * params[zRow + p + 1];
                    g2 += d * params[zRow + p + 2];
                    grad[zRow + p] += w0 * d;
                    grad[zRow + p + 1] += w1 * d;
                    grad[zRow + p + 2] += w2 * d;
                }
                grad[wBase] = g0;
                grad[wBase + 1] = g1;
                grad[wBase + 2] = g2;
            }
        }
    }
}
