package dev.unibar.core.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each event record states its CONTRACT type once ({@link Event.Type}); the wire names are the CONTRACT's. */
class EventTypesTest {

    /** The CONTRACT's type of every record, as each record's own type() method returned it before the annotation. */
    private static final Map<String, String> CONTRACT = Map.ofEntries(
                Map.entry("CredentialsRequired", "session.credentialsRequired"),
                Map.entry("SessionReady", "session.ready"),
                Map.entry("SessionError", "session.error"),
                Map.entry("DeviceSelectionRequired", "device.selectionRequired"),
                Map.entry("DevicePaired", "device.paired"),
                Map.entry("AgentLoggedIn", "agent.loggedIn"),
                Map.entry("AgentLoggedOut", "agent.loggedOut"),
                Map.entry("AgentStateChanged", "agent.state"),
                Map.entry("PauseReasons", "agent.pauseReasons"),
                Map.entry("CallRinging", "call.ringing"),
                Map.entry("CallDialing", "call.dialing"),
                Map.entry("CallConnected", "call.connected"),
                Map.entry("CallUpdated", "call.updated"),
                Map.entry("CallHeld", "call.held"),
                Map.entry("CallResumed", "call.resumed"),
                Map.entry("CallMuted", "call.muted"),
                Map.entry("CallUnmuted", "call.unmuted"),
                Map.entry("CallMasked", "call.masked"),
                Map.entry("CallUnmasked", "call.unmasked"),
                Map.entry("CallRecordingStarted", "call.recordingStarted"),
                Map.entry("CallRecordingStopped", "call.recordingStopped"),
                Map.entry("CallTransferred", "call.transferred"),
                Map.entry("CallConferenced", "call.conferenced"),
                Map.entry("CallEnded", "call.ended"),
                Map.entry("CallWrapUp", "call.wrapUp"),
                Map.entry("CallFinished", "call.finished"),
                Map.entry("CallRecording", "call.recording"),
                Map.entry("CallParticipant", "call.participant"),
                Map.entry("QueueCallWaiting", "queue.callWaiting"),
                Map.entry("QueueCallLeft", "queue.callLeft"),
                Map.entry("AgentFollowMe", "agent.followMe"),
                Map.entry("QueueWaiting", "queue.waiting"),
                Map.entry("Notice", "notice"),
                Map.entry("VendorUnmapped", "vendor.unmapped")
    );

    private static Map<String, String> typesOfEveryRecord() {
        Map<String, String> out = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(Event.class);
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isRecord()) {
                out.put(c.getSimpleName(), EventTypes.of(c));
            } else {
                for (Class<?> sub : c.getPermittedSubclasses()) todo.add(sub);
            }
        }
        return out;
    }

    @Test
    void everyRecordNamesTheContractTypeItAlwaysHad() {
        assertEquals(new TreeMap<>(CONTRACT), typesOfEveryRecord());
        assertEquals("call.held", new Event.CallHeld("x", null, "1").type());
        assertEquals("notice", new Event.Notice("x", null, NoticeLevel.INFO, "m").type());
    }

    @Test
    void noTwoRecordsShareAType() {
        Map<String, String> types = typesOfEveryRecord();
        assertEquals(types.size(), types.values().stream().distinct().count(), types.toString());
    }

    @Test
    void everyTypeIsDocumentedInEventsMd() throws Exception {
        String doc = Files.readString(Path.of("docs/events.md"));
        for (String type : typesOfEveryRecord().values()) {
            assertTrue(doc.contains("`" + type + "`"), type + " is not in docs/events.md");
        }
    }

    @Test
    void aClassWithoutTheAnnotationIsRefusedWithItsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventTypes.of(String.class));
        assertTrue(e.getMessage().contains("java.lang.String"), e.getMessage());
    }
}
