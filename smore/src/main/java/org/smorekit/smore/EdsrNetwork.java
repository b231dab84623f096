package org.smorekit.smore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the SameDiff graph of the {@link Architecture} for one patch geometry, in NHWC (the fast layout with the
 * oneDNN natives), rows H along the undegraded in-plane axis, columns W along the slice axis.
 *
 * <p>Placeholders: {@code lr} [B, H, lrWidth, 1] thick-slice samples; {@code skip} [B, H, hrWidth, 1] their cubic
 * interpolation on the output grid; {@code resize} [B, lrWidth*r, hrWidth] the sub-pixel-to-output map
 * ({@link SliceAxisGrid#resizeMatrix}; only for {@link Upsampling#LR_GRID}); for training also {@code hr}
 * [B, H, hrWidth, 1]. Output {@code sr} = skip + network residual; training loss {@code loss} = mean |sr - hr| (L1).
 */
public final class EdsrNetwork {
    public static final String LR = "lr";
    public static final String SKIP = "skip";
    public static final String RESIZE = "resize";
    public static final String HR = "hr";
    public static final String OUTPUT = "sr";
    public static final String LOSS = "loss";
    public static final String ABS_ERROR = "abs_error";

    private EdsrNetwork() {
    }

    /** He-normal initial weights (std sqrt(2 / fan-in)) and zero biases, deterministic for a seed. */
    public static Map<String, Tensor> initialWeights(Architecture arch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        int c = arch.channels();
        putConv(w, "head", 1, c, random, 1.0);
        for (int b = 0; b < arch.blocks(); b++) {
            putConv(w, "block" + b + "_a", c, c, random, 1.0);
            putConv(w, "block" + b + "_b", c, c, random, 1.0);
        }
        putConv(w, "body", c, c, random, 1.0);
        // a small tail: the network starts close to the cubic interpolation (residual ~ 0)
        putConv(w, "tail", c, arch.subPixels(), random, 0.1);
        return w;
    }

    private static void putConv(Map<String, Tensor> w, String name, int in, int out, SplittableRandom random,
                                double gain) {
        float[] k = new float[9 * in * out];
        double std = gain * Math.sqrt(2.0 / (9.0 * in));
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (random.nextGaussian() * std);
        }
        w.put(name + "_w", new Tensor(new long[] {3, 3, in, out}, k));
        w.put(name + "_b", new Tensor(new long[] {out}, new float[out]));
    }

    /**
     * The graph for patches of {@code height x lrWidth} thick samples and {@code hrWidth} outputs per row, holding
     * the given weights as trainable variables.
     */
    public static SameDiff build(Architecture arch, Map<String, Tensor> weights, int height, int lrWidth,
                                 int hrWidth, boolean training) {
        SameDiff sd = SameDiff.create();
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            Tensor t = e.getValue();
            INDArray arr = Nd4j.create(t.values(), t.shape(), 'c').castTo(DataType.FLOAT);
            sd.var(e.getKey(), arr);
        }
        SDVariable skip = sd.placeHolder(SKIP, DataType.FLOAT, -1, height, hrWidth, 1);
        boolean lrGrid = arch.upsampling() == Upsampling.LR_GRID;
        SDVariable input = lrGrid ? sd.placeHolder(LR, DataType.FLOAT, -1, height, lrWidth, 1) : skip;
        SDVariable head = conv(sd, input, "head");
        SDVariable x = head;
        for (int b = 0; b < arch.blocks(); b++) {
            SDVariable y = sd.nn().relu(conv(sd, x, "block" + b + "_a"), 0);
            y = conv(sd, y, "block" + b + "_b").mul(arch.residualScaling());
            x = x.add(y);
        }
        x = conv(sd, x, "body").add(head);
        SDVariable tail = conv(sd, x, "tail");
        SDVariable residual;
        if (lrGrid) {
            int r = arch.subPixels();
            SDVariable sub = sd.reshape(tail, -1, height, (long) lrWidth * r);
            SDVariable resize = sd.placeHolder(RESIZE, DataType.FLOAT, -1, (long) lrWidth * r, hrWidth);
            residual = sd.reshape(sd.mmul(sub, resize), -1, height, hrWidth, 1);
        } else {
            residual = tail;
        }
        SDVariable out = skip.add(OUTPUT, residual);
        if (training) {
            SDVariable hr = sd.placeHolder(HR, DataType.FLOAT, -1, height, hrWidth, 1);
            SDVariable loss = sd.math().abs(ABS_ERROR, out.sub(hr)).mean(LOSS);
            sd.setLossVariables(loss);
        }
        return sd;
    }

    private static SDVariable conv(SameDiff sd, SDVariable in, String name) {
        Conv2DConfig config = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).dH(1).dW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().conv2d(in, sd.getVariable(name + "_w"), sd.getVariable(name + "_b"), config);
    }

    /** The current values of the weights held by a graph built with {@link #build}. */
    public static Map<String, Tensor> weightsOf(SameDiff sd, Map<String, Tensor> like) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : like.entrySet()) {
            INDArray arr = sd.getVariable(e.getKey()).getArr().castTo(DataType.FLOAT).dup('c');
            out.put(e.getKey(), new Tensor(e.getValue().shape(), arr.data().asFloat()));
        }
        return out;
    }
}
