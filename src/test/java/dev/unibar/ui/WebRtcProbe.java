package dev.unibar.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibar.bridge.CaptureHandler;
import dev.unibar.bridge.PageChannel;
import dev.unibar.config.SectionReader;
import dev.unibar.connectors.SimpleSetup;
import dev.unibar.connectors.VendorEnvironment;
import dev.unibar.connectors.VendorMapper;
import dev.unibar.connectors.VendorModule;
import dev.unibar.connectors.VendorSetup;
import dev.unibar.core.Connector;
import dev.unibar.core.LoginForm;
import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.ConnectionStatus;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A simulator-style vendor for the WebRTC check: its page opens a loopback pair of RTCPeerConnections carrying
 * the microphone (Chromium's fake one in tests) and reports what happened as a capture line, which the bar
 * shows as a notice. Where the page has no WebRTC (the WebView) it says so.
 */
final class WebRtcProbe implements VendorModule {

    static final String UNAVAILABLE = "WebRTC is not available in this window: calls would have no audio.";

    static final String PAGE = """
            <!doctype html><html><head><meta charset="utf-8"><script src="/unibar/shim.js"></script></head><body>
            <script>
            (async function () {
              var say = function (state, detail) { unibar.capture({webrtc: state, detail: detail}); };
              if (typeof RTCPeerConnection === 'undefined' || !navigator.mediaDevices
                  || !navigator.mediaDevices.getUserMedia) {
                say('unavailable', '%s');
                return;
              }
              try {
                var mic = await navigator.mediaDevices.getUserMedia({audio: true});
                var a = new RTCPeerConnection(), b = new RTCPeerConnection();
                a.onicecandidate = function (e) { if (e.candidate) b.addIceCandidate(e.candidate); };
                b.onicecandidate = function (e) { if (e.candidate) a.addIceCandidate(e.candidate); };
                var heard = new Promise(function (r) { b.ontrack = function (e) { r(e.track.kind); }; });
                mic.getTracks().forEach(function (t) { a.addTrack(t, mic); });
                a.onconnectionstatechange = async function () {
                  if (a.connectionState === 'connected') say('connected', 'WebRTC connected, remote ' + await heard);
                  else if (a.connectionState === 'failed') say('failed', 'WebRTC failed');
                };
                await a.setLocalDescription(await a.createOffer());
                await b.setRemoteDescription(a.localDescription);
                await b.setLocalDescription(await b.createAnswer());
                await a.setRemoteDescription(b.localDescription);
              } catch (e) {
                say('failed', 'WebRTC failed: ' + (e && e.name) + ' ' + (e && e.message));
              }
            })();
            </script></body></html>
            """.formatted(UNAVAILABLE);

    @Override
    public String id() {
        return "webrtcprobe";
    }

    @Override
    public String displayName() {
        return "WebRTC probe";
    }

    @Override
    public SectionReader configReader() {
        return (top, selected) -> null;
    }

    @Override
    public VendorMapper newMapper() {
        return new Mapper();
    }

    @Override
    public VendorSetup open(Object config, VendorEnvironment env) {
        return openDemo(env);
    }

    @Override
    public VendorSetup openDemo(VendorEnvironment env) {
        PageChannel page = env.hostPage("/probe", () -> PAGE, List.of());
        return new SimpleSetup(new ProbeConnector(page, () -> env.pageUrl("/probe")), LoginForm.plain("agent"),
                this, List.of(), null, null);
    }

    @Override
    public AutoCloseable simulate(int port, PrintStream out) {
        throw new UnsupportedOperationException();
    }

    private static final class Mapper implements VendorMapper {
        @Override
        public String vendor() {
            return "webrtcprobe";
        }

        @Override
        public List<Event> map(JsonNode line) {
            String state = line.path("webrtc").asText();
            NoticeLevel level = state.equals("connected") ? NoticeLevel.INFO : NoticeLevel.WARNING;
            return List.of(new Event.Notice("webrtcprobe", Instant.now(), level, line.path("detail").asText(state)));
        }
    }

    private static final class ProbeConnector implements Connector, CaptureHandler {
        private final PageChannel page;
        private final java.util.function.Supplier<String> url;
        private final Mapper mapper = new Mapper();
        private volatile Sink sink;

        ProbeConnector(PageChannel page, java.util.function.Supplier<String> url) {
            this.page = page;
            this.url = url;
        }

        @Override
        public String vendor() {
            return "webrtcprobe";
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.builder().build();
        }

        @Override
        public void start(Sink s) {
            sink = s;
            s.connection(ConnectionStatus.CONNECTING);
            page.setCaptureHandler(this);
            page.load(url.get());
        }

        @Override
        public CompletionStage<Void> send(Command command) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("probe"));
        }

        @Override
        public void stop() {
            sink = null;
        }

        @Override
        public void captured(String origin, JsonNode line, String raw) {
            Sink s = sink;
            if (s != null) s.events(raw, mapper.map(line));
        }

        @Override
        public void malformed(String raw, String reason) {
            Sink s = sink;
            if (s != null) s.malformed(raw, reason);
        }

        @Override
        public void dropped(String origin, String raw) {
        }
    }
}
