package dev.unibar.connectors.epbx;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.Notices.Refusal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The agent's call commands as the hub's methods (docs/vendors/epbx-protocol.md): the line in use, the
 * consultation, transfer and conference, a call taken from the queue, pick-up, voicemail and follow-me.
 * EPBX has no answer method (the agent's SIP phone answers) and no mute; Reject is {@code Desligar}
 * on a ringing call.
 */
final class EpbxCallControls {

    private final EpbxHubSession session;

    EpbxCallControls(EpbxHubSession session) {
        this.session = session;
    }

    /** The command's hub method(s); null when {@code c} is no call command. */
    CompletableFuture<Void> run(Command c) {
        EpbxMapper mapper = session.mapper;
        if (c instanceof Command.Dial d) return call("Discar", d.number(), tipo(d.internal()));
        if (c instanceof Command.Hangup h) return hangup(h.callId());
        if (c instanceof Command.Reject) return call("Desligar");
        if (c instanceof Command.Hold) return call("IniciarEspera");
        if (c instanceof Command.Resume) return call("TerminarEspera");
        if (c instanceof Command.Consult x) {
            // A completed consultation transfers to this number; onChamadaTransferida does not name it.
            mapper.transferringTo(x.target());
            return call("Consultar", x.target(), tipo(x.internal()));
        }
        if (c instanceof Command.CancelConsult) return call("LiberarConsulta");
        if (c instanceof Command.BlindTransfer x) {
            mapper.transferringTo(x.target());
            return call("Transferir", x.target(), tipo(x.internal()));
        }
        // The vendor's JS sample and seed complete a consultation with Transferir and no arguments.
        if (c instanceof Command.CompleteTransfer) return call("Transferir");
        if (c instanceof Command.Conference x) return conference(x);
        if (c instanceof Command.EndConference) return call("ConferenciaTerminar");
        if (c instanceof Command.CancelConference) return call("ConferenciaCancelar");
        if (c instanceof Command.LeaveConference) return call("ConferenciaSair");
        if (c instanceof Command.RemoveParticipant x) return call("ConferenciaRemover", x.number());
        // The waiting-calls list (queue.callWaiting) takes a call by its id.
        if (c instanceof Command.TakeQueuedCall x) return call("AtendeChamadaNaFila", x.callId());
        if (c instanceof Command.Pickup x) return pickup(x.extension());
        if (c instanceof Command.ToVoicemail) return call("TransfereVoiceMail");
        if (c instanceof Command.FollowMe x) return followMe(x);
        if (c instanceof Command.CancelFollowMe) {
            return call("CancelaSigaMe").thenRunAsync(() -> session.emit(
                    new Event.AgentFollowMe(session.vendor(), null, false, null)), session.worker);
        }
        return null;
    }

    private CompletableFuture<Void> call(String method, Object... args) {
        return session.call(method, args);
    }

    /** Desligar ends the line in use; a line the agent is not on (the held call) has its own method. */
    private CompletableFuture<Void> hangup(String callId) {
        List<String> open = session.mapper.openCallIds();
        boolean other = callId != null && open.contains(callId) && !callId.equals(open.get(open.size() - 1));
        return other ? call("DesligarChamada", callId) : call("Desligar");
    }

    /**
     * In a consultation, a conference with no number joins the held caller and the consulted party: the consulted
     * number is added (as EPBX adds every participant, by number and TipoDiscagem), then the conference starts.
     * Outside one a number is required (the capabilities say so; EPBX answers "no participant added" without one).
     */
    private CompletableFuture<Void> conference(Command.Conference x) {
        if (x.participant() == null || x.participant().isBlank()) {
            EpbxCalls.Consulted consulted = session.mapper.consulted();
            if (consulted == null) return call("ConferenciaIniciar");
            return call("ConferenciaAdicionar", consulted.number(), consulted.tipoDiscagem())
                    .thenCompose(ok -> call("ConferenciaIniciar"));
        }
        return call("ConferenciaAdicionar", x.participant(), tipo(x.internal()))
                .thenCompose(ok -> call("ConferenciaIniciar"));
    }

    /** CapturaDirigida takes no argument in the C# client; the JS sample passes the extension as a number. */
    private CompletableFuture<Void> pickup(String extension) {
        if (extension == null || extension.isBlank()) return call("CapturaDirigida");
        try {
            return call("CapturaDirigida", Integer.parseInt(extension.trim()));
        } catch (NumberFormatException e) {
            return CompletableFuture.failedFuture(new Refusal("epbx.extensionNotNumber"));
        }
    }

    /** One number: SigaMe (no confirming event, so the bar is told here); several: SigaMeMultiplo. */
    private CompletableFuture<Void> followMe(Command.FollowMe x) {
        if (x.numbers().isEmpty()) return CompletableFuture.failedFuture(new Refusal("epbx.followMeNumberMissing"));
        if (x.numbers().size() == 1) {
            String n = x.numbers().get(0);
            return call("SigaMe", n, tipo(x.internal())).thenRunAsync(
                    () -> session.emit(new Event.AgentFollowMe(session.vendor(), null, true, List.of(n))), session.worker);
        }
        session.mapper.followMeNumbers(x.numbers());
        return call("SigaMeMultiplo", x.numbers());
    }

    /** TipoDiscagem: 1 an external number, 2 an extension. */
    private static int tipo(boolean internal) {
        return internal ? 2 : 1;
    }
}
