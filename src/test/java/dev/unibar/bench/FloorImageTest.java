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
                "app.mainclass=dev.unibar.Main",
                "app.classpath=$APPDIR/unibar.jar",
                "app.classpath=$APPDIR/lib/sqlite-jdbc-3.53.4.0.jar",
                "[JavaOptions]",
                "java-options=-Dorg.sqlite.lib.path=$APPDIR/native",
                "java-options=-XX:TieredStopAtLevel=1",
                "java-options=-XX:SharedArchiveFile=$APPDIR/unibar.jsa",
                "java-options=-Xshare:auto");
        assertEquals("""
                [Application]
                app.mainclass=dev.unibar.bench.StartupFloor
                app.classpath=$APPDIR/floor.jar
                [JavaOptions]
                java-options=-Dorg.sqlite.lib.path=$APPDIR/native
                java-options=-XX:TieredStopAtLevel=1
                """, FloorImage.config(bar));
    }
}
