package dev.unibar.app;

import dev.unibar.sim.epbx.EpbxSimulator;
import dev.unibar.sim.ucs.UcsSimulator;

import java.io.PrintStream;

/** `unibar simulate`: a vendor simulator on 127.0.0.1 for browsers, external clients and supervisors. */
public final class Simulators {

    private Simulators() {
    }

    /** Starts the simulator and prints its addresses; returns a handle that stops it. */
    public static AutoCloseable start(String vendor, int port, PrintStream out) {
        switch (vendor) {
            case "ucs": {
                UcsSimulator sim = new UcsSimulator(port).start();
                out.println("ucs simulator listening on " + sim.origin());
                out.println("  operator script: " + sim.scriptUrl());
                out.println("  demo page:       " + sim.demoPageUrl());
                out.println("  control:         " + sim.origin() + "/control/scenarios");
                out.flush();
                return sim;
            }
            case "epbx": {
                EpbxSimulator sim = EpbxSimulator.run(port);
                out.println("epbx simulator listening on http://127.0.0.1:" + sim.port());
                out.println("  service base:    " + sim.serviceBase());
                out.println("  classic SignalR: " + sim.serviceBase() + "signalr  (hubs script: "
                        + sim.serviceBase() + "signalr/hubs)");
                out.println("  Core SignalR:    " + sim.serviceBase() + "atendimentoHub");
                out.println("  control:         " + sim.serviceBase() + "sim/scenarios");
                out.println("  login:           agent / agent, devices 1000-1002 and 2001");
                out.flush();
                return sim::stop;
            }
            default:
                throw new IllegalArgumentException("no simulator for \"" + vendor + "\" yet");
        }
    }
}
