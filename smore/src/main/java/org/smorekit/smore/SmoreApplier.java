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
 * both through-plane orientations (the planes spanned by the slice axis and either in-plane axis), the two results are
 * averaged, intensities are scaled back and the input's axis order is restored.
 *
 * <p>Output grid (the project's convention): along the slice axis {@code N = floor((m - 1) * s) + 1} samples at thick
 * coordinate {@code i / s}, affine {@code scan.affine().resampledAxis(sliceAxis, 0, 1 / s)}; other axes unchanged.
 * Slices go through the network {@link SmoreOptions#inferenceBatch} at a time, so memory stays bounded by the
 * output volume plus one slab's activations.
 */
public final class SmoreApplier {
    /** Relative difference between the requested scale and the model's above which apply refuses. */
    private static final double SCALE_TOLERANCE = 1e-3;

    public SmoreApplier() {
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
        long total = (long) na + nb;
        long[] done = {0};
        // planes spanned by axis 0 and the slice axis (one per b), then by axis 1 and the slice axis (one per a)
        runOrientation(model, normalised, scale, n, 0, out, listener, done, total);
        runOrientation(model, normalised, scale, n, 1, out, listener, done, total);
        listener.finish("infer");
        for (int i = 0; i < out.length; i++) {
            out[i] *= 0.5f;
        }
        intensity.restore(out);
        Volume result = sliceLast.withGrid(new int[] {na, nb, n}, out,
                sliceLast.affine().resampledAxis(2, 0, 1.0 / scale));
        return result.permuted(Volume.inversePermutation(SliceAxisOrder.sliceLast(sliceAxis)));
    }

    /**
     * Runs the network on all planes containing in-plane axis {@code rowAxis} and the slice axis, adding the result
     * into {@code out} ([na, nb, n], x fastest).
     */
    private void runOrientation(TrainedModel model, Volume v, double scale, int n, int rowAxis, float[] out,
                                ProgressListener listener, long[] done, long total) {
        int na = v.nx();
        int nb = v.ny();
        int m = v.nz();
        int height = rowAxis == 0 ? na : nb;
        int planes = rowAxis == 0 ? nb : na;
        Architecture arch = model.architecture();
        boolean lrGrid = arch.upsampling() == Upsampling.LR_GRID;
        int batch = Math.min(model.options().inferenceBatch(), planes);
        SameDiff sd = EdsrNetwork.build(arch, model.weights(), height, m, n, false);
        float[] resize = lrGrid ? SliceAxisGrid.resizeMatrix(m, arch.subPixels(), n, scale, 0) : null;
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
                        lr[dst + z] = v.get(a, b, z);
                    }
                }
            }
            float[] skip = new float[count * height * n];
            SliceAxisGrid.interpolate(lr, count * height, m, skip, n, scale, null, 1);
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
                        out[base + na * nb * i] += res[src + i];
                    }
                }
            }
            // the graph's activations live off-heap until their Java handles are collected: collect per slab so
            // that memory stays at one slab's worth (see LossRecorder)
            System.gc();
            done[0] += count;
            listener.update("infer", done[0], total, rowAxis == 0 ? "planes along axis 0" : "planes along axis 1");
        }
    }
}
