package dev.unibar.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The floor's launcher configuration: the bar's JVM options, the floor's class, no archive of the bar's. */
class FloorImageTest {

    @Test
    void keepsTheBarsOptionsAndReplacesItsClassPathMainClassAndArchive() {
        List<String> bar = List.of(
                "[Application]",
                "app.classpath=$APPDIR/unibar.jar",
                "app.mainclass=dev.unibar.Main",
                "app.classpath=$APPDIR/lib/jackson-core-2.17.2.jar",
                "",
                "[JavaOptions]",
                "java-options=-XX:+UseSerialGC",
                "java-options=-XX:TieredStopAtLevel=1",
                "java-options=-Dorg.sqlite.lib.path=$APPDIR/native",
                "java-options=-XX:SharedArchiveFile=$APPDIR/unibar.jsa",
                "java-options=-Xshare:auto");
        assertEquals("""
                [Application]
                app.classpath=$APPDIR/floor.jar
                app.mainclass=dev.unibar.bench.StartupFloor

                [JavaOptions]
                java-options=-XX:+UseSerialGC
                java-options=-XX:TieredStopAtLevel=1
                java-options=-Dorg.sqlite.lib.path=$APPDIR/native
                """, FloorImage.config(bar));
    }
}
