package dev.unibar.core;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.state.ConnectionStatus;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One vendor, seen from the bar: it produces normalized events and accepts commands. How it talks to
 * the vendor (an embedded web bar, a SignalR hub) is its own business.
 */
public interface Connector {

    String vendor();

    Capabilities capabilities();

    /** Start talking to the vendor; events and connection changes go to the sink from any thread. */
    void start(Sink sink);

    /**
     * Send a command. The stage fails with the vendor's own message when the vendor refuses it; the
     * bar's state then stays as the vendor's events leave it.
     */
    CompletionStage<Void> send(Command command);

    void stop();

    /**
     * Starts the vendor's session over, as on start (MAX reloads its page, whose child frame then registers
     * anew), for a rehearsal that begins with the session's start. False, and nothing done, when the
     * connector cannot.
     */
    default boolean restartSession() {
        return false;
    }

    /**
     * True when the vendor's configuration names the folder recordings go to: the bar then downloads there
     * without asking ({@code DownloadRecording} with no folder).
     */
    default boolean hasRecordingsFolder() {
        return false;
    }

    /** Where a connector delivers what it learns. */
    interface Sink {
        /**
         * What one vendor message meant. {@code raw} is the capture line it came from (CONTRACT's
         * format, secrets already removed), or null for events the connector made itself.
         */
        void events(String raw, List<Event> events);

        void connection(ConnectionStatus status);

        /** A vendor message that could not be read: counted, logged once and shown in the inspector. */
        void malformed(String raw, String reason);

        /** A message refused before mapping (a foreign origin): counted and shown, never mapped. */
        default void dropped(String raw, String reason) {
        }
    }
}
