package org.smorekit.smore;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * Learning rate with a linear warm-up then cosine decay (Loshchilov &amp; Hutter, SGDR, ICLR 2017, without restarts):
 * {@code lr(t) = peak * (t + 1) / warmup} for {@code t < warmup}, then
 * {@code lr(t) = floor + (peak - floor) * (1 + cos(pi * (t - warmup) / (total - warmup))) / 2}.
 */
public final class CosineSchedule implements ISchedule {
    private final double peak;
    private final double floor;
    private final int warmup;
    private final int total;

    public CosineSchedule(double peak, double floor, int warmup, int total) {
        this.peak = peak;
        this.floor = floor;
        this.warmup = Math.max(0, Math.min(warmup, total - 1));
        this.total = total;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        if (iteration < warmup) {
            return peak * (iteration + 1) / warmup;
        }
        double t = Math.min(1.0, (iteration - warmup) / (double) Math.max(1, total - warmup));
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * t));
    }

    @Override
    public ISchedule clone() {
        return new CosineSchedule(peak, floor, warmup, total);
    }
}
