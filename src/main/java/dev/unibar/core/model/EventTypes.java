package dev.unibar.core.model;

/** The {@link Event.Type} of each event record, read by reflection once per class. */
final class EventTypes {

    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> c) {
            Event.Type t = c.getAnnotation(Event.Type.class);
            if (t == null) throw new IllegalStateException(c.getName() + " names no CONTRACT type (@Event.Type)");
            return t.value();
        }
    };

    private EventTypes() {
    }

    static String of(Class<?> eventClass) {
        return TYPES.get(eventClass);
    }
}
