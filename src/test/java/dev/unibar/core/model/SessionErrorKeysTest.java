package dev.unibar.core.model;

import dev.unibar.connectors.MalformedCaptureException;
import dev.unibar.connectors.max.MaxMapper;
import dev.unibar.connectors.ucs.UcsMapper;
import dev.unibar.json.EventJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Session errors Unibar words itself reach the agent in the bar's language; the CONTRACT line stays English. */
class SessionErrorKeysTest {

    private static final Locale CS = Locale.forLanguageTag("cs");

    @Test
    void aKeyedSessionErrorCarriesEnglishForTheContractAndItsKeyForTheBar() {
        Event.SessionError e = Event.SessionError.keyed("epbx", null, "E9", "epbx.deviceNotTakenBack", "Ramal ocupado");
        assertEquals("EPBX did not take the device back after reconnecting: Ramal ocupado", e.message());
        assertEquals("epbx.deviceNotTakenBack", e.key());
        assertEquals(List.of("Ramal ocupado"), e.args());
        assertEquals("EPBX po opětovném připojení zařízení znovu nepřijalo: Ramal ocupado", Notices.text(e, CS));
        assertEquals("O EPBX não aceitou o dispositivo de volta após a reconexão: Ramal ocupado",
                Notices.text(e, Locale.forLanguageTag("pt-BR")));
        // The key is the bar's business: the CONTRACT line is the same as before keys existed.
        assertEquals("{\"type\":\"session.error\",\"vendor\":\"epbx\",\"message\":\"EPBX did not take the device back"
                + " after reconnecting: Ramal ocupado\",\"code\":\"E9\"}", EventJson.line(e));
    }

    @Test
    void theOldConstructorIsTheVendorsOwnTextShownAsWritten() {
        Event.SessionError e = new Event.SessionError("ucs", null, "Usuário bloqueado", "403");
        assertNull(e.key());
        assertEquals(List.of(), e.args());
        assertEquals("Usuário bloqueado", Notices.text(e, CS));
    }

    @Test
    void apostrophesSurviveMessageFormat() {
        Event.SessionError e = Event.SessionError.keyed("epbx", null, null, "epbx.sessionNotAccepted");
        assertEquals("EPBX n'accepte plus cette session ; veuillez vous reconnecter.",
                Notices.text(e, Locale.forLanguageTag("fr")));
    }

    @Test
    void ucsLoginErrorWithoutTextIsOursAndKeyedWithTextIsUcssOwn() throws MalformedCaptureException {
        UcsMapper m = new UcsMapper();
        Event.SessionError ours = (Event.SessionError) m.mapLine("{\"callback\":\"onLoginError\",\"args\":[\"401\"]}").get(0);
        assertEquals("Login failed", ours.message());
        assertEquals("Přihlášení selhalo", Notices.text(ours, CS));
        Event.SessionError bare = (Event.SessionError) m.mapLine("{\"callback\":\"onError\"}").get(0);
        assertEquals("UCS error", bare.message());
        assertEquals("Chyba UCS", Notices.text(bare, CS));
        Event.SessionError theirs = (Event.SessionError) m.mapLine(
                "{\"callback\":\"onLoginError\",\"args\":[\"401\",\"Senha inválida\"]}").get(0);
        assertNull(theirs.key());
        assertEquals("Senha inválida", Notices.text(theirs, CS));
    }

    @Test
    void maxRefusedSubscriptionWithoutReasonIsKeyed() throws MalformedCaptureException {
        List<Event> out = new MaxMapper().mapLine("{\"issuer\":\"MAX\",\"contactId\":null,\"events\":"
                + "[{\"messageType\":\"ClientEventSubscriptionAcknowledge\",\"status\":\"Failed\"}]}");
        Event.SessionError e = (Event.SessionError) out.get(0);
        assertEquals("MAX refused the subscription", e.message());
        assertEquals("subscription", e.code());
        assertEquals("MAX odmítl odběr událostí", Notices.text(e, CS));
    }
}
