package dev.unibar.simkit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RepliesTest {

    @Test
    void fieldsKeepTheVendorsOrderAndItsNulls() {
        Map<String, Object> m = Replies.fields("Type", "AgentState", "CurrentState", "Available", "OutStateCode", null);
        assertEquals(List.of("Type", "CurrentState", "OutStateCode"), List.copyOf(m.keySet()));
        assertEquals("Available", m.get("CurrentState"));
        assertEquals(true, m.containsKey("OutStateCode"), "a null the vendor sends stays a field");
    }

    @Test
    void aKeyWithoutItsValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Replies.fields("Type", "AgentState", "CurrentState"));
    }
}
