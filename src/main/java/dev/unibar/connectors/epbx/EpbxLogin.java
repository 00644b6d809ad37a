package dev.unibar.connectors.epbx;

import dev.unibar.core.command.Command;
import dev.unibar.core.model.Event;
import dev.unibar.core.model.NoticeLevel;
import dev.unibar.core.model.Notices.Refusal;
import dev.unibar.core.state.ConnectionStatus;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Login and logout: the OAuth password grant (the blocking request off the worker), a fresh hub
 * transport wired to the connector's parts, {@code Iniciar} with the device the agent typed; a refused
 * refresh later asks for the login again. A failure at any step closes what was opened and reaches the
 * bar as a session error in the agent's language.
 */
final class EpbxLogin {

    private final EpbxHubSession session;
    private final Supplier<HubTransport> transports;
    private final EpbxRecovery recovery;

    EpbxLogin(EpbxHubSession session, Supplier<HubTransport> transports, EpbxRecovery recovery) {
        this.session = session;
        this.transports = transports;
        this.recovery = recovery;
    }

    CompletableFuture<Void> login(Command.Login l) {
        EpbxConfig config = session.config;
        String device = l.device() != null && !l.device().isBlank() ? l.device().trim() : config.device();
        String type = l.deviceType() != null && !l.deviceType().isBlank() ? l.deviceType() : config.logonType();
        if (device == null || device.isBlank()) {
            return CompletableFuture.failedFuture(new Refusal("epbx.deviceMissing"));
        }
        int tipoLogon = logonType(type, device);
        Object arg = device;
        if (tipoLogon == 1) {
            try {
                arg = Integer.parseInt(device.replaceAll("\\D", ""));
            } catch (NumberFormatException e) {
                return CompletableFuture.failedFuture(new Refusal("epbx.paIdNotNumber"));
            }
        }
        session.teardown(false);
        session.device(arg, tipoLogon);
        session.connection(ConnectionStatus.CONNECTING);

        TokenKeeper keeper = new TokenKeeper(new OAuthClient(session.http, config.base(), config.effectiveTokenPath(),
                config.effectiveClientId()), reason -> session.onWorker(() -> sessionExpired(reason)));
        String user = l.username();
        String password = l.password();
        session.mapper.loggedInAs(user);
        // The blocking token request runs off the worker so events keep flowing meanwhile.
        return CompletableFuture.runAsync(() -> passwordGrant(keeper, user, password))
                .thenComposeAsync(ok -> connect(keeper), session.worker)
                .thenComposeAsync(ok -> {
                    session.mapper.sessionRestarted();
                    return session.iniciar();
                }, session.worker)
                .handleAsync((ok, err) -> {
                    if (err == null) return null;
                    Throwable c = session.readable(err);
                    String code = c instanceof LoginException le ? le.code : null;
                    session.emit(sessionError(c, code));
                    session.teardown(true);
                    keeper.close();
                    throw new CompletionException(c);
                }, session.worker);
    }

    private static void passwordGrant(TokenKeeper keeper, String user, String password) {
        try {
            keeper.login(user, password);
        } catch (OAuthClient.RefusedException e) {
            throw new CompletionException(new LoginException(EpbxKnownErrors.passwordRefused(e), e.error()));
        } catch (EpbxFailure e) {
            throw new CompletionException(new LoginException(e, null));
        } catch (IOException e) {
            throw new CompletionException(new LoginException(EpbxFailure.keyed("epbx.loginFailed",
                    EpbxHubSession.reason(e)), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(new LoginException(EpbxFailure.keyed("epbx.loginInterrupted"), null));
        }
    }

    /** A fresh transport for this login, its callbacks handed to the worker, connected with the keeper's token. */
    private CompletableFuture<Void> connect(TokenKeeper keeper) {
        session.tokens(keeper);
        HubTransport t = transports.get();
        session.transport(t);
        recovery.follow(t);
        t.onAuthRejected(() -> {
            // The bar says what it waits for: not the network, a new session token.
            session.onWorker(() -> session.emit(Event.Notice.keyed(session.vendor(), null, NoticeLevel.WARNING,
                    "epbx.tokenRenewing")));
            return keeper.renewNow();
        });
        return t.connect(session.config.effectiveHub(), keeper::token);
    }

    /** TipoLogon: 1 PA id, 2 IP, 3 virtual extension; the type the agent named, else guessed from the device. */
    static int logonType(String type, String device) {
        if (type != null) {
            switch (type.trim().toLowerCase(Locale.ROOT)) {
                case "idpa": case "pa": case "1": return 1;
                case "ip": case "2": return 2;
                case "ramalvirtual": case "ramal": case "virtual": case "3": return 3;
                default: break;
            }
        }
        // The vendor's sample: short values are virtual extensions, dotted ones IPs, the rest PA ids.
        if (device.contains(".")) return 2;
        return device.length() <= 4 ? 3 : 1;
    }

    CompletableFuture<Void> logout() {
        HubTransport t = session.transport();
        if (t == null) {
            signedOut();
            return CompletableFuture.completedFuture(null);
        }
        return t.invoke("Terminar").thenApplyAsync(r -> {
            signedOut();
            return null;
        }, session.worker);
    }

    private void signedOut() {
        session.teardown(true);
        session.emit(new Event.CredentialsRequired(session.vendor(), null));
    }

    /** The token keeper gave up (a refused refresh): the agent must log in again. */
    private void sessionExpired(EpbxFailure reason) {
        if (!session.loggedIn()) return;
        session.teardown(true);
        session.emit(reason.toSessionError(session.vendor(), "session_expired"));
        session.emit(new Event.CredentialsRequired(session.vendor(), null));
    }

    /**
     * A session error for a failed login: our own sentence keyed (so the agent reads it in the bar's
     * language), the middleware's or OAuth server's text as it wrote it.
     */
    private Event.SessionError sessionError(Throwable c, String code) {
        String vendor = session.vendor();
        Throwable k = c instanceof LoginException le ? le.failure : c;
        if (k instanceof EpbxFailure f) return f.toSessionError(vendor, code);
        if (k instanceof Refusal r) return new Event.SessionError(vendor, null, r.getMessage(), code, r.key(), r.args());
        return new Event.SessionError(vendor, null, c.getMessage(), code);
    }

    /** A login that failed before the hub: OAuth refused or unreachable. */
    static final class LoginException extends IOException {
        final String code;
        final EpbxFailure failure;

        LoginException(EpbxFailure failure, String code) {
            super(failure.getMessage());
            this.failure = failure;
            this.code = code;
        }
    }
}
