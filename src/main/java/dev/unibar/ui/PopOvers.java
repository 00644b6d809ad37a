package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.scene.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The bar's pop-overs, each made the first time it opens (decision 0025): transfer, the dial pad, account code,
 * conference, queues and pick-up. Each opens only when its command is allowed now, below what opened it.
 */
final class PopOvers {

    private final BarViewModel vm;
    private final Lazy<TransferPopOver> transfer;
    private final Lazy<DialPadPopOver> dialPad;
    private final Lazy<AccountCodePopOver> accountCode;
    private final Lazy<ConferencePopOver> conference;
    private final Lazy<QueuePopOver> queues;
    private final Lazy<PickupPopOver> pickup;
    private final Lazy<CallDataPopOver> callData;
    private List<String> accountCodes = List.of();

    PopOvers(BarViewModel vm, Messages msg, boolean distinguishesInternal) {
        this.vm = vm;
        transfer = new Lazy<>(() -> new TransferPopOver(vm, msg, distinguishesInternal,
                Favourites.forUser(vm.vendorProperty().get())));
        dialPad = new Lazy<>(() -> new DialPadPopOver(vm, msg, distinguishesInternal));
        accountCode = new Lazy<>(() -> {
            AccountCodePopOver p = new AccountCodePopOver(vm, msg);
            p.setCodes(accountCodes);
            return p;
        });
        conference = new Lazy<>(() -> new ConferencePopOver(vm, msg, distinguishesInternal));
        queues = new Lazy<>(() -> new QueuePopOver(vm, msg));
        pickup = new Lazy<>(() -> new PickupPopOver(vm, msg));
        callData = new Lazy<>(() -> new CallDataPopOver(vm, msg));
    }

    private boolean can(CommandKind... any) {
        for (CommandKind k : any) if (vm.isEnabled(k)) return true;
        return false;
    }

    void transfer(Node anchor) {
        if (can(CommandKind.BLIND_TRANSFER, CommandKind.CONSULT)) transfer.get().open(anchor);
    }

    /** Dialling with no call up, tones during one: the same pad. */
    void dialPad(Node anchor) {
        if (can(CommandKind.DIAL, CommandKind.SEND_DTMF)) dialPad.get().open(anchor);
    }

    void accountCode(Node anchor) {
        if (can(CommandKind.SET_ACCOUNT_CODE)) accountCode.get().open(anchor);
    }

    void conference(Node anchor) {
        if (can(CommandKind.CONFERENCE, CommandKind.LEAVE_CONFERENCE, CommandKind.CANCEL_CONFERENCE,
                CommandKind.REMOVE_PARTICIPANT)) {
            conference.get().open(anchor);
        }
    }

    void queues(Node anchor) {
        if (can(CommandKind.SUSPEND_QUEUE, CommandKind.RESUME_QUEUE)) queues.get().open(anchor);
    }

    void pickup(Node anchor) {
        if (can(CommandKind.PICKUP)) pickup.get().open(anchor);
    }

    void callData(Node anchor) {
        if (can(CommandKind.SET_CALL_DATA)) callData.get().open(anchor);
    }

    /** The wrap-up (account) codes the agent picks from; a typed code is always accepted as well. */
    void setAccountCodes(List<String> codes) {
        accountCodes = codes == null ? List.of() : codes;
        if (accountCode.made()) accountCode.get().setCodes(accountCodes);
    }

    AccountCodePopOver accountCodePopOver() {
        return accountCode.get();
    }

    private List<Lazy<? extends BarPopOver>> all() {
        return List.of(transfer, dialPad, accountCode, conference, queues, pickup, callData);
    }

    /** Every pop-over's content, making those not made yet (for the test that no text is hard-coded). */
    List<Node> contents() {
        List<Node> out = new ArrayList<>();
        for (Lazy<? extends BarPopOver> p : all()) out.add(p.get().getContentNode());
        return out;
    }

    int made() {
        return (int) all().stream().filter(Lazy::made).count();
    }
}
