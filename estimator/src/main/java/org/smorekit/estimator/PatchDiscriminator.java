package org.smorekit.estimator;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ESPRESO's discriminator (Han et al., IPMI 2021, Fig. 3): 1-D valid convolutions along the horizontal axis of a patch
 * only, so every patch row is classified independently; spectral normalisation of every weight (Miyato et al. 2018,
 * one power iteration per update); LeakyReLU(0.1) between layers; one logit per output pixel.
 *
 * <p>Because each layer is a (kw, 1) convolution on independent rows, it is exactly a matrix product on an im2col
 * matrix: with activations A [rows * W, C] (NWC), {@code cols[(n, p), t C + c] = A[(n, p + t), c]} and
 * {@code Z = cols Wm + b}, Wm [kw C, C']. The backward pass is hand-derived: {@code dWm = cols^T dZ},
 * {@code db = sum_rows dZ}, {@code dcols = dZ Wm^T}, folded back (col2im) into dA. Only the products run in ND4J
 * (the {@code matmul} custom op); gradients nobody uses are not computed (no weight gradients during the generator
 * step, no input gradient during the discriminator step). Spectral normalisation and its backward,
 * {@code dW = (G - <G, W_sn> v u^T) / sigma} with sigma = v^T Wm u and u, v fixed by the power iteration (as PyTorch),
 * run in Java on the small weight matrices. Verified against finite differences in the tests.
 *
 * <p>Default architecture (the paper's): kernels 3, 3, 3, 1, 1 with 64 channels, receptive field 7.
 */
final class PatchDiscriminator {
    private static final double SLOPE = 0.1;
    private static final float SLOPE_F = (float) SLOPE;

    private final int[] kernels;
    private final int[] cin, cout;
    private final double[][] weights, biases;
    private final double[][] u, v;
    private final double[][] normalised;
    private final double[] sigma;
    private Buffers buffers;
    private long forwardNanos, backwardNanos;

    /** Gradients and outputs of one pass. */
    record Pass(float[] logits, float[] inputGradient, double[][] weightGradients, double[][] biasGradients) {
    }

    /** Maps the logits of a pass to dL/dlogits. */
    @FunctionalInterface
    interface LogitLoss {
        float[] gradient(float[] logits);
    }

    PatchDiscriminator(int channels, int[] kernels, long seed) {
        this.kernels = kernels.clone();
        int layers = kernels.length;
        cin = new int[layers];
        cout = new int[layers];
        weights = new double[layers][];
        biases = new double[layers][];
        u = new double[layers][];
        v = new double[layers][];
        normalised = new double[layers][];
        sigma = new double[layers];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            cin[l] = l == 0 ? 1 : channels;
            cout[l] = l == layers - 1 ? 1 : channels;
            int rowsW = kernels[l] * cin[l];
            double bound = 1 / Math.sqrt(rowsW);
            weights[l] = new double[rowsW * cout[l]];
            for (int i = 0; i < weights[l].length; i++) {
                weights[l][i] = (2 * rnd.nextDouble() - 1) * bound;
            }
            biases[l] = new double[cout[l]];
            for (int i = 0; i < cout[l]; i++) {
                biases[l][i] = (2 * rnd.nextDouble() - 1) * bound;
            }
            u[l] = normalise(randomNormal(rnd, cout[l]));
            v[l] = new double[rowsW];
            normalised[l] = new double[weights[l].length];
        }
        powerIteration();
    }

    private static double[] randomNormal(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = rnd.nextDouble(), u2 = rnd.nextDouble();
            x[i] = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return x;
    }

    private static double[] normalise(double[] x) {
        double n = 0;
        for (double a : x) {
            n += a * a;
        }
        n = Math.sqrt(n) + 1e-12;
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
        return x;
    }

    /** Total time spent in forward passes, ns. */
    long forwardNanos() {
        return forwardNanos;
    }

    /** Total time spent in loss gradients and backward passes, ns. */
    long backwardNanos() {
        return backwardNanos;
    }

    int layers() {
        return kernels.length;
    }

    double[] weights(int layer) {
        return weights[layer];
    }

    double[] biases(int layer) {
        return biases[layer];
    }

    /** Logit columns per row of width {@code width}. */
    int outputWidth(int width) {
        int w = width;
        for (int k : kernels) {
            w -= k - 1;
        }
        return w;
    }

    /**
     * One power-iteration step per layer (v = Wm u / |.|, u = Wm^T v / |.|), then the normalised weights
     * {@code W_sn = Wm / sigma}, sigma = v^T Wm u. Call once after every weight update.
     */
    void powerIteration() {
        for (int l = 0; l < kernels.length; l++) {
            int rowsW = kernels[l] * cin[l], co = cout[l];
            double[] w = weights[l];
            double[] vv = v[l], uu = u[l];
            for (int r = 0; r < rowsW; r++) {
                double s = 0;
                for (int o = 0; o < co; o++) {
                    s += w[r * co + o] * uu[o];
                }
                vv[r] = s;
            }
            normalise(vv);
            Arrays.fill(uu, 0);
            for (int r = 0; r < rowsW; r++) {
                for (int o = 0; o < co; o++) {
                    uu[o] += w[r * co + o] * vv[r];
                }
            }
            normalise(uu);
            refreshNormalised(l);
        }
    }

    /** Recomputes sigma and W_sn of one layer from the current weights and the fixed u, v. */
    void refreshNormalised(int l) {
        int rowsW = kernels[l] * cin[l], co = cout[l];
        double[] w = weights[l];
        double s = 0;
        for (int r = 0; r < rowsW; r++) {
            for (int o = 0; o < co; o++) {
                s += v[l][r] * w[r * co + o] * u[l][o];
            }
        }
        sigma[l] = s;
        for (int i = 0; i < w.length; i++) {
            normalised[l][i] = w[i] / s;
        }
    }

    /**
     * Forward pass over {@code rows} rows of {@code width} values ({@code input[n * width + p]}), the loss gradient on
     * the logits (ordered as {@code logits[n * outWidth + p]}), and the requested backward parts.
     */
    Pass run(float[] input, int rows, int width, LogitLoss loss, boolean weightGradients, boolean inputGradient) {
        int layers = kernels.length;
        Buffers b = buffers(rows, width);
        long t0 = System.nanoTime();
        float[] a = input;
        for (int l = 0; l < layers; l++) {
            int kw = kernels[l], w = b.widths[l], wOut = b.widths[l + 1];
            float[] cols = kw == 1 ? a : b.cols[l];
            if (kw > 1) {
                im2col(a, rows, w, cin[l], kw, cols);
            }
            pointer(b.colsN[l]).put(cols, 0, rows * wOut * kw * cin[l]);
            pointer(b.weightN[l]).put(toFloat(normalised[l], b.weightJ[l]));
            Nd4j.matmul(b.colsN[l], b.weightN[l], b.preN[l], false, false, false);
            float[] z = b.pre[l];
            pointer(b.preN[l]).get(z);
            float[] act = b.act[l + 1];
            biasAndActivation(z, act, toFloat(biases[l], b.biasJ[l]), rows * wOut, cout[l], l < layers - 1);
            a = act;
        }
        float[] logits = a.clone();
        long t1 = System.nanoTime();
        forwardNanos += t1 - t0;
        float[] d = loss.gradient(logits);
        double[][] dW = weightGradients ? new double[layers][] : null;
        double[][] dB = weightGradients ? new double[layers][] : null;
        for (int l = layers - 1; l >= 0; l--) {
            int kw = kernels[l], w = b.widths[l], wOut = b.widths[l + 1], co = cout[l], ci = cin[l];
            int n = rows * wOut;
            float[] dz = b.dPre[l];
            float[] z = b.pre[l];
            activationBackward(d, z, dz, n * co, l < layers - 1);
            pointer(b.dPreN[l]).put(dz, 0, n * co);
            if (weightGradients) {
                Nd4j.matmul(b.colsN[l], b.dPreN[l], b.gradN[l], true, false, false);
                float[] g = b.grad[l];
                pointer(b.gradN[l]).get(g);
                double[] gd = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    gd[i] = g[i];
                }
                dW[l] = spectralBackward(l, gd);
                double[] db = columnSums(dz, n, co);
                dB[l] = db;
            }
            if (l > 0 || inputGradient) {
                Nd4j.matmul(b.dPreN[l], b.weightN[l], b.dColsN[l], false, true, false);
                float[] dcols = b.dCols[l];
                pointer(b.dColsN[l]).get(dcols, 0, n * kw * ci);
                if (kw == 1) {
                    d = dcols;
                } else {
                    float[] dA = b.dAct[l];
                    col2im(dcols, rows, w, ci, kw, dA);
                    d = dA;
                }
            }
        }
        float[] dInput = inputGradient ? d.clone() : null;
        backwardNanos += System.nanoTime() - t1;
        return new Pass(logits, dInput, dW, dB);
    }

    /** z += bias (per column); act = LeakyReLU(z) for hidden layers, z for the last one. */
    private static void biasAndActivation(float[] z, float[] act, float[] bias, int n, int co, boolean hidden) {
        for (int i = 0; i < n; i++) {
            int base = i * co;
            for (int o = 0; o < co; o++) {
                float v = z[base + o] + bias[o];
                z[base + o] = v;
                act[base + o] = hidden && v < 0 ? SLOPE_F * v : v;
            }
        }
    }

    private static void activationBackward(float[] d, float[] z, float[] dz, int m, boolean hidden) {
        if (!hidden) {
            System.arraycopy(d, 0, dz, 0, m);
            return;
        }
        for (int i = 0; i < m; i++) {
            dz[i] = z[i] < 0 ? SLOPE_F * d[i] : d[i];
        }
    }

    private static double[] columnSums(float[] x, int n, int co) {
        double[] out = new double[co];
        float[] acc = new float[co];
        for (int i = 0; i < n; i++) {
            int base = i * co;
            for (int o = 0; o < co; o++) {
                acc[o] += x[base + o];
            }
            if ((i & 255) == 255) {
                for (int o = 0; o < co; o++) {
                    out[o] += acc[o];
                    acc[o] = 0;
                }
            }
        }
        for (int o = 0; o < co; o++) {
            out[o] += acc[o];
        }
        return out;
    }

    private static FloatPointer pointer(INDArray a) {
        return (FloatPointer) a.data().addressPointer();
    }

    private static float[] toFloat(double[] src, float[] dst) {
        for (int i = 0; i < src.length; i++) {
            dst[i] = (float) src[i];
        }
        return dst;
    }

    /** cols[(n W' + p), t C + c] = a[(n W + p + t), c]: one contiguous copy of kw C values per output position. */
    private static void im2col(float[] a, int rows, int w, int c, int kw, float[] cols) {
        int wOut = w - kw + 1, span = kw * c;
        for (int n = 0; n < rows; n++) {
            for (int p = 0; p < wOut; p++) {
                System.arraycopy(a, (n * w + p) * c, cols, (n * wOut + p) * span, span);
            }
        }
    }

    /** The adjoint of {@link #im2col}: dA[(n W + p + t), c] = sum of dcols[(n W' + p), t C + c]. */
    private static void col2im(float[] dcols, int rows, int w, int c, int kw, float[] dA) {
        int wOut = w - kw + 1, span = kw * c;
        Arrays.fill(dA, 0, rows * w * c, 0f);
        for (int n = 0; n < rows; n++) {
            for (int p = 0; p < wOut; p++) {
                int src = (n * wOut + p) * span, dst = (n * w + p) * c;
                for (int i = 0; i < span; i++) {
                    dA[dst + i] += dcols[src + i];
                }
            }
        }
    }

    /** Native operands of the products and Java work arrays for one batch shape, allocated once. */
    private final class Buffers {
        final int rows, width;
        final int[] widths;
        final INDArray[] colsN, weightN, preN, dPreN, gradN, dColsN;
        final float[][] cols, pre, act, dPre, grad, dCols, dAct, weightJ, biasJ;

        Buffers(int rows, int width) {
            this.rows = rows;
            this.width = width;
            int layers = kernels.length;
            widths = new int[layers + 1];
            widths[0] = width;
            for (int l = 0; l < layers; l++) {
                widths[l + 1] = widths[l] - kernels[l] + 1;
            }
            colsN = new INDArray[layers];
            weightN = new INDArray[layers];
            preN = new INDArray[layers];
            dPreN = new INDArray[layers];
            gradN = new INDArray[layers];
            dColsN = new INDArray[layers];
            cols = new float[layers][];
            pre = new float[layers][];
            act = new float[layers + 1][];
            dPre = new float[layers][];
            grad = new float[layers][];
            dCols = new float[layers][];
            dAct = new float[layers][];
            weightJ = new float[layers][];
            biasJ = new float[layers][];
            for (int l = 0; l < layers; l++) {
                long n = (long) rows * widths[l + 1];
                int span = kernels[l] * cin[l];
                colsN[l] = Nd4j.create(DataType.FLOAT, n, span);
                weightN[l] = Nd4j.create(DataType.FLOAT, span, cout[l]);
                preN[l] = Nd4j.create(DataType.FLOAT, n, cout[l]);
                dPreN[l] = Nd4j.create(DataType.FLOAT, n, cout[l]);
                gradN[l] = Nd4j.create(DataType.FLOAT, span, cout[l]);
                dColsN[l] = Nd4j.create(DataType.FLOAT, n, span);
                cols[l] = kernels[l] > 1 ? new float[(int) n * span] : null;
                pre[l] = new float[(int) n * cout[l]];
                act[l + 1] = new float[(int) n * cout[l]];
                dPre[l] = new float[(int) n * cout[l]];
                grad[l] = new float[span * cout[l]];
                dCols[l] = new float[(int) n * span];
                dAct[l] = new float[rows * widths[l] * cin[l]];
                weightJ[l] = new float[span * cout[l]];
                biasJ[l] = new float[cout[l]];
            }
        }
    }

    private Buffers buffers(int rows, int width) {
        if (buffers == null || buffers.rows != rows || buffers.width != width) {
            buffers = new Buffers(rows, width);
        }
        return buffers;
    }

    /** dL/dWm from G = dL/dW_sn: (G - <G, W_sn> v u^T) / sigma. */
    private double[] spectralBackward(int l, double[] g) {
        int rowsW = kernels[l] * cin[l], co = cout[l];
        double dot = 0;
        for (int i = 0; i < g.length; i++) {
            dot += g[i] * normalised[l][i];
        }
        double[] out = new double[g.length];
        for (int r = 0; r < rowsW; r++) {
            for (int o = 0; o < co; o++) {
                int i = r * co + o;
                out[i] = (g[i] - dot * v[l][r] * u[l][o]) / sigma[l];
            }
        }
        return out;
    }
}
