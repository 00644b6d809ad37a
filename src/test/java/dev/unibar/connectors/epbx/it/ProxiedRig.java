package dev.unibar.connectors.epbx.it;

import dev.unibar.connectors.epbx.HubTransport;
import dev.unibar.testkit.FaultProxy;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A {@link SimRig} whose connector reaches the simulator through a {@link FaultProxy} (a bad network). */
final class ProxiedRig implements AutoCloseable {

    final SimRig rig;
    final FaultProxy proxy;

    ProxiedRig(String transport, HubTransport.Backoff backoff) {
        FaultProxy[] made = new FaultProxy[1];
        rig = new SimRig(transport, b -> { }, sim -> {
            try {
                made[0] = new FaultProxy(sim.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sim.allowForwardedPort(made[0].port());
            return "http://127.0.0.1:" + made[0].port() + "/Service/";
        }, backoff);
        proxy = made[0];
    }

    @Override
    public void close() {
        try {
            rig.close();
        } finally {
            proxy.close();
        }
    }
}
