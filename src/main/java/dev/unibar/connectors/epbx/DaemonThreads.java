package dev.unibar.connectors.epbx;

import java.util.concurrent.ThreadFactory;

/** The connector's threads: named for thread dumps, daemons so a connector left open never keeps the bar alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
