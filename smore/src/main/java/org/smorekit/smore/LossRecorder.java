package org.smorekit.smore;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Keeps the L1 loss of the latest training iteration: the mean of the absolute-error variable (SameDiff does not
 * evaluate the final mean reduction of a loss during training, only its gradient).
 */
final class LossRecorder extends BaseListener {
    private final String errorName;
    private double last = Double.NaN;

    LossRecorder(String errorName) {
        this.errorName = errorName;
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public ListenerVariables requiredVariables(SameDiff sd) {
        return ListenerVariables.builder().trainingVariables(errorName).build();
    }

    @Override
    public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                                    INDArray activation) {
        if (errorName.equals(varName)) {
            last = activation.meanNumber().doubleValue();
        }
    }

    double last() {
        return last;
    }
}
