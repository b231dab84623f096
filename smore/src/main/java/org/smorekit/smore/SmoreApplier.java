package org.smorekit.smore;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.smorekit.progress.ProgressListener;
import org.smorekit.volume.Volume;

/**
 * Super-resolves a thick-slice scan with a {@link TrainedModel}: the 2-D network runs on every through-plane slice of
 * both through-plane orientations (the planes spanned by the slice axis and either in-plane axis), each with its
 * thick slices in order and reversed (the network was trained on lines in both directions; the reversed pass puts its
 * output grid on the forward one with the phase {@code (m - 1) s - (N - 1)}), the four results are averaged,
 * intensities are scaled back and the input's axis order is restored. The reversed passes double the inference time
 * and even out what the network does differently at each position between two thick slices (docs/smore.md,
 * "Inference"); the development switch {@code -Dsmorekit.smore.forwardOnly=true} leaves them out, for measuring that.
 *
 * <p>Output grid (the project's convention): along the slice axis {@code N = floor((m - 1) * s) + 1} samples at thick
 * coordinate {@code i / s}, affine {@code scan.affine().resampledAxis(sliceAxis, 0, 1 / s)}; other axes unchanged.
 * Slices go through the network {@link SmoreOptions#inferenceBatch} at a time, so memory stays bounded by the
 * output volume plus one slab's activations.
 */
public final class SmoreApplier {
    /** The development switch that leaves the reversed passes out (for measuring what they add). */
    private static final String FORWARD_ONLY = "smorekit.smore.forwardOnly";

    /** Relative difference between the requested scale and the model's above which apply refuses. */
    private static final double SCALE_TOLERANCE = 1e-3;

    public SmoreApplier() {
    }

    /**
     * How many network passes {@link #apply} averages: the two through-plane orientations, each with the thick slices
     * in order and reversed (4), or in order only (2) under the development switch {@code smorekit.smore.forwardOnly}.
     */
    public static int passes() {
        return Boolean.getBoolean(FORWARD_ONLY) ? 2 : 4;
    }

    public Volume apply(TrainedModel model, Volume scan, int sliceAxis, double scale, ProgressListener progress) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        SmoreTrainer.checkInputs(scan, sliceAxis, scale, model.profile());
        if (Math.abs(scale - model.scale()) > SCALE_TOLERANCE * model.scale()) {
            throw new IllegalArgumentException(String.format(
                    "the model was trained for scale %.6g, but the scan's scale is %.6g; train a model for this scan",
                    model.scale(), scale));
        }
        ProgressListener listener = progress == null ? ProgressListener.SILENT : progress;
        NdThreads.apply(model.options().threads());
        Volume sliceLast = scan.permuted(SliceAxisOrder.sliceLast(sliceAxis));
        IntensityScale intensity = IntensityScale.of(sliceLast);
        Volume normalised = intensity.normalise(sliceLast);
        int na = sliceLast.nx();
        int nb = sliceLast.ny();
        int m = sliceLast.nz();
        int n = SliceAxisGrid.outputLength(m, scale);
        float[] out = new float[na * nb * n];
        long[] done = {0};
        // planes spanned by axis 0 and the slice axis (one per b), then by axis 1 and the slice axis (one per a);
        // then both again with the thick slices in reverse order
        int passes = passes();
        long total = (long) (na + nb) * (passes / 2);
        for (int pass = 0; pass < passes; pass++) {
            runOrientation(model, normalised, scale, n, pass % 2, pass >= 2, out, listener, done, total);
        }
        listener.finish("infer");
        for (int i = 0; i < out.length; i++) {
            out[i] /= passes;
        }
        intensity.restore(out);
        Volume result = sliceLast.withGrid(new int[] {na, nb, n}, out,
                sliceLast.affine().resampledAxis(2, 0, 1.0 / scale));
        return result.permuted(Volume.inversePermutation(SliceAxisOrder.sliceLast(sliceAxis)));
    }

    /**
     * Runs the network on all planes containing in-plane axis {@code rowAxis} and the slice axis, adding the result
     * into {@code out} ([na, nb, n], x fastest). With {@code reversed} each line of thick slices goes in last slice
     * first, on the output grid shifted by the phase that makes its samples fall where the forward ones do, and the
     * result is added back in forward order.
     */
    private void runOrientation(TrainedModel model, Volume v, double scale, int n, int rowAxis, boolean reversed,
                                float[] out, ProgressListener listener, long[] done, long total) {
        int na = v.nx();
        int nb = v.ny();
        int m = v.nz();
        int height = rowAxis == 0 ? na : nb;
        int planes = rowAxis == 0 ? nb : na;
        Architecture arch = model.architecture();
        boolean lrGrid = arch.upsampling() == Upsampling.LR_GRID;
        int batch = Math.min(model.options().inferenceBatch(), planes);
        SameDiff sd = EdsrNetwork.build(arch, model.weights(), height, m, n, false);
        double phase = reversed ? Math.max(0, (m - 1) * scale - (n - 1)) : 0;
        float[] resize = lrGrid ? SliceAxisGrid.resizeMatrix(m, arch.subPixels(), n, scale, phase) : null;
        for (int p0 = 0; p0 < planes; p0 += batch) {
            int count = Math.min(batch, planes - p0);
            float[] lr = new float[count * height * m];
            for (int p = 0; p < count; p++) {
                int plane = p0 + p;
                for (int h = 0; h < height; h++) {
                    int a = rowAxis == 0 ? h : plane;
                    int b = rowAxis == 0 ? plane : h;
                    int dst = (p * height + h) * m;
                    for (int z = 0; z < m; z++) {
                        lr[dst + z] = v.get(a, b, reversed ? m - 1 - z : z);
                    }
                }
            }
            float[] skip = new float[count * height * n];
            SliceAxisGrid.interpolate(lr, count * height, m, skip, n, scale, new double[] {phase}, count * height);
            Map<String, INDArray> feed = new HashMap<>();
            feed.put(EdsrNetwork.SKIP, Nd4j.create(skip, new long[] {count, height, n, 1}, 'c'));
            if (lrGrid) {
                feed.put(EdsrNetwork.LR, Nd4j.create(lr, new long[] {count, height, m, 1}, 'c'));
                float[] all = new float[count * resize.length];
                for (int p = 0; p < count; p++) {
                    System.arraycopy(resize, 0, all, p * resize.length, resize.length);
                }
                feed.put(EdsrNetwork.RESIZE, Nd4j.create(all, new long[] {count, (long) m * arch.subPixels(), n}, 'c'));
            }
            INDArray sr = sd.output(feed, EdsrNetwork.OUTPUT).get(EdsrNetwork.OUTPUT);
            INDArray dense = sr.dup('c');
            float[] res = dense.data().asFloat();
            dense.close();
            for (INDArray a : feed.values()) {
                a.close();
            }
            sr.close();
            for (int p = 0; p < count; p++) {
                int plane = p0 + p;
                for (int h = 0; h < height; h++) {
                    int a = rowAxis == 0 ? h : plane;
                    int b = rowAxis == 0 ? plane : h;
                    int src = (p * height + h) * n;
                    int base = a + na * b;
                    for (int i = 0; i < n; i++) {
                        out[base + na * nb * (reversed ? n - 1 - i : i)] += res[src + i];
                    }
                }
            }
            // the graph's activations live off-heap until their Java handles are collected: collect per slab so
            // that memory stays at one slab's worth (see LossRecorder)
            System.gc();
            done[0] += count;
            String detail = "planes along axis " + rowAxis + (reversed ? ", slices reversed" : "");
            listener.update("infer", done[0], total, detail);
        }
    }
}
