package org.smorekit.estimator;

public final class DevMicro2 {
    public static void main(String[] a) {
        NativeThreads.set(Integer.parseInt(a[0]));
        int rows = Integer.parseInt(a[1]);
        PatchDiscriminator d = new PatchDiscriminator(64, new int[] {3, 3, 3, 1, 1}, 1);
        float[] in = new float[rows * 16];
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < in.length; i++) in[i] = (float) (r.nextDouble() * 1000);
        for (int rep = 0; rep < Integer.parseInt(a[2]); rep++) {
            long f0 = d.forwardNanos(), b0 = d.backwardNanos();
            long t0 = System.nanoTime();
            d.run(in, rows, 16, l -> GanRun.bceGradient(l, l.length / 2, 1, null), true, false);
            long t1 = System.nanoTime();
            d.run(in, rows, 16, l -> GanRun.bceGradient(l, l.length / 2, -1, null), false, true);
            long t2 = System.nanoTime();
            System.out.printf("D step %.1f ms  G step %.1f ms (fwd total %.1f, bwd total %.1f)%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (d.forwardNanos() - f0) / 1e6, (d.backwardNanos() - b0) / 1e6);
        }
    }
}
