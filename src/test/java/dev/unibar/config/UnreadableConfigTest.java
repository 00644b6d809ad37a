package dev.unibar.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 22: "cannot read: PATH" said nothing the file name had not (the JDK puts the path in the message). */
class UnreadableConfigTest {

    @Test
    void theReasonIsSaidNotThePathAgain() {
        assertEquals("cannot read: permission denied", ConfigLoader.cannotRead(new AccessDeniedException("/home/a/config.yml")));
        assertEquals("cannot read: Input/output error",
                ConfigLoader.cannotRead(new FileSystemException("/home/a/config.yml", null, "Input/output error")));
        assertEquals("cannot read: FileSystemException", ConfigLoader.cannotRead(new FileSystemException("/home/a/config.yml")));
        assertEquals("cannot read: Is a directory", ConfigLoader.cannotRead(new IOException("Is a directory")));
        assertEquals("cannot read: IOException", ConfigLoader.cannotRead(new IOException()));
    }
}
