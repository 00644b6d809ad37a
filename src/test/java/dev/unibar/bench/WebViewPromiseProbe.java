package dev.unibar.bench;

import dev.unibar.bridge.HostServer;
import dev.unibar.bridge.OriginPolicy;
import dev.unibar.bridge.WebPageChannel;
import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: how long the WebView takes from a loopback response to the page's code that reads it, by way
 * of {@code fetch} (promises) and of {@code XMLHttpRequest} (events), on the page's own clock (issue 25: the
 * AgentDesktop, MAX and Evolux simulator pages read their events with fetch long polls).
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.unibar.bench.WebViewPromiseProbe \
 *     -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw
 * </pre>
 */
public final class WebViewPromiseProbe {

    private static final String PAGE = "<!doctype html><html><head><script src=\"/unibar/shim.js\"></script></head><body><script>\n"
            + "window.results = null;\n"
            + "function pct(a, p) { a = a.slice().sort(function (x, y) { return x - y; }); return a[Math.min(a.length - 1, Math.ceil(p / 100 * a.length) - 1)]; }\n"
            + "function run(n) {\n"
            + "  var f = [], fj = [], x = [], i = 0;\n"
            + "  function viaFetch() {\n"
            + "    var t = performance.now();\n"
            + "    fetch('/probe').then(function (r) { f.push(performance.now() - t); return r.text(); })\n"
            + "      .then(function () { fj.push(performance.now() - t); if (++i < n) viaFetch(); else { i = 0; viaXhr(); } });\n"
            + "  }\n"
            + "  function viaXhr() {\n"
            + "    var t = performance.now(); var r = new XMLHttpRequest(); r.open('GET', '/probe');\n"
            + "    r.onload = function () { x.push(performance.now() - t); if (++i < n) viaXhr(); else done(); };\n"
            + "    r.send();\n"
            + "  }\n"
            + "  function done() { window.results = JSON.stringify({fetchResponse: [pct(f, 50), pct(f, 99)], fetchBody: [pct(fj, 50), pct(fj, 99)], xhrLoad: [pct(x, 50), pct(x, 99)]}); }\n"
            + "  viaFetch();\n"
            + "}\n"
            + "</script></body></html>";

    public static void main(String[] args) throws Exception {
        System.out.println("load before: " + Bench.load());
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        HostServer host = new HostServer();
        host.addPage("/page", () -> PAGE);
        host.addPage("/probe", () -> "ok");
        host.start();
        WebPageChannel ch = WebPageChannel.create(new OriginPolicy(host.origin())).get(30, TimeUnit.SECONDS);
        ch.load(host.url("/page"));
        while (!"function".equals(get(ch, "typeof run"))) Thread.sleep(100);
        get(ch, "run(200)");
        String r;
        while ((r = get(ch, "window.results")) == null) Thread.sleep(200);
        System.out.println("WebView, 200 loopback requests each way, page clock, [median, p99] ms: " + r);
        System.out.println("load after: " + Bench.load());
        System.exit(0);
    }

    private static String get(WebPageChannel ch, String script) throws Exception {
        CompletableFuture<String> f = ch.call(script);
        return f.get(30, TimeUnit.SECONDS);
    }
}
