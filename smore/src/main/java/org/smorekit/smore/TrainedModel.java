package org.smorekit.smore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.smorekit.degrade.SliceProfile;

/**
 * A SMORE network trained for one scan: architecture, weights, the scale and slice axis it was trained for, the
 * profile used to make its training pairs, the training intensity scale, the options and a training summary.
 *
 * <p>Checkpoint format ({@link #save}): a zip with {@code model.json} (everything but the weights, human readable) and
 * {@code weights.bin} (big-endian: tensor count; per tensor its name, rank, dims, float values).
 */
public final class TrainedModel {
    private static final int FORMAT_VERSION = 1;
    private static final String JSON_ENTRY = "model.json";
    private static final String WEIGHTS_ENTRY = "weights.bin";

    private final Architecture architecture;
    private final Map<String, Tensor> weights;
    private final double scale;
    private final int sliceAxis;
    private final SliceProfile profile;
    private final IntensityScale trainingIntensity;
    private final SmoreOptions options;
    private final double finalLoss;
    private final double trainSeconds;
    private final double inputNoiseSigma;

    public TrainedModel(Architecture architecture, Map<String, Tensor> weights, double scale, int sliceAxis,
                        SliceProfile profile, IntensityScale trainingIntensity, SmoreOptions options,
                        double finalLoss, double trainSeconds, double inputNoiseSigma) {
        this.architecture = architecture;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.scale = scale;
        this.sliceAxis = sliceAxis;
        this.profile = profile;
        this.trainingIntensity = trainingIntensity;
        this.options = options;
        this.finalLoss = finalLoss;
        this.trainSeconds = trainSeconds;
        this.inputNoiseSigma = inputNoiseSigma;
    }

    public Architecture architecture() {
        return architecture;
    }

    public Map<String, Tensor> weights() {
        return weights;
    }

    /** The scale (slice spacing / in-plane spacing) the network was trained for. */
    public double scale() {
        return scale;
    }

    public int sliceAxis() {
        return sliceAxis;
    }

    public SliceProfile profile() {
        return profile;
    }

    public IntensityScale trainingIntensity() {
        return trainingIntensity;
    }

    public SmoreOptions options() {
        return options;
    }

    /** Running (exponentially averaged) L1 training loss at the end, in normalised intensity units. */
    public double finalLoss() {
        return finalLoss;
    }

    public double trainSeconds() {
        return trainSeconds;
    }

    /**
     * The noise standard deviation (the scan's intensity units) the training pairs' low-resolution columns were given
     * back ({@link SmoreOptions#noiseMatching()}); 0 when the scan did not count as noisy or matching was off.
     */
    public double inputNoiseSigma() {
        return inputNoiseSigma;
    }

    /** What a user should know when the training pairs were given noise back: how much, and why. */
    public Optional<String> inputNoiseNote() {
        return inputNoiseSigma == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "the scan is noisy:"
                + " the training pairs' thick-slice columns were given back the noise their profile averaged away"
                + " (sigma %.3g in the scan's units), so the network meets in training the noise it meets in the"
                + " scan (docs/smore.md, \"Noise\")", inputNoiseSigma));
    }

    /** Everything but the weights, as JSON (for sidecars and reports). */
    public ObjectNode describe() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "smorekit-smore-model");
        root.put("formatVersion", FORMAT_VERSION);
        root.put("scale", scale);
        root.put("sliceAxis", sliceAxis);
        ArrayNode taps = root.putArray("profile");
        for (double v : profile.values()) {
            taps.add(v);
        }
        root.put("profileFwhmVoxels", profile.fwhmVoxels());
        root.put("trainingIntensityOffset", trainingIntensity.offset());
        root.put("trainingIntensityDivisor", trainingIntensity.divisor());
        ObjectNode arch = root.putObject("architecture");
        arch.put("blocks", architecture.blocks());
        arch.put("channels", architecture.channels());
        arch.put("residualScaling", architecture.residualScaling());
        arch.put("upsampling", architecture.upsampling().name());
        arch.put("subPixels", architecture.subPixels());
        ObjectNode opt = root.putObject("options");
        opt.put("iterations", options.iterations());
        opt.put("batchSize", options.batchSize());
        opt.put("patchSize", options.patchSize());
        opt.put("blocks", options.blocks());
        opt.put("channels", options.channels());
        opt.put("learningRate", options.learningRate());
        opt.put("seed", options.seed());
        opt.put("threads", options.threads());
        opt.put("upsampling", options.upsampling().name());
        opt.put("inferenceBatch", options.inferenceBatch());
        opt.put("noiseMatching", options.noiseMatching());
        root.put("finalLoss", finalLoss);
        root.put("trainSeconds", trainSeconds);
        root.put("inputNoiseSigma", inputNoiseSigma);
        return root;
    }

    /** Writes the checkpoint (see the class comment), replacing {@code file}. */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file));
             ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry(JSON_ENTRY));
            zip.write(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(describe()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
            DataOutputStream out = new DataOutputStream(zip);
            out.writeInt(weights.size());
            for (Map.Entry<String, Tensor> e : weights.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeLong(d);
                }
                for (float v : e.getValue().values()) {
                    out.writeFloat(v);
                }
            }
            out.flush();
            zip.closeEntry();
        }
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @throws IllegalArgumentException if the file is not such a checkpoint (another zip, another file, another
     *                                  format version): the caller gave the wrong file
     * @throws IOException              if it cannot be read
     */
    public static TrainedModel load(Path file) throws IOException {
        byte[] json = null;
        byte[] bin = null;
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             ZipInputStream zip = new ZipInputStream(is)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                zip.transferTo(buf);
                if (JSON_ENTRY.equals(entry.getName())) {
                    json = buf.toByteArray();
                } else if (WEIGHTS_ENTRY.equals(entry.getName())) {
                    bin = buf.toByteArray();
                }
            }
        }
        if (json == null || bin == null) {
            throw new IllegalArgumentException(file + " is not a smorekit model checkpoint (needs " + JSON_ENTRY
                    + " and " + WEIGHTS_ENTRY + ")");
        }
        JsonNode root = new ObjectMapper().readTree(json);
        if (!"smorekit-smore-model".equals(root.path("format").asText())
                || root.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException(file + ": unsupported model format " + root.path("format").asText()
                    + " version " + root.path("formatVersion").asText());
        }
        JsonNode a = root.get("architecture");
        Architecture arch = new Architecture(a.get("blocks").asInt(), a.get("channels").asInt(),
                a.get("residualScaling").asDouble(), Upsampling.valueOf(a.get("upsampling").asText()),
                a.get("subPixels").asInt());
        JsonNode o = root.get("options");
        SmoreOptions options = new SmoreOptions(o.get("iterations").asInt(), o.get("batchSize").asInt(),
                o.get("patchSize").asInt(), o.get("blocks").asInt(), o.get("channels").asInt(),
                o.get("learningRate").asDouble(), o.get("seed").asLong(), o.get("threads").asInt(),
                Upsampling.valueOf(o.get("upsampling").asText()), o.get("inferenceBatch").asInt(),
                o.path("noiseMatching").asBoolean(false));
        JsonNode p = root.get("profile");
        double[] taps = new double[p.size()];
        for (int i = 0; i < taps.length; i++) {
            taps[i] = p.get(i).asDouble();
        }
        Map<String, Tensor> weights = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bin))) {
            int count = in.readInt();
            for (int t = 0; t < count; t++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long n = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                    n *= shape[d];
                }
                float[] v = new float[Math.toIntExact(n)];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                weights.put(name, new Tensor(shape, v));
            }
        }
        return new TrainedModel(arch, weights, root.get("scale").asDouble(), root.get("sliceAxis").asInt(),
                new SliceProfile(taps), new IntensityScale(root.path("trainingIntensityOffset").asDouble(0),
                root.get("trainingIntensityDivisor").asDouble()), options,
                root.get("finalLoss").asDouble(), root.get("trainSeconds").asDouble(),
                root.path("inputNoiseSigma").asDouble(0));
    }
}
