package dev.unibar.app;

import dev.unibar.core.Connector;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A connector that tells the agent one thing when it starts, after whatever the vendor's connector says at
 * its own start (so the vendor's greeting does not hide it): how the page is hosted is the composition
 * root's news, not the vendor's.
 */
final class NoticeAtStart implements Connector {

    private final Connector vendor;
    private final Event.Notice notice;

    NoticeAtStart(Connector vendor, Event.Notice notice) {
        this.vendor = vendor;
        this.notice = notice;
    }

    @Override
    public String vendor() {
        return vendor.vendor();
    }

    @Override
    public Capabilities capabilities() {
        return vendor.capabilities();
    }

    @Override
    public void start(Sink sink) {
        vendor.start(sink);
        sink.events(null, List.of(notice));
    }

    @Override
    public CompletionStage<Void> send(Command command) {
        return vendor.send(command);
    }

    @Override
    public void stop() {
        vendor.stop();
    }
}
