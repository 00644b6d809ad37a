package dev.unibar.core.model;

public record Agent(String id, String name, String login, String extension, String email) {
}
