package org.smorekit.estimator;
import org.nd4j.linalg.factory.Nd4j;
public final class DevEnv {
    public static void main(String[] a) {
        System.out.println(Nd4j.getExecutioner().getEnvironmentInformation());
        System.out.println(Nd4j.getExecutioner().getClass());
        System.out.println(Nd4j.getBackend().buildInfo());
    }
}
