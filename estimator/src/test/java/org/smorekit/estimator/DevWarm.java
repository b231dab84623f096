package org.smorekit.estimator;
public final class DevWarm {
    public static void main(String[] a) {
        ProfileGenerator g = new ProfileGenerator(21, Integer.parseInt(a[0]), true, true, IncrementPrior.NONE, 1);
        double[] params = g.parameters(); double[] grad = new double[params.length];
        Adam adam = new Adam(params.length, 0.5, 0.999, 0, 0);
        for (int it = 0; it <= 100; it++) {
            double[] k = g.forward();
            if (it % 10 == 0) System.out.printf("it %d centre %.4f fwhm %.3f max %.4f%n", it, k[10], org.smorekit.degrade.HalfMaximum.of(k).width(), java.util.Arrays.stream(k).max().getAsDouble());
            double[] dk = new double[21];
            for (int i = 0; i < 21; i++) dk[i] = 2 * (k[i] - (i == 10 ? 1 : 0)) / 21;
            g.backward(dk, grad);
            adam.step(params, grad, Double.parseDouble(a[1]));
        }
    }
}
