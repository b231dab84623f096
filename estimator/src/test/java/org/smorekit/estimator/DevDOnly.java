package org.smorekit.estimator;

public final class DevDOnly {
    public static void main(String[] a) {
        NativeThreads.set(2);
        int rows = 256;
        double lr = Double.parseDouble(a[0]), amp = Double.parseDouble(a[1]);
        PatchDiscriminator d = new PatchDiscriminator(64, new int[] {3, 3, 3, 1, 1}, 1);
        Adam[] aw = new Adam[5], ab = new Adam[5];
        for (int l = 0; l < 5; l++) { aw[l] = new Adam(d.weights(l).length, 0.5, 0.999, 0, 0); ab[l] = new Adam(d.biases(l).length, 0.5, 0.999, 0, 0); }
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        float[] in = new float[rows * 16];
        double[] loss = new double[1];
        for (int it = 0; it < 200; it++) {
            for (int n = 0; n < rows; n++) {
                double ph = r.nextDouble() * 6.28, f = 0.3;
                for (int p = 0; p < 16; p++) {
                    boolean real = n < rows / 2;
                    in[n * 16 + p] = (float) (amp * (real ? Math.sin(f * p + ph) : r.nextDouble() * 2 - 1));
                }
            }
            int per = rows / 2 * d.outputWidth(16);
            PatchDiscriminator.Pass pass = d.run(in, rows, 16, l -> GanRun.bceGradient(l, per, 1, loss), true, false);
            for (int l = 0; l < 5; l++) { aw[l].step(d.weights(l), pass.weightGradients()[l], lr); ab[l].step(d.biases(l), pass.biasGradients()[l], lr); }
            d.powerIteration();
            if (it % 20 == 0) System.out.printf("it %d loss %.4f%n", it, loss[0]);
        }
    }
}
