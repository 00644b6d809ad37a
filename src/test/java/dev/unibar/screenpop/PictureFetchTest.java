package dev.unibar.screenpop;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class PictureFetchTest {

    @Test
    void onlyWebAddressesAreFetched() throws Exception {
        for (String address : new String[] {"file:///etc/passwd", "javascript:alert(1)", "data:image/png;base64,AAAA",
                "ftp://127.0.0.1/a.png", "not an address at all ::"}) {
            assertNull(PictureFetch.fetch(address).get(5, TimeUnit.SECONDS), address);
        }
    }
}
