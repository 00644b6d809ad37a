package dev.unibar.core.model;

public enum NoticeLevel {
    INFO, WARNING, ERROR;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
