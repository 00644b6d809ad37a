package dev.unibar.connectors.epbx.it;

import dev.unibar.core.state.SessionPhase;

/**
 * Run in a JVM of its own by {@link HttpClientLogTest}, with {@code -Djdk.httpclient.HttpClient.log=all}
 * (the JDK reads it once per JVM): logs in to a simulator, then prints every access token the simulator
 * issued on stdout, so the test can look for them on stderr, where the logs go.
 */
public final class HttpLogProbe {

    private HttpLogProbe() {
    }

    public static void main(String[] args) {
        String transport = args.length > 0 ? args[0] : "classic";
        try (SimRig rig = new SimRig(transport)) {
            rig.login();
            rig.await("ready", 10_000, s -> s.phase() == SessionPhase.READY);
            rig.sim.tokenGrants().forEach(g -> {
                if (g.accessToken() != null) System.out.println("TOKEN " + g.accessToken());
            });
        }
        System.exit(0);
    }
}
