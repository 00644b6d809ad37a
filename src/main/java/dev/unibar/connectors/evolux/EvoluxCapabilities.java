package dev.unibar.connectors.evolux;

import dev.unibar.core.command.Capabilities;
import dev.unibar.core.command.CommandKind;
import dev.unibar.core.state.SessionPhase;

/**
 * Nothing reaches the Evolux Phone by postMessage (seed 000), and no pause endpoint is known: the only
 * command is click-to-call through the REST API, and only with an API token. The phone may already be
 * logged in when the bar starts (no agentLogin then), so dialling does not wait for one.
 */
final class EvoluxCapabilities {

    private EvoluxCapabilities() {
    }

    static Capabilities of(boolean clickToCall) {
        Capabilities.Builder b = Capabilities.builder();
        if (clickToCall) b.allow(CommandKind.DIAL, SessionPhase.CONNECTING, SessionPhase.READY);
        return b.build();
    }
}
