package dev.unibar.app.desktop;

import dev.unibar.config.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    record Inner(Secret password, String user) {
    }

    record Section(String host, Inner login, List<Secret> keys, Map<String, Object> extra) {
    }

    @Test
    void findsEverySecretInAConfigRecord() {
        Section s = new Section("pbx", new Inner(Secret.of("hunter22"), "jana"), List.of(Secret.of("k3y-value")),
                Map.of("sso", Secret.of("s3cr3t-sso")));
        assertEquals(List.of("hunter22", "k3y-value", "s3cr3t-sso"),
                Redactor.secretsIn(s).stream().sorted().toList());
    }

    @Test
    void masksKnownValuesAndAnythingThatLooksLikeACredential() {
        Redactor r = new Redactor(List.of("hunter22", "abc"));
        String out = r.redact("login jana/hunter22 ok\npassword=p4ss&user=x\n\"token\": \"eyJhbGciOi\"\n"
                + "Authorization: Bearer eyJ0eXAi.abc.def\nGET /signalr/connect?access_token=T0K3N&x=1\nabc stays");
        assertFalse(out.contains("hunter22"));
        assertFalse(out.contains("p4ss"));
        assertFalse(out.contains("eyJhbGciOi"));
        assertFalse(out.contains("eyJ0eXAi"));
        assertFalse(out.contains("T0K3N"));
        assertTrue(out.contains("user=x"), out);
        assertTrue(out.contains("abc stays"), "values shorter than 4 characters are not masked everywhere: " + out);
        assertTrue(out.contains("password=" + Redactor.MASK), out);
    }
}
