package org.smorekit.smore;

import java.util.NoSuchElementException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.smorekit.degrade.PairBatch;
import org.smorekit.degrade.TrainingPairs;

/**
 * Feeds {@code count} freshly drawn batches of training pairs to SameDiff, in the order of the network's feature
 * mapping ({@code lr, skip, resize} or {@code skip}) and label {@code hr}. The arrays of a batch are closed when the
 * next one is drawn: their off-heap memory is returned at once instead of whenever the garbage collector runs.
 * Synchronous only (no prefetch thread), so the sequence is deterministic.
 */
final class PairBatchIterator implements MultiDataSetIterator {
    private final TrainingPairs pairs;
    private final Architecture arch;
    private final int batch;
    private final int count;
    private int served;
    private MultiDataSet previous;

    PairBatchIterator(TrainingPairs pairs, Architecture arch, int batch, int count) {
        this.pairs = pairs;
        this.arch = arch;
        this.batch = batch;
        this.count = count;
    }

    @Override
    public boolean hasNext() {
        return served < count;
    }

    @Override
    public MultiDataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + count + " batches served");
        }
        closePrevious();
        served++;
        previous = toDataSet(pairs.next(batch), arch, pairs.scale());
        return previous;
    }

    /** The arrays for one batch. */
    static MultiDataSet toDataSet(PairBatch b, Architecture arch, double scale) {
        int h = b.height();
        int lw = b.lrWidth();
        int hw = b.hrWidth();
        int n = b.count();
        float[] skipData = new float[n * h * hw];
        SliceAxisGrid.interpolate(b.lr(), n * h, lw, skipData, hw, scale, b.phase(), h);
        INDArray skip = Nd4j.create(skipData, new long[] {n, h, hw, 1}, 'c');
        INDArray hr = Nd4j.create(b.hr(), new long[] {n, h, hw, 1}, 'c');
        INDArray[] features;
        if (arch.upsampling() == Upsampling.LR_GRID) {
            INDArray lr = Nd4j.create(b.lr(), new long[] {n, h, lw, 1}, 'c');
            features = new INDArray[] {lr, skip, SmoreTrainer.resizeBatch(arch, lw, hw, scale, b.phase())};
        } else {
            features = new INDArray[] {skip};
        }
        return new MultiDataSet(features, new INDArray[] {hr});
    }

    void closePrevious() {
        if (previous != null) {
            for (INDArray a : previous.getFeatures()) {
                a.close();
            }
            for (INDArray a : previous.getLabels()) {
                a.close();
            }
            previous = null;
        }
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("batches have a fixed size");
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("no pre-processing");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public boolean resetSupported() {
        return false;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("an endless random sequence cannot be reset");
    }
}
