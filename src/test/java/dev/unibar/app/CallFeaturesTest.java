package dev.unibar.app;

import dev.unibar.config.FeaturesConfig;
import dev.unibar.config.UnibarConfig;
import dev.unibar.core.command.Command;
import dev.unibar.core.state.SessionPhase;
import dev.unibar.flow.FarEnd;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
import dev.unibar.testkit.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bar a config makes journals its calls; demo calls go to a journal of their own. */
class CallFeaturesTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aDemoBarJournalsItsCallsBesideTheRealJournal() throws Exception {
        Path real = dir.resolve("journal.db");
        FeaturesConfig features = new FeaturesConfig(new FeaturesConfig.Journal(true, real, 90),
                new FeaturesConfig.ScreenPop(false, "ringing", List.of()), new FeaturesConfig.Flows(null));
        VendorContext ctx = VendorContext.create(new UnibarConfig(null, null, "epbx", null, Map.of(), features, null));
        try {
            CallJournal journal = ctx.journal().orElseThrow();
            ctx.session().start();
            Wait.until("login form", Duration.ofSeconds(20), () -> ctx.session().store().state().phase() == SessionPhase.CREDENTIALS);
            ctx.session().send(new Command.Login("agent", "agent", false, "1000", "ramalVirtual")).toCompletableFuture().get();
            Wait.until("ready", Duration.ofSeconds(20), () -> ctx.session().store().state().phase() == SessionPhase.READY);
            FarEnd far = ctx.farEnd().orElseThrow();
            far.inboundCall(new FarEnd.InboundCall("11987654321", null, null, null, null));
            Wait.until("answered", Duration.ofSeconds(20), () -> journal.all().stream().anyMatch(c -> c.answeredAt() != null));
            far.customerHangsUp();
            Wait.until("ended in the journal", Duration.ofSeconds(20), () -> journal.all().stream().anyMatch(c -> c.endedAt() != null));
            CallRecord c = journal.all().get(0);
            assertEquals("11987654321", c.remoteNumber());
            assertTrue(c.recorded());
            assertTrue(Files.exists(dir.resolve("demo-journal.db")));
            assertFalse(Files.exists(real), "demo calls stay out of the agent's journal");
        } finally {
            ctx.close();
        }
    }
}
