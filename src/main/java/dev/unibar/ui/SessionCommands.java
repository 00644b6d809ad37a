package dev.unibar.ui;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.AgentState;

import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static dev.unibar.ui.CallCommands.blank;

/** The commands about the agent's session: signing in and out, the device, the agent state, the queues. */
public final class SessionCommands {

    private final Function<Command, CompletionStage<Void>> send;

    SessionCommands(Function<Command, CompletionStage<Void>> send) {
        this.send = send;
    }

    public void login(String username, char[] password, boolean remember, String device, String deviceType) {
        // The password lives in a String only for the Command record; it is never put in a property.
        String pw = new String(password);
        Arrays.fill(password, '\0');
        send.apply(blank(device) ? new Command.Login(username, pw, remember)
                : new Command.Login(username, pw, remember, device.trim(), deviceType));
    }

    public void sso(String username) {
        send.apply(new Command.Sso(username));
    }

    public void selectDevice(String id) {
        if (blank(id)) return;
        send.apply(new Command.SelectDevice(id.trim()));
    }

    public void provision() {
        send.apply(new Command.Provision());
    }

    public void identify() {
        send.apply(new Command.Identify());
    }

    public void logout() {
        send.apply(new Command.Logout());
    }

    public void ready() {
        send.apply(new Command.SetState(AgentState.READY, null));
    }

    public void pause(String reasonId) {
        send.apply(new Command.SetState(AgentState.NOT_READY, reasonId));
    }

    public void offline() {
        send.apply(new Command.SetState(AgentState.OFFLINE, null));
    }

    public void suspendQueue(String queueId) {
        if (blank(queueId)) return;
        send.apply(new Command.SuspendQueue(queueId.trim()));
    }

    public void resumeQueue(String queueId) {
        if (blank(queueId)) return;
        send.apply(new Command.ResumeQueue(queueId.trim()));
    }
}
