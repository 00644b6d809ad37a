package dev.unibar.core.command;

import dev.unibar.core.state.SessionPhase;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which commands a vendor offers, and in which session phases its API accepts each one. A command
 * that is absent here has no control in the bar for that vendor.
 */
public final class Capabilities {

    private final Map<CommandKind, Set<SessionPhase>> phases;
    private final Set<CommandKind> notWhilePaused;
    private final Set<CommandKind> targetRequired;
    private final Set<CommandKind> notInConference;

    private Capabilities(Map<CommandKind, Set<SessionPhase>> phases, Set<CommandKind> notWhilePaused,
                         Set<CommandKind> targetRequired, Set<CommandKind> notInConference) {
        this.phases = phases;
        this.notWhilePaused = notWhilePaused;
        this.targetRequired = targetRequired;
        this.notInConference = notInConference;
    }

    /**
     * True when the vendor needs a number with this command where others may go without one: EPBX only
     * conferences by calling a number in, and answers "no participant added" to a conference without one.
     */
    public boolean requiresTarget(CommandKind kind) {
        return targetRequired.contains(kind);
    }

    /** True when the vendor refuses this command while the agent is paused (EPBX refuses to dial). */
    public boolean refusedWhilePaused(CommandKind kind) {
        return notWhilePaused.contains(kind);
    }

    /** True when the vendor refuses this command on a call in a conference (MAX: no hold for a joined contact). */
    public boolean refusedInConference(CommandKind kind) {
        return notInConference.contains(kind);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean supports(CommandKind kind) {
        return phases.containsKey(kind);
    }

    public boolean allowedIn(CommandKind kind, SessionPhase phase) {
        Set<SessionPhase> p = phases.get(kind);
        return p != null && p.contains(phase);
    }

    public Set<CommandKind> supported() {
        return phases.isEmpty() ? EnumSet.noneOf(CommandKind.class) : EnumSet.copyOf(phases.keySet());
    }

    public static final class Builder {
        private final Map<CommandKind, Set<SessionPhase>> phases = new EnumMap<>(CommandKind.class);
        private final Set<CommandKind> notWhilePaused = EnumSet.noneOf(CommandKind.class);
        private final Set<CommandKind> targetRequired = EnumSet.noneOf(CommandKind.class);
        private final Set<CommandKind> notInConference = EnumSet.noneOf(CommandKind.class);

        public Builder requiresTarget(CommandKind first, CommandKind... rest) {
            targetRequired.addAll(EnumSet.of(first, rest));
            return this;
        }

        public Builder notWhilePaused(CommandKind first, CommandKind... rest) {
            notWhilePaused.addAll(EnumSet.of(first, rest));
            return this;
        }

        public Builder notInConference(CommandKind first, CommandKind... rest) {
            notInConference.addAll(EnumSet.of(first, rest));
            return this;
        }

        public Builder allow(CommandKind kind, SessionPhase first, SessionPhase... rest) {
            phases.put(kind, EnumSet.of(first, rest));
            return this;
        }

        public Builder allow(Set<CommandKind> kinds, SessionPhase first, SessionPhase... rest) {
            for (CommandKind k : kinds) allow(k, first, rest);
            return this;
        }

        public Capabilities build() {
            return new Capabilities(Map.copyOf(phases), Set.copyOf(notWhilePaused), Set.copyOf(targetRequired),
                    Set.copyOf(notInConference));
        }
    }
}
