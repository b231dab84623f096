package org.smorekit.estimator;

/**
 * Adam (Kingma and Ba, arXiv:1412.6980) on a flat double parameter vector, with optional L2 weight decay added to the
 * gradient (PyTorch's {@code Adam(weight_decay=...)}) and optional element-wise gradient clipping to
 * {@code [-clip, clip]} (PyTorch's {@code clip_grad_value_}), as ESPRESO uses for its generator:
 * <pre>
 *   g = clip(g + wd * w);  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;
 *   w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 */
final class Adam {
    private final double beta1, beta2, eps, weightDecay, clip;
    private final double[] m, v;
    private int step;

    Adam(int size, double beta1, double beta2, double weightDecay, double clip) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = 1e-8;
        this.weightDecay = weightDecay;
        this.clip = clip;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One update of {@code w} (in place) at learning rate {@code lr} with gradient {@code g} (not modified). */
    void step(double[] w, double[] g, double lr) {
        step++;
        double c1 = 1 - Math.pow(beta1, step), c2 = 1 - Math.pow(beta2, step);
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] + weightDecay * w[i];
            if (clip > 0) {
                gi = Math.max(-clip, Math.min(clip, gi));
            }
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
    }

    /** One update of a float parameter vector. */
    void step(float[] w, double[] g, double lr) {
        step++;
        double c1 = 1 - Math.pow(beta1, step), c2 = 1 - Math.pow(beta2, step);
        for (int i = 0; i < w.length; i++) {
            double gi = g[i] + weightDecay * w[i];
            if (clip > 0) {
                gi = Math.max(-clip, Math.min(clip, gi));
            }
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            w[i] = (float) (w[i] - lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps));
        }
    }
}
