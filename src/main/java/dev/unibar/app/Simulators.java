package dev.unibar.app;

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
            default:
                throw new IllegalArgumentException("no simulator for \"" + vendor + "\" yet");
        }
    }
}
