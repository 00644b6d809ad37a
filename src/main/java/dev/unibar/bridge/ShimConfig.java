package dev.unibar.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Java tells the shim of a trusted document when it attaches ({@code unibar.attached(cfg)}): the origins
 * whose {@code postMessage} it keeps (any other frame's messages are only counted), and the secrets of frames
 * Unibar serves itself, which the shim posts to a frame of exactly that origin when it asks (decision 0037).
 * Given only to documents of the policy's origins, never written into a page or a script every frame runs.
 */
public final class ShimConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OriginPolicy policy;
    private final Map<String, String> frameSecrets = new ConcurrentHashMap<>();

    public ShimConfig(OriginPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Hands {@code secret} to frames of {@code frameOrigin} that ask the page's trusted top window for it. */
    public void shareWithFrames(String frameOrigin, String secret) {
        String o = OriginPolicy.normalize(frameOrigin)
                .orElseThrow(() -> new IllegalArgumentException("not an origin: " + frameOrigin));
        frameSecrets.put(o, Objects.requireNonNull(secret, "secret"));
    }

    /** The trusted origins alone: safe in a script every document runs. */
    public String trustedOnlyJson() {
        return json(false);
    }

    /** With the frames' secrets: for a document whose origin Java has checked. */
    public String json() {
        return json(true);
    }

    private String json(boolean withSecrets) {
        ObjectNode cfg = JSON.createObjectNode();
        var trusted = cfg.putArray("trusted");
        policy.origins().forEach(trusted::add);
        if (withSecrets) {
            ObjectNode frames = cfg.putObject("frames");
            frameSecrets.forEach(frames::put);
        }
        return cfg.toString();
    }
}
