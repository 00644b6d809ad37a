package dev.unibar.app.desktop;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the files go, the window's remembered place and the rotating logs. */
class PlacesTest {

    @TempDir
    Path dir;

    @Test
    void eachPlatformHasItsOwnFolders() {
        AppDirs linux = AppDirs.of(Map.of("XDG_STATE_HOME", "/s", "XDG_DATA_HOME", "relative")::get, "Linux", "/home/jana");
        assertEquals(Path.of("/s/unibar/logs"), linux.logs());
        assertEquals(Path.of("/home/jana/.local/share/unibar/journal"), linux.journal(), "a relative XDG value is ignored");
        AppDirs win = AppDirs.of(Map.of("LOCALAPPDATA", "C:\\Users\\jana\\AppData\\Local")::get, "Windows 11", "C:\\Users\\jana");
        assertTrue(win.logs().toString().endsWith("Logs"), win.logs().toString());
        assertTrue(win.state().toString().contains("Unibar"));
        AppDirs mac = AppDirs.of(k -> null, "Mac OS X", "/Users/jana");
        assertEquals(Path.of("/Users/jana/Library/Logs/Unibar"), mac.logs());
    }

    @Test
    void aPlaceIsRestoredOnlyWhileItsTitleBarIsOnAScreen() {
        List<Rectangle2D> one = List.of(new Rectangle2D(0, 0, 1920, 1080));
        assertTrue(WindowMemory.onScreen(new WindowMemory.Place(100, 100, 800, 120), one));
        assertFalse(WindowMemory.onScreen(new WindowMemory.Place(2500, 100, 800, 120), one), "the second screen is gone");
        assertFalse(WindowMemory.onScreen(new WindowMemory.Place(100, 1070, 800, 120), one), "title bar below the screen");
        assertFalse(WindowMemory.onScreen(new WindowMemory.Place(Double.NaN, 0, 800, 120), one));
        assertTrue(WindowMemory.onScreen(new WindowMemory.Place(2500, 100, 800, 120),
                List.of(one.get(0), new Rectangle2D(1920, 0, 1920, 1080))));
    }

    @Test
    void thePlaceSurvivesARestart() throws Exception {
        WindowMemory m = new WindowMemory(dir.resolve("state/window.properties"));
        assertTrue(m.load().isEmpty());
        m.save(new WindowMemory.Place(12.5, 40, 900, 130));
        assertEquals(new WindowMemory.Place(12.5, 40, 900, 130), new WindowMemory(dir.resolve("state/window.properties")).load().orElseThrow());
        Files.writeString(dir.resolve("state/window.properties"), "x=oops\n");
        assertTrue(m.load().isEmpty(), "a damaged file is ignored, not thrown");
    }

    @Test
    void logFilesRotateAndAreRedacted() throws Exception {
        Handler h = LogFiles.install(dir.resolve("logs"), new Redactor(List.of("sekret-value")));
        assertNotNull(h);
        Logger log = Logger.getLogger("dev.unibar.test.logfiles");
        try {
            String filler = "x".repeat(1000);
            for (int i = 0; i < (LogFiles.LIMIT_BYTES / 1000) * 2 + 50; i++) log.log(Level.INFO, "line " + i + " " + filler);
            log.log(Level.WARNING, "login with sekret-value failed");
        } finally {
            Logger.getLogger("").removeHandler(h);
            h.close();
        }
        List<Path> files = LogFiles.files(dir.resolve("logs"));
        assertTrue(files.size() >= 3 && files.size() <= LogFiles.COUNT, "rotated into several files: " + files);
        for (Path f : files) assertTrue(Files.size(f) <= LogFiles.LIMIT_BYTES + 2048, f + " is over the limit");
        String newest = Files.readString(dir.resolve("logs/unibar-0.log"));
        assertTrue(newest.contains("WARNING dev.unibar.test.logfiles: login with ****** failed"), newest.lines().reduce((a, b) -> b).orElse(""));
        assertFalse(newest.contains("sekret-value"));
    }
}
