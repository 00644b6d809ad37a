package dev.unibar.ui;

import dev.unibar.crm.Dispositions;
import dev.unibar.journal.Outbox;
import dev.unibar.localapi.Pairings;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the bar shows of its link to the CRM (issue 23): the wrap-up disposition, the local API's pairings, and
 * how call records are getting to the webhooks. The composition root implements it; the bar mounts
 * {@link CrmPanels} on it.
 */
public interface CrmView {

    /** Empty when the journal is off (a disposition is kept in the journal). */
    Optional<Dispositions> dispositions();

    /** Empty when the local API is off. */
    Optional<Pairings> pairings();

    /** Told, on any thread, how each webhook's line stands after every try; at once with the current state. */
    void onDelivery(Consumer<List<Outbox.Status>> listener);

    /** Puts every dead-lettered record back in line; returns how many. */
    int resendDead();
}
