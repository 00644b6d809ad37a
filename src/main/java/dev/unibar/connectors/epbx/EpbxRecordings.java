package dev.unibar.connectors.epbx;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices.Refusal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Api/Ligacao/Download/{GlobalId}: the recording as an MP3 file named by its GlobalId. The file is
 * written beside its target first, so a failed download leaves nothing that looks complete; failures
 * are keyed refusals with no token in them.
 */
final class EpbxRecordings {

    private final String base;
    private final HttpClient http;
    private final EpbxHubSession session;

    EpbxRecordings(EpbxHubSession session) {
        this.base = session.config.base();
        this.http = session.http;
        this.session = session;
    }

    /** The call's recording into the folder the command names, else the configured one; the bar is told where. */
    CompletableFuture<Void> download(Command.DownloadRecording r) {
        String globalId = session.mapper.globalIdOf(r.callId());
        if (globalId == null) return CompletableFuture.failedFuture(new Refusal("epbx.noRecording"));
        String folder = r.folder() != null && !r.folder().isBlank() ? r.folder() : session.config.recordingsDir();
        if (folder == null || folder.isBlank()) return CompletableFuture.failedFuture(new Refusal("epbx.recordingFolderMissing"));
        String token = session.token();
        if (token == null) return CompletableFuture.failedFuture(new Refusal("epbx.recordingNeedsLogin"));
        return download(globalId, folder, token).handleAsync((path, err) -> {
            // A failure reaches the agent as the command's keyed refusal (the session shows it).
            if (err != null) throw new CompletionException(session.readable(err));
            session.emit(Event.Notice.keyed(session.vendor(), null, NoticeLevel.INFO, "epbx.recordingSaved", path));
            return null;
        }, session.worker);
    }

    /** Downloads off the caller's thread; completes with the saved file. */
    CompletableFuture<Path> download(String globalId, String folder, String token) {
        // The download takes the token in the query, as the vendor's REST API wants.
        String url = base + "api/Ligacao/Download/" + enc(globalId).replace("+", "%20")
                + "?token_type=bearer&access_token=" + enc(token);
        Path target = Path.of(folder).resolve(safeFileName(globalId) + ".mp3");
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.createDirectories(target.getParent());
                HttpResponse<Path> resp = http.send(req, HttpResponse.BodyHandlers.ofFile(partial));
                if (resp.statusCode() != 200) {
                    Files.deleteIfExists(partial);
                    throw new IOException("the server answered HTTP " + resp.statusCode());
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                return target;
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // best effort
                }
                throw new CompletionException(new Refusal("epbx.recordingFailed", Redact.text(e.getMessage(), token)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(new Refusal("epbx.recordingInterrupted"));
            }
        });
    }

    private static String safeFileName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
