package dev.unibar.connectors.epbx.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code signalr/hubs} script ASP.NET SignalR 2 generates for the hub: it registers client
 * callbacks on start, creates the {@code atendimentoHub} proxy with one camelCase stub per server
 * method (invoking the C# name), and sets {@code $.connection.hub} to the app-relative SignalR path.
 * Laid out like the generator's output so a page written for the real middleware runs unchanged.
 */
final class HubProxyScript {

    /** Server methods and their C# parameter names, in the order the generator would list them. */
    private static final Map<String, List<String>> SERVER = new LinkedHashMap<>();
    static {
        // IAtendimentoClient.cs (talktelecom/atendimentosignalr) plus Iniciar/Terminar of SignalrAtendimentoClient.cs.
        SERVER.put("AlterarIntervaloTipo", List.of("tipoIntervalo"));
        SERVER.put("AtendeChamadaNaFila", List.of("canalId"));
        SERVER.put("CancelaSigaMe", List.of());
        SERVER.put("CapturaDirigida", List.of());
        SERVER.put("ConferenciaAdicionar", List.of("numero", "tipoDiscagem"));
        SERVER.put("ConferenciaCancelar", List.of());
        SERVER.put("ConferenciaIniciar", List.of());
        SERVER.put("ConferenciaRemover", List.of("numero"));
        SERVER.put("ConferenciaSair", List.of());
        SERVER.put("ConferenciaTerminar", List.of());
        SERVER.put("Consultar", List.of("numero", "tipoDiscagem"));
        SERVER.put("Desligar", List.of());
        SERVER.put("DesligarChamada", List.of("canalId"));
        SERVER.put("Discar", List.of("numero", "tipoDiscagem"));
        SERVER.put("Iniciar", List.of("idPaOrIpOrRamal", "tipoLogon"));
        SERVER.put("IniciarEspera", List.of());
        SERVER.put("LiberarConsulta", List.of());
        SERVER.put("SigaMe", List.of("numero", "tipoDiscagem"));
        SERVER.put("SigaMeMultiplo", List.of("numeros"));
        SERVER.put("Terminar", List.of());
        SERVER.put("TerminarEspera", List.of());
        SERVER.put("TransfereVoiceMail", List.of());
        SERVER.put("Transferir", List.of("numero", "tipoDiscagem"));
    }

    private HubProxyScript() {
    }

    static String script(String signalrPath) {
        StringBuilder s = new StringBuilder();
        s.append("""
                /*!
                 * ASP.NET SignalR JavaScript Library 2.4.3
                 * http://signalr.net/
                 *
                 * Copyright (c) .NET Foundation. All rights reserved.
                 * Licensed under the Apache License, Version 2.0. See License.txt in the project root for license information.
                 *
                 */

                /// <reference path="..\\..\\SignalR.Client.JS\\Scripts\\jquery-1.6.4.js" />
                /// <reference path="jquery.signalR.js" />
                (function ($, window, undefined) {
                    /// <param name="$" type="jQuery" />
                    "use strict";

                    if (typeof ($.signalR) !== "function") {
                        throw new Error("SignalR: SignalR is not loaded. Please ensure jquery.signalR-x.js is referenced before ~/signalr/js.");
                    }

                    var signalR = $.signalR;

                    function makeProxyCallback(hub, callback) {
                        return function () {
                            // Call the client hub method
                            callback.apply(hub, $.makeArray(arguments));
                        };
                    }

                    function registerHubProxies(instance, shouldSubscribe) {
                        var key, hub, memberKey, memberValue, subscriptionMethod;

                        for (key in instance) {
                            if (instance.hasOwnProperty(key)) {
                                hub = instance[key];

                                if (!(hub.hubName)) {
                                    // Not a client hub
                                    continue;
                                }

                                if (shouldSubscribe) {
                                    // We want to subscribe to the hub events
                                    subscriptionMethod = hub.on;
                                } else {
                                    // We want to unsubscribe from the hub events
                                    subscriptionMethod = hub.off;
                                }

                                // Loop through all members on the hub and find client hub functions to subscribe/unsubscribe
                                for (memberKey in hub.client) {
                                    if (hub.client.hasOwnProperty(memberKey)) {
                                        memberValue = hub.client[memberKey];

                                        if (!$.isFunction(memberValue)) {
                                            // Not a client hub function
                                            continue;
                                        }

                                        // Use the actual user-provided callback as the "identity" value for the registration.
                                        subscriptionMethod.call(hub, memberKey, makeProxyCallback(hub, memberValue), memberValue);
                                    }
                                }
                            }
                        }
                    }

                    $.hubConnection.prototype.createHubProxies = function () {
                        var proxies = {};
                        this.starting(function () {
                            // Register the hub proxies as subscribed
                            // (instance, shouldSubscribe)
                            registerHubProxies(proxies, true);

                            this._registerSubscribedHubs();
                        }).disconnected(function () {
                            // Unsubscribe all hub proxies when we "disconnect".  This is to ensure that we do not re-add functional call backs.
                            // (instance, shouldSubscribe)
                            registerHubProxies(proxies, false);
                        });

                        proxies['atendimentoHub'] = this.createHubProxy('atendimentoHub');\s
                        proxies['atendimentoHub'].client = { };
                        proxies['atendimentoHub'].server = {
                """);
        int n = 0;
        for (Map.Entry<String, List<String>> e : SERVER.entrySet()) {
            String name = e.getKey();
            String camel = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            s.append("            ").append(camel).append(": function (").append(String.join(", ", e.getValue()))
                    .append(") {\n");
            s.append("                return proxies['atendimentoHub'].invoke.apply(proxies['atendimentoHub'], $.merge([\"")
                    .append(name).append("\"], $.makeArray(arguments)));\n");
            s.append("             }").append(++n < SERVER.size() ? "," : "").append("\n\n");
        }
        s.append("""
                        };

                        // The vendor's adapter reads these enums from the proxy (epbxManagerConnection.js:
                        // atendimentoHubProxy.TipoLogon, atendimentoHubProxy.TipoDiscagem.LigacaoExterna).
                        proxies['atendimentoHub'].TipoLogon = { IdPa: 1, Ip: 2, RamalVirtual: 3 };
                        proxies['atendimentoHub'].TipoDiscagem = { LigacaoExterna: 1, LigacaoRamal: 2 };
                        proxies['atendimentoHub'].StatusDiscagemExterno = { Desconhecido: -2, NaoAtende: -1,
                            Ocupado: 0, Congestionamento: 1, Servico: 2, RamalDesligou: 3 };

                        return proxies;
                    };

                    signalR.hub = $.hubConnection("%s", { useDefaultPath: false });
                    $.extend(signalR, signalR.hub.createHubProxies());

                }(window.jQuery, window));
                """.formatted(signalrPath));
        return s.toString();
    }
}
