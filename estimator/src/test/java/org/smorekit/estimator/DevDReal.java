package org.smorekit.estimator;

import org.smorekit.volume.Volume;

public final class DevDReal {
    public static void main(String[] a) throws Exception {
        NativeThreads.set(2);
        double lr = Double.parseDouble(a[0]); int batch = Integer.parseInt(a[1]); int ch = Integer.parseInt(a[2]); int its = Integer.parseInt(a[3]);
        double kf = Double.parseDouble(a[4]);
        Volume lrv = SimulatedColin27.thickSlices(SimulatedColin27.isotropic(), SimulatedColin27.gaussian(4, 21), 4);
        PatchDegradation deg = new PatchDegradation(21, 4);
        PatchSampler s = new PatchSampler(IntensityScaling.scaled(lrv.toArray()), lrv.shape(), deg.patchLength());
        int rows = batch * 16;
        float[] p1 = new float[rows * deg.patchLength()], p2 = new float[rows * deg.patchLength()], g1 = new float[rows * 16], g2 = new float[rows * 16];
        float[] in = new float[2 * rows * 16];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        PatchDiscriminator d = new PatchDiscriminator(ch, new int[] {3, 3, 3, 1, 1}, 1);
        Adam[] aw = new Adam[5], ab = new Adam[5];
        for (int l = 0; l < 5; l++) { aw[l] = new Adam(d.weights(l).length, 0.5, 0.999, 0, 0); ab[l] = new Adam(d.biases(l).length, 0.5, 0.999, 0, 0); }
        double[] k = kf < 0.1 ? org.smorekit.degrade.SliceProfile.impulse(21).values() : SimulatedColin27.gaussian(kf, 21).values();
        double[] loss = new double[1]; double avg = 0;
        int per = rows * d.outputWidth(16);
        for (int it = 1; it <= its; it++) {
            s.sample(r, batch, p1); s.sample(r, batch, p2);
            deg.forward(p1, rows, k, g1); deg.forward(p2, rows, k, g2);
            for (int b = 0; b < batch; b++) for (int i = 0; i < 16; i++) for (int j = 0; j < 16; j++) in[b * 256 + j * 16 + i] = g1[b * 256 + i * 16 + j];
            System.arraycopy(g2, 0, in, rows * 16, rows * 16);
            float fac = Float.parseFloat(a[5]); for (int i = 0; i < in.length; i++) in[i] *= fac;
            PatchDiscriminator.Pass pass = d.run(in, 2 * rows, 16, l -> GanRun.bceGradient(l, per, 1, loss), true, false);
            for (int l = 0; l < 5; l++) { aw[l].step(d.weights(l), pass.weightGradients()[l], lr); ab[l].step(d.biases(l), pass.biasGradients()[l], lr); }
            d.powerIteration();
            avg += loss[0];
            if (it % 50 == 0) { System.out.printf("it %d loss %.4f%n", it, avg / 50); avg = 0; }
        }
    }
}
