package dev.unibar.core;

import dev.unibar.core.command.Command;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.model.AgentState;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard, the capabilities and the bar's controls all decide by a command's kind: every kind must belong
 * to exactly one command, or two different actions would be allowed and refused together. And what a
 * command says of itself (the inspector shows it) never carries the agent's password.
 */
class CommandsTest {

    @Test
    void everyKindBelongsToExactlyOneCommand() throws Exception {
        Map<CommandKind, List<String>> owners = new EnumMap<>(CommandKind.class);
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            Command c = anyInstanceOf(type);
            assertTrue(c.kind() != null, type.getSimpleName() + " has a kind");
            // Named after the command it gates (BlindTransfer: BLIND_TRANSFER), so a kind cannot drift to another.
            assertEquals(type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(), c.kind().name());
            owners.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(type.getSimpleName());
        }
        for (CommandKind k : CommandKind.values()) {
            assertEquals(1, owners.getOrDefault(k, List.of()).size(), k + " belongs to one command: " + owners.get(k));
        }
    }

    @Test
    void aLoginDescribesItselfWithoutThePassword() {
        String plain = new Command.Login("ana", "s3cr3t-pw", true).toString();
        assertEquals("Login[username=ana, remember=true]", plain);
        String paired = new Command.Login("ana", "s3cr3t-pw", false, "10.0.0.7", "ip").toString();
        assertEquals("Login[username=ana, remember=false, device=10.0.0.7, deviceType=ip]", paired);
        assertFalse(paired.contains("s3cr3t"), paired);
    }

    @Test
    void shortFormsLeaveTheOptionalPartsOut() {
        Command.Login login = new Command.Login("ana", "pw", false);
        assertNull(login.device());
        assertNull(login.deviceType());
        Command.Dial dial = new Command.Dial("+420601123456");
        assertEquals("+420601123456", dial.number());
        assertNull(dial.queueId());
        assertFalse(dial.internal());
    }

    @Test
    void listsAndDataAreTheCommandsOwnCopies() {
        List<String> numbers = new ArrayList<>(List.of("1001"));
        Command.FollowMe f = new Command.FollowMe(numbers, true);
        numbers.add("1002");
        assertEquals(List.of("1001"), f.numbers());
        Map<String, String> data = new HashMap<>(Map.of("order", "42"));
        Command.SetCallData d = new Command.SetCallData("c", data);
        data.put("order", "43");
        assertEquals(Map.of("order", "42"), d.data());
    }

    /** The canonical constructor with neutral values: null, false, 0, empty collections. */
    private static Command anyInstanceOf(Class<?> type) throws Exception {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            args[i] = types[i] == boolean.class ? false
                    : types[i] == int.class ? 0
                    : types[i] == List.class ? List.of()
                    : types[i] == Map.class ? Map.of()
                    : null;
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        return (Command) c.newInstance(args);
    }
}
