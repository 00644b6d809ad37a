package dev.unibar.connectors.ucs;

import dev.unibar.config.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SsoTokenTest {

    @Test
    void matchesAnIndependentImplementation() {
        // python3 -c "import hashlib,base64;s,u,t='s3cr3t','jan.novak','1763721000';print(base64.b64encode(hashlib.sha1((s+u+t).encode()).digest()+(u+t).encode()).decode())"
        assertEquals("VQQ6GAA3CGfE4XxlJXxZxGVqOoFqYW4ubm92YWsxNzYzNzIxMDAw",
                SsoToken.token("s3cr3t", "jan.novak", "1763721000"));
    }

    @Test
    void nonAsciiIsUtf8() {
        // python3 -c "import hashlib,base64;s,u,t='tajné heslo','jiří.čech','2026-11-21T10:30:00Z';print(base64.b64encode(hashlib.sha1((s+u+t).encode()).digest()+(u+t).encode()).decode())"
        assertEquals("h07qhUt4tczjkmPuJH5LdIZMiLdqacWZw60uxI1lY2gyMDI2LTExLTIxVDEwOjMwOjAwWg==",
                SsoToken.token(Secret.of("tajné heslo"), "jiří.čech", "2026-11-21T10:30:00Z"));
    }

    @Test
    void theDigestIsRawNotHex() {
        byte[] raw = Base64.getDecoder().decode(SsoToken.token("s3cr3t", "jan.novak", "1763721000"));
        // 20 digest bytes, then the plain username + timestamp.
        assertEquals("jan.novak1763721000",
                new String(Arrays.copyOfRange(raw, 20, raw.length), StandardCharsets.UTF_8));
    }
}
