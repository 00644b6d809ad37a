package dev.unibar.core.command;

import java.util.Locale;

/**
 * Each command record's {@link CommandKind}, named after the record ({@code SetCallData} is
 * {@code SET_CALL_DATA}); worked out once per class. {@code CommandKindsTest} checks that every record
 * has its kind and every kind its record.
 */
final class CommandKinds {

    private static final ClassValue<CommandKind> KINDS = new ClassValue<>() {
        @Override
        protected CommandKind computeValue(Class<?> c) {
            String name = c.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            try {
                return CommandKind.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(c.getName() + " has no CommandKind " + name, e);
            }
        }
    };

    private CommandKinds() {
    }

    static CommandKind of(Class<?> commandClass) {
        return KINDS.get(commandClass);
    }
}
